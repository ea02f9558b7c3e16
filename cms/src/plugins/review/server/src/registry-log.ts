/**
 * Changes to what is not content but decides what the public sees or who may act: the site registry
 * (sites and their columns), site memberships (who works for which site, in which review role) and the
 * sensitive-word list. They are not reviewed in three levels (ADR 13): only site administrators (and
 * the web office, for sensitive words) may change them, every change is recorded in the append-only log
 * with who, when and what, and the public sites change only through the publisher's next release.
 */
import type { Core } from '@strapi/strapi';
import { changedBy, requestUserId, resolveActor } from './actors';
import type { ReviewService } from './services/review';
import { trustedContext } from './trust';

/** The types whose every change is logged. */
export const registryUids: ReadonlySet<string> = new Set([
  'api::site.site',
  'api::column.column',
  'api::site-membership.site-membership',
  'plugin::review.sensitive-word',
]);

/** Longest stretch of written data kept in a log entry. */
const maxDataLength = 4000;

interface RegistryCall {
  uid: string;
  action: string;
  params: { documentId?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

/** Runs a write of a registry type and logs it with the person (or the import) behind it. */
export async function logRegistryChange(
  strapi: Core.Strapi,
  review: ReviewService,
  call: RegistryCall,
  run: () => Promise<unknown>,
): Promise<unknown> {
  const result = (await run()) as { documentId?: string; key?: string; name?: unknown; slug?: string } | null;
  const documentId = call.params.documentId ?? result?.documentId ?? '-';
  const userId = requestUserId(strapi);
  const actor = userId === null ? null : await resolveActor(strapi, { id: userId });
  const trusted = trustedContext();
  const data = call.params.data ? JSON.stringify(call.params.data) : null;
  await review.log({
    action: `registry-${call.action}`,
    fromStage: null,
    toStage: null,
    comment: null,
    ...changedBy(actor),
    targetUid: call.uid,
    targetDocumentId: documentId,
    targetLocale: '*',
    site: typeof result?.key === 'string' && call.uid === 'api::site.site' ? result.key : null,
    title:
      typeof result?.slug === 'string' ? result.slug : typeof result?.key === 'string' ? result.key : null,
    details: {
      fields: Object.keys(call.params.data ?? {}),
      data: data && data.length > maxDataLength ? `${data.slice(0, maxDataLength)}…` : data,
      ...(trusted ? { via: trusted.reason } : {}),
    },
  });
  return result;
}
