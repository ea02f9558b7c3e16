/**
 * The mailbox's cryptography (docs/adr/0023-mailbox.md): contact data sealed with AES-256-GCM, query
 * passwords as keyed hashes (HMAC-SHA256), challenges and fingerprints keyed with HMAC-SHA256. The two keys are
 * generated on first run into `cms/.data/` (mode 600) like the publisher's secret, or given as
 * `MAILBOX_KEY` (64 hex digits) and `MAILBOX_SECRET`.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { join } from 'node:path';
import { challengeInput, leadingZeroBits } from '@govcluster/shared/mailbox';
import { readOrCreateSecret } from '@govcluster/shared/publishing';

/** The mailbox's keys. */
export interface MailboxKeys {
  /** 32 bytes for AES-256-GCM. */
  seal: Buffer;
  /** The HMAC key of challenges and fingerprints. */
  sign: string;
}

/** Reads (or generates) the keys: `MAILBOX_KEY` / `MAILBOX_SECRET`, else `.data/mailbox-key` / `.data/mailbox-secret`. */
export function loadMailboxKeys(appRoot: string): MailboxKeys {
  const read = (envName: string, file: string) =>
    process.env[envName] ?? readOrCreateSecret(join(appRoot, '.data', file));
  const seal = Buffer.from(read('MAILBOX_KEY', 'mailbox-key'), 'hex');
  if (seal.length !== 32) throw new Error('MAILBOX_KEY must be 64 hexadecimal digits (32 bytes)');
  const sign = read('MAILBOX_SECRET', 'mailbox-secret');
  if (sign.length < 32) throw new Error('MAILBOX_SECRET must be at least 32 characters');
  return { seal, sign };
}

const sealVersion = 'v1';

/** Seals a JSON value: `v1.<base64url(iv ‖ tag ‖ ciphertext)>`, the letter's id bound in as associated data. */
export function seal(key: Buffer, value: unknown, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${sealVersion}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Opens a sealed value; throws when the key, the binding or the text is wrong. */
export function open<T>(key: Buffer, sealed: string, boundTo: string): T {
  const [version, data] = sealed.split('.');
  if (version !== sealVersion || !data) throw new Error('not a sealed value');
  const bytes = Buffer.from(data, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(
    Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'),
  ) as T;
}

/**
 * A query password is drawn by the mailbox (12 characters, about 59 bits), never chosen by a person, so
 * it needs no key stretching: it is stored as an HMAC-SHA256 under a key of its own, derived from the
 * mailbox secret, which is not in the database (ADR 23). Hashes written with scrypt before stay valid.
 */
const passwordPurpose = 'query-password';

function passwordMac(key: string, salt: Buffer, password: string): Buffer {
  const subkey = createHmac('sha256', key).update(passwordPurpose).digest();
  return createHmac('sha256', subkey).update(salt).update(password.normalize('NFKC')).digest();
}

/** The stored form of a query password: `hmac-sha256$<salt>$<mac>`. */
export function hashPassword(key: string, password: string): string {
  const salt = randomBytes(16);
  return `hmac-sha256$${salt.toString('base64url')}$${passwordMac(key, salt, password).toString('base64url')}`;
}

/** scrypt as the mailbox's first version stored it: `scrypt$N$r$p$<salt>$<hash>`. */
function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, 32, { N, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Whether a password matches its stored hash, in constant time; with `stored` null, says no. */
export async function verifyPassword(key: string, password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? hashPassword(key, randomBytes(12).toString('hex'))).split('$');
  let expected: Buffer;
  let actual: Buffer;
  if (parts[0] === 'hmac-sha256' && parts.length === 3) {
    expected = Buffer.from(parts[2] as string, 'base64url');
    actual = passwordMac(key, Buffer.from(parts[1] as string, 'base64url'), password);
  } else if (parts[0] === 'scrypt' && parts.length === 6) {
    const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
    if (!(N <= 2 ** 16 && r <= 16 && p <= 4)) return false;
    expected = Buffer.from(parts[5] as string, 'base64url');
    actual = await scryptAsync(password, Buffer.from(parts[4] as string, 'base64url'), N, r, p);
  } else return false;
  return stored !== null && actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** An HMAC of text parts (fingerprints of contacts and letters, never reversible without the key). */
export function keyedHash(key: string, ...parts: string[]): string {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(createHash('sha256').update(part).digest());
  return mac.digest('base64url');
}

/** A challenge's payload. */
interface ChallengePayload {
  /** Random id, single use. */
  n: string;
  /** Expiry (ms since the epoch). */
  e: number;
  /** Leading zero bits asked for. */
  b: number;
}

/** Issues a challenge: `<base64(payload)>.<HMAC>`. */
export function issueChallenge(
  key: string,
  bits: number,
  ttlMs: number,
  now = Date.now(),
): { token: string; id: string; expires: number } {
  const payload: ChallengePayload = { n: randomBytes(12).toString('base64url'), e: now + ttlMs, b: bits };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64');
  const mac = createHmac('sha256', key).update(body).digest('base64url');
  return { token: `${body}.${mac}`, id: payload.n, expires: payload.e };
}

/** What a check of a challenge found. */
export type ChallengeCheck =
  | { ok: true; id: string; expires: number }
  | { ok: false; reason: 'forged' | 'expired' | 'unsolved' };

/** Checks a challenge's signature, expiry and solution (single use is the caller's part). */
export function checkChallenge(
  key: string,
  token: string,
  solution: string,
  now = Date.now(),
): ChallengeCheck {
  const [body, mac] = token.split('.');
  if (!body || !mac || token.length > 400) return { ok: false, reason: 'forged' };
  const expected = createHmac('sha256', key).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'forged' };
  let payload: ChallengePayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64').toString('utf8')) as ChallengePayload;
  } catch {
    return { ok: false, reason: 'forged' };
  }
  if (typeof payload.e !== 'number' || payload.e < now) return { ok: false, reason: 'expired' };
  if (!/^\d{1,12}$/.test(solution)) return { ok: false, reason: 'unsolved' };
  const digest = createHash('sha256').update(challengeInput(token, solution)).digest();
  if (!leadingZeroBits(digest, payload.b)) return { ok: false, reason: 'unsolved' };
  return { ok: true, id: payload.n, expires: payload.e };
}
