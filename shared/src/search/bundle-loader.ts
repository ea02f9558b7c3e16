/**
 * Opens a locale's Pagefind bundle for the cluster search: the newest shard's module, a second
 * instance into which older shards are merged, the routing table's buckets and the shards' tables of
 * parts. Browser-safe; the caller injects how a module is imported and JSON is fetched.
 * @module
 */
import type { Locale } from '../schemas/locale.ts';
import type { LocaleBundle, PagefindInstanceLike, PagefindModuleLike } from './engine-types.ts';
import { type PagePartsTable, pagePartsFile, partPagesOf } from './page-parts.ts';
import type { SearchManifest } from './pagefind.ts';
import { routedShards } from './routed-shards.ts';
import {
  lookupRoute,
  type RouteBucketFile,
  type RouteEntry,
  routeBucket,
  routeBucketPath,
  routeGramsOf,
  routeRun,
  routeWords,
} from './routes.ts';
import {
  parsePostings,
  type TitlePostingFile,
  type TitleRecord,
  titleCandidates,
  titleIndexPath,
  titleProbes,
  titleRecordFetches,
} from './title-index.ts';
import { containsQuery, longRunChars, parseQuery, probeBigrams } from './tokenize.ts';

/** What a Pagefind fragment holds that the engine reads. */
export interface FragmentData {
  readonly url: string;
  readonly content: string;
  readonly meta: Readonly<Record<string, string>>;
}

/** Pagefind's marker before the payload of its files, once decompressed. */
const fragmentSignature = 'pagefind_dcd';

/**
 * Reads a Pagefind fragment file as Pagefind does: gzipped on disk (unless the server already
 * decompressed it), `pagefind_dcd` then JSON.
 */
