/**
 * The search the page runs over Pagefind bundles (one per locale): for a query planned by
 * `query-plan.ts`, which shards and candidates to load, exact-phrase matching of Han runs, title-first
 * ranking, the words of a query joined across a long page's parts (`part-join.ts`), copies shown once
 * and verification. Pure and browser-safe: the caller injects how a bundle is opened (`bundleLoader`),
 * so the same code runs in the browser, the benchmark and tests.
 * Long on purpose: the steps of `createSearch()` share one query's state (hits handed out, shards
 * searched, the title index's answer) as closures.
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
import { pageUrl } from './page-parts.ts';
import { joinParts, onePerPage, partialMatches } from './part-join.ts';
import { localesForQuery, pagefindFilters, rankedTerms, wordTerms } from './query-plan.ts';
import { comparableText, copyHash, titleLead } from './title-index.ts';
import {
  containsQuery,
  isLongHanRun,
  parseQuery,
  phraseProbes,
  phraseQuery,
  type QueryPart,
  spansRun,
} from './tokenize.ts';

/** A candidate before its fragment is loaded. */
interface Candidate {
  readonly uid: string;
  readonly result: PagefindResultLike;
  /** Whether it holds the query as typed, as the engine can tell; false once its text says otherwise. */
  exact: boolean;
  readonly order: number;
}

/** Exact matches first; within a group, by score (locales interleave), then engine order. */
function byMatch(a: Candidate, b: Candidate): number {
  return Number(b.exact) - Number(a.exact) || b.result.score - a.result.score || a.order - b.order;
}

/**
 * Rounds of fragments loaded for one page of results (pages failing the text check cost a round): at
 * most `maxRounds × (page + lookahead)` fragments, as before pages were checked, since a fragment of a
 * long real page is up to 100 KB.
 */
const maxRounds = 4;

/** A result with what the engine compares it by. */
interface LoadedHit {
  readonly hit: SearchHit;
  /** Equal for copies of one page: locale, title and text but for numbers, spaces and punctuation. */
  readonly key: string;
  /** Whether the page holds the query's numbers whole (`24`, not only `240`). */
  readonly numbers: boolean;
  /** The copy key a page found by its title has: title and the start of the text (`titleKey()`). */
  readonly leadKey: string;
  /** The same with the whole text's hash, as a title index that records it keys its pages. */
  readonly hashKey: string;
}

/**
 * What copies of one page found by its title share: locale, title and the start of the text — and,
 * where the title index records it (`copyHash()`), the whole text as copies compare it. Without the
 * hash, two letters with one title and one question but different replies were taken for copies.
 */
function titleKey(locale: string, title: string, lead: string, hash?: string): string {
  return `${locale}\n${title}\n${comparableText(lead)}\n${hash === undefined ? '' : `${hash}\n`}`;
}

