/**
 * Builds the cluster search index over a built `dist/`: every page of every site and locale becomes a
 * search document (shared/src/search), and each locale a Pagefind bundle under `dist/pagefind/<locale>/`
 * with Han text as bigram tokens and the filters site, kind, type and year. Large locales are split into
 * shards, built two at a time, so memory stays bounded (docs/adr/0007-chinese-search.md, 0011). The pages'
 * documents are read by `search/cluster-documents.ts`.
 *
 * Usage: node --import tsx scripts/src/index-search.ts [distDir] [--shard-size N] [--concurrency N]
 *        [--chunk-locations N] [--kept-documents]
 *
 * `--kept-documents` takes the documents from the output's own document cache (what the build read), so
 * that the index stage alone is rerun and timed on a built output.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fnv1a } from '@govcluster/shared/hash';
import type { Locale } from '@govcluster/shared/schemas';
import {
  pagefindBundlePath,
  pageParts,
  pageUrl,
  partNumber,
  type SearchDocument,
  type SearchManifest,
  searchManifestPath,
} from '@govcluster/shared/search';
import type { ShardRecord } from './build/release-manifest.ts';
import { clusterPages } from './search/cluster-documents.ts';
import { indexShard, indexShardInWorker, type ShardTask } from './search/index-shard.ts';
import type { PagefindRunStats } from './search/pagefind-run.ts';
import { shardCounts } from './search/route-counts.ts';
import {
  routePageSize,
  type ShardRuns,
  shardRuns,
  type WrittenRoutes,
  writeRouteTable,
} from './search/route-table.ts';
import { shardFragmentIds, shardSizes } from './search/shard-files.ts';
import { type WrittenTitleIndex, writeTitleIndex } from './search/title-index.ts';

/**
 * Pages per shard by default: small enough that a shard's metadata (about 10.7 bytes a page, loaded
 * whole by the browser) leaves room within 300 KB for the older shards a rare query is routed to, and
 * its build far below 6 GB (docs/adr/0011-shard-routing.md).
 */
export const defaultShardSize = 2_500;

/**
 * Word locations per index chunk (Pagefind's own default: 20,000). A query loads one chunk per token in
 * each shard it searches, and a chunk's size follows the locations it holds, not the shard's pages: on
 * real text a 20,000-location chunk is about 34 KB gzipped, a 2,500-location one about 5 KB. Smaller
 * chunks make a query cheaper and the shard's metadata (one entry a chunk, loaded whole) larger
 * (docs/adr/0039-smaller-index-chunks-and-page-parts.md).
 */
export const defaultChunkLocations = 2_500;

/** What one locale's indexing cost. */
export interface LocaleIndexStats {
  /** Locale. */
  readonly locale: Locale;
  /** One entry per shard. */
  readonly shards: readonly PagefindRunStats[];
  /** The shard routing table, when the locale has more than one shard. */
  readonly routes?: WrittenRoutes;
  /** The title index, when the locale has more than one shard. */
  readonly titles?: WrittenTitleIndex;
}

/**
 * Splits a locale's documents into shards, newest first (by date, then URL): shard 0 holds the newest
 * pages, which most searches are after, so a first query downloads one shard's metadata instead of the
 * whole locale's.
 *
 * Where one shard ends is decided by the pages themselves (content-defined chunking, as in rsync): in
 * order from the oldest page, a shard ends after a page whose URL hashes to 0 modulo `shardSize`, so
 * shards hold at most `shardSize` pages; a longer run is cut in parts of `shardSize` from its
 * oldest page, so the newest shard is what is left of the newest run. A page
 * published, edited or withdrawn changes its own shard and at most the later parts of its run (and the
 * next run when the page ended one), wherever it sits in time, and the same pages always give the same shards: an incremental build
 * re-indexes the shards that changed and takes the others from the previous release, and equals a full
 * rebuild (docs/adr/0016-incremental-build.md). The newest shard, when it holds fewer than a quarter
 * of `shardSize`, joins the one before it, so a first query never searches a sliver.
 */
