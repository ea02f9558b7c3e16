/**
 * Builds the shard routing table of a sharded locale (shared/src/search/routes.ts): counts, shard by
 * shard, the pages that hold each Han run of 2–4 characters, and keeps the runs that shard 0 holds in
 * fewer than a page of results with the older shards and pages that hold them. Each older shard is
 * counted once, where it is indexed (`shardRuns()`, in the shard's own worker thread), and the main
 * thread joins the compact counts (`joinShardRuns()`); maps are split by a hash of the run, so none
 * outgrows V8's limit of 2^24 entries (docs/adr/0041-index-lanes-do-a-shards-whole-work.md).
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  hanGrams,
  type ListedPage,
  partNumber,
  type RouteBucketFile,
  type RouteEntry,
  type RouteManifest,
  routeBucket,
  routeValue,
  type SearchDocument,
} from '@govcluster/shared/search';
import { chunkBytesOf, fragmentBytes, type ShardChunk, shardChunks } from './shard-files.ts';

/** Maps split by a hash of the key, so none outgrows V8's 2^24 entries. */
export class SplitMap<V> {
  readonly parts: Map<string, V>[];
  constructor(count = 64) {
    this.parts = Array.from({ length: count }, () => new Map<string, V>());
  }
  part(key: string): Map<string, V> {
    const last = key.charCodeAt(key.length - 1);
    return this.parts[(key.charCodeAt(0) * 31 + last + key.length) % this.parts.length]!;
  }
  get(key: string): V | undefined {
    return this.part(key).get(key);
  }
  set(key: string, value: V): void {
    this.part(key).set(key, value);
  }
  get size(): number {
    return this.parts.reduce((sum, part) => sum + part.size, 0);
  }
  *entries(): IterableIterator<[string, V]> {
    for (const part of this.parts) yield* part;
  }
}

/** The title a search document is searched by: a page's later parts show it, but do not hold it. */
function indexedTitle(document: SearchDocument): string {
  return partNumber(document.url) === 0 ? document.title : '';
}

/**
 * Calls `visit` once for each distinct Han run of 2–4 characters that a page holds (its indexed title and
 * text), with the page's position, pages in order.
 */
function eachPageRun(
  documents: Iterable<SearchDocument>,
  visit: (gram: string, at: number, document: SearchDocument) => void,
): void {
  const seen = new Set<string>();
  const add = (gram: string) => {
    seen.add(gram);
  };
  let at = 0;
  for (const document of documents) {
    seen.clear();
    hanGrams(indexedTitle(document), add);
    hanGrams(document.text, add);
    for (const gram of seen) visit(gram, at, document);
    at += 1;
  }
}

/** How many pages of the documents hold each Han run of 2–4 characters (title and text). */
export function countPages(documents: Iterable<SearchDocument>): SplitMap<number> {
  const counts = new SplitMap<number>();
  eachPageRun(documents, (gram) => {
    const part = counts.part(gram);
    part.set(gram, (part.get(gram) ?? 0) + 1);
  });
  return counts;
}

/**
 * A shard's counts as text, each capped at `cap` (the table never needs more than a page of results):
 * what an incremental build keeps per shard, so that a shard taken unchanged is not counted again.
 */
export function countsToText(counts: SplitMap<number>, cap: number): string {
  const lines: string[] = [];
  for (const [gram, pages] of counts.entries()) lines.push(`${gram} ${Math.min(pages, cap)}`);
  return `${lines.join('\n')}\n`;
}

/** Reads what {@link countsToText} wrote. */
export function countsFromText(text: string): SplitMap<number> {
  const counts = new SplitMap<number>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) counts.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return counts;
}

/** A routing table being built: per run, `[shard 0 pages, pages so far, more, shard, pages, …]`. */
type Building = number[];

/** A page of results: the runs shard 0 holds in fewer pages are routed. */
export const routePageSize = 10;

