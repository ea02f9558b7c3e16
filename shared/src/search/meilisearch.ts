/**
 * The same search documents in Meilisearch: one index per locale, the mapping of a document, the index
 * settings, and the federated multi-search the search page sends with a search-only key. Pure and
 * browser-safe (the page talks to Meilisearch with `fetch`, the push script with the official client).
 * @module
 */

import { locales } from '../model/constants.ts';
import type { Locale } from '../schemas/locale.ts';
import { documentId, type SearchDocument } from './document.ts';
import type { ClusterSearch, SearchFilters, SearchHit } from './engine-types.ts';
import { excerpt, markPieces } from './excerpt.ts';
import type { SearchFilterKey } from './pagefind.ts';
import { containsQuery, encodeForIndex, engineQuery, hasHan, parseQuery } from './tokenize.ts';

/** What a document looks like in Meilisearch. */
export interface MeiliDocument {
  /** Primary key, from the URL. */
  readonly id: string;
  /** Page URL. */
  readonly url: string;
  /** Site id. */
  readonly site: string;
  /** Site kind. */
  readonly kind: string;
  /** Content type key. */
  readonly type: string;
  /** Year, or empty. */
  readonly year: string;
  /** Date `YYYY-MM-DD`, or empty. */
  readonly date: string;
  /** Locale. */
  readonly locale: Locale;
  /** Title. */
  readonly title: string;
  /** Body text. */
  readonly text: string;
  /** The title's Han runs as bigram tokens (empty when it has no Han). */
  readonly titleBigrams: string;
  /** The text's Han runs as bigram tokens (empty when it has no Han). */
  readonly textBigrams: string;
  /** The page's facts (catalogue, source, captions): searched, never displayed. */
  readonly facts: string;
  /** The facts' Han runs as bigram tokens. */
  readonly factBigrams: string;
}

/** Meilisearch's language code (ISO 639-3) of each locale, for `localizedAttributes` and query `locales`. */
export const meiliLanguages: Readonly<Record<Locale, string>> = { 'zh-CN': 'cmn', en: 'eng', ru: 'rus' };

/**
 * The index uid of a locale.
 * @example meiliIndexUid('zh-CN') // 'govcluster-zh-cn'
 */
export function meiliIndexUid(locale: Locale, prefix = 'govcluster'): string {
  return `${prefix}-${locale.toLowerCase()}`;
}

/** Only the Han runs of a text, as bigram tokens (what the `*Bigrams` attributes hold). */
function hanTokens(text: string): string {
  if (!hasHan(text)) return '';
  return encodeForIndex(text)
    .split(' ')
    .filter((token) => /^q[a-z]{4}(?:[a-z]{4})?$/.test(token))
    .join(' ');
}

/** The Meilisearch document of a search document. */
export function meiliDocument(document: SearchDocument): MeiliDocument {
  return {
    id: documentId(document),
    url: document.url,
    site: document.site,
    kind: document.siteKind,
    type: document.type,
    year: document.year,
    date: document.date,
    locale: document.locale,
    title: document.title,
    text: document.text,
    titleBigrams: hanTokens(document.title),
    textBigrams: hanTokens(document.text),
    // The catalogue, source and captions: searchable (文号, 索引号), never shown as the excerpt.
    facts: document.facts ?? '',
    factBigrams: hanTokens(document.facts ?? ''),
  };
}

/** The filterable attributes: the page filters plus the locale. */
export const meiliFilterableAttributes: readonly (SearchFilterKey | 'locale')[] = [
  'site',
  'kind',
  'type',
  'year',
  'locale',
];

