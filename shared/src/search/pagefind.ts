/**
 * How a search document is given to Pagefind, and how Pagefind's answers are read back. Pure and
 * browser-safe: the indexer (Node) writes with `pagefindHtml()`, the search page reads with
 * `pagefindBundlePath()` and `decodeIndexedText()`.
 * @module
 */
import type { Locale } from '../schemas/locale.ts';
import { escapeHtml } from '../text/escape.ts';
import type { SearchDocument } from './document.ts';
import { partNumber } from './page-parts.ts';
import type { RouteManifest } from './routes.ts';
import type { TitleIndexManifest } from './title-index.ts';
import { encodeForIndex } from './tokenize.ts';

/** The filters every page carries (Pagefind filters, Meilisearch filterable attributes). */
export const searchFilterKeys = ['site', 'kind', 'type', 'year'] as const;

/** A filter key. */
export type SearchFilterKey = (typeof searchFilterKeys)[number];

/** The meta fields stored with every page and shown in results. */
export const searchMetaKeys = ['title', 'site', 'kind', 'type', 'date', 'locale'] as const;

/**
 * The folder of a locale's Pagefind bundle under the output root, e.g. `pagefind/zh-CN/`. Each locale is
 * a bundle of its own: the browser loads only the bundle(s) a query needs, each with its own stemmer, and
 * the indexer builds one at a time.
 * @example pagefindBundlePath('en') // 'pagefind/en/'
 */
export function pagefindBundlePath(locale: Locale, shard?: number): string {
  return shard === undefined ? `pagefind/${locale}/` : `pagefind/${locale}/${shard}/`;
}

/** The Pagefind language of a locale (lowercase BCP 47; `zh-cn` has no stemmer, `en` and `ru` have). */
export function pagefindLanguage(locale: Locale): string {
  return locale.toLowerCase();
}

/**
 * The word that ends a page's body in what Pagefind stores: the document's facts (`SearchDocument.facts`)
 * follow it, searchable like the body, and excerpts are taken from before it.
 */
export const factsMarker = 'gcfacts';

/**
 * The HTML page Pagefind indexes for a document: the title as `<h1>` (Pagefind weighs it 7× body text),
 * the text in paragraphs, then the facts after `factsMarker`, all with Han runs as bigram tokens; meta, filters and the date sort key in
 * `<meta>` elements, read from attributes so no value needs escaping for Pagefind's own syntax. A page's
 * later parts (`pageParts()`) carry the title as meta only: the heading is searched and weighed once.
 * @example pagefindHtml(document) // '<!doctype html><html lang="zh-cn">…'
 */
export function pagefindHtml(document: SearchDocument): string {
  const meta = (key: string, value: string): string =>
    value === '' ? '' : `<meta data-pagefind-meta="${key}[content]" content="${escapeHtml(value)}">`;
  const filter = (key: string, value: string): string =>
    value === '' ? '' : `<meta data-pagefind-filter="${key}[content]" content="${escapeHtml(value)}">`;
  const blocks = (text: string): string =>
    text
      .split(/\n+/)
      .filter((line) => line.trim() !== '')
      .map((line) => `<p>${escapeHtml(encodeForIndex(line))}</p>`)
      .join('');
  const facts = document.facts?.trim() ? `<p>${factsMarker}</p>${blocks(document.facts)}` : '';
  const paragraphs = blocks(document.text) + facts;
  return [
    `<!doctype html><html lang="${pagefindLanguage(document.locale)}"><head>`,
    meta('title', document.title),
    meta('site', document.site),
    meta('kind', document.siteKind),
    meta('type', document.type),
    meta('date', document.date),
    meta('locale', document.locale),
    filter('site', document.site),
    filter('kind', document.siteKind),
    filter('type', document.type),
    filter('year', document.year),
    document.date === '' ? '' : `<meta data-pagefind-sort="date[content]" content="${document.date}">`,
    `</head><body>${partNumber(document.url) > 0 ? '' : `<h1>${escapeHtml(encodeForIndex(document.title))}</h1>`}${paragraphs}</body></html>`,
  ].join('');
}

/** The file, beside the bundles, that tells the search page which bundles and shards exist. */
export const searchManifestPath = 'pagefind/search.json';

/** One shard of a locale's bundle: its pages and the span of their dates (newest shard first). */
export interface SearchShard {
  /** Pages in the shard. */
  readonly pages: number;
  /** Newest publication date in the shard (`YYYY-MM-DD`, empty when none has a date). */
  readonly newest: string;
  /** Oldest publication date in the shard. */
  readonly oldest: string;
  /**
   * Bytes of the shard's metadata (`pagefind-entry.json` and `*.pf_meta`), which the browser loads whole
   * before it searches the shard. Absent in manifests written before shard routing.
   */
  readonly metaBytes?: number;
  /** Bytes of one of the shard's index chunks, a high estimate (a query loads about one per token). */
  readonly chunkBytes?: number;
  /**
   * Long pages of which the shard holds parts, named in its `page-parts.json` (`pagePartsFile`); absent
   * when none (or in manifests written before docs/adr/0040).
   */
  readonly parts?: number;
}

/** What `pagefind/search.json` holds. */
export interface SearchManifest {
  /** Format marker. */
  readonly format: 'govcluster-search@1';
  /**
   * Per locale: its pages and shards. One shard: the bundle is at `pagefind/<locale>/`; more: at
   * `pagefind/<locale>/<n>/`, shard 0 the newest pages, so a first query needs only shard 0.
   */
  readonly locales: Partial<
    Record<
      Locale,
      {
        readonly pages: number;
        readonly shards: readonly SearchShard[];
        /** The shard routing table of a sharded locale (`pagefind/<locale>/routes/`), when written. */
        readonly routes?: RouteManifest;
        /** The title index of a sharded locale (`pagefind/<locale>/titles/`), when written. */
        readonly titles?: TitleIndexManifest;
      }
    >
  >;
}