/** The routing table of a locale. */
export interface RouteTable {
  /** Runs listed. */
  readonly size: number;
  /** A page of results: runs held by fewer pages of shard 0 are listed. */
  readonly pageSize: number;
  /** The entry of a run, if listed. */
  get(gram: string): RouteEntry | undefined;
  /** Every entry. */
  entries(): IterableIterator<[string, RouteEntry]>;
}

/**
 * What an older shard gives the routing table, counted in one pass over its pages where the shard was
 * indexed (a worker thread of its own, beside its Pagefind run): each Han run of 2–4 characters its pages
 * hold, how many pages hold it, and the first of them (up to a page of results) with their result ids.
 * Compact, so that a worker sends it in one message and the main thread keeps every shard's until it
 * joins them (`joinShardRuns()`).
 */
export interface ShardRuns {
  /** The runs, one a line, in the order `data` describes them. */
  readonly grams: string;
  /**
   * Per run: pages holding it, how many of those have no result id, _n_, then the first _n_ (at most a
   * page of results) pages holding it that have one, in shard order, as positions in `ids`.
   */
  readonly data: Int32Array;
  /** The result id of each page of the shard, in shard order ('' for a page without one). */
  readonly ids: readonly string[];
}

/**
 * Counts a shard's runs with the pages that hold them (`ids`: a page's result id by its URL; a page
 * without one is counted, never listed). The shard's documents are walked once, in order.
 */
export function shardRuns(
  documents: readonly SearchDocument[],
  ids: ReadonlyMap<string, string>,
  pageSize = routePageSize,
): ShardRuns {
  const runs = new Map<string, number>();
  const grams: string[] = [];
  const counts: number[] = [];
  const missing: number[] = [];
  const pages: number[][] = [];
  const pageIds = documents.map((document) => ids.get(document.url) ?? '');
  eachPageRun(documents, (gram, at) => {
    let run = runs.get(gram);
    if (run === undefined) {
      run = grams.length;
      runs.set(gram, run);
      grams.push(gram);
      counts.push(0);
      missing.push(0);
      pages.push([]);
    }
    counts[run]! += 1;
    if (pageIds[at] === '') missing[run]! += 1;
    else if (pages[run]!.length < pageSize) pages[run]!.push(at);
  });
  let length = 0;
  for (const list of pages) length += 3 + list.length;
  const data = new Int32Array(length);
  let at = 0;
  for (const [run, list] of pages.entries()) {
    data[at++] = counts[run]!;
    data[at++] = missing[run]!;
    data[at++] = list.length;
    for (const page of list) data[at++] = page;
  }
  return { grams: grams.join('\n'), data, ids: pageIds };
}

function entryOf(building: Building): RouteEntry {
  const shards = [];
  for (let at = 3; at < building.length; at += 2)
    shards.push({ shard: building[at]!, pages: building[at + 1]! });
  return { newest: building[0]!, shards, complete: building[2] === 0 };
}

/**
 * The routing table of a locale from shard 0's counts and each older shard's runs (`runs[shard]`, shard
 * 0's unused): every run of 2–4 Han characters that shard 0 holds in fewer than `pageSize` pages and some
 * older shard holds, with the older shards that hold it, newest first, until shard 0 and they hold a page
 * of results (`complete` false when shards beyond the last listed hold it too); and the older pages that
 * hold it (docs/adr/0034), newest first, until together with shard 0 they fill a page of results
 * (`pagesComplete` when no older page holds more; a page without a result id is left out, and the list
 * is then not complete). Page counts are capped at `pageSize`.
 */
