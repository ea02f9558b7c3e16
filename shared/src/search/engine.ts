/**
 * The search the page runs over Pagefind bundles (one per locale): query planning, exact-phrase
 * matching of Han runs, title-first ranking, verification and excerpts. Pure and browser-safe: the
 * caller injects how a bundle is loaded, so the same code runs in the browser, the benchmark and tests.
 * @module
 */
import type { Locale } from '../schemas/locale.ts';
import type { SearchFilterKey, SearchManifest, SearchShard } from './pagefind.ts';
import {
  lookupRoute,
  type RouteBucketFile,
  type RouteEntry,
  routeBucket,
  routeBucketPath,
  routeGramsOf,
  routeRun,
} from './routes.ts';
import {
  containsQuery,
  decodeIndexedText,
  engineQuery,
  isSingleHanPhrase,
  parseQuery,
  type QueryPart,
} from './tokenize.ts';

/** The part of Pagefind's result object the engine uses. */
export interface PagefindResultLike {
  /** Fragment hash, unique per page within a bundle. */
  readonly id: string;
  /** Ranking score. */
  readonly score: number;
  /** Loads the fragment. */
  data(): Promise<{
    readonly url: string;
    readonly content: string;
    readonly meta: Readonly<Record<string, string>>;
  }>;
}

/** The part of Pagefind's JS API the engine uses (`pagefind.js` of one bundle). */
export interface PagefindLike {
  search(
    term: string,
    options?: { readonly filters?: Readonly<Record<string, string | readonly string[]>> },
  ): Promise<{ readonly results: readonly PagefindResultLike[] } | null>;
}

/** Filters of a search: each unset or one value. */
export type SearchFilters = Partial<Record<SearchFilterKey, string>>;

/** How well a result matches: 0 the title contains the query, 1 the text does, 2 all its parts occur apart. */
export type MatchTier = 0 | 1 | 2;

/** A piece of an excerpt; `mark` pieces are the matched text. */
export interface ExcerptPiece {
  /** The text. */
  readonly text: string;
  /** Whether this piece matched the query. */
  readonly mark: boolean;
}

/** One search result, ready to show. */
export interface SearchHit {
  /** The page URL. */
  readonly url: string;
  /** The title. */
  readonly title: string;
  /** The title split into marked and unmarked pieces. */
  readonly titlePieces: readonly ExcerptPiece[];
  /** Site id. */
  readonly site: string;
  /** Site kind. */
  readonly kind: string;
  /** Content type key. */
  readonly type: string;
  /** Publication date `YYYY-MM-DD`, or empty. */
  readonly date: string;
  /** Locale of the page. */
  readonly locale: string;
  /** A passage around the first match. */
  readonly excerpt: readonly ExcerptPiece[];
  /** How well it matches. */
  readonly tier: MatchTier;
}

/** A page of results. */
export interface SearchPage {
  /** The query as parsed. */
  readonly parts: readonly QueryPart[];
  /**
   * How many pages match in what was searched so far (exact matches when the query is one Han run).
   * A lower bound while `complete` is false.
   */
  readonly total: number;
  /** Whether every shard that could hold a match has been searched. */
  readonly complete: boolean;
  /** Whether what was searched holds results beyond this page. */
  readonly more: boolean;
  /** While not `complete`: the oldest publication date of the pages searched (`YYYY-MM-DD`, or empty). */
  readonly since: string;
  /** The results asked for. */
  readonly hits: readonly SearchHit[];
}

/** The older shards a routed query searches besides shard 0 (docs/adr/0011-shard-routing.md). */
export interface RoutePlan {
  /** Older shards, newest first. */
  readonly shards: readonly number[];
  /** Whether shard 0 and these hold every page that contains the run. */
  readonly complete: boolean;
}

/**
 * One locale's bundle as the engine sees it: shards, newest first, of which a query searches the newest
 * `count` that can hold its year. A query searches the newest such shard, plus the older shards the
 * routing table sends a rare Han run to; every shard when asked.
 */
