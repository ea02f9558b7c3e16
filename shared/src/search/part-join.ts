/**
 * Words a long page holds in different parts. Pagefind finds a record only when it holds every word of
 * the query, and a long page is indexed as parts (page-parts.ts): a page holding `养老保险` in one part
 * and `失业登记` in another is no record's match. The engine searches each word on its own (the index
 * chunks are those the whole query loaded) and joins the results by the page `page-parts.json` names for
 * a part's id, before any fragment is loaded. Pure and browser-safe
 * (docs/adr/0040-words-in-different-parts.md).
 * @module
 */
import type { PagefindResultLike } from './engine-types.ts';

/**
 * Results with one record per long page: the first (best ranked) of its parts; other results as they are.
 * A page found by several of its parts costs one fragment, not one a part.
 */
export function onePerPage(
  results: readonly PagefindResultLike[],
  pageOf: ReadonlyMap<string, string>,
): PagefindResultLike[] {
  const seen = new Set<string>();
  return results.filter((result) => {
    const page = pageOf.get(result.id);
    if (page === undefined) return true;
    if (seen.has(page)) return false;
    seen.add(page);
    return true;
  });
}

/**
 * The long pages that hold every word between their parts, of the results of each word's own search
 * (`perWord`), leaving out pages of which a record is in `found` (the whole query's results: a part holds
 * every word). Per page, the part to show is the one that holds the most words, then the best scored;
 * its score is the sum of each word's best score among the page's parts: what Pagefind gives a record
 * (its score adds up over the query's terms), as if the page's best parts were one. Best first.
 * @example joinParts([[part0], [part2]], pageOf, [])[0]?.id // part0's id, scored part0 + part2
 */
export function joinParts(
  perWord: readonly (readonly PagefindResultLike[])[],
  pageOf: ReadonlyMap<string, string>,
  found: Iterable<string>,
): PagefindResultLike[] {
  if (perWord.length < 2) return [];
  const done = new Set<string>();
  for (const id of found) {
    const page = pageOf.get(id);
    if (page !== undefined) done.add(page);
  }
  const pages = new Map<
    string,
    {
      best: (PagefindResultLike | undefined)[];
      parts: Map<string, { result: PagefindResultLike; words: number; score: number }>;
    }
  >();
  for (const [word, results] of perWord.entries()) {
    for (const result of results) {
      const page = pageOf.get(result.id);
      if (page === undefined || done.has(page)) continue;
      let entry = pages.get(page);
      if (!entry) {
        entry = { best: [], parts: new Map() };
        pages.set(page, entry);
      }
      const best = entry.best[word];
      if (!best || result.score > best.score) entry.best[word] = result;
      const part = entry.parts.get(result.id) ?? { result, words: 0, score: 0 };
      part.words += 1;
      part.score += result.score;
      entry.parts.set(result.id, part);
    }
  }
  const joined: PagefindResultLike[] = [];
  for (const { best, parts } of pages.values()) {
    if (perWord.some((_, word) => best[word] === undefined)) continue;
    const shown = [...parts.values()].reduce((a, b) =>
      b.words > a.words || (b.words === a.words && b.score > a.score) ? b : a,
    ).result;
    joined.push({
      id: shown.id,
      score: best.reduce((sum, result) => sum + (result?.score ?? 0), 0),
      ...(shown.words ? { words: shown.words } : {}),
      data: () => shown.data(),
    });
  }
  return joined.sort((a, b) => b.score - a.score);
}

/**
 * The ids of the whole query's results that some word's own search did not find. Pagefind leaves out of
 * a query a word that no record of a shard holds, and matches the other words alone there: such
 * results hold only some of the words, and rank after those that hold them all (and after joined pages).
 */
export function partialMatches(
  results: readonly PagefindResultLike[],
  perWord: readonly (readonly PagefindResultLike[])[],
): Set<string> {
  const lists = perWord.map((list) => new Set(list.map((result) => result.id)));
  return new Set(
    results.filter((result) => lists.some((ids) => !ids.has(result.id))).map((result) => result.id),
  );
}
