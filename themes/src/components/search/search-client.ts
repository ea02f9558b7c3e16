/**
 * The script of the search page: reads the query and filters from the URL, runs the cluster search
 * (Pagefind bundles, or Meilisearch when configured), renders results with the matches marked, keeps
 * the URL shareable and announces the outcome in a live region.
 */
import { formatDate, isDateValue } from '@govcluster/shared/dates';
import {
  bundleLoader,
  type ClusterSearch,
  createMeiliSearch,
  createSearch,
  type ExcerptPiece,
  type PagefindModuleLike,
  parseQuery,
  queryChunks,
  relaxQueries,
  type SearchFilters,
  type SearchHit,
  type SearchManifest,
  searchManifestPath,
} from '@govcluster/shared/search';

/** The strings the page renders at build time for the script. */
interface SearchStrings {
  readonly resultCount: string;
  readonly noResults: string;
  readonly relaxed: string;
  readonly loading: string;
  readonly searchingOlder: string;
  readonly failed: string;
  readonly scopeAll: string;
  readonly searchedSince: string;
  readonly types: Readonly<Record<string, string>>;
  readonly kinds: Readonly<Record<string, string>>;
  readonly sites: Readonly<Record<string, string>>;
}

/** The URL parameters the page reads and writes. */
export const searchParams = ['q', 'scope', 'site', 'kind', 'type', 'year'] as const;

/** The page state as the URL carries it. */
export interface SearchState {
  /** Query. */
  readonly q: string;
  /** `site` (本站) or `all` (全站). */
  readonly scope: 'site' | 'all';
  /** Filters chosen in the form. */
  readonly filters: SearchFilters;
}

/** The state of a URL's search parameters (scope defaults to this site unless a site filter is set). */
export function stateFromUrl(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const key of ['site', 'kind', 'type', 'year'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const scope = params.get('scope') === 'all' || (!params.get('scope') && filters.site) ? 'all' : 'site';
  return { q: (params.get('q') ?? '').trim(), scope, filters };
}

/** The search parameters of a state (empty values left out). */
export function urlFromState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  params.set('scope', state.scope);
  for (const [key, value] of Object.entries(state.filters)) if (value) params.set(key, value);
  return `?${params.toString()}`;
}

/** The filters a search runs with: scope 本站 pins the site to this site. */
export function effectiveFilters(state: SearchState, siteId: string): SearchFilters {
  return state.scope === 'site' ? { ...state.filters, site: siteId } : state.filters;
}

/** Appends text pieces, wrapping matches in `<mark>`. */
function appendPieces(parent: HTMLElement, pieces: readonly ExcerptPiece[]): void {
  for (const piece of pieces) {
    if (piece.mark) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      parent.append(mark);
    } else {
      parent.append(piece.text);
    }
  }
}

/** One result as a list item: linked title, site · date · type, excerpt. */
function renderHit(hit: SearchHit, strings: SearchStrings, locale: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'gc-search__hit';
  const heading = document.createElement('h2');
  heading.className = 'gc-search__hit-title';
  const link = document.createElement('a');
  link.href = hit.url;
  if (hit.locale && hit.locale !== locale) link.hreflang = hit.locale;
  appendPieces(link, hit.titlePieces);
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'gc-search__hit-meta';
  for (const text of [
    strings.sites[hit.site] ?? hit.site,
    isDateValue(hit.date) ? formatDate(locale, hit.date) : '',
    strings.types[hit.type] ?? '',
  ]) {
    if (!text) continue;
    const span = document.createElement('span');
    span.textContent = text;
    meta.append(span);
  }
  if (hit.date) meta.querySelectorAll('span')[1]?.setAttribute('data-date', hit.date);
  const excerpt = document.createElement('p');
  excerpt.className = 'gc-search__hit-excerpt';
  if (hit.locale && hit.locale !== locale) excerpt.lang = hit.locale;
  appendPieces(excerpt, hit.excerpt);
  item.append(heading, meta, excerpt);
  return item;
}

/** The search over the Pagefind bundles under `base`, loaded on the first query. */
function pagefindSearch(base: string): ClusterSearch {
  let inner: Promise<ClusterSearch> | undefined;
  const engine = (): Promise<ClusterSearch> => {
    inner ??= fetch(`${base}${searchManifestPath}`)
      .then((response) => {
        if (!response.ok) throw new Error(`search index missing (${response.status})`);
        return response.json() as Promise<SearchManifest>;
      })
      .then((loaded) =>
        createSearch({
          open: bundleLoader({
            root: base,
            manifest: loaded,
            importModule: (url) => import(/* @vite-ignore */ url) as Promise<PagefindModuleLike>,
          }),
          locales: Object.keys(loaded.locales) as (keyof SearchManifest['locales'])[],
        }),
      );
    inner.catch(() => {
      inner = undefined;
    });
    return inner;
  };
  return { search: async (query, options) => (await engine()).search(query, options) };
}