export interface LocaleBundle {
  /** How many shards can hold pages of `year` (every shard when unset). */
  eligible(year?: string): number;
  /**
   * A bundle that searches (at least) the newest `count` shards that can hold `year`, and the older
   * shards `routed`.
   */
  searchable(count: number, year?: string, routed?: readonly number[]): Promise<PagefindLike>;
  /**
   * The oldest publication date in the newest `count` shards that can hold `year` and the `routed` ones
   * (empty if unknown).
   */
  since?(count: number, year?: string, routed?: readonly number[]): string;
  /** The older shards to search with shard 0 for a Han run, when the routing table lists it. */
  route?(run: string): Promise<RoutePlan | undefined>;
}

/** What a first query may download with a cold cache (issue #6). */
export const coldBudgetBytes = 300 * 1024;

/**
 * The older shards a routed run is searched in: those the table lists, newest first, until shard 0 and
 * they hold a page of results, as long as the whole cold query stays within the budget — the locale's
 * fixed cost (scripts, WebAssembly, a bucket, fragments) plus, for shard 0 and each routed shard, its
 * metadata and the index chunks the run loads there (as the table measured them, else one `chunkBytes`
 * per token of the query). A prefix of the list, so every shard between
 * shard 0 and the oldest one searched either was searched or holds no page with the run.
 * @example routedShards(entry, shards, { tokens: 1, fixedBytes: 120_000 }) // { shards: [3, 7], complete: true }
 */
export function routedShards(
  entry: RouteEntry,
  shards: readonly SearchShard[],
  options: {
    readonly tokens: number;
    readonly fixedBytes: number;
    readonly pageSize?: number;
    readonly budgetBytes?: number;
  },
): RoutePlan {
  const pageSize = options.pageSize ?? 10;
  const budget = options.budgetBytes ?? coldBudgetBytes;
  // Metadata, plus the index chunks the run loads: as the table measured them, else estimated per token.
  const cost = (index: number, chunks: number | undefined): number => {
    const shard = shards[index];
    // A shard without sizes (a manifest from before routing) is never routed to.
    if (shard?.metaBytes === undefined) return Number.POSITIVE_INFINITY;
    return shard.metaBytes + (chunks ?? options.tokens * (shard.chunkBytes ?? 0));
  };
  let spent = options.fixedBytes + cost(0, entry.newestBytes);
  let pages = entry.newest;
  const chosen: number[] = [];
  for (const { shard, pages: held, bytes } of entry.shards) {
    if (pages >= pageSize || spent + cost(shard, bytes) > budget) break;
    spent += cost(shard, bytes);
    pages += held;
    chosen.push(shard);
  }
  return { shards: chosen, complete: entry.complete && chosen.length === entry.shards.length };
}

/** Options of `createSearch()`. */
export interface SearchEngineOptions {
  /** Opens (once; later calls return the same) a locale's bundle; rejects when it has none. */
  readonly open: (locale: Locale) => Promise<LocaleBundle>;
  /** The locales that have bundles. */
  readonly locales: readonly Locale[];
}

/** A candidate before its fragment is loaded. */
interface Candidate {
  readonly uid: string;
  readonly result: PagefindResultLike;
  readonly exact: boolean;
  readonly order: number;
}

/**
 * The locales a query is searched in: Han text only in zh-CN (the only locale written in Han),
 * Cyrillic in ru first, anything else in every locale (Latin names and numbers occur in Chinese pages too).
 */
export function localesForQuery(parts: readonly QueryPart[], available: readonly Locale[]): Locale[] {
  const text = parts.map((part) => part.text).join(' ');
  const wanted: Locale[] = parts.some((part) => part.kind === 'han')
    ? ['zh-CN']
    : /\p{Script=Cyrillic}/u.test(text)
      ? ['ru']
      : ['en', 'zh-CN', 'ru'];
  return wanted.filter((locale) => available.includes(locale));
}

/** Pagefind filters for our filters (unset keys left out). */
export function pagefindFilters(filters: SearchFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''),
  );
}

/**
 * Splits text into marked and unmarked pieces, marking every occurrence of the query's parts.
 * @example markPieces('临江市政府', parseQuery('江市')) // [{text:'临',mark:false},{text:'江市',mark:true},{text:'政府',mark:false}]
 */