export function joinShardRuns(
  newest: { get(gram: string): number | undefined },
  runs: readonly (ShardRuns | undefined)[],
  pageSize = routePageSize,
): RouteTable {
  const table = new SplitMap<Building>();
  const lists = new SplitMap<{ need: number; pages: ListedPage[]; more: boolean }>();
  for (const [shard, shardRuns] of runs.entries()) {
    if (shard === 0 || !shardRuns) continue;
    const { data, ids } = shardRuns;
    let at = 0;
    for (const gram of shardRuns.grams === '' ? [] : shardRuns.grams.split('\n')) {
      const pages = data[at]!;
      const missing = data[at + 1]!;
      const listed = data[at + 2]!;
      const first = at + 3;
      at = first + listed;
      const inNewest = newest.get(gram) ?? 0;
      if (inNewest >= pageSize) continue;
      let building = table.get(gram);
      let list = lists.get(gram);
      if (!building || !list) {
        building = [inNewest, inNewest, 0];
        table.set(gram, building);
        list = { need: pageSize - inNewest, pages: [], more: false };
        lists.set(gram, list);
      }
      if (building[1]! >= pageSize) building[2] = 1;
      else {
        const capped = Math.min(pages, pageSize);
        building.push(shard, capped);
        building[1] = building[1]! + capped;
      }
      if (missing > 0) list.more = true;
      for (let page = first; page < first + listed; page += 1) {
        if (list.pages.length >= list.need) list.more = true;
        else list.pages.push({ shard, id: ids[data[page]!]! });
      }
      // Pages beyond the first `pageSize` with an id: the list was full before them.
      if (pages - missing > listed) list.more = true;
    }
  }
  const entry = (gram: string, building: Building): RouteEntry => {
    const list = lists.get(gram);
    return { ...entryOf(building), pages: list?.pages ?? [], pagesComplete: !(list?.more ?? false) };
  };
  return {
    size: table.size,
    pageSize,
    get: (gram) => {
      const building = table.get(gram);
      return building && entry(gram, building);
    },
    *entries() {
      for (const [gram, building] of table.entries()) yield [gram, entry(gram, building)];
    },
  };
}

/**
 * The bucket count for a table: about `gramsPerBucket` runs a bucket (≈ 600 runs are ≈ 4 KB gzipped
 * with the demo city's text), at least 1.
 */
export function routeBucketCount(size: number, gramsPerBucket = 600): number {
  return Math.max(1, Math.ceil(size / gramsPerBucket));
}

/** A table's runs with their bucket values (`routeValue()`), computed once for every split tried. */
export function routeValues(table: RouteTable): [string, string][] {
  const values: [string, string][] = [];
  for (const [gram, entry] of table.entries()) values.push([gram, routeValue(entry)]);
  return values;
}

/**
 * The bucket files of a table's runs and values (`routeValues()`): `[bucket, content]` for every
 * bucket, in order (empty buckets too, so every bucket a query can ask for exists).
 */
export function* routeBuckets(
  values: Iterable<readonly [string, string]>,
  buckets: number,
): Generator<[number, RouteBucketFile]> {
  // Per bucket: value → runs. Values repeat a lot ("0;3:1"), so they are shared strings.
  const grouped = Array.from({ length: buckets }, () => new Map<string, string[]>());
  for (const [gram, value] of values) {
    const groups = grouped[routeBucket(gram, buckets)]!;
    const list = groups.get(value);
    if (list) list.push(gram);
    else groups.set(value, [gram]);
  }
  for (const [bucket, groups] of grouped.entries()) {
    const file: Record<string, string> = {};
    for (const value of [...groups.keys()].sort()) file[value] = groups.get(value)!.sort().join(' ');
    grouped[bucket] = new Map();
    yield [bucket, file];
  }
}

/** Bytes a bucket may hold, gzipped, on average: one small request beside shard 0's metadata. */
export const routeBucketTargetBytes = 4 * 1024;

/** A generous size for the search page's own script (about 8 KB measured), for the fixed cost. */
const searchScriptBytes = 10 * 1024;

/** What a written table and its shards cost. */
export interface WrittenRoutes {
  /** The manifest entry. */
  readonly manifest: RouteManifest;
  /** Per bucket, its gzipped size. */
  readonly bucketGzipBytes: readonly number[];
  /** Seconds it took (counting and writing). */
  readonly seconds: number;
}

