/**
 * Signed change notices from the CMS to the publisher (ADR 15). The CMS posts a JSON body
 * `{ id, event, at, uid?, documentId?, locale? }` with the header
 * `x-govcluster-signature: t=<unix ms>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The secret is
 * generated on first run and stored in `cms/.data/publisher-secret` (or given as PUBLISHER_SECRET); the
 * signing itself is `@govcluster/shared/publishing`'s, which the CMS uses too.
 * @module
 */
import path from 'node:path';
import {
  type ChangeNotice,
  checkSignature,
  publisherSecret,
  toleranceMs,
} from '@govcluster/shared/publishing';
import { cmsDir } from '../cms-paths.ts';

/** The file both sides read the secret from (PUBLISHER_SECRET and PUBLISHER_SECRET_FILE come first). */
export const secretFile = path.join(cmsDir, '.data', 'publisher-secret');

/** The secret shared with the CMS, generated on first run. */
export function loadSecret(env: NodeJS.ProcessEnv = process.env): string {
  return publisherSecret(secretFile, env);
}

/** What checking a notice gave: the notice, or the HTTP status and why. */
export type Verdict =
  | { ok: true; notice: ChangeNotice }
  | { ok: false; status: 400 | 401 | 409; reason: string };

/** Remembers notice ids for the tolerance window, to refuse replays. */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** True when `id` was not seen before (and remembers it). */
  firstTime(id: string, now: number): boolean {
    for (const [key, at] of this.seen) {
      if (now - at <= 2 * toleranceMs) break;
      this.seen.delete(key);
    }
    if (this.seen.has(id)) return false;
    this.seen.set(id, now);
    return true;
  }
}

function isNotice(value: unknown): value is ChangeNotice {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const optional = (key: string) => v[key] === undefined || typeof v[key] === 'string';
  return (
    typeof v.id === 'string' &&
    v.id.length > 0 &&
    v.id.length <= 200 &&
    typeof v.event === 'string' &&
    typeof v.at === 'string' &&
    optional('uid') &&
    optional('documentId') &&
    optional('locale')
  );
}

/**
 * Checks a notice: the signature (constant-time compare), the time (within {@link toleranceMs}), the
 * id (never seen before) and the body's shape.
 */
export function verify(
  secret: string,
  rawBody: string,
  header: string | undefined,
  guard: ReplayGuard,
  now = Date.now(),
): Verdict {
  const refused = checkSignature(secret, rawBody, header, now);
  if (refused) return { ok: false, status: 401, reason: refused };
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { ok: false, status: 400, reason: 'body is not JSON' };
  }
  if (!isNotice(body)) {
    return { ok: false, status: 400, reason: 'body is not a change notice ({id, event, at} strings)' };
  }
  if (!guard.firstTime(body.id, now)) {
    return { ok: false, status: 409, reason: `notice ${body.id} was already received (replay)` };
  }
  return { ok: true, notice: body };
}