export function markPieces(text: string, parts: readonly QueryPart[]): ExcerptPiece[] {
  const needles = parts.map((part) => part.text).filter((needle) => needle.length > 0);
  if (needles.length === 0) return [{ text, mark: false }];
  const escaped = needles
    .sort((a, b) => b.length - a.length)
    .map((needle) => needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('|'), 'giu');
  const pieces: ExcerptPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), mark: false });
    pieces.push({ text: match[0], mark: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
  return pieces;
}

/**
 * A passage of about `length` characters around the first match in the text, with the matches marked.
 * Starts at the beginning when nothing matches.
 */
export function excerpt(text: string, parts: readonly QueryPart[], length = 90): ExcerptPiece[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const positions = parts
    .map((part) => (part.kind === 'han' ? flat.indexOf(part.text) : lower.indexOf(part.text)))
    .filter((at) => at >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 3), flat.length - length));
  const end = Math.min(flat.length, start + length);
  const passage = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
  return markPieces(passage, parts);
}

/** The text of a fragment without its leading title. */
function bodyOf(content: string, title: string): string {
  const text = joinBlocks(decodeIndexedText(content)).trim();
  return title && text.startsWith(title) ? text.slice(title.length).trim() : text;
}

/**
 * Pagefind joins the blocks of a page with a full stop; between Chinese blocks that reads as a stray
 * "." (".来源.临江市人民政府"), so there it becomes a space. Latin text and decimal numbers keep theirs.
 * @example joinBlocks('.来源.临江市人民政府.GDP增长3.5%') // ' 来源 临江市人民政府 GDP增长3.5%'
 */
export function joinBlocks(text: string): string {
  return text.replace(/^\.|(?<=\p{Script=Han})\.|\.(?=\p{Script=Han})/gu, ' ');
}

/** A search over the Pagefind bundles of the cluster. */
export interface ClusterSearch {
  /**
   * Runs a query and returns results `offset … offset + limit` (default 0 … 10).
   * Han runs match as exact substrings first (title matches first), then pages that hold all
   * their bigrams apart; other words are searched stemmed in their locale. A query searches the
   * newest shard that can hold its year; `older: true` searches every shard, results ranked anew
   * (ask from offset 0).
   */
  search(
    query: string,
    options?: {
      readonly filters?: SearchFilters;
      readonly offset?: number;
      readonly limit?: number;
      readonly older?: boolean;
    },
  ): Promise<SearchPage>;
}

