/**
 * The search document: what every engine (Pagefind, Meilisearch) indexes for one page, built either
 * from a snapshot entry or from a built HTML page. Pure and browser-safe.
 * @module
 */
import type { ContentTypeKey, Locale } from '../model/constants.ts';
import type { SiteKind } from '../schemas/site.ts';
import { entryUrl } from '../urls/url-plan.ts';

/** One searchable page of the cluster, in one locale. */
export interface SearchDocument {
  /**
   * Absolute path of the page (搜索结果链接).
   * @example '/bm/fgw/news/fgw-news-0001/'
   */
  readonly url: string;
  /**
   * Id of the site the page belongs to (站点).
   * @example 'fgw'
   */
  readonly site: string;
  /**
   * Kind of that site (站点类型).
   * @example 'department'
   */
  readonly siteKind: SiteKind;
  /**
   * Content type key (内容类型); `page` for pages that are no entry (home, column listings).
   * @example 'policy'
   */
  readonly type: ContentTypeKey | 'page';
  /**
   * Year of publication (年份), empty when unknown.
   * @example '2024'
   */
  readonly year: string;
  /**
   * Publication date `YYYY-MM-DD` (发布日期), empty when unknown.
   * @example '2024-03-15'
   */
  readonly date: string;
  /**
   * Locale of the page (语言版本).
   * @example 'zh-CN'
   */
  readonly locale: Locale;
  /**
   * Title (标题).
   * @example '市发展改革委召开2024年重点项目推进会'
   */
  readonly title: string;
  /**
   * Plain text of the page body, without the title (正文).
   * @example '3月15日，市发展改革委召开……'
   */
  readonly text: string;
}

/** The site facts a search document needs. */
export interface SearchSite {
  /** Site id. */
  readonly id: string;
  /** Site kind. */
  readonly kind: SiteKind;
  /** Base path, starting and ending with `/`. */
  readonly basePath: string;
}

/** A content entry as read from a snapshot: loosely typed, since only text fields are read. */
export type SearchableEntry = { readonly id: string; readonly locale: Locale } & Readonly<
  Record<string, unknown>
>;

/**
 * Markdown to plain text: drops images, keeps link texts, removes emphasis, heading and list marks.
 * @example markdownToText('## 一、总则\n\n**第一条** 见[附件](a.pdf)') // '一、总则\n第一条 见附件'
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The strings of a value (strings, arrays and objects, depth first), for the text of structured fields. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * The fields that make up the searchable body text of each content type, in reading order.
 * Markdown fields are converted to text. Private fields (a letter's writer) are never listed.
 */
export const searchTextFields: Readonly<Record<ContentTypeKey, readonly string[]>> = {
  article: ['summary', 'body', 'source'],
  policy: ['documentNumber', 'issuingAuthority', 'indexNumber', 'topic', 'body'],
  interpretation: ['body', 'source'],
  serviceGuide: [
    'legalBasis',
    'conditions',
    'materials',
    'location',
    'hours',
    'inquiryPhone',
    'process',
    'timeLimit',
    'fee',
  ],
  leader: ['position', 'bio', 'responsibilities'],
  village: ['overview', 'committee', 'industry', 'affairs'],
  investmentProject: ['sector', 'location', 'summary', 'body', 'cooperation'],
  letter: ['question', 'category', 'handlingUnit', 'reply'],
};

/** Fields that hold Markdown. */
const markdownFields = new Set(['body', 'bio', 'responsibilities', 'overview', 'reply', 'question']);

/** Keys inside structured fields that are not text a reader searches for (dates, enums, ids). */
const skippedKeys = new Set(['date', 'category', 'form', 'copies', 'phone', 'id']);

/** Plain text of one field of an entry. */
function fieldText(name: string, value: unknown): string {
  if (typeof value === 'string') return markdownFields.has(name) ? markdownToText(value) : value;
  if (Array.isArray(value)) return value.map((item) => fieldText(name, item)).join('\n');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => !skippedKeys.has(key))
      .map(([key, item]) =>
        key === 'body' || key === 'description'
          ? markdownToText(strings(item).join('\n'))
          : strings(item).join(' '),
      )
      .join(' ');
  }
  return '';
}

/**
 * The search document of a snapshot entry.
 * @example searchDocumentFromEntry('article', entry, site).title
 */
export function searchDocumentFromEntry(
  type: ContentTypeKey,
  entry: SearchableEntry,
  site: SearchSite,
  url: string = entryUrl(type, entry, site),
): SearchDocument {
  const title = String(entry.title ?? entry.name ?? entry.id);
  const text = searchTextFields[type]
    .map((name) => fieldText(name, entry[name]))
    .filter((part) => part.trim() !== '')
    .join('\n');
  const published = typeof entry.publishedAt === 'string' ? entry.publishedAt : '';
  const date = published.slice(0, 10);
  return {
    url,
    site: site.id,
    siteKind: site.kind,
    type,
    year: date.slice(0, 4),
    date,
    locale: entry.locale,
    title,
    text,
  };
}

/** A stable id for a document (Meilisearch primary key, Pagefind de-duplication): url-safe, ≤ 511 bytes. */
export function documentId(document: Pick<SearchDocument, 'url'>): string {
  const id = document.url
    .replace(/^\/+|\/+$/g, '')
    .replace(/#/g, '--')
    .replace(/[^A-Za-z0-9_-]+/g, '_');
  return id === '' ? 'home' : id.slice(0, 500);
}
