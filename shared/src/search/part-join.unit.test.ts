import { describe, expect, it } from 'vitest';
import type { PagefindResultLike } from './engine-types.ts';
import { joinParts, onePerPage, partialMatches } from './part-join.ts';

/** A result of one record (its fragment loads the record's URL). */
const result = (id: string, score: number): PagefindResultLike => ({
  id,
  score,
  data: async () => ({ url: id, content: '', meta: {} }),
});

const pageOf = new Map([
  ['m0', '/m/'],
  ['m1', '/m/'],
  ['m2', '/m/'],
  ['n0', '/n/'],
  ['n1', '/n/'],
]);

describe('words in different parts of a long page', () => {
  it('joins the parts of a page that hold every word between them, scored by each word’s best part', () => {
    const joined = joinParts(
      [
        [result('m0', 2), result('m2', 3), result('short', 4), result('n0', 1)],
        [result('m1', 1.5), result('short', 4)],
      ],
      pageOf,
      ['short'],
    );
    // /n/ holds the first word only; the short page is the whole query's result, not a joined one.
    expect(joined.map((page) => [page.id, page.score])).toEqual([['m2', 4.5]]);
  });

  it('shows the part that holds the most words, and leaves out pages the whole query found', () => {
    const perWord = [
      [result('m0', 5), result('m1', 1)],
      [result('m1', 1), result('n1', 2)],
      [result('m1', 1), result('n0', 2)],
    ];
    // m1 holds all three words, though m0 ranks higher for the first.
    expect(joinParts(perWord, pageOf, []).map((page) => page.id)).toEqual(['m1']);
    expect(joinParts(perWord, pageOf, ['m2'])).toEqual([]);
    expect(joinParts([perWord[0]!], pageOf, [])).toEqual([]);
  });

  it('keeps the best ranked part of each page and every other result', () => {
    const kept = onePerPage(
      [result('m1', 9), result('a', 8), result('m0', 7), result('n0', 6), result('b', 5)],
      pageOf,
    );
    expect(kept.map((page) => page.id)).toEqual(['m1', 'a', 'n0', 'b']);
  });

  it('names the results that some word’s own search did not find', () => {
    const partial = partialMatches(
      [result('a', 3), result('b', 2)],
      [[result('a', 1), result('b', 1)], [result('a', 1)]],
    );
    expect([...partial]).toEqual(['b']);
  });
});
