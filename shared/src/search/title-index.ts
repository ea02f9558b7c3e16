/**
 * The title index of a sharded locale: every page's title, cluster-wide, whatever shard its page is in,
 * so a visitor who types a title (or a phrase of one) finds the page in the first answer, however old
 * (docs/adr/0022-title-index-and-long-runs.md). The indexer writes it under `pagefind/<locale>/titles/`:
 *
 * - `r<n>.json`: records `n * perFile …` as `[url, title, site, kind, type, date, lead, hash]`, pages
 *   in shard order (newest first), so a record's number is also its rank among equals; `hash` is
 *   `copyHash()` of the page's text (ADR 31);
 * - `p<n>.json`: postings, `{ gram: "ids" }` for the grams whose bucket is `n` (`routeBucket()`); ids
 *   ascending, each written as the base-36 difference to the previous one, comma separated, or `*` when
 *   more than `commonLimit` titles hold the gram (too common to narrow anything down).
 *
 * A gram is a Han bigram of a title's Han runs (a lone Han character is its own gram) or a word of its
 * other text, lowercased. Pure and browser-safe.
 * @module
 */
import type { Locale } from '../schemas/locale.ts';
import { fnv1a } from '../text/hash.ts';
import { routeBucket } from './routes.ts';
import { hanBigrams, type QueryPart } from './tokenize.ts';

/**
 * A title record: `[url, title, site, kind, type, date, lead, hash]`; `hash` (`copyHash()` of the text)
 * is missing in indexes written before it.
 */
export type TitleRecord = readonly [string, string, string, string, string, string, string, string?];

/**
 * Text as copies of one page share it: without numbers (dates, counts), spaces and punctuation, so the
 * same letter answered on several days, or a page re-published, compares equal.
 */
export function comparableText(text: string): string {
  return text.normalize('NFKC').replace(/[\p{N}\p{P}\p{S}\s]+/gu, '');
}

/**
 * A short hash of a page's whole text as copies compare it (`comparableText()`): FNV-1a, base 36.
 * @example copyHash('答复：请拨打123') === copyHash('答复：请拨打456') // true
 */
export function copyHash(text: string): string {
  return fnv1a(comparableText(text)).toString(36);
}

/** A posting bucket as written. */
export type TitlePostingFile = Readonly<Record<string, string>>;

/** The title index's entry in `pagefind/search.json` for a locale. */
export interface TitleIndexManifest {
  /** Records per `r<n>.json`. */
  readonly perFile: number;
  /** Records (pages). */
  readonly records: number;
  /** Posting buckets (`p0.json` … `p<buckets - 1>.json`). */
  readonly buckets: number;
  /** 90th percentile of a posting bucket, gzipped. */
  readonly bucketBytes: number;
  /** 90th percentile of a record file, gzipped. */
  readonly recordBytes: number;
}

/** At most this many grams of a query are looked up (one bucket each). */
export const titleProbeLimit = 4;
/** At most this many record files are read for a query's candidates (newest first). */
export const titleRecordFetches = 8;
/** Characters of a page's text kept as the lead shown under a title found this way. */
export const titleLeadChars = 80;

/**
 * The lead of a page's text, shown under a page found by its title: its first characters, whitespace
 * collapsed. The indexer writes it and the engine compares copies by it.
 */
export function titleLead(text: string): string {
  return [...text.replace(/\s+/g, ' ').trim()].slice(0, titleLeadChars).join('');
}

/**
 * The distinct grams of a text, in order: the bigrams of its Han runs and its other words, lowercased.
 * @example titleGrams(parseQuery('2024年GDP增长')) // ['2024', '年', 'gdp', '增长']
 */
export function titleGrams(parts: readonly QueryPart[]): string[] {
  const grams = new Set<string>();
  for (const part of parts) {
    if (part.kind === 'han') for (const bigram of hanBigrams(part.text)) grams.add(bigram);
    else grams.add(part.text);
  }
  return [...grams];
}

/**
 * The grams of a query that are looked up: every word, then for a Han run of two or more characters its
 * first and last bigram (and more spread over it while the limit allows); at most `titleProbeLimit`,
 * words first, then the longest runs.
 */
