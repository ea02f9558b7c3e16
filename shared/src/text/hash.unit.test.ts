import { describe, expect, it } from 'vitest';
import { fnv1a } from './hash.ts';

describe('fnv1a()', () => {
  it('gives the published FNV-1a 32-bit values, unsigned', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('hashes UTF-16 code units, so Han text hashes as the browser sees it', () => {
    expect(fnv1a('临江')).toBe(fnv1a(String.fromCharCode(0x4e34, 0x6c5f)));
    expect(fnv1a('临江')).toBe(0xf8ee3674);
  });
});
