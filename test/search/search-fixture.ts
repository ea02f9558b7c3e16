/**
 * The searchable fixture cluster for the search browser tests: the built fixture cluster (test/site),
 * copied, with the search index its build wrote. The search pages are the build's own route
 * (`<basePath>[<locale>/]search/`) and the index the build's own: when the build stops emitting a search
 * page for a site and locale of the manifest, or its search index, preparing the fixture fails and says
 * what is missing. (Indexing the copy again gave the same Pagefind files, byte for byte: work done
 * twice.)
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { searchManifestPath } from '@govcluster/shared/search';
import { fixtureBuild, repoRoot } from '../site/fixture.ts';

/** A site of `dist/sites.json`. */
export interface ManifestSite {
  id: string;
  kind: 'portal' | 'department' | 'township';
  basePath: string;
  locales: string[];
  name: Record<string, string>;
}

/** The prepared cluster. */
export interface SearchFixture {
  /** The served folder. */
  dist: string;
  /** The sites of the cluster. */
  sites: ManifestSite[];
  /** Search pages: [basePath, locale] → URL path. */
  searchUrl(site: ManifestSite, locale?: string): string;
}

/** Why the fixture cannot be had, or null. */
export function searchFixtureUnavailable(): string | null {
  if (process.env.GOVCLUSTER_TEST_SNAPSHOT) return null;
  return existsSync(path.join(repoRoot, 'scripts/src/generate-demo.ts'))
    ? null
    : 'the demo generator (scripts/src/generate-demo.ts) is missing';
}

/** The URL path of a site's search page in a locale, as the build routes it. */
export function searchUrlOf(site: ManifestSite, locale = 'zh-CN'): string {
  return `${site.basePath}${locale === 'zh-CN' ? '' : `${locale}/`}search/`;
}

/** The search pages of every site and locale of the manifest that the build did not emit. */
export function missingSearchPages(dist: string, sites: readonly ManifestSite[]): string[] {
  if (sites.length === 0) return ['(the manifest lists no site)'];
  return sites.flatMap((site) =>
    site.locales
      .map((locale) => searchUrlOf(site, locale))
      .filter((url) => !existsSync(path.join(dist, url, 'index.html'))),
  );
}

/** The sites of a built cluster's `sites.json`. */
export function manifestSites(dist: string): ManifestSite[] {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'sites.json'), 'utf8')) as
    | { sites: ManifestSite[] }
    | ManifestSite[];
  return Array.isArray(manifest) ? manifest : manifest.sites;
}

/** Prepares the searchable fixture cluster in `work` (a folder of its own). */
export async function searchFixture(work: string): Promise<SearchFixture> {
  const built = await fixtureBuild();
  const dist = path.join(work, 'dist');
  rmSync(dist, { recursive: true, force: true });
  cpSync(built.dist, dist, { recursive: true });
  const sites = manifestSites(dist);
  const missing = missingSearchPages(dist, sites);
  if (missing.length > 0)
    throw new Error(
      `the fixture build (${built.dist}) emits no search page at ${missing.slice(0, 5).join(', ')}` +
        `${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}: the search route is missing`,
    );
  if (!existsSync(path.join(dist, searchManifestPath)))
    throw new Error(`the fixture build (${built.dist}) wrote no search index (${searchManifestPath})`);
  return { dist, sites, searchUrl: searchUrlOf };
}