export function titleProbes(parts: readonly QueryPart[]): string[] {
  const picked = new Set<string>();
  // Words (numbers, Latin) first: with a bigram or two they pick out 第5次 among 第N次 titles.
  const ordered = [...parts].sort(
    (a, b) =>
      Number(b.kind === 'word') - Number(a.kind === 'word') || [...b.text].length - [...a.text].length,
  );
  for (const round of [0, 1]) {
    for (const part of ordered) {
      if (picked.size >= titleProbeLimit) break;
      if (part.kind === 'word') {
        if (round === 0) picked.add(part.text);
        continue;
      }
      // A lone Han character is a gram only where a title has it alone; inside a run it is not.
      if ([...part.text].length < 2) continue;
      const bigrams = hanBigrams(part.text);
      const spread =
        round === 0
          ? [bigrams[0]!, bigrams.at(-1)!]
          : [bigrams[Math.floor(bigrams.length / 3)]!, bigrams[Math.floor((2 * bigrams.length) / 3)]!];
      for (const bigram of spread) if (picked.size < titleProbeLimit) picked.add(bigram);
    }
  }
  return [...picked];
}

/**
 * The ids of a posting value (`*` for a gram too common to list).
 * @example parsePostings('3,1,a') // [3, 4, 14]
 */
export function parsePostings(value: string): number[] | '*' {
  if (value === '*') return '*';
  const ids: number[] = [];
  let id = 0;
  for (const delta of value.split(',')) {
    id += Number.parseInt(delta, 36);
    ids.push(id);
  }
  return ids;
}

/**
 * A posting value for ascending ids.
 * @example postingValue([3, 4, 14]) // '3,1,a'
 */
export function postingValue(ids: readonly number[]): string {
  return ids.map((id, at) => (id - (at === 0 ? 0 : ids[at - 1]!)).toString(36)).join(',');
}

/** The ids in every list (each ascending), ascending. */
export function intersectPostings(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  const [shortest, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  const sets = rest.map((list) => new Set(list));
  return shortest!.filter((id) => sets.every((set) => set.has(id)));
}

/** Where a locale's title index files are under the output root. */
export function titleIndexPath(locale: Locale, file: `p${number}` | `r${number}`): string {
  return `pagefind/${locale}/titles/${file}.json`;
}

/** At most this many rounds of lookups narrow a query's candidates (`titleProbeLimit` grams each). */
export const titleLookupRounds = 3;

/**
 * The candidates of a query in the title index: the ids of the titles that hold every looked-up gram,
 * ascending (newest first), or `undefined` when every gram looked up is too common to narrow anything
 * down (the index cannot answer; the full-text search does). `postings` answers for one gram, `undefined`
 * when no title holds it. The probes first; while every gram so far was too common, or more candidates
 * are left than can be read, more of the query's grams, from its middle outwards, in at most
 * `titleLookupRounds` rounds: the ends of a templated title (一图读懂｜《临江市…方案》, 关于2026年度…的公示)
 * are common, its middle is what picks it out.
 */
export async function titleCandidates(
  parts: readonly QueryPart[],
  buckets: number,
  postings: (bucket: number, gram: string) => Promise<number[] | '*' | undefined>,
): Promise<number[] | undefined> {
  const probes = titleProbes(parts);
  if (probes.length === 0) return undefined;
  // Narrowed enough when the candidates fit the record files a query reads, at worst one a file.
  const lookUp = (grams: readonly string[]) =>
    Promise.all(grams.map((gram) => postings(routeBucket(gram, buckets), gram)));
  // The rest of the query's bigrams from its middle outwards: a template's fixed text is at the ends
  // (2023年全市…业务骨干培训班开班), what tells its titles apart in the middle.
  const middle = titleGrams(parts).filter((gram) => !probes.includes(gram) && [...gram].length === 2);
  const centre = (middle.length - 1) / 2;
  let rest = middle
    .map((gram, at) => ({ gram, distance: Math.abs(at - centre) }))
    .sort((a, b) => a.distance - b.distance)
    .map(({ gram }) => gram);
  let grams = probes;
  let ids: number[] | undefined;
  for (let round = 0; round < titleLookupRounds && grams.length > 0; round += 1) {
    const lists = await lookUp(grams);
    if (lists.some((list) => list === undefined)) return [];
    const listed = lists.filter((list): list is number[] => list !== '*');
    if (listed.length > 0) ids = intersectPostings(ids ? [ids, ...listed] : listed);
    if (ids !== undefined && ids.length <= titleRecordFetches) break;
    grams = rest.slice(0, titleProbeLimit);
    rest = rest.slice(titleProbeLimit);
  }
  return ids;
}
