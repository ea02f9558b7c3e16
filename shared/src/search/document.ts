/**
 * The search document: what every engine (Pagefind, Meilisearch) indexes for one page, built either
 * from a snapshot entry or from a built HTML page. Pure and browser-safe.
 * @module
 */
import type { ContentTypeKey, Locale } from '../model/constants.ts';
import type { SiteKind } from '../schemas/site.ts';

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
  /**
   * Searchable text about the page that is not its body (事项信息): a policy's catalogue (索引号, 文号,
   * 发文机关 …), an article's source and author, image descriptions. Indexed after the body and never
   * shown as an excerpt.
   * @example '索引号 11740101932993732X/2023-00025\n发文机关 临江市人民政府'
   */
  readonly facts?: string;
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

/** A stable id for a document (Meilisearch primary key, Pagefind de-duplication): url-safe, ≤ 511 bytes. */
export function documentId(document: Pick<SearchDocument, 'url'>): string {
  const id = document.url
    .replace(/^\/+|\/+$/g, '')
    .replace(/#/g, '--')
    .replace(/[^A-Za-z0-9_-]+/g, '_');
  return id === '' ? 'home' : id.slice(0, 500);
}