/** The settings of a locale's index (Meilisearch ≥ 1.10 for `localizedAttributes`). */
export function meiliSettings(locale: Locale) {
  return {
    // Attribute order is rank order: a title match above a body match.
    searchableAttributes: ['title', 'titleBigrams', 'text', 'textBigrams', 'facts', 'factBigrams'],
    displayedAttributes: ['id', 'url', 'site', 'kind', 'type', 'year', 'date', 'locale', 'title', 'text'],
    filterableAttributes: [...meiliFilterableAttributes],
    sortableAttributes: ['date'],
    localizedAttributes: [{ attributePatterns: ['title', 'text'], locales: [meiliLanguages[locale]] }],
    // Bigram tokens are codes, not words: a typo in one is another bigram.
    typoTolerance: { disableOnAttributes: ['titleBigrams', 'textBigrams', 'factBigrams'] },
  };
}

/** A Meilisearch filter expression for our filters. */
export function meiliFilter(filters: SearchFilters): string[] {
  return Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key} = ${JSON.stringify(value)}`);
}

/**
 * The body of a federated `POST /multi-search` over the locale indexes. A query that is one Han run is a
 * phrase over the bigram attributes (so it matches exactly that run, across word boundaries); Han mixed
 * with words searches the bigram tokens and the words; other queries search the text in each language.
 */
export function meiliMultiSearchRequest(
  query: string,
  options: {
    readonly filters?: SearchFilters;
    readonly offset?: number;
    readonly limit?: number;
    readonly locales?: readonly Locale[];
    readonly prefix?: string;
  } = {},
) {
  const parts = parseQuery(query);
  const han = parts.some((part) => part.kind === 'han');
  const targets = (options.locales ?? locales).filter((locale) => !han || locale === 'zh-CN');
  const q = han ? engineQuery(parts, { exact: true }) : parts.map((part) => part.text).join(' ');
  return {
    federation: { offset: options.offset ?? 0, limit: options.limit ?? 10 },
    queries: targets.map((locale) => ({
      indexUid: meiliIndexUid(locale, options.prefix),
      q,
      filter: meiliFilter(options.filters ?? {}),
      ...(han
        ? {
            attributesToSearchOn: ['titleBigrams', 'textBigrams', 'title', 'text', 'factBigrams', 'facts'],
            matchingStrategy: 'all',
          }
        : { locales: [meiliLanguages[locale]] }),
    })),
  };
}

/** The hits of a federated multi-search response, ready to show. */
export function meiliHits(
  query: string,
  response: { readonly hits?: readonly Record<string, unknown>[] },
): SearchHit[] {
  const parts = parseQuery(query);
  return (response.hits ?? []).map((hit) => {
    const title = String(hit.title ?? '');
    const text = String(hit.text ?? '');
    return {
      url: String(hit.url ?? ''),
      title,
      titlePieces: markPieces(title, parts),
      site: String(hit.site ?? ''),
      kind: String(hit.kind ?? ''),
      type: String(hit.type ?? ''),
      date: String(hit.date ?? ''),
      locale: String(hit.locale ?? ''),
      excerpt: excerpt(text, parts),
      tier: containsQuery(title, parts) ? 0 : containsQuery(text, parts) ? 1 : 2,
    };
  });
}

/**
 * The cluster search over Meilisearch, for the search page when it is configured with a host and a
 * search-only key.
 */
export function createMeiliSearch(options: {
  readonly host: string;
  readonly apiKey: string;
  readonly prefix?: string;
  readonly fetch?: typeof fetch;
}): ClusterSearch {
  const send = options.fetch ?? fetch;
  return {
    async search(query, { filters = {}, offset = 0, limit = 10 } = {}) {
      const parts = parseQuery(query);
      if (parts.length === 0) return { parts, total: 0, complete: true, more: false, since: '', hits: [] };
      const body = meiliMultiSearchRequest(query, { filters, offset, limit, prefix: options.prefix });
      const response = await send(`${options.host.replace(/\/+$/, '')}/multi-search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`Meilisearch answered ${response.status}`);
      const json = (await response.json()) as {
        hits?: Record<string, unknown>[];
        estimatedTotalHits?: number;
        totalHits?: number;
      };
      const hits = meiliHits(query, json);
      const total = json.totalHits ?? json.estimatedTotalHits ?? hits.length;
      return { parts, total, complete: true, more: offset + hits.length < total, since: '', hits };
    },
  };
}