/** Creates the cluster search over per-locale Pagefind bundles. */
export function createSearch(options: SearchEngineOptions): ClusterSearch {
  /**
   * The current query: hits handed out (so "load more" continues without repeating or reordering) and,
   * per locale, how many shards it searches.
   */
  let state:
    | {
        key: string;
        out: SearchHit[];
        uids: Set<string>;
        levels: Map<Locale, number>;
        routes: Map<Locale, RoutePlan>;
      }
    | undefined;
  const lookahead = 3;

  async function candidatesFor(
    parts: readonly QueryPart[],
    filters: SearchFilters,
    targets: readonly Locale[],
    levels: ReadonlyMap<Locale, number>,
    routes: ReadonlyMap<Locale, RoutePlan>,
  ) {
    const pfFilters = pagefindFilters(filters);
    const term = engineQuery(parts);
    const phrase = isSingleHanPhrase(parts);
    const perLocale = await Promise.all(
      targets.map(async (locale) => {
        let bundle: PagefindLike;
        let widened = false;
        try {
          const opened = await options.open(locale);
          const eligible = opened.eligible(filters.year);
          if (eligible === 0) return [];
          const level = Math.min(levels.get(locale) ?? 1, eligible);
          const routed = level === 1 ? (routes.get(locale)?.shards ?? []) : [];
          widened = level > 1 || routed.length > 0;
          bundle = await opened.searchable(level, filters.year, routed);
        } catch {
          return [];
        }
        // A widened phrase query is a rare one: its exact matches are all it shows, so the ranked
        // search over every shard (the costly part) is skipped; title matches still move up.
        if (phrase && widened) {
          const exact = await bundle.search(engineQuery(parts, { exact: true }), { filters: pfFilters });
          return (exact?.results ?? []).map((result, order) => ({
            uid: `${locale}:${result.id}`,
            result,
            exact: true,
            order,
          }));
        }
        const [ranked, exact] = await Promise.all([
          bundle.search(term, { filters: pfFilters }),
          phrase
            ? bundle.search(engineQuery(parts, { exact: true }), { filters: pfFilters })
            : Promise.resolve(null),
        ]);
        const exactIds = new Set((exact?.results ?? []).map((result) => result.id));
        return (ranked?.results ?? []).map((result, order) => ({
          uid: `${locale}:${result.id}`,
          result,
          exact: !phrase || exactIds.has(result.id),
          order,
        }));
      }),
    );
    // Exact phrase matches first; within a group, by score (locales interleave), then engine order.
    return perLocale
      .flat()
      .sort(
        (a, b) => Number(b.exact) - Number(a.exact) || b.result.score - a.result.score || a.order - b.order,
      );
  }

  /** How many shards each target locale can still add for the year. */
  async function eligibleShards(
    targets: readonly Locale[],
    year: string | undefined,
  ): Promise<Map<Locale, number>> {
    const counts = await Promise.all(
      targets.map((locale) =>
        options.open(locale).then(
          (opened) => opened.eligible(year),
          () => 0,
        ),
      ),
    );
    return new Map(targets.map((locale, index) => [locale, counts[index]!]));
  }

  async function hitOf(candidate: Candidate, parts: readonly QueryPart[]): Promise<SearchHit> {
    const data = await candidate.result.data();
    const meta = data.meta;
    const title = meta.title ?? '';
    const text = bodyOf(data.content, title);
    const tier: MatchTier = containsQuery(title, parts) ? 0 : containsQuery(text, parts) ? 1 : 2;
    return {
      url: data.url,
      title,
      titlePieces: markPieces(title, parts),
      site: meta.site ?? '',
      kind: meta.kind ?? '',
      type: meta.type ?? '',
      date: meta.date ?? '',
      locale: meta.locale ?? '',
      excerpt: excerpt(text, parts),
      tier,
    };
  }

  /** Since when the locales with shards left were searched (the latest such date). */
  async function searchedSince(
    partial: readonly Locale[],
    levels: ReadonlyMap<Locale, number>,
    routes: ReadonlyMap<Locale, RoutePlan>,
    year: string | undefined,
  ): Promise<string> {
    const dates = await Promise.all(
      partial.map((locale) =>
        options.open(locale).then(
          (opened) => opened.since?.(levels.get(locale) ?? 1, year, routes.get(locale)?.shards) ?? '',
          () => '',
        ),
      ),
    );
    return dates.filter(Boolean).sort().at(-1) ?? '';
  }

  /**
   * The routed shards of a query per locale: only for one Han run with no year filter (a year already
   * picks the shards), in locales whose bundle has a routing table.
   */
  async function routesFor(
    parts: readonly QueryPart[],
    filters: SearchFilters,
    targets: readonly Locale[],
  ): Promise<Map<Locale, RoutePlan>> {
    const run = parts.length === 1 && parts[0]!.kind === 'han' ? parts[0]!.text : '';
    if ([...run].length < 2 || filters.year) return new Map();
    const plans = await Promise.all(
      targets.map((locale) =>
        options.open(locale).then(
          (opened) => opened.route?.(run),
          () => undefined,
        ),
      ),
    );
    return new Map(
      targets.flatMap((locale, index) => (plans[index] ? [[locale, plans[index]] as const] : [])),
    );
  }

  return {
    async search(query, { filters = {}, offset = 0, limit = 10, older = false } = {}) {
      const parts = parseQuery(query);
      if (parts.length === 0) return { parts, total: 0, complete: true, more: false, since: '', hits: [] };
      const targets = localesForQuery(parts, options.locales);
      const key = JSON.stringify([query, filters]);
      const eligible = await eligibleShards(targets, filters.year);
      const everything = (levels: ReadonlyMap<Locale, number>) =>
        targets.every((locale) => (levels.get(locale) ?? 1) >= (eligible.get(locale) ?? 0));
      // A new query searches the newest shard and the shards its run is routed to. Asked for older
      // pages, it searches all of them, ranked anew.
      if (state?.key !== key || (older && !everything(state.levels))) {
        state = {
          key,
          out: [],
          uids: new Set(),
          levels: new Map(older ? targets.map((locale) => [locale, eligible.get(locale) ?? 0]) : []),
          routes: older ? new Map() : await routesFor(parts, filters, targets),
        };
      }
      const current = state;
      const wanted = offset + limit;
      const candidates = await candidatesFor(parts, filters, targets, current.levels, current.routes);
      // Partial: locales with shards left that may hold a match.
      const partial = targets.filter(
        (locale) =>
          (current.levels.get(locale) ?? 1) < (eligible.get(locale) ?? 0) &&
          !current.routes.get(locale)?.complete,
      );
      const complete = partial.length === 0;
      const phrase = isSingleHanPhrase(parts);
      const total = phrase ? candidates.filter((candidate) => candidate.exact).length : candidates.length;
      const need = wanted - current.out.length;
      if (need > 0) {
        const remaining = candidates.filter((candidate) => !current.uids.has(candidate.uid));
        const batch = remaining.slice(0, need + lookahead);
        const hits = await Promise.all(batch.map((candidate) => hitOf(candidate, parts)));
        // Title matches move up within what was loaded; never past an exact match for a scattered one.
        const ordered = batch
          .map((candidate, index) => ({ candidate, hit: hits[index]!, index }))
          .sort(
            (a, b) =>
              Number(b.candidate.exact) - Number(a.candidate.exact) ||
              a.hit.tier - b.hit.tier ||
              a.index - b.index,
          )
          .slice(0, need);
        for (const { candidate, hit } of ordered) {
          current.out.push(hit);
          current.uids.add(candidate.uid);
        }
      }
      const more =
        current.out.length > wanted || candidates.some((candidate) => !current.uids.has(candidate.uid));
      const since = complete
        ? ''
        : await searchedSince(partial, current.levels, current.routes, filters.year);
      return { parts, total, complete, more, since, hits: current.out.slice(offset, wanted) };
    },
  };
}