/** Whether a text holds every number of the query as a whole number. */
function holdsNumbers(text: string, parts: readonly QueryPart[]): boolean {
  return parts.every(
    (part) => part.kind !== 'word' || !/^\p{N}+$/u.test(part.text) || containsQuery(text, [part]),
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
        /** Candidates handed out or left out (duplicates), never handed out again. */
        uids: Set<string>;
        /** The duplicate keys of the hits handed out. */
        seen: Set<string>;
        /** How many counted matches were left out as duplicates. */
        dropped: number;
        /** URLs handed out: a page found by its title is not shown again from the full-text search. */
        urls: Set<string>;
        /** Pages whose title holds the query, from the title index, before the full-text results. */
        titled: (SearchHit & { readonly lead: string; readonly hash?: string })[];
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
    // apart as in the run (no quoted phrase, which would load a chunk for every bigram).
    const probes = phraseProbes(parts);
    const term = probes ? probes.map((probe) => probe.token).join(' ') : rankedTerms(parts);
    const phrase = probes ? undefined : phraseQuery(parts);
    // A query of several words: each word is searched on its own too, where a long page may hold them in
    // different parts (part-join.ts).
    const words = probes || phrase ? undefined : wordTerms(parts);
    const perLocale = await Promise.all(
      targets.map(async (locale) => {
        let bundle: PagefindLike;
        let widened = false;
        let partPages: Promise<ReadonlyMap<string, string> | undefined> = Promise.resolve(undefined);
        try {
          const opened = await options.open(locale);
          const eligible = opened.eligible(filters.year);
          if (eligible === 0) return [];
          const level = Math.min(levels.get(locale) ?? 1, eligible);
          const routed = level === 1 ? (routes.get(locale)?.shards ?? []) : [];
          widened = level > 1 || routed.length > 0;
          // The table of parts loads beside the shards (only where they hold parts of long pages).
          if (words && opened.partPages)
            partPages = opened.partPages(level, filters.year, routed).catch(() => undefined);
          bundle = await opened.searchable(level, filters.year, routed);
        } catch {
          return [];
        }
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
        // A widened phrase query is a rare one: its exact matches are all it shows, so the ranked
        // search over every shard (the costly part) is skipped; title matches still move up.
        if (phrase && widened) {
          const exact = await bundle.search(phrase, { filters: pfFilters });
          return (exact?.results ?? []).map((result, order) => ({
            uid: `${locale}:${result.id}`,
            result,
            exact: true,
            order,
          }));
        }
        const [ranked, exact, pageOf] = await Promise.all([
          bundle.search(term, { filters: pfFilters }),
          phrase ? bundle.search(phrase, { filters: pfFilters }) : Promise.resolve(null),
          partPages,
        ]);
        const exactIds = new Set((exact?.results ?? []).map((result) => result.id));
        let results = ranked?.results ?? [];
        let partial = new Set<PagefindResultLike>();
        if (words && pageOf) {
          // A page found by several parts is one candidate; a page whose parts hold the words between
          // them is one too, ranked by its parts' scores among the pages that hold them all in one record.
          results = onePerPage(results, pageOf);
          const perWord = await Promise.all(
            words.map(async (word) => (await bundle.search(word, { filters: pfFilters }))?.results ?? []),
          );
          // Results that hold only some of the words go after the others, joined pages included; a
          // long page among them is joined when its parts hold every word, and stands for itself once.
          const partialIds = partialMatches(results, perWord);
          partial = new Set(results.filter((result) => partialIds.has(result.id)));
          const full = results.filter((result) => !partial.has(result));
          const joined = joinParts(
            perWord,
            pageOf,
            full.map((result) => result.id),
          );
          const joinedPages = new Set(joined.map((result) => pageOf.get(result.id)));
          results = [
            ...full,
            ...joined,
            ...results.filter(
              (result) => partial.has(result) && !joinedPages.has(pageOf.get(result.id) ?? result.id),
            ),
          ];
        }
        return results.map((result, order) => ({
          uid: `${locale}:${result.id}`,
          result,
          exact: (!phrase || exactIds.has(result.id)) && !partial.has(result),
          order,
        }));
      }),
    );
    return perLocale.flat().sort(byMatch);
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

  async function hitOf(candidate: Candidate, parts: readonly QueryPart[]): Promise<LoadedHit> {
    const data = await candidate.result.data();
    const meta = data.meta;
    const title = meta.title ?? '';
    const text = bodyOf(data.content, title);
    const tier: MatchTier = containsQuery(title, parts) ? 0 : containsQuery(text, parts) ? 1 : 2;
    const hit: SearchHit = {
      // A part of a long page is shown as the page (page-parts.ts); other parts of it are then copies.
      url: pageUrl(data.url),
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
    return {
      hit,
      key: `${meta.locale ?? ''}\n${title}\n${comparableText(text)}`,
      numbers: holdsNumbers(`${title}\n${text}`, parts),
      leadKey: titleKey(meta.locale ?? '', title, titleLead(text)),
      hashKey: titleKey(meta.locale ?? '', title, titleLead(text), copyHash(text)),
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
          (opened) => {
            const plan = routes.get(locale);
            return opened.since?.(levels.get(locale) ?? 1, year, plan?.covered ?? plan?.shards) ?? '';
          },
          () => '',
        ),
      ),
    );
    return dates.filter(Boolean).sort().at(-1) ?? '';
  }

  /**
   * The routed shards of a query per locale: for its Han runs of two characters or more, with no year
   * filter (a year already picks the shards), in locales whose bundle has a routing table. A query of
   * several words is routed by all of them: a page that matches holds each.
   */
  async function routesFor(
    parts: readonly QueryPart[],
    filters: SearchFilters,
    targets: readonly Locale[],
  ): Promise<Map<Locale, RoutePlan>> {
    const routable = (part: QueryPart) => part.kind === 'han' && [...part.text].length >= 2;
    const runs = parts.filter(routable).map((part) => part.text);
    if (runs.length === 0 || filters.year) return new Map();
    const otherTokens = parts
      .filter((part) => !routable(part))
      .reduce((sum, part) => sum + part.tokens.length, 0);
    const plans = await Promise.all(
      targets.map((locale) =>
        options.open(locale).then(
          (opened) => opened.route?.(runs, otherTokens),
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
  ): Promise<(SearchHit & { readonly lead: string; readonly hash?: string })[]> {
    const perLocale = await Promise.all(
      targets.map((locale) =>
        options.open(locale).then(
          // A title index that cannot be read (a file missing, the network) leaves the full-text search.
          async (opened) => (await opened.titles?.(parts).catch(() => undefined)) ?? [],
          () => [],
        ),
      ),
    );
    const typed = comparableText(parts.map((part) => part.text).join('')).toLowerCase();
    return perLocale
      .flatMap((records, index) => records.map((record) => ({ record, locale: targets[index]! })))
      .filter(
        ({ record: [, , site, kind, type, date] }) =>
          (!filters.site || filters.site === site) &&
          (!filters.kind || filters.kind === kind) &&
          (!filters.type || filters.type === type) &&
          (!filters.year || filters.year === date.slice(0, 4)),
      )
      .map(({ record: [url, title, site, kind, type, date, lead, hash], locale }, order) => ({
        order,
        equal: comparableText(title).toLowerCase() === typed,
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
          lead,
          ...(hash === undefined ? {} : { hash }),
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
      // A new query (or a new page 1 of it) searches the newest shard and the shards its run is routed to.
      // Asked for older pages, it searches all of them, ranked anew. Page 1 always starts afresh, so two
      // searches for the same query (a scope click, then the button) never add to the same list.
      let unrouted: Promise<Candidate[]> | undefined;
      if (state?.key !== key || offset === 0 || (older && !everything(state.levels))) {
        // The newest shards' search does not wait for the routing table and the title index: it starts
        // with them and is used as it is when the query is routed nowhere (the shards it searches
        // are searched by a routed query too, so it costs no download of its own).
        if (!older) unrouted = candidatesFor(parts, filters, targets, new Map(), new Map()).catch(() => []);
        const [routed, titled] = await Promise.all([
          older ? new Map<Locale, RoutePlan>() : routesFor(parts, filters, targets),
          titledFor(parts, filters, targets),
        ]);
        // A long run that titles hold is someone looking a page up by its title: those pages answer the
        // first query, and the older shards the run is routed to (their metadata and chunks, most of a
        // cold query's bytes) wait for the searcher's button. Older pages the table lists cost only their
        // fragments, and are kept. Short runs are routed as before.
        const routes =
          titled.length > 0 && isLongHanRun(parts)
            ? new Map([...routed].filter(([, plan]) => plan.pages !== undefined))
            : routed;
        state = {
          key,
          out: [],
          uids: new Set(),
          seen: new Set(),
          dropped: 0,
          urls: new Set(),
          titled,
          levels: new Map(older ? targets.map((locale) => [locale, eligible.get(locale) ?? 0]) : []),
          routes,
        };
      }
      const current = state;
      const wanted = offset + limit;
      // Pages found by their title come first, one of each set of copies.
      for (const hit of current.titled) {
        if (current.out.length >= wanted) break;
        const copy = titleKey(hit.locale, hit.title, hit.lead, hit.hash);
        if (current.urls.has(hit.url) || current.seen.has(copy)) continue;
        current.out.push(hit);
        current.urls.add(hit.url);
        current.seen.add(copy);
      }
      const phrase = phraseQuery(parts) !== undefined;
      const counted = (list: readonly Candidate[]) =>
        phrase ? list.filter((candidate) => candidate.exact).length : list.length;
      // Partial: locales with shards left that may hold a match.
      const partialLocales = () =>
        targets.filter(
          (locale) =>
            (current.levels.get(locale) ?? 1) < (eligible.get(locale) ?? 0) &&
            !current.routes.get(locale)?.complete,
        );
      const routedNowhere = [...current.routes.values()].every((plan) => plan.shards.length === 0);
      let candidates =
        unrouted && routedNowhere && current.levels.size === 0
          ? await unrouted
          : await candidatesFor(parts, filters, targets, current.levels, current.routes);
      // Older pages the table lists for the run (no narrowing filter: their filters are in their
      // fragments), after the searched shards' exact matches; their text is checked when loaded.
      const narrowed = Boolean(filters.site || filters.type || filters.kind);
      const listed = (): Candidate[] =>
        narrowed
          ? []
          : [...current.routes].flatMap(([locale, plan]) =>
              (plan.pages ?? []).map((result, order) => ({
                uid: `${locale}:${result.id}`,
                result,
                exact: true,
                order,
              })),
            );
      const withListed = (found: Candidate[]): Candidate[] => {
        const uids = new Set(found.map((candidate) => candidate.uid));
        return [...found, ...listed().filter((candidate) => !uids.has(candidate.uid))].sort(byMatch);
      };
      candidates = withListed(candidates);
      // A filter narrower than the year (本站 pins the site) picks pages the newest shard may not hold at
      // all: search older shards too, doubling them, until the page is full (ADR 7's widening).
      for (let grow = partialLocales(); narrowed && grow.length > 0 && counted(candidates) < wanted; ) {
        for (const locale of grow)
          current.levels.set(
            locale,
            Math.min(2 * (current.levels.get(locale) ?? 1), eligible.get(locale) ?? 0),
          );
        candidates = withListed(await candidatesFor(parts, filters, targets, current.levels, current.routes));
        grow = partialLocales();
      }
      const partial = partialLocales();
      const complete = partial.length === 0;
      // A page that does not hold a phrase query is shown only while none that holds it is: after
      // 第12次常务会议 the pages with 第51次常务会议 or 12月 are noise, not more of the same.
      const matched = () => current.out.some((hit) => hit.tier < 2);
      const showable = (candidate: Candidate) => !phrase || candidate.exact || !matched();
      // Load fragments until the page is full: results that repeat one already shown (same title, same
      // text but for numbers) or hold a number only inside a longer one are left out.
      for (let round = 0; round < maxRounds && current.out.length < wanted; round += 1) {
        const need = wanted - current.out.length;
        // Pages that would not be shown (not holding a phrase that a page shown holds) are not loaded.
        const remaining = candidates.filter(
          (candidate) => !current.uids.has(candidate.uid) && showable(candidate),
        );
        if (remaining.length === 0) break;
        const batch = remaining.slice(0, need + lookahead);
        const hits = await Promise.all(batch.map((candidate) => hitOf(candidate, parts)));
        // A page taken for an exact match whose text does not hold the query (a long run's two probes at
        // the right distance with another middle: every town's 临江市…党委) is one no longer: it waits
        // behind the exact matches not loaded yet, which the next round loads.
        let demoted = false;
        for (const [index, candidate] of batch.entries()) {
          if (phrase && candidate.exact && hits[index]!.hit.tier === 2) {
            candidate.exact = false;
            demoted = true;
          }
        }
        if (demoted) candidates.sort(byMatch);
        const inBatch = new Set(batch);
        const exactLeft =
          round < maxRounds - 1 &&
          candidates.some(
            (candidate) => candidate.exact && !inBatch.has(candidate) && !current.uids.has(candidate.uid),
          );
        // Exact matches first, then title matches, body matches, the rest (within what was loaded).
        const ordered = batch
          .map((candidate, index) => ({ candidate, ...hits[index]!, index }))
          .sort(
            (a, b) =>
              Number(b.candidate.exact) - Number(a.candidate.exact) ||
              a.hit.tier - b.hit.tier ||
              a.index - b.index,
          );
        const drop = (candidate: Candidate) => {
          current.uids.add(candidate.uid);
          if (!phrase || candidate.exact) current.dropped += 1;
        };
        for (const { candidate, key, leadKey, hashKey, hit, numbers } of ordered) {
          if (current.out.length >= wanted) break;
          if (current.uids.has(candidate.uid)) continue;
          // Not an exact match while exact ones are still to load: left for a later round.
          if (phrase && !candidate.exact && exactLeft) continue;
          if (!showable(candidate)) {
            current.uids.add(candidate.uid);
            continue;
          }
          // Shown already (found by its title), a copy of a page shown, or a number only inside a longer
          // one (a phrase searched by its probes matches 24 in 240 at the right place, too).
          const shown = current.urls.has(hit.url) || current.seen.has(leadKey) || current.seen.has(hashKey);
          if (shown || current.seen.has(key) || (!numbers && (phrase || !candidate.exact))) {
            drop(candidate);
            continue;
          }
          // Of the copies loaded, the newest stands for them all, where the best ranked one stood. A copy
          // already shown (found by its title, or left out just above as shown) stands for them already:
          // choosing it again listed one page twice (防空警报试鸣…: the title hit, then the same page as
          // the newest copy of an older letter with other digits).
          const copies = ordered.filter((other) => other.key === key);
          if (copies.some((copy) => current.urls.has(copy.hit.url))) {
            for (const copy of copies) drop(copy.candidate);
            continue;
          }
          const newest = copies.reduce((best, other) => (other.hit.date > best.hit.date ? other : best));
          for (const copy of copies) if (copy !== newest) drop(copy.candidate);
          current.uids.add(newest.candidate.uid);
          current.seen.add(key);
          current.urls.add(newest.hit.url);
          current.out.push(newest.hit);
        }
      }
      // Copies and near misses left out so far do not count.
      // The title index and the full-text search overlap; the larger count is the closer one.
      const total = Math.max(
        0,
        counted(candidates) - current.dropped,
        current.titled.length,
        current.out.filter((hit) => hit.tier < 2).length,
      );
      const more =
        current.out.length > wanted ||
        current.titled.some((hit) => !current.urls.has(hit.url)) ||
        candidates.some((candidate) => !current.uids.has(candidate.uid) && showable(candidate));
      const since = complete
        ? ''
        : await searchedSince(partial, current.levels, current.routes, filters.year);
      // After the answer is shown, what the next query may need loads (nothing that is downloaded anew).
      setTimeout(() => {
        for (const locale of targets)
          options
            .open(locale)
            .then((opened) => opened.warm?.())
            .catch(() => undefined);
      }, 0);
      return { parts, total, complete, more, since, hits: current.out.slice(offset, wanted) };
    },
  };
}
