/**
 * Signed change notices from the CMS to the publisher (ADR 15). The CMS posts a JSON body
 * `{ id, event, at, uid?, documentId?, locale? }` with the header
 * `x-govcluster-signature: t=<unix ms>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The secret is
 * generated on first run and stored in `cms/.data/publisher-secret` (or given as PUBLISHER_SECRET).
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cmsDir } from '../cms-paths.ts';

/** The header that carries the signature. */
export const signatureHeader = 'x-govcluster-signature';

/** How far a notice's time may be from the publisher's clock. */
export const toleranceMs = 5 * 60_000;

/** The file both sides read the secret from. */
export const secretFile = path.join(cmsDir, '.data', 'publisher-secret');

/** The shared secret: PUBLISHER_SECRET, else the file, created (mode 600) when missing. */
export function loadSecret(env: NodeJS.ProcessEnv = process.env, file = secretFile): string {
  if (env.PUBLISHER_SECRET) return env.PUBLISHER_SECRET;
  if (env.PUBLISHER_SECRET_FILE) file = env.PUBLISHER_SECRET_FILE;
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process wrote it first: read theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return readFileSync(file, 'utf8').trim();
  }
}

/** A change notice. */
export interface ChangeNotice {
  /** Unique per notice: a replayed id is refused. */
  id: string;
  /** What happened, e.g. `publish`, `unpublish`, `delete`, `registry-update`. */
  event: string;
  /** ISO time the CMS saw the change. */
  at: string;
  uid?: string;
  documentId?: string;
  locale?: string;
}

/** The signature header's value for `body` at time `t`. */
export function sign(secret: string, body: string, t = Date.now()): string {
  const mac = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${mac}`;
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
 * Checks a signature alone: made with the secret over `rawBody` (constant-time compare), at a time
 * within {@link toleranceMs}. Null when it holds, else why not.
 */
export function checkSignature(
  secret: string,
  rawBody: string,
  header: string | undefined,
  now = Date.now(),
): string | null {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!header || !Number.isFinite(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) {
    return `missing or malformed ${signatureHeader} header`;
  }
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1 as string, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return 'signature does not match';
  }
  if (Math.abs(now - t) > toleranceMs) return `timestamp ${new Date(t).toISOString()} is too far from now`;
  return null;
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
