/**
 * The shard routing table of a sharded locale: for every Han run of 2–4 characters that the newest shard
 * holds in fewer than a page of results, the older shards that hold it and in how many pages each. The
 * indexer writes it split into buckets by a stable hash of the run (`pagefind/<locale>/routes/<n>.json`);
 * the engine fetches the one bucket a query needs and searches the newest shard plus the routed ones
 * (docs/adr/0011-shard-routing.md). Pure and browser-safe.
 * @module
 */

import type { Locale } from '../schemas/locale.ts';
import { fnv1a } from '../text/hash.ts';

/** The shortest and longest Han runs the table lists. */
export const routeGramLengths = { min: 2, max: 4 } as const;

/** One older shard that holds a run. */
export interface RoutedShard {
  /** Shard index (0 is the newest). */
  readonly shard: number;
  /** Pages of that shard that hold the run (capped at the table's page size). */
  readonly pages: number;
  /** Bytes of the shard's index chunks that a search for the run loads, when known. */
  readonly bytes?: number;
}

/** An older page that holds a run: its shard and Pagefind fragment id (`fragment/<id>.pf_fragment`). */
export interface ListedPage {
  readonly shard: number;
  readonly id: string;
}

/** What the table says about one run. */
export interface RouteEntry {
  /** Pages of shard 0 that hold the run (fewer than the table's page size). */
  readonly newest: number;
  /** Bytes of shard 0's index chunks that a search for the run loads, when known. */
  readonly newestBytes?: number;
  /** Older shards that hold the run, newest first, until together with shard 0 they fill a page. */
  readonly shards: readonly RoutedShard[];
  /** Whether `shards` names every older shard that holds the run (false: older ones hold more). */
  readonly complete: boolean;
  /**
   * The older pages that hold the run, newest first, until together with shard 0 they fill a page of
   * results (docs/adr/0034): the engine loads their fragments instead of searching their shards.
   */
  readonly pages?: readonly ListedPage[];
  /** Whether `pages` names every older page that holds the run. */
  readonly pagesComplete?: boolean;
}

/** The table's entry in `pagefind/search.json` for a locale. */
export interface RouteManifest {
  /** How many bucket files there are (`routes/0.json` … `routes/<buckets - 1>.json`). */
  readonly buckets: number;
  /** Runs listed. */
  readonly grams: number;
  /** A run is listed when shard 0 holds it in fewer than this many pages (a page of results). */
  readonly pageSize: number;
  /**
   * What a cold routed query downloads besides shard metadata and index chunks: the search script, two
   * copies of `pagefind.js` (the second instance that searches older shards), the WebAssembly, the
   * largest bucket and a page of result fragments. The engine spends what is left of the 300 KB budget
   * on routed shards.
   */
  readonly fixedBytes: number;
  /** Bytes of the largest bucket, gzipped (a longer run may fetch several). */
  readonly bucketBytes: number;
}

/**
 * Calls `visit` once for every distinct Han run of 2–4 characters (code points) in the text: the
 * substrings of its Han runs, which never cross a non-Han character.
 * @example hanGrams('临江市', (gram) => out.push(gram)) // 临江 江市 临江市
 */
export function hanGrams(text: string, visit: (gram: string) => void): void {
  for (const match of text.matchAll(/\p{Script=Han}{2,}/gu)) {
    const run = match[0];
    // Code unit offsets of each character, so surrogate pairs stay whole.
    const starts: number[] = [];
    for (let at = 0; at < run.length; at += run.codePointAt(at)! > 0xffff ? 2 : 1) starts.push(at);
    starts.push(run.length);
    const chars = starts.length - 1;
    for (let from = 0; from < chars; from += 1) {
      const longest = Math.min(routeGramLengths.max, chars - from);
      for (let length = routeGramLengths.min; length <= longest; length += 1)
        visit(run.slice(starts[from], starts[from + length]));
    }
  }
}

/**
 * The bucket of a run: FNV-1a over its UTF-16 code units, modulo the bucket count. The indexer and the
 * browser must agree, so it is part of the format.
 * @example routeBucket('临江', 64) // 52
 */
