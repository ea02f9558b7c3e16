import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSignature, publisherSecret, readOrCreateSecret, sign, toleranceMs } from './signing.ts';

const dir = () => mkdtempSync(path.join(tmpdir(), 'govcluster-secret-'));

describe('secrets', () => {
  it('generates a secret once, readable only by its owner, and reads the same one after', () => {
    const file = path.join(dir(), '.data', 'some-secret');
    const first = readOrCreateSecret(file);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecret(file)).toBe(first);
  });

  it('takes PUBLISHER_SECRET, then PUBLISHER_SECRET_FILE, then the given file', () => {
    const home = dir();
    const own = path.join(home, 'own');
    const other = path.join(home, 'other');
    expect(publisherSecret(own, { PUBLISHER_SECRET: 'given' })).toBe('given');
    const fromOther = publisherSecret(own, { PUBLISHER_SECRET_FILE: other });
    expect(fromOther).toBe(readOrCreateSecret(other));
    expect(publisherSecret(own, {})).not.toBe(fromOther);
  });

  it('never lets the publisher secret stand in for another secret', () => {
    const file = path.join(dir(), 'mailbox-secret');
    process.env.PUBLISHER_SECRET = 'the-publisher-secret';
    try {
      expect(readOrCreateSecret(file)).not.toBe('the-publisher-secret');
    } finally {
      delete process.env.PUBLISHER_SECRET;
    }
  });
});

describe('signatures', () => {
  const body = '{"id":"n1","event":"publish","at":"2026-12-06T00:00:00.000Z"}';

  it('accepts its own signature and refuses another secret, another body, an old time, a bad header', () => {
    const now = Date.now();
    expect(checkSignature('s', body, sign('s', body, now), now)).toBeNull();
    expect(checkSignature('s', body, sign('t', body, now), now)).toBe('signature does not match');
    expect(checkSignature('s', `${body} `, sign('s', body, now), now)).toBe('signature does not match');
    expect(checkSignature('s', body, sign('s', body, now - toleranceMs - 1), now)).toMatch(/too far/);
    expect(checkSignature('s', body, undefined, now)).toMatch(/missing or malformed/);
    expect(checkSignature('s', body, 't=1,v1=zz', now)).toMatch(/missing or malformed/);
  });
});
