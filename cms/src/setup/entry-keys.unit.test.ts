import { describe, expect, it } from 'vitest';
import { newEntryKey } from './entry-keys';

describe('entry keys made for the author', () => {
  it('is the China Standard Time day and six base-36 characters, valid for every schema', () => {
    // 2026-12-05 17:30 UTC is already 6 December in Beijing.
    const key = newEntryKey(new Date('2026-12-05T17:30:00Z'), () => Buffer.from([0, 35, 36, 71, 255, 10]));
    expect(key).toBe('20261206-0z0z3a');
    expect(key).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it('differs from one entry to the next', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newEntryKey()));
    expect(keys.size).toBe(1000);
  });
});
