import { describe, expect, it } from 'vitest';
import { recallAt10, shownAt10 } from './metrics.ts';
import type { BenchQuery } from './query-sets.ts';

describe('bench metrics', () => {
  const query: BenchQuery = {
    query: '试鸣',
    locale: 'zh-CN',
    relevant: new Set(['/a/', '/b/', '/c/']),
    known: ['/a/', '/b/', '/c/'],
  };
  // /a/ and /b/ are the same page (title and text); /c/ differs in a phone number.
  const identity = (url: string) =>
    ({ '/a/': 'T\u0000拨打123', '/b/': 'T\u0000拨打123', '/c/': 'T\u0000拨打456' })[url];

  it('counts a hidden copy as found only when a page with the same title and text is shown', () => {
    expect(shownAt10('/a/', ['/a/'], identity)).toBe('shown');
    expect(shownAt10('/b/', ['/a/'], identity)).toBe('copy');
    expect(shownAt10('/c/', ['/a/'], identity)).toBe(false);
    expect(recallAt10(query, ['/a/'], identity)).toBeCloseTo(2 / 3);
    // Without the pages to compare, nothing shown in another's place counts.
    expect(recallAt10(query, ['/a/'])).toBeCloseTo(1 / 3);
  });
});
