import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './crypto';

const key = randomBytes(32).toString('hex');

describe('query passwords', () => {
  it('are stored as a salted keyed hash, never as themselves', () => {
    const stored = hashPassword(key, 'abcd-efgh-jkmn');
    expect(stored).toMatch(/^hmac-sha256\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain('abcd');
    expect(hashPassword(key, 'abcd-efgh-jkmn')).not.toBe(stored);
  });

  it('match only the right password under the right key', async () => {
    const stored = hashPassword(key, 'abcd-efgh-jkmn');
    expect(await verifyPassword(key, 'abcd-efgh-jkmn', stored)).toBe(true);
    expect(await verifyPassword(key, 'abcd-efgh-jkmp', stored)).toBe(false);
    expect(await verifyPassword(randomBytes(32).toString('hex'), 'abcd-efgh-jkmn', stored)).toBe(false);
    expect(await verifyPassword(key, 'abcd-efgh-jkmn', null)).toBe(false);
    expect(await verifyPassword(key, 'abcd-efgh-jkmn', 'hmac-sha256$broken')).toBe(false);
  });

  it('written with scrypt by the first version still match, and absurd scrypt costs are refused', async () => {
    const salt = randomBytes(16);
    const hash = scryptSync('abcd-efgh-jkmn', salt, 32, { N: 16384, r: 8, p: 1 });
    const stored = `scrypt$16384$8$1$${salt.toString('base64url')}$${hash.toString('base64url')}`;
    expect(await verifyPassword(key, 'abcd-efgh-jkmn', stored)).toBe(true);
    expect(await verifyPassword(key, 'abcd-efgh-jkmp', stored)).toBe(false);
    const costly = stored.replace('scrypt$16384$', `scrypt$${2 ** 24}$`);
    expect(await verifyPassword(key, 'abcd-efgh-jkmn', costly)).toBe(false);
  });
});