export function shardByRecency(documents: readonly SearchDocument[], shardSize: number): SearchDocument[][] {
  const oldestFirst = [...documents].sort(
    (a, b) => a.date.localeCompare(b.date) || b.url.localeCompare(a.url),
  );
  const runs: SearchDocument[][] = [[]];
  for (const document of oldestFirst) {
    (runs.at(-1) as SearchDocument[]).push(document);
    if (fnv1a(document.url) % shardSize === 0) runs.push([]);
  }
  if (runs.length > 1 && runs.at(-1)?.length === 0) runs.pop();
  if (oldestFirst.length === 0) return [[]];
  const parts: SearchDocument[][] = [];
  for (const run of runs) {
    for (let start = 0; start < run.length; start += shardSize)
      parts.push(run.slice(start, start + shardSize));
  }
  const newest = parts.at(-1);
  if (parts.length > 1 && newest && newest.length < shardSize / 4) {
    parts.pop();
    parts[parts.length - 1] = [...(parts.at(-1) ?? []), ...newest];
  }
  return parts.reverse().map((part) => part.reverse());
}

/** Runs `task` for every item, at most `limit` at a time; rejects with the first failure once all settled. */
async function eachInPool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await task(item);
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, lane));
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The previous release's search shards, for an incremental build. */
export interface PreviousIndex {
  /** The previous output folder. */
  readonly dir: string;
  /** Locale → its shards (key of their pages, folder). */
  readonly shards: Readonly<Record<string, readonly ShardRecord[]>>;
}

/**
 * What identifies a shard's index: its pages as Pagefind gets them. `pagefindHtml()` is a function of
 * the document's fields alone, and its code is part of the build version (a new version builds
 * everything), so the fields are hashed, not the HTML: encoding every page's bigrams only to hash
 * them took about 0.3 s of each publication on the demo city.
 */
function shardKey(members: readonly SearchDocument[], chunkLocations: number): string {
  const hash = createHash('sha256');
  // The same pages chunked otherwise are another index.
  hash.update(`chunks:${chunkLocations}\n`);
  for (const { url, site, siteKind, type, year, date, locale, title, text, facts } of members)
    hash.update(JSON.stringify([url, site, siteKind, type, year, date, locale, title, text, facts ?? '']));
  return hash.digest('base64url').slice(0, 22);
}

/** Links (or copies) a Pagefind bundle's own files, not the shards or routes beneath a locale folder. */
async function takeBundle(from: string, to: string, top = true): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (
      top &&
      entry.isDirectory() &&
      (/^\d+$/.test(entry.name) || entry.name === 'routes' || entry.name === 'titles')
    )
      continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await takeBundle(source, target, false);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

/**
 * Indexes search documents into per-locale Pagefind bundles under `outDir` (`pagefind/<locale>/` or,
 * sharded, `pagefind/<locale>/<n>/`) and writes `pagefind/search.json`. Shards are built side by side
 * (`concurrency`), each in a fresh Pagefind process, so peak memory is that of the largest shards. A shard
 * whose pages are those of a shard of `previous` is taken from there instead: Pagefind cannot change
 * an index, but the same pages give the same index.
 */