export function routeBucket(gram: string, buckets: number): number {
  return fnv1a(gram) % buckets;
}

/**
 * The path of a bucket file under the output root.
 * @example routeBucketPath('zh-CN', 7) // 'pagefind/zh-CN/routes/7.json'
 */
export function routeBucketPath(locale: Locale, bucket: number): string {
  return `pagefind/${locale}/routes/${bucket}.json`;
}

/**
 * The value of an entry in a bucket file: `<shard 0 pages>[:<KB>];<shard>:<pages>[:<KB>],…`, `+` at the
 * end when older shards hold more; KB are the index chunks a search for the run loads in that shard,
 * rounded up. With listed pages, `|<shard>/<fragment id> …` follows, `+` at its end when older pages
 * hold more. Entries with the same value are grouped, so a bucket is `{ value: "run run …" }`.
 * @example routeValue({ newest: 1, shards: [{ shard: 3, pages: 2 }], complete: true }) // '1;3:2'
 */
export function routeValue(entry: RouteEntry): string {
  const kb = (bytes: number | undefined) => (bytes === undefined ? '' : `:${Math.ceil(bytes / 1024)}`);
  const shards = entry.shards.map(({ shard, pages, bytes }) => `${shard}:${pages}${kb(bytes)}`).join(',');
  const head = `${entry.newest}${kb(entry.newestBytes)};${shards}${entry.complete ? '' : '+'}`;
  if (!entry.pages) return head;
  const pages = entry.pages.map(({ shard, id }) => `${shard}/${id}`).join(',');
  return `${head}|${pages}${entry.pagesComplete ? '' : '+'}`;
}

/** The entry of a bucket value (`routeValue()` reversed, sizes in whole KB). */
export function parseRouteValue(text: string): RouteEntry {
  const bar = text.indexOf('|');
  const value = bar < 0 ? text : text.slice(0, bar);
  const listed = bar < 0 ? undefined : text.slice(bar + 1);
  const pagesComplete = listed !== undefined && !listed.endsWith('+');
  const pages = listed
    ?.replace(/\+$/, '')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const slash = pair.indexOf('/');
      return { shard: Number(pair.slice(0, slash)), id: pair.slice(slash + 1) };
    });
  const complete = !value.endsWith('+');
  const [first = '', list = ''] = (complete ? value : value.slice(0, -1)).split(';');
  const [newest, newestKb] = first.split(':');
  const shards = list
    .split(',')
    .filter(Boolean)
    .map((triple) => {
      const [shard, pages, kb] = triple.split(':');
      return { shard: Number(shard), pages: Number(pages), ...(kb ? { bytes: Number(kb) * 1024 } : {}) };
    });
  return {
    newest: Number(newest),
    ...(newestKb ? { newestBytes: Number(newestKb) * 1024 } : {}),
    shards,
    complete,
    ...(pages ? { pages, pagesComplete } : {}),
  };
}

/** A bucket file's content as written (`{ value: "run run …" }`). */
export type RouteBucketFile = Readonly<Record<string, string>>;

/** Looks a run up in a parsed bucket file; `undefined` when it is not listed. */
export function lookupRoute(bucket: RouteBucketFile, gram: string): RouteEntry | undefined {
  for (const [value, grams] of Object.entries(bucket)) {
    // Runs are separated by single spaces; a run never contains one.
    const at = grams.indexOf(gram);
    for (let found = at; found >= 0; found = grams.indexOf(gram, found + 1)) {
      const before = found === 0 || grams[found - 1] === ' ';
      const after = found + gram.length === grams.length || grams[found + gram.length] === ' ';
      if (before && after) return parseRouteValue(value);
    }
  }
  return undefined;
}

/**
 * How many of a longer run's 4-character runs are looked up, one bucket each: every one of a run of up
 * to 8 characters, spread over a longer one. A run of common words is often listed by one of its
 * 4-character runs only, which the first, middle and last alone missed (at large scale, 4 of the 40
 * 5–8-character runs of the bench).
 */
export const routeLookups = 5;

