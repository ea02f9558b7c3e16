/**
 * The URL plan of the cluster: `sitePrefix` and `entryPath` are shared with the search index
 * (`@govcluster/shared/search`), so search results link to the pages the sites build.
 */
export { entryPath, sitePrefix } from '@govcluster/shared/search';

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
