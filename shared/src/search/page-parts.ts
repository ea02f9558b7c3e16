/**
 * Long pages indexed in parts. Pagefind stores each indexed page's whole text (as tokens) in its result
 * fragment, and the engine loads a fragment for every result it shows: one manual page of the real-text
 * corpus is a 100 KB fragment. A page whose text is longer than `partChars` is given to Pagefind as
 * parts cut at line ends, each a record of its own (`<url>#gc-part-<n>`): a result loads the part that
 * matched, not the whole page. Part 0 keeps the page's URL, its title as the heading and its facts; the
 * others carry the title only to show it. Pure and browser-safe: the indexer cuts, the engine reads a
 * result's page back with `pageUrl()` (docs/adr/0039-smaller-index-chunks-and-page-parts.md).
 * @module
 */
import type { SearchDocument } from './document.ts';

/** What a part's URL adds to its page's URL. */
export const partMarker = '#gc-part-';

/**
 * Characters of text a part holds at most, unless one line is longer (a line is never cut: a Han run
 * never crosses a line end in the index, so no run is lost between parts).
 */
export const partChars = 3_000;

/**
 * The URL of the page a result belongs to.
 * @example pageUrl('/bm/fgw/news/a/#gc-part-2') // '/bm/fgw/news/a/'
 */
export function pageUrl(url: string): string {
  const at = url.indexOf(partMarker);
  return at < 0 ? url : url.slice(0, at);
}

/**
 * Which part of its page a search document is (0: the page itself, or its first part).
 * @example partNumber('/a/#gc-part-2') // 2
 */
export function partNumber(url: string): number {
  const at = url.indexOf(partMarker);
  return at < 0 ? 0 : Number(url.slice(at + partMarker.length)) || 0;
}

/**
 * A document as the index holds it: itself when its text is at most `limit` characters, else its parts,
 * each of whole lines and at most `limit` characters (a longer line is a part of its own).
 * @example pageParts({ ...document, text: 'a\nb' }, 1).map((part) => part.url) // ['/x/', '/x/#gc-part-1']
 */
export function pageParts(document: SearchDocument, limit = partChars): SearchDocument[] {
  if (document.text.length <= limit) return [document];
  const texts: string[] = [];
  let current = '';
  for (const line of document.text.split('\n')) {
    if (current !== '' && current.length + 1 + line.length > limit) {
      texts.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '' || texts.length === 0) texts.push(current);
  return texts.map((text, at) => {
    if (at === 0) return { ...document, text };
    const { facts: _facts, ...rest } = document;
    return { ...rest, url: `${document.url}${partMarker}${at}`, text };
  });
}

/**
 * The file beside a shard's Pagefind files that names the parts of its long pages (`<shard>/page-parts.json`):
 * Pagefind's result list gives a record's fragment id and score before its fragment is loaded, and this
 * table says which page an id is a part of. A query of several words reads it to join the parts of one
 * page that hold the words between them (docs/adr/0040-words-in-different-parts.md).
 */
export const pagePartsFile = 'page-parts.json';

/**
 * What `page-parts.json` holds: per long page of the shard, its URL and the fragment ids of its parts in
 * the shard, in part order, space separated (a page's parts may be cut between two shards).
 * @example { '/manual/': 'zh-cn_4a2b zh-cn_91fe' }
 */
export type PagePartsTable = Readonly<Record<string, string>>;

/**
 * The table of a shard: its records that are parts of the `long` pages (their URLs), by the fragment id
 * Pagefind gave each (`ids`: record URL → id); records without an id are left out. Empty when the shard
 * holds no part of a long page. (A shard may hold only the first part of a page: `long` says it is one.)
 * @example pagePartsTable(['/m/', '/m/#gc-part-1', '/s/'], new Map([['/m/', 'a'], ['/m/#gc-part-1', 'b'], ['/s/', 'c']]), new Set(['/m/'])) // { '/m/': 'a b' }
 */
export function pagePartsTable(
  urls: readonly string[],
  ids: ReadonlyMap<string, string>,
  long: { has(url: string): boolean },
): Record<string, string> {
  const parts = new Map<string, { part: number; id: string }[]>();
  for (const url of urls) {
    const page = pageUrl(url);
    const id = ids.get(url);
    if (!long.has(page) || id === undefined) continue;
    const list = parts.get(page) ?? [];
    list.push({ part: partNumber(url), id });
    parts.set(page, list);
  }
  return Object.fromEntries(
    [...parts].map(([page, list]) => [
      page,
      list
        .sort((a, b) => a.part - b.part)
        .map(({ id }) => id)
        .join(' '),
    ]),
  );
}

/**
 * The page of every part the tables name: fragment id → page URL.
 * @example partPagesOf([{ '/m/': 'a b' }]).get('b') // '/m/'
 */
export function partPagesOf(tables: readonly PagePartsTable[]): Map<string, string> {
  const pages = new Map<string, string>();
  for (const table of tables)
    for (const [page, ids] of Object.entries(table))
      for (const id of ids.split(' ')) if (id) pages.set(id, page);
  return pages;
}