/**
 * The 4-character runs of a longer run that are looked up: at most `routeLookups`, spread over it.
 * @example routeGramsOf('临江市人民政府') // ['临江市人', '江市人民', '市人民政', '人民政府']
 */
export function routeGramsOf(run: string): string[] {
  const chars = [...run];
  const max = routeGramLengths.max;
  if (chars.length <= max) return [run];
  const starts = chars.length - max + 1;
  const count = Math.min(routeLookups, starts);
  const picked = new Set(
    Array.from({ length: count }, (_, at) => Math.round((at * (starts - 1)) / Math.max(1, count - 1))),
  );
  return [...picked].map((at) => chars.slice(at, at + max).join(''));
}

/**
 * The shards a run is found in with the table: for a run of 2–4 characters its entry; for a longer run
 * the older shards listed for every one of its looked-up 4-character runs that is listed with a complete
 * list (a page that holds the run holds each of them), or `undefined` when none is (no routing: the
 * newest shard first, as before). Where a looked-up run lists its older pages completely, the longer
 * run's candidates are the pages every such list names (a superset of the older pages that hold it; the
 * engine checks their text). `lookup` answers for one run of 2–4 characters.
 */
export async function routeRun(
  run: string,
  lookup: (gram: string) => Promise<RouteEntry | undefined>,
): Promise<RouteEntry | undefined> {
  const chars = [...run];
  if (chars.length < routeGramLengths.min) return undefined;
  if (chars.length <= routeGramLengths.max) return lookup(run);
  const grams = routeGramsOf(run);
  const entries = (await Promise.all(grams.map(lookup))).filter(
    (entry): entry is RouteEntry => entry?.complete === true,
  );
  if (entries.length === 0) return undefined;
  const shards = commonShards(entries);
  const listed = entries.filter((entry) => entry.pages && entry.pagesComplete);
  const key = ({ shard, id }: ListedPage) => `${shard}/${id}`;
  const pages = listed.length
    ? listed
        .slice(1)
        .reduce(
          (kept, entry) => kept.filter((page) => entry.pages!.some((other) => key(other) === key(page))),
          listed[0]!.pages!,
        )
    : undefined;
  return { ...shards, ...(pages ? { pages, pagesComplete: true } : {}) };
}

/**
 * The older shards that every one of several complete entries names: those a page holding all their runs
 * can be in. Page counts are unknown: the smallest count of the entries bounds them; chunk sizes are the
 * entries' own runs', so the engine estimates them.
 */
function commonShards(entries: readonly RouteEntry[]): RouteEntry {
  const [first, ...rest] = entries;
  const shards = first!.shards.filter(({ shard }) =>
    rest.every((entry) => entry.shards.some((other) => other.shard === shard)),
  );
  return {
    newest: Math.min(...entries.map((entry) => entry.newest)),
    shards: shards.map(({ shard }) => ({
      shard,
      pages: Math.min(...entries.map((entry) => entry.shards.find((other) => other.shard === shard)!.pages)),
    })),
    complete: true,
  };
}

/**
 * The shards a query of several Han runs (words apart, or runs split by digits, Latin letters or
 * punctuation) is found in: a page that holds every run holds each, so it is in shard 0 or in an older
 * shard that every completely listed run names. A run the table does not list, or lists with more shards
 * than a page of results needs, narrows nothing; `undefined` when no run is listed completely (no
 * routing). Listed pages are not used: a long page holds its words in different parts, which are
 * different fragments (docs/adr/0040-words-in-different-parts.md), so only its shard is common to them.
 * @example routeWords(['养老保险', '失业登记'], lookup) // { newest: 2, shards: [{ shard: 4, pages: 1 }], complete: true }
 */
export async function routeWords(
  runs: readonly string[],
  lookup: (gram: string) => Promise<RouteEntry | undefined>,
): Promise<RouteEntry | undefined> {
  const entries = (await Promise.all(runs.map((run) => routeRun(run, lookup)))).filter(
    (entry): entry is RouteEntry => entry?.complete === true,
  );
  return entries.length === 0 ? undefined : commonShards(entries);
}
