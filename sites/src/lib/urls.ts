import type { ContentType, Locale, Site } from './model.ts';

/**
 * The URL prefix of a site in a locale: zh-CN at the basePath, others under `<basePath><locale>/`
 * (docs/adr/0005-locale-urls.md).
 */
export function sitePrefix(site: Pick<Site, 'basePath'>, locale: Locale): string {
  return locale === 'zh-CN' ? site.basePath : `${site.basePath}${locale}/`;
}

/** The path of an entry inside its site-locale prefix, e.g. `news/fgw-news-1/` or `villages/shanglin/`. */
export function entryPath(type: ContentType, entry: { id: string; column?: string; slug?: string }): string {
  switch (type) {
    case 'village':
      return `villages/${entry.slug}/`;
    case 'investmentProject':
      return `investment/${entry.id}/`;
    case 'leader':
      return `leaders/${entry.id}/`;
    default:
      return `${entry.column}/${entry.id}/`;
  }
}

/** Fixed page paths inside a site-locale prefix; column slugs must not take these names. */
export const fixedPaths = {
  leaders: 'leaders/',
  villages: 'villages/',
  investment: 'investment/',
  investorGuide: 'investment/guide/',
  siteMap: 'sitemap/',
  accessibility: 'accessibility/',
  search: 'search/',
  /** Rendered here, moved to `<basePath>404.html` by the build (scripts/src/build-cluster.ts). */
  notFound: '404/',
} as const;

/** The path of page `page` (1-based) of a column listing inside a site-locale prefix. */
export function columnPath(slug: string, page = 1): string {
  return page <= 1 ? `${slug}/` : `${slug}/page/${page}/`;
}
