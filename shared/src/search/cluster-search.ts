/**
 * The search the page runs over Pagefind bundles (one per locale): query planning, exact-phrase
 * matching of Han runs, title-first ranking and verification. Pure and browser-safe: the caller
 * injects how a bundle is opened (`bundleLoader`), so the same code runs in the browser, the benchmark
 * and tests.
 * @module
 */
import type { Locale } from '../schemas/locale.ts';
import type {
  ClusterSearch,
  MatchTier,
  PagefindLike,
  PagefindResultLike,
  RoutePlan,
  SearchEngineOptions,
  SearchFilters,
  SearchHit,
} from './engine-types.ts';
import { bodyOf, excerpt, markPieces } from './excerpt.ts';
import {
  containsQuery,
  engineQuery,
  isLongHanRun,
  isSingleHanPhrase,
  parseQuery,
  probeBigrams,
  type QueryPart,
  spansRun,
} from './tokenize.ts';

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
        /** URLs handed out: a page found by its title is not shown again from the full-text search. */
        urls: Set<string>;
        /** Pages whose title holds the query, from the title index, before the full-text results. */
        titled: SearchHit[];
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
    // A long run is searched by two bigrams that span it; a page holds the run when they are as far
    // apart as in the run (no quoted search, which would load a chunk for every bigram).
    const probes = isLongHanRun(parts) ? probeBigrams(parts[0]!.text) : undefined;
    const term = probes ? probes.map((probe) => probe.token).join(' ') : engineQuery(parts);
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
        if (probes) {
          const found = await bundle.search(term, { filters: pfFilters });
          const ranked = (found?.results ?? []).map((result, order) => ({
            uid: `${locale}:${result.id}`,
            result,
            exact: spansRun(result.words ?? [], probes),
            order,
          }));
          // Widened, only the pages that hold the run are kept (as for a quoted phrase).
          return widened ? ranked.filter((candidate) => candidate.exact) : ranked;
        }
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

  /**
   * The pages whose title holds the query, from the title indexes of the target locales: a title equal to
   * the query first, then newest first; the filters applied as the full-text search applies them.
   */
  async function titledFor(
    parts: readonly QueryPart[],
    filters: SearchFilters,
    targets: readonly Locale[],
  ): Promise<SearchHit[]> {
    const perLocale = await Promise.all(
      targets.map((locale) =>
        options.open(locale).then(
          async (opened) => (await opened.titles?.(parts)) ?? [],
          () => [],
        ),
      ),
    );
    const typed = parts.map((part) => part.text).join('');
    return perLocale
      .flatMap((records, index) => records.map((record) => ({ record, locale: targets[index]! })))
      .filter(
        ({ record: [, , site, kind, type, date] }) =>
          (!filters.site || filters.site === site) &&
          (!filters.kind || filters.kind === kind) &&
          (!filters.type || filters.type === type) &&
          (!filters.year || filters.year === date.slice(0, 4)),
      )
      .map(({ record: [url, title, site, kind, type, date, lead], locale }, order) => ({
        order,
        equal: title.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase() === typed,
        hit: {
          url,
          title,
          titlePieces: markPieces(title, parts),
          site,
          kind,
          type,
          date,
          locale,
          excerpt: excerpt(lead, parts),
          tier: 0 as const,
        },
      }))
      .sort((a, b) => Number(b.equal) - Number(a.equal) || a.order - b.order)
      .map(({ hit }) => hit);
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
        const [routes, titled] = await Promise.all([
          older ? new Map<Locale, RoutePlan>() : routesFor(parts, filters, targets),
          titledFor(parts, filters, targets),
        ]);
        state = {
          key,
          out: [],
          uids: new Set(),
          urls: new Set(),
          titled,
          levels: new Map(older ? targets.map((locale) => [locale, eligible.get(locale) ?? 0]) : []),
          routes,
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
      const found = phrase ? candidates.filter((candidate) => candidate.exact).length : candidates.length;
      // The title index and the full-text search overlap; the larger count is the closer one.
      const total = Math.max(found, current.titled.length);
      for (const hit of current.titled) {
        if (current.out.length >= wanted) break;
        if (current.urls.has(hit.url)) continue;
        current.out.push(hit);
        current.urls.add(hit.url);
      }
      const need = wanted - current.out.length;
      if (need > 0) {
        const remaining = candidates.filter((candidate) => !current.uids.has(candidate.uid));
        const loaded = remaining.slice(0, need + lookahead);
        const pages = await Promise.all(loaded.map((candidate) => hitOf(candidate, parts)));
        // Pages already shown by their title are passed over (and count as handed out).
        const batch = loaded.filter((candidate, index) => {
          if (!current.urls.has(pages[index]!.url)) return true;
          current.uids.add(candidate.uid);
          return false;
        });
        const hits = pages.filter((hit) => !current.urls.has(hit.url));
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
          current.urls.add(hit.url);
        }
      }
      const more =
        current.out.length > wanted ||
        current.titled.some((hit) => !current.urls.has(hit.url)) ||
        candidates.some((candidate) => !current.uids.has(candidate.uid));
      const since = complete
        ? ''
        : await searchedSince(partial, current.levels, current.routes, filters.year);
      return { parts, total, complete, more, since, hits: current.out.slice(offset, wanted) };
    },
  };
}
