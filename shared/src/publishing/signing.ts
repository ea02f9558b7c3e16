/**
 * Signed requests from the CMS to the publisher (ADR 15): the header
 * `x-govcluster-signature: t=<unix ms>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, with a secret that
 * is generated on first run (never in the repository) or given as PUBLISHER_SECRET.
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The header that carries the signature. */
export const signatureHeader = 'x-govcluster-signature';

/** How far a request's time may be from the publisher's clock. */
export const toleranceMs = 5 * 60_000;

/**
 * A secret kept in `file`: read, or generated (32 random bytes in hex, mode 600) when the file is
 * missing. Processes that start together read the one that was written first.
 */
export function readOrCreateSecret(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return readFileSync(file, 'utf8').trim();
  }
}

/**
 * The secret the CMS and the publisher share: PUBLISHER_SECRET, else the file PUBLISHER_SECRET_FILE,
 * else `file` (both sides pass `cms/.data/publisher-secret`), generated when missing.
 */
export function publisherSecret(file: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.PUBLISHER_SECRET ?? readOrCreateSecret(env.PUBLISHER_SECRET_FILE ?? file);
}

/** The signature header's value for `body` at time `t`. */
export function sign(secret: string, body: string, t = Date.now()): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * Checks a signature: made with the secret over `rawBody` (constant-time compare), at a time within
 * {@link toleranceMs}. Null when it holds, else why not.
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