export async function indexDocuments(
  documents: readonly SearchDocument[],
  outDir: string,
  options: {
    readonly shardSize?: number;
    readonly memoryLimitBytes?: number;
    readonly log?: (line: string) => void;
    readonly previous?: PreviousIndex;
    /** Filled with each locale's shards (for the release manifest). */
    readonly records?: Record<string, ShardRecord[]>;
    /** Shards indexed at once (default: 2, or 1 on a single core). */
    readonly concurrency?: number;
    /** Word locations per index chunk (`defaultChunkLocations`). */
    readonly chunkLocations?: number;
  } = {},
): Promise<LocaleIndexStats[]> {
  const shardSize = options.shardSize ?? defaultShardSize;
  const chunkLocations = options.chunkLocations ?? defaultChunkLocations;
  const concurrency = Math.max(1, options.concurrency ?? Math.min(2, availableParallelism()));
  // A long page is indexed as parts, so that a result loads the part that matched (page-parts.ts); the
  // title index keeps whole pages.
  const byLocale = new Map<Locale, SearchDocument[]>();
  const wholes = new Map<string, SearchDocument>();
  for (const document of documents) {
    const list = byLocale.get(document.locale) ?? [];
    const parts = pageParts(document);
    if (parts.length > 1) wholes.set(document.url, document);
    list.push(...parts);
    byLocale.set(document.locale, list);
  }
  await rm(path.join(outDir, 'pagefind'), { recursive: true, force: true });
  const stats: LocaleIndexStats[] = [];
  const records = options.records ?? {};
  const locales: Record<string, SearchManifest['locales'][Locale]> = {};
  for (const [locale, list] of byLocale) {
    const parts = shardByRecency(list, shardSize);
    const runs: (PagefindRunStats | undefined)[] = [];
    const sharded = parts.length > 1;
    // What each older shard gives the routing table, counted where the shard is indexed.
    const routeRuns: (ShardRuns | undefined)[] = parts.map(() => undefined);
    records[locale] = parts.map((members, shard) => ({
      key: shardKey(members, chunkLocations),
      dir: pagefindBundlePath(locale, sharded ? shard : undefined),
    }));
    // The title index needs the pages only: it is written while the shards index.
    const titles = sharded
      ? writeTitleIndex(
          parts
            .flat()
            .filter((document) => partNumber(document.url) === 0)
            .map((document) => wholes.get(document.url) ?? document),
          path.join(outDir, pagefindBundlePath(locale)),
          { log: options.log },
        )
      : undefined;
    // Awaited below; a failing pool must not leave its rejection unhandled.
    titles?.catch(() => undefined);
    // Shards index side by side, one Pagefind process per core (each in a worker thread of its own, which
    // also writes the shard's table of parts and counts its runs), the largest first, so that no core
    // waits for another's last large shard at the end.
    const bySize = [...parts.entries()].sort(
      ([a, first], [b, second]) => second.length - first.length || a - b,
    );
    await eachInPool(bySize, concurrency, async ([shard, members]) => {
      const { key, dir } = records[locale]![shard]!;
      const target = path.join(outDir, dir);
      const before = options.previous?.shards[locale]?.find((record) => record.key === key);
      const label = `${locale}${sharded ? ` shard ${shard + 1}/${parts.length}` : ''}`;
      if (
        before &&
        options.previous &&
        existsSync(path.join(options.previous.dir, before.dir, 'pagefind.js'))
      ) {
        await takeBundle(path.join(options.previous.dir, before.dir), target);
        options.log?.(`${label}: ${members.length} pages unchanged, taken from the previous release`);
        // A shard taken from the previous release brought its table of parts along; its runs are counted here.
        if (sharded && shard > 0)
          routeRuns[shard] = shardRuns(members, await shardFragmentIds(target), routePageSize);
        return;
      }
      const task: ShardTask = {
        documents: members,
        outputPath: target,
        memoryLimitBytes: options.memoryLimitBytes,
        chunkLocations,
        // The parts of long pages by their fragment ids, for a query of several words (docs/adr/0040).
        longPages: [
          ...new Set(members.map((document) => pageUrl(document.url)).filter((url) => wholes.has(url))),
        ],
        routes: sharded && shard > 0,
      };
      const { stats: run, runs: counted } =
        concurrency > 1 ? await indexShardInWorker(task) : await indexShard(task);
      if (run.stopped) throw new Error(`Indexing ${locale} shard ${shard}: ${run.stopped}`);
      routeRuns[shard] = counted;
      options.log?.(
        `${label}: ${run.pages} pages, ${run.seconds.toFixed(1)} s, ` +
          `${(run.pagefindPeakBytes / 2 ** 30).toFixed(2)} GB peak, ${(run.indexBytes / 2 ** 20).toFixed(1)} MB`,
      );
      runs[shard] = run;
    });
    const shards = runs.filter((run): run is PagefindRunStats => run !== undefined);
    const routes = sharded
      ? await (async () => {
          const { counts: newest, reused } = shardCounts(parts[0]!, {
            key: records[locale]![0]!.key,
            outDir,
            previousDir: options.previous?.dir,
            cap: routePageSize,
          });
          if (reused) options.log?.('routes: shard 0 counts taken from the previous release');
          return writeRouteTable(newest, routeRuns, path.join(outDir, pagefindBundlePath(locale)), {
            log: options.log,
          });
        })()
      : undefined;
    const written = await titles;
    const sizes = sharded
      ? await Promise.all(
          parts.map((_, shard) => shardSizes(path.join(outDir, pagefindBundlePath(locale, shard)))),
        )
      : [];
    locales[locale] = {
      pages: list.filter((document) => partNumber(document.url) === 0).length,
      shards: parts.map((members, shard) => {
        const long = new Set(
          members.map((document) => pageUrl(document.url)).filter((url) => wholes.has(url)),
        ).size;
        return {
          pages: members.length,
          newest: members[0]?.date ?? '',
          oldest: members.findLast((document) => document.date !== '')?.date ?? '',
          ...sizes[shard],
          ...(long > 0 ? { parts: long } : {}),
        };
      }),
      ...(routes ? { routes: routes.manifest } : {}),
      ...(written ? { titles: written.manifest } : {}),
    };
    stats.push({ locale, shards, ...(routes ? { routes } : {}), ...(written ? { titles: written } : {}) });
  }
  const manifest: SearchManifest = { format: 'govcluster-search@1', locales };
  // A cluster with nothing published yet has no bundle, and still a manifest that says so.
  await mkdir(path.dirname(path.join(outDir, searchManifestPath)), { recursive: true });
  await writeFile(path.join(outDir, searchManifestPath), `${JSON.stringify(manifest)}\n`);
  return stats;
}