/**
 * Writes the routing table of a sharded locale into `<bundleDir>/routes/<n>.json` (shard bundles already
 * written in `<bundleDir>/<n>/`) from shard 0's counts and the older shards' runs (`joinShardRuns()`),
 * with as many buckets as keep one about `routeBucketTargetBytes` gzipped.
 */
export async function writeRouteTable(
  newest: { get(gram: string): number | undefined },
  runs: readonly (ShardRuns | undefined)[],
  bundleDir: string,
  options: { readonly log?: (line: string) => void } = {},
): Promise<WrittenRoutes> {
  const started = performance.now();
  // Every shard's chunks, shard 0's too (`runs` has none for it: a sparse array's holes are skipped by
  // `map`, and an incremental build that took shard 0 priced every run's newest chunks at 0).
  const chunks = await Promise.all(
    Array.from({ length: runs.length }, (_, shard) => shardChunks(path.join(bundleDir, String(shard)))),
  );
  const table = withChunkBytes(joinShardRuns(newest, runs), chunks);
  // Each entry's chunk sizes are looked up once, not once per split.
  const values = routeValues(table);
  // A first split measures how well the table compresses; the bucket count follows from it.
  let gzipTotal = 0;
  const trial = routeBucketCount(table.size);
  for (const [, file] of routeBuckets(values, trial)) gzipTotal += gzipSync(JSON.stringify(file)).length;
  const buckets = Math.max(1, Math.ceil(gzipTotal / routeBucketTargetBytes));
  const dir = path.join(bundleDir, 'routes');
  await mkdir(dir, { recursive: true });
  const bucketGzipBytes: number[] = [];
  for (const [bucket, file] of routeBuckets(values, buckets)) {
    const text = JSON.stringify(file);
    bucketGzipBytes.push(gzipSync(text).length);
    await writeFile(path.join(dir, `${bucket}.json`), text);
  }
  const first = path.join(bundleDir, '0');
  const gzipped = async (file: string) => gzipSync(await readFile(file)).length;
  const wasm = (await readdir(first)).find((name) => name.startsWith('wasm.') && name.endsWith('.pagefind'));
  const fixedBytes = Math.round(
    searchScriptBytes +
      2 * (await gzipped(path.join(first, 'pagefind.js'))) +
      (wasm ? (await stat(path.join(first, wasm))).size : 0) +
      Math.max(...bucketGzipBytes) +
      13 * (await fragmentBytes(first)),
  );
  const seconds = (performance.now() - started) / 1000;
  options.log?.(
    `routes: ${table.size} runs in ${buckets} buckets, ${(bucketGzipBytes.reduce((a, b) => a + b, 0) / 2 ** 20).toFixed(2)} MB gzipped, ${seconds.toFixed(1)} s`,
  );
  return {
    manifest: {
      buckets,
      grams: table.size,
      pageSize: table.pageSize,
      fixedBytes,
      bucketBytes: Math.max(...bucketGzipBytes),
    },
    bucketGzipBytes,
    seconds,
  };
}

/** A table whose entries carry the chunk bytes a search for the run loads in shard 0 and each listed shard. */
export function withChunkBytes(table: RouteTable, shards: readonly (readonly ShardChunk[])[]): RouteTable {
  const sized = (gram: string, entry: RouteEntry): RouteEntry => ({
    ...entry,
    newestBytes: chunkBytesOf(gram, shards[0] ?? []),
    shards: entry.shards.map((routed) => ({
      ...routed,
      bytes: chunkBytesOf(gram, shards[routed.shard] ?? []),
    })),
  });
  return {
    size: table.size,
    pageSize: table.pageSize,
    get: (gram) => {
      const entry = table.get(gram);
      return entry && sized(gram, entry);
    },
    *entries() {
      for (const [gram, entry] of table.entries()) yield [gram, sized(gram, entry)];
    },
  };
}
