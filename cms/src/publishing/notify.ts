/**
 * Tells the publisher (scripts/src/publisher, ADR 15) that something the public sees changed: after
 * every publish, unpublish, discarded draft or delete of content, and every write to the site registry
 * (sites, columns), once the database transaction it belongs to has committed. The notice is signed
 * with HMAC-SHA256 (secret generated on first run, `cms/.data/publisher-secret`). A notice that does not
 * arrive costs only speed: the publisher's catch-up by sync token finds the change anyway.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type ChangeNotice, publisherSecret, sign, signatureHeader } from '@govcluster/shared/publishing';
import type { Core } from '@strapi/strapi';

/** Actions that change what is published, for every content type. */
const publicActions = new Set(['publish', 'unpublish', 'discardDraft', 'delete']);

/** Types without draft and publish whose every write changes the public sites. */
const registryTypes = new Set(['api::site.site', 'api::column.column']);

/** The file of the secret shared with the publisher (PUBLISHER_SECRET and PUBLISHER_SECRET_FILE come first). */
export function secretFile(strapi: Core.Strapi): string {
  return join(strapi.dirs.app.root, '.data', 'publisher-secret');
}

type Notice = Omit<ChangeNotice, 'id' | 'at'>;
/** Whether a document-service call changes what the public sites show. */
export function isPublicChange(uid: string, action: string, params: Record<string, unknown>): boolean {
  if (!uid.startsWith('api::') || uid === 'api::site-membership.site-membership') return false;
  if (publicActions.has(action)) return true;
  if (registryTypes.has(uid)) return action === 'create' || action === 'update';
  // REST create/update without ?status=draft publishes at once (the review gate refuses it for
  // reviewed types; should it ever pass, the publisher hears of it).
  return (action === 'create' || action === 'update') && params.status === 'published';
}

/**
 * The publishers' addresses: `PUBLISHER_URL`, one URL or several separated by commas (publishers
 * sharing a queue, ADR 24: any one of them takes a notice for the group), default
 * http://127.0.0.1:4330; `off`: none.
 */
export function publisherUrls(env: NodeJS.ProcessEnv = process.env): string[] {
  const value = env.PUBLISHER_URL ?? `http://127.0.0.1:${env.PUBLISHER_PORT ?? 4330}`;
  if (value.trim() === 'off') return [];
  return value
    .split(',')
    .map((url) => url.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/** Registers the document-service middleware that notifies the publisher (see {@link publisherUrls}). */
export function notifyPublisher(strapi: Core.Strapi): void {
  const urls = publisherUrls().map((base) => `${base}/webhook`);
  if (urls.length === 0) return;
  let secret: string | undefined;
  let failing = false;

  async function send(notice: Notice): Promise<void> {
    secret ??= publisherSecret(secretFile(strapi));
    const body = JSON.stringify({ id: randomUUID(), at: new Date().toISOString(), ...notice });
    const problems: string[] = [];
    // The first publisher that takes the notice is enough; the next is tried when one does not answer.
    for (const url of urls) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [signatureHeader]: sign(secret, body) },
          body,
          signal: AbortSignal.timeout(5_000),
        });
        if (!response.ok) throw new Error(`it answered ${response.status}: ${await response.text()}`);
        if (failing) strapi.log.info(`[publishing] the publisher at ${url} takes notices again`);
        failing = false;
        return;
      } catch (error) {
        problems.push(`${url}: ${(error as Error).message}`);
      }
    }
    if (!failing) {
      strapi.log.warn(
        `[publishing] could not notify the publisher (${problems.join('; ')}); it will catch up by sync token`,
      );
    }
    failing = true;
  }

  strapi.documents.use(async (context, next) => {
    const result = await next();
    const { uid, action } = context as unknown as { uid: string; action: string };
    const params = (context.params ?? {}) as Record<string, unknown>;
    if (!isPublicChange(uid, action, params)) return result;
    const notice: Notice = {
      event: registryTypes.has(uid) ? `registry-${action}` : action,
      uid,
      ...(typeof params.documentId === 'string' ? { documentId: params.documentId } : {}),
      ...(typeof params.locale === 'string' ? { locale: params.locale } : {}),
    };
    // Sent once the surrounding transaction (a review action's) has committed, so that the publisher
    // reads the change; outside a transaction the callback runs at once.
    await strapi.db.transaction(async ({ onCommit }) => {
      onCommit(() => {
        void send(notice);
      });
    });
    return result;
  });
}