/** The part of a bundle's `pagefind.js` module the loader uses. */
export interface PagefindModuleLike extends PagefindLike {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
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
 * A query asked to search older pages searches a second instance of the same module (imported with
 * `?wide`, so it keeps its own state but shares the cached WebAssembly) into which older shards are
 * merged with `mergeIndex`; the first instance stays on the newest shard, so later queries stay fast. Result URLs are taken as absolute paths. `root` is where
 * `pagefind/` is served, e.g. `/`.
 */
export function bundleLoader(options: {
  readonly root: string;
  readonly manifest: SearchManifest;
  readonly importModule: (url: string) => Promise<PagefindModuleLike>;
  /** Loads a JSON file (a routing bucket); `fetch` by default. */
  readonly fetchJson?: (url: string) => Promise<unknown>;
}): (locale: Locale) => Promise<LocaleBundle> {
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
        let newest: Promise<PagefindModuleLike> | undefined;
        let wide: Promise<PagefindModuleLike> | undefined;
        const merged = new Set<number>([0]);
        let merging: Promise<unknown> = Promise.resolve();
        const load = async (url: string) => {
          const module = await options.importModule(url);
          await module.options(settings);
          return module;
        };
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
        return {
          eligible: (year) => eligibleShards(year).length,
          since: (count, year, routed = []) => {
            const searched = [...eligibleShards(year).slice(0, count), ...routed];
            return entry.shards[Math.max(0, ...searched)]?.oldest ?? '';
          },
          route: async (run) => {
            if (!table || !sharded) return undefined;
            // The bucket loads while the newest shard's module does; a failed bucket routes nothing.
            newest ??= load(first);
            const [found] = await Promise.all([routeRun(run, lookup).catch(() => undefined), newest]);
            if (!found) return undefined;
            // The fixed cost counts one bucket; a longer run fetched one per looked-up 4-character run.
            const lookups = routeGramsOf(run).length;
            return routedShards(found, entry.shards, {
              tokens: [...run].length - 1,
              fixedBytes: table.fixedBytes + (lookups - 1) * table.bucketBytes,
              pageSize: table.pageSize,
            });
          },
          searchable: async (count, year, routed = []) => {
            const wanted = [...new Set([...eligibleShards(year).slice(0, count), ...routed])];
            if (wanted.length === 1 && wanted[0] === 0) {
              newest ??= load(first);
              return newest;
            }
            wide ??= load(`${first}?wide`);
            const module = await wide;
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