/**
 * Builds the search index of a built cluster in `distDir/pagefind/`: all sites and locales, filters
 * site, kind, type and year.
 */
export async function indexCluster(
  distDir: string,
  options: {
    readonly shardSize?: number;
    readonly chunkLocations?: number;
    readonly concurrency?: number;
    readonly log?: (line: string) => void;
    readonly previous?: PreviousIndex;
    /**
     * Take the pages' search documents from `distDir`'s own document cache (written by the build that
     * made it), reading again only pages changed since: reruns the index alone on a built output.
     */
    readonly keptDocuments?: boolean;
  } = {},
): Promise<{
  documents: number;
  locales: LocaleIndexStats[];
  shards: Record<string, ShardRecord[]>;
  /** The CSP hashes of every page's inline scripts, for `nginx.conf`. */
  scriptHashes: string[];
}> {
  const read = performance.now();
  const { documents, scriptHashes } = await clusterPages(distDir, {
    previous: options.keptDocuments ? distDir : options.previous?.dir,
    keep: true,
    log: options.log,
  });
  options.log?.(`search documents: ${((performance.now() - read) / 1000).toFixed(1)} s`);
  const shards: Record<string, ShardRecord[]> = {};
  const indexed = performance.now();
  const stats = await indexDocuments(documents, distDir, { ...options, records: shards });
  options.log?.(`search index: ${((performance.now() - indexed) / 1000).toFixed(1)} s`);
  return { documents: documents.length, locales: stats, shards, scriptHashes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const shardAt = args.indexOf('--shard-size');
  const shardSize = shardAt >= 0 ? Number(args[shardAt + 1]) : undefined;
  const concurrencyAt = args.indexOf('--concurrency');
  const concurrency = concurrencyAt >= 0 ? Number(args[concurrencyAt + 1]) : undefined;
  const chunkAt = args.indexOf('--chunk-locations');
  const chunkLocations = chunkAt >= 0 ? Number(args[chunkAt + 1]) : undefined;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const distDir = path.resolve(
    root,
    args.find(
      (arg, at) =>
        !arg.startsWith('--') &&
        !['--shard-size', '--concurrency', '--chunk-locations'].includes(args[at - 1] ?? ''),
    ) ?? 'dist',
  );
  const keptDocuments = args.includes('--kept-documents');
  // A rerun on a built output writes a fresh index, as a build does into its new folder: the old one is
  // moved aside and deleted after, so that the filesystem is not freeing its files while the new ones
  // are written (creating files right after deleting as many was markedly slower here).
  const old = path.join(distDir, `.pagefind-replaced-${process.pid}`);
  if (keptDocuments && existsSync(path.join(distDir, 'pagefind')))
    await rename(path.join(distDir, 'pagefind'), old);
  const started = performance.now();
  const result = await indexCluster(distDir, {
    keptDocuments,
    shardSize,
    concurrency,
    chunkLocations,
    log: (line) => console.log(`[index-search] ${line}`),
  });
  console.log(
    `[index-search] ${result.documents} pages indexed in ${((performance.now() - started) / 1000).toFixed(1)} s → ${path.join(distDir, 'pagefind')}`,
  );
  await rm(old, { recursive: true, force: true });
}