export async function decodeFragment(bytes: Uint8Array): Promise<FragmentData> {
  let raw = bytes;
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    const stream = new Blob([raw as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    raw = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const text = new TextDecoder().decode(raw);
  return JSON.parse(
    text.startsWith(fragmentSignature) ? text.slice(fragmentSignature.length) : text,
  ) as FragmentData;
}

async function loadFragment(url: string): Promise<FragmentData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return decodeFragment(new Uint8Array(await response.arrayBuffer()));
}

/** Whether a shard may hold pages of a year. */
function shardHasYear(
  shard: { readonly newest: string; readonly oldest: string },
  year: string | undefined,
): boolean {
  if (!year || !shard.newest) return true;
  return shard.oldest.slice(0, 4) <= year && year <= shard.newest.slice(0, 4);
}

/**
 * Opens each locale's bundle once: `pagefind/<locale>/pagefind.js`, or for a sharded locale shard 0's.
 * A query asked to search older pages searches a second instance of the same module (made by its
 * `createInstance()`, so it keeps its own state but shares the module, its web worker and the cached
 * WebAssembly) into which older shards are merged with `mergeIndex`; the first instance stays on the
 * newest shard, so later queries stay fast. After an answer, `warm()` loads the instance it did not
 * use. Result URLs are taken as absolute paths. `root` is where `pagefind/` is served, e.g. `/`.
 */
export function bundleLoader(options: {
  readonly root: string;
  readonly manifest: SearchManifest;
  readonly importModule: (url: string) => Promise<PagefindModuleLike>;
  /** Loads a JSON file (a routing bucket, a title index file, a table of parts); `fetch` by default. */
  readonly fetchJson?: (url: string) => Promise<unknown>;
  /** Loads a Pagefind fragment file (gzipped `pagefind_dcd` + JSON); `fetch` and gunzip by default. */
  readonly fetchFragment?: (url: string) => Promise<FragmentData>;
}): (locale: Locale) => Promise<LocaleBundle> {
  const fetchFragment = options.fetchFragment ?? loadFragment;
  const fetchJson =
    options.fetchJson ??
    (async (url: string) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json() as Promise<unknown>;
    });
  const opened = new Map<Locale, Promise<LocaleBundle>>();
  const settings = { baseUrl: '/', excerptLength: 0 };
  return (locale) => {
    let bundle = opened.get(locale);
    if (!bundle) {
      bundle = (async () => {
        const entry = options.manifest.locales[locale];
        if (!entry || entry.shards.length === 0) throw new Error(`No search bundle for ${locale}`);
        const base = `${options.root}pagefind/${locale}/`;
        const sharded = entry.shards.length > 1;
        const first = `${sharded ? `${base}0/` : base}pagefind.js`;
        const eligibleShards = (year?: string) =>
          entry.shards.flatMap((shard, index) => (shardHasYear(shard, year) ? [index] : []));
        let newest: Promise<PagefindInstanceLike> | undefined;
        let wide: Promise<PagefindInstanceLike> | undefined;
        const merged = new Set<number>([0]);
        let merging: Promise<unknown> = Promise.resolve();
        // One import of shard 0's module: its own instance searches the newest shard, a second one made
        // by `createInstance()` takes the merged shards, sharing the module's code and web worker. A
        // module without `createInstance()` is imported a second time (`?wide`) for the second instance.
        let module: Promise<PagefindModuleLike> | undefined;
        const load = async (instance: 'newest' | 'wide'): Promise<PagefindInstanceLike> => {
          module ??= options.importModule(first);
          const loaded = await module;
          if (instance === 'wide') {
            if (loaded.createInstance) return loaded.createInstance(settings);
            const second = await options.importModule(`${first}?wide`);
            await second.options(settings);
            return second;
          }
          await loaded.options(settings);
          return loaded;
        };
        const newestInstance = () => (newest ??= load('newest'));
        const wideInstance = () => (wide ??= load('wide'));
        const buckets = new Map<number, Promise<RouteBucketFile>>();
        const table = entry.routes;
        const lookup = async (gram: string): Promise<RouteEntry | undefined> => {
          if (!table) return undefined;
          const bucket = routeBucket(gram, table.buckets);
          let file = buckets.get(bucket);
          if (!file) {
            file = fetchJson(`${options.root}${routeBucketPath(locale, bucket)}`) as Promise<RouteBucketFile>;
            buckets.set(bucket, file);
            file.catch(() => buckets.delete(bucket));
          }
          return lookupRoute(await file, gram);
        };
        const titleIndex = entry.titles;
        const titleFiles = new Map<string, Promise<unknown>>();
        const titleFile = (file: `p${number}` | `r${number}`): Promise<unknown> => {
          let loaded = titleFiles.get(file);
          if (!loaded) {
            loaded = fetchJson(`${options.root}${titleIndexPath(locale, file)}`);
            titleFiles.set(file, loaded);
            loaded.catch(() => titleFiles.delete(file));
          }
          return loaded;
        };
        const partTables = new Map<number, Promise<PagePartsTable>>();
        const partTable = (shard: number): Promise<PagePartsTable> => {
          let loaded = partTables.get(shard);
          if (!loaded) {
            // A table that cannot be read joins no parts: the query is answered as before.
            loaded = fetchJson(`${sharded ? `${base}${shard}/` : base}${pagePartsFile}`).then(
              (table) => table as PagePartsTable,
              () => ({}),
            );
            partTables.set(shard, loaded);
          }
          return loaded;
        };
        return {
          eligible: (year) => eligibleShards(year).length,
          partPages: async (count, year, routed = []) => {
            const shards = [...new Set([...eligibleShards(year).slice(0, count), ...routed])].filter(
              (shard) => (entry.shards[shard]?.parts ?? 0) > 0,
            );
            if (shards.length === 0) return undefined;
            return partPagesOf(await Promise.all(shards.map(partTable)));
          },
          titles: async (parts) => {
            if (!titleIndex) return undefined;
            const ids = await titleCandidates(parts, titleIndex.buckets, async (bucket, gram) => {
              const value = ((await titleFile(`p${bucket}`)) as TitlePostingFile)[gram];
              return value === undefined ? undefined : parsePostings(value);
            });
            if (!ids) return undefined;
            // The newest candidates, from at most a few record files.
            const files = [...new Set(ids.map((id) => Math.floor(id / titleIndex.perFile)))].slice(
              0,
              titleRecordFetches,
            );
            const loaded = await Promise.all(
              files.map(async (file) => [file, (await titleFile(`r${file}`)) as TitleRecord[]] as const),
            );
            const records = new Map(loaded);
            return ids.flatMap((id) => {
              const record = records.get(Math.floor(id / titleIndex.perFile))?.[id % titleIndex.perFile];
              return record && containsQuery(record[1], parts) ? [record] : [];
            });
          },
          warm: async () => {
            // Once a query was answered: the instance it did not use loads too (the module, WebAssembly
            // and shard 0's metadata are cached by then), so that the next query, routed or not, does
            // not wait for a web worker and WebAssembly to start. Only with `createInstance()`: a
            // `?wide` import would be a download of its own.
            if (!sharded || !(await (module ?? Promise.resolve(undefined)))?.createInstance) return;
            await Promise.all(
              [newestInstance(), wideInstance()].map((loaded) => loaded.then((i) => i.init?.())),
            );
          },
          since: (count, year, routed = []) => {
            const searched = [...eligibleShards(year).slice(0, count), ...routed];
            return entry.shards[Math.max(0, ...searched)]?.oldest ?? '';
          },
          route: async (runs, otherTokens = 0) => {
            if (!table || !sharded || runs.length === 0) return undefined;
            // The bucket loads while the newest shard's module does; a failed bucket routes nothing.
            const [found] = await Promise.all([
              (runs.length === 1 ? routeRun(runs[0]!, lookup) : routeWords(runs, lookup)).catch(
                () => undefined,
              ),
              newestInstance(),
            ]);
            if (!found) return undefined;
            // Listed older pages are loaded by their fragments: no older shard's metadata or chunks.
            if (found.pages) {
              const pages = found.pages.map(({ shard, id }) => {
                let data: Promise<FragmentData> | undefined;
                return {
                  id,
                  score: 0,
                  words: [],
                  data: () => (data ??= fetchFragment(`${base}${shard}/fragment/${id}.pf_fragment`)),
                };
              });
              const last = found.pages.at(-1)?.shard ?? 0;
              const covered = found.pagesComplete
                ? undefined
                : Array.from({ length: Math.max(0, last - 1) }, (_, index) => index + 1);
              return {
                shards: [],
                complete: found.pagesComplete === true,
                pages,
                ...(covered ? { covered } : {}),
              };
            }
            // The fixed cost counts one bucket; a longer run fetched one per looked-up 4-character run.
            const lookups = runs.reduce((sum, run) => sum + routeGramsOf(run).length, 0);
            // The title index's buckets and record files load for the same query.
            const titleBytes = titleIndex
              ? titleProbes(parseQuery(runs.join(' '))).length * titleIndex.bucketBytes +
                titleRecordFetches * titleIndex.recordBytes
              : 0;
            // A long run is searched by its probe bigrams only (tokenize.ts).
            const tokensOf = (run: string) =>
              [...run].length > longRunChars ? probeBigrams(run).length : [...run].length - 1;
            return routedShards(found, entry.shards, {
              tokens: runs.reduce((sum, run) => sum + tokensOf(run), otherTokens),
              fixedBytes: table.fixedBytes + (lookups - 1) * table.bucketBytes + titleBytes,
              pageSize: table.pageSize,
            });
          },
          searchable: async (count, year, routed = []) => {
            const wanted = [...new Set([...eligibleShards(year).slice(0, count), ...routed])];
            if (wanted.length === 1 && wanted[0] === 0) return newestInstance();
            const module = await wideInstance();
            // The shards of one widening are merged in parallel (each loads its own metadata); widenings
            // follow one another, so a search never runs on a half-registered set.
            const previous = merging;
            merging = (async () => {
              await previous;
              const missing = wanted.filter((index) => !merged.has(index));
              for (const index of missing) merged.add(index);
              await Promise.all(missing.map((index) => module.mergeIndex(`${base}${index}/`, settings)));
            })();
            await merging;
            return module;
          },
        };
      })();
      opened.set(locale, bundle);
    }
    return bundle;
  };
}