/**
 * The engine the page is configured for: Meilisearch when the page carries a host and a key, and the
 * Pagefind bundles (always built) from the first query Meilisearch fails on.
 */
function engineFor(root: HTMLElement): ClusterSearch {
  const { meiliHost, meiliKey, meiliPrefix } = root.dataset;
  const pagefind = pagefindSearch(root.dataset.root ?? '/');
  if (!meiliHost || !meiliKey) return pagefind;
  const meili = createMeiliSearch({ host: meiliHost, apiKey: meiliKey, prefix: meiliPrefix || undefined });
  let failed = false;
  return {
    search: async (query, options) => {
      if (!failed) {
        try {
          return await meili.search(query, options);
        } catch (error) {
          failed = true;
          console.warn('[govcluster] Meilisearch failed, searching the static index', error);
        }
      }
      return pagefind.search(query, options);
    },
  };
}

/** Whether a query is one run as typed, with no space or punctuation in it. */
function isOneRun(query: string): boolean {
  return queryChunks(parseQuery(query)).length === 1;
}

/** Wires one search section: form, URL, results, live status. */
export function mountSearch(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-gc-search-form]');
  const status = root.querySelector<HTMLElement>('[data-gc-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-gc-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-gc-search-more]');
  const older = root.querySelector<HTMLButtonElement>('[data-gc-search-older]');
  const stringsElement = root.querySelector('[data-gc-search-strings]');
  if (!form || !status || !list || !more || !older || !stringsElement) return;
  const strings = JSON.parse(stringsElement.textContent ?? '{}') as SearchStrings;
  const locale = root.dataset.locale ?? document.documentElement.lang;
  const siteId = root.dataset.site ?? '';
  const engine = engineFor(root);
  const pageSize = 10;
  let shown = 0;
  /** The URLs listed: a page of results never lists one twice, whatever the order of clicks. */
  const listed = new Set<string>();
  let run = 0;
  let current: SearchState = stateFromUrl(location.search);
  /** What is searched instead of a query that no page holds as typed (`relaxQueries()`), and which try. */
  let words: { readonly typed: string; readonly tries: readonly string[]; at: number } | undefined;

  const field = <T extends HTMLElement>(name: string): T => form.elements.namedItem(name) as T;
  const siteSelect = field<HTMLSelectElement>('site');

  /** Puts a state into the form. */
  const fill = (state: SearchState): void => {
    field<HTMLInputElement>('q').value = state.q;
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="scope"]'))
      radio.checked = radio.value === state.scope;
    for (const key of ['site', 'kind', 'type', 'year'] as const)
      field<HTMLSelectElement>(key).value = state.filters[key] ?? '';
    syncScope(state.scope);
  };
  /** Scope 本站 fixes the site filter to this site. */
  const syncScope = (scope: 'site' | 'all'): void => {
    siteSelect.disabled = scope === 'site';
    if (scope === 'site') siteSelect.value = siteId;
    else if (siteSelect.value === siteId && !current.filters.site) siteSelect.value = '';
  };
  /** Reads the form. */
  const read = (): SearchState => {
    const data = new FormData(form);
    const scope = data.get('scope') === 'all' ? 'all' : 'site';
    const filters: Record<string, string> = {};
    for (const key of ['site', 'kind', 'type', 'year'] as const) {
      const value = String(data.get(key) ?? '');
      if (value && !(key === 'site' && scope === 'site')) filters[key] = value;
    }
    return { q: String(data.get('q') ?? '').trim(), scope, filters };
  };

  /**
   * Shows a page of results: a new search (`fresh`), the next page (`append`), or the search over older
   * pages too (`older`, asked with its button: the results are ranked anew over every shard; `wider`,
   * the same when the newest pages held nothing, without a second action and without moving focus;
   * `words`, the words of the query, searched as a new query, when no page holds it as typed).
   */
  const show = async (
    state: SearchState,
    mode: 'fresh' | 'append' | 'older' | 'wider' | 'words',
  ): Promise<void> => {
    const id = ++run;
    const append = mode === 'append';
    if (mode === 'fresh') words = undefined;
    const query = words?.typed === state.q ? (words.tries[words.at] ?? state.q) : state.q;
    if (!state.q) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      older.hidden = true;
      return;
    }
    if (!append) {
      shown = 0;
      list.setAttribute('aria-busy', 'true');
      status.textContent = mode === 'wider' ? strings.searchingOlder : strings.loading;
      // The buttons belong to the list being replaced: "more" of it must not append to the new one.
      more.hidden = true;
      older.hidden = true;
    }
    try {
      const page = await engine.search(query, {
        filters: effectiveFilters(state, siteId),
        offset: shown,
        limit: pageSize,
        older: mode === 'older' || mode === 'wider',
      });
      if (id !== run) return;
      // Nothing among the newest pages that holds the query as typed, while older ones may: never
      // "nothing found" (or only scattered matches) yet; older pages are searched at once.
      if (
        (mode === 'fresh' || mode === 'words') &&
        !page.complete &&
        !page.hits.some((hit) => hit.tier < 2)
      ) {
        void show(state, 'wider');
        return;
      }
      // No page holds it as typed (a question, a phrase worded otherwise): its runs between the asking
      // words, then its words, each searched as a new query (routed by its rare words, ADR 42). For one
      // run, and for what is searched instead, pages that hold only pieces of it are no answer; the
      // words of a query typed apart, apart in a page, are one (ADR 40).
      const pieces = isOneRun(query) || query !== state.q;
      const none = page.total === 0 || (pieces && !page.hits.some((hit) => hit.tier < 2));
      if (mode !== 'append' && page.complete && none) {
        if (query === state.q) words = { typed: state.q, tries: relaxQueries(state.q), at: -1 };
        // The last try stays what is shown, and what "more" appends to.
        if (words && words.at + 1 < words.tries.length) {
          words.at += 1;
          void show(state, 'words');
          return;
        }
      }
      if (!append) listed.clear();
      const fresh = page.hits.filter((hit) => !listed.has(hit.url));
      for (const hit of fresh) listed.add(hit.url);
      const items = fresh.map((hit) => renderHit(hit, strings, locale));
      if (append) list.append(...items);
      else list.replaceChildren(...items);
      shown += page.hits.length;
      more.hidden = !page.more;
      // Older shards not searched yet: the count is a lower bound, and the searcher may ask for them.
      older.hidden = page.complete;
      const count = strings.resultCount.replace('{count}', `${page.total}${page.complete ? '' : '+'}`);
      status.textContent =
        page.total === 0
          ? strings.noResults.replace('{query}', state.q)
          : query !== state.q
            ? `${strings.relaxed.replace('{query}', state.q).replace('{words}', query)} ${count}`
            : count;
      if (!page.complete && isDateValue(page.since)) {
        const since = document.createElement('span');
        since.className = 'gc-search__since';
        since.textContent = strings.searchedSince.replace('{date}', formatDate(locale, page.since));
        status.append(since);
      }
      if (append) items[0]?.querySelector('a')?.focus();
      // The button asked with is hidden once every page was searched: focus goes on to the results.
      if (mode === 'older') (items[0]?.querySelector('a') ?? field<HTMLInputElement>('q')).focus();
    } catch (error) {
      if (id !== run) return;
      status.textContent = strings.failed;
      console.error('[govcluster] search failed', error);
    } finally {
      if (id === run) list.removeAttribute('aria-busy');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    current = read();
    history.pushState(null, '', urlFromState(current));
    void show(current, 'fresh');
  });
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'scope') syncScope(target.value === 'all' ? 'all' : 'site');
    if (target.name === 'q') return;
    current = read();
    if (!current.q) return;
    history.replaceState(null, '', urlFromState(current));
    void show(current, 'fresh');
  });
  root.querySelector('[data-gc-search-clear]')?.addEventListener('click', (event) => {
    event.preventDefault();
    current = { q: field<HTMLInputElement>('q').value.trim(), scope: current.scope, filters: {} };
    fill(current);
    history.replaceState(null, '', urlFromState(current));
    void show(current, 'fresh');
  });
  more.addEventListener('click', () => void show(current, 'append'));
  older.addEventListener('click', () => void show(current, 'older'));
  window.addEventListener('popstate', () => {
    current = stateFromUrl(location.search);
    fill(current);
    void show(current, 'fresh');
  });

  fill(current);
  if (current.q) void show(current, 'fresh');
}