/** Where the search page finds Meilisearch. The key ends up in every search page: search-only. */
export interface MeiliPageConfig {
  /** Origin (and path) of the Meilisearch server as browsers reach it, e.g. `https://search.example.gov.cn`. */
  readonly host: string;
  /** A key whose only action is `search` (never the master key or an admin key). */
  readonly apiKey: string;
  /** Index uid prefix (default `govcluster`). */
  readonly prefix?: string;
}

/**
 * The search page's Meilisearch configuration from the build environment: `MEILI_HOST` and
 * `MEILI_SEARCH_KEY` (and `MEILI_INDEX_PREFIX`); undefined when neither is set, so the page uses
 * Pagefind. Throws when only one of the two is set, when the host is not an http(s) URL, or when the
 * key is `MEILI_MASTER_KEY`.
 * @example meiliPageConfig({ MEILI_HOST: 'https://search.example.gov.cn', MEILI_SEARCH_KEY: 'k' })
 */
export function meiliPageConfig(
  env: Readonly<Record<string, string | undefined>>,
): MeiliPageConfig | undefined {
  const host = env.MEILI_HOST?.trim() || undefined;
  const apiKey = env.MEILI_SEARCH_KEY?.trim() || undefined;
  if (!host && !apiKey) return undefined;
  if (!host || !apiKey) {
    throw new Error(
      `Meilisearch for the search page needs both MEILI_HOST and MEILI_SEARCH_KEY; only ${host ? 'MEILI_HOST' : 'MEILI_SEARCH_KEY'} is set. Set both, or neither for Pagefind.`,
    );
  }
  if (!/^https?:\/\/[^/\s]+/.test(host)) {
    throw new Error(`MEILI_HOST must be an http(s) URL as browsers reach it, not "${host}".`);
  }
  if (env.MEILI_MASTER_KEY && apiKey === env.MEILI_MASTER_KEY.trim()) {
    throw new Error(
      'MEILI_SEARCH_KEY is the master key: it would be published in every search page. Use a key whose only action is "search" (pnpm search:meili prints one).',
    );
  }
  const prefix = env.MEILI_INDEX_PREFIX?.trim() || undefined;
  return { host: host.replace(/\/+$/, ''), apiKey, ...(prefix ? { prefix } : {}) };
}

/** What `probeSearchKey()` found out about a key. */
export type SearchKeyProbe =
  | { readonly status: 'search-only' }
  | { readonly status: 'too-powerful'; readonly detail: string }
  | { readonly status: 'rejected'; readonly detail: string }
  | { readonly status: 'unreachable'; readonly detail: string };

/**
 * Asks the server whether a key is fit for a public page: it must be refused on `GET /indexes` (an
 * action a search-only key lacks, unlike the master, admin and read-only admin keys) and accepted on
 * `POST /multi-search`.
 */
export async function probeSearchKey(
  config: MeiliPageConfig,
  options: { readonly fetch?: typeof fetch; readonly timeoutMs?: number } = {},
): Promise<SearchKeyProbe> {
  const send = options.fetch ?? fetch;
  const headers = { authorization: `Bearer ${config.apiKey}`, 'content-type': 'application/json' };
  const signal = () => AbortSignal.timeout(options.timeoutMs ?? 5_000);
  try {
    const indexes = await send(`${config.host}/indexes?limit=1`, { headers, signal: signal() });
    if (indexes.ok) {
      return { status: 'too-powerful', detail: 'it may list indexes, so it is not a search-only key' };
    }
    const search = await send(`${config.host}/multi-search`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ queries: [] }),
      signal: signal(),
    });
    if (!search.ok) return { status: 'rejected', detail: `multi-search answered ${search.status}` };
    return { status: 'search-only' };
  } catch (error) {
    return { status: 'unreachable', detail: (error as Error).message };
  }
}
