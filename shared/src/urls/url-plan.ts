/**
 * The URL plan of the cluster (docs/adr/0005-locale-urls.md): where each site, locale, entry and fixed
 * page lives. The sites build their pages at these paths, the search index links to them and the
 * registry keeps column slugs off them. Pure and browser-safe.
 * @module
 */
import type { ContentTypeKey, Locale } from '../model/constants.ts';

/**
 * Fixed page paths inside a site-locale prefix; column slugs must not take their first segments
 * (`reservedColumnSlugs`).
 */
export const fixedPaths = {
  villages: 'villages/',
  investment: 'investment/',
  investorGuide: 'investment/guide/',
  /** Whom investors can call or write: the registry's `investorContacts` of the site. */
  investorContacts: 'investment/contacts/',
  leaders: 'leaders/',
  siteMap: 'sitemap/',
  accessibility: 'accessibility/',
  search: 'search/',
  /** 我要写信: the letter form of a site with a mailbox column (docs/adr/0023-mailbox.md). */
  mailboxWrite: 'mailbox/write/',
  /** 信件查询: the tracking form. */
  mailboxTrack: 'mailbox/track/',
  /** 政务服务: the service guides by topic, department and audience (docs/adr/0028-services-and-interaction.md). */
  serviceGuides: 'service-guides/',
  /** 互动交流: the hub of the mailbox, interviews, consultations and the 12345 hotline. */
  interaction: 'interaction/',
  /** 政府信息公开: the section of a 公开 body (docs/adr/0027-open-information.md, `./open-info-paths.ts`). */
  openInfo: 'zwgk/',
  /** Rendered here, moved to `<basePath>404.html` by the build (scripts/src/build-cluster.ts). */
  notFound: '404/',
} as const;

/**
 * The URL prefix of a site in a locale: zh-CN at the site's base path, other locales under
 * `<basePath><locale>/`.
 * @example sitePrefix({ basePath: '/bm/fgw/' }, 'en') // '/bm/fgw/en/'
 */
export function sitePrefix(site: { readonly basePath: string }, locale: Locale): string {
  return locale === 'zh-CN' ? site.basePath : `${site.basePath}${locale}/`;
}

/**
 * The path of an entry inside its site-locale prefix.
 * @example entryPath('article', { id: 'fgw-news-1', column: 'news' }) // 'news/fgw-news-1/'
 */
export function entryPath(
  type: ContentTypeKey,
  entry: { readonly id: string; readonly column?: unknown; readonly slug?: unknown },
): string {
  switch (type) {
    case 'village':
      return `${fixedPaths.villages}${String(entry.slug)}/`;
    case 'investmentProject':
      return `${fixedPaths.investment}${entry.id}/`;
    case 'leader':
      return `${fixedPaths.leaders}${entry.id}/`;
    default:
      return `${String(entry.column)}/${entry.id}/`;
  }
}

/**
 * The URL of an entry, as the sites build it.
 * @example entryUrl('article', { id: 'a-1', locale: 'en', column: 'news' }, { basePath: '/' }) // '/en/news/a-1/'
 */
export function entryUrl(
  type: ContentTypeKey,
  entry: { readonly id: string; readonly locale: Locale; readonly column?: unknown; readonly slug?: unknown },
  site: { readonly basePath: string },
): string {
  return sitePrefix(site, entry.locale) + entryPath(type, entry);
}

/**
 * The public URL of a site's home: its own host when it has one, else the cluster's origin and its
 * base path (the manifest `sites.json`, the 年度报表).
 * @example siteUrl({ basePath: '/bm/fgw/' }, 'https://www.linjiang.gov.cn') // 'https://www.linjiang.gov.cn/bm/fgw/'
 */
export function siteUrl(site: { readonly basePath: string; readonly host?: string }, origin = ''): string {
  return site.host ? `https://${site.host}/` : `${origin}${site.basePath}`;
}

/** The path of page `page` (1-based) of a column listing inside a site-locale prefix. */
export function columnPath(slug: string, page = 1): string {
  return page <= 1 ? `${slug}/` : `${slug}/page/${page}/`;
}

/** The facets by which the 政务服务 pages list service guides. */
export const serviceFacets = ['topic', 'audience', 'department'] as const;

/** A facet of the 政务服务 pages. */
export type ServiceFacet = (typeof serviceFacets)[number];

/**
 * The path of page `page` (1-based) of the service guides with one facet value, inside a site-locale
 * prefix.
 * @example serviceFacetPath('topic', 'employment', 2) // 'service-guides/topic/employment/page/2/'
 */
export function serviceFacetPath(facet: ServiceFacet, value: string, page = 1): string {
  return columnPath(`${fixedPaths.serviceGuides}${facet}/${value}`, page);
}
