/**
 * The searchable fixture cluster for the search browser tests: the built fixture cluster (test/site),
 * copied, with the search index built over it by `indexCluster()`. When the build does not yet route a
 * search page to `<basePath>search/`, the SearchPage component is built here for the portal (zh-CN and
 * en) and one department, with a tiny Astro project, and copied into the cluster.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexCluster } from '../../scripts/src/index-search.ts';
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
  /** Whether the search pages came from the cluster build (true) or were built by the test (false). */
  routed: boolean;
}

/** Why the fixture cannot be had, or null. */
export function searchFixtureUnavailable(): string | null {
  if (process.env.GOVCLUSTER_TEST_SNAPSHOT) return null;
  return existsSync(path.join(repoRoot, 'scripts/src/generate-demo.ts'))
    ? null
    : 'the demo generator (scripts/src/generate-demo.ts) is missing';
}

const astroConfig = `import { defineConfig } from 'astro/config';
export default defineConfig({ output: 'static', trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } });
`;

const page = `---
import SearchPage from '@govcluster/themes/components/search/SearchPage.astro';
import { readFileSync } from 'node:fs';

export function getStaticPaths() {
  const pages = JSON.parse(readFileSync(process.env.GC_SEARCH_PAGES, 'utf8'));
  return pages.map((page) => ({ params: { path: page.path }, props: page }));
}
const { locale, site, sites } = Astro.props;
---
<!doctype html>
<html lang={locale}>
  <head><meta charset="utf-8" /><title>search</title></head>
  <body><main id="gc-main"><SearchPage locale={locale} site={site} sites={sites} siteMapUrl="sitemap/" /></main></body>
</html>
`;

/** Builds the SearchPage for some sites and locales with a throwaway Astro project inside the repository. */
function buildSearchPages(
  work: string,
  dist: string,
  sites: ManifestSite[],
  wanted: [ManifestSite, string][],
): void {
  const project = path.join(work, 'astro');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(path.join(project, 'src/pages'), { recursive: true });
  symlinkSync(path.join(repoRoot, 'sites/node_modules'), path.join(project, 'node_modules'));
  writeFileSync(
    path.join(project, 'package.json'),
    '{ "name": "gc-search-test-site", "private": true, "type": "module" }\n',
  );
  writeFileSync(path.join(project, 'astro.config.mjs'), astroConfig);
  writeFileSync(path.join(project, 'src/pages/[...path].astro'), page);
  const pages = wanted.map(([site, locale]) => ({
    path: `${site.basePath}${locale === 'zh-CN' ? '' : `${locale}/`}search`.replace(/^\/+/, ''),
    locale,
    site: { id: site.id, kind: site.kind, name: site.name[locale] ?? site.name['zh-CN'] },
    sites: sites.map((item) => ({
      id: item.id,
      kind: item.kind,
      name: item.name[locale] ?? item.name['zh-CN'],
    })),
  }));
  const pagesFile = path.join(work, 'pages.json');
  writeFileSync(pagesFile, JSON.stringify(pages));
  execFileSync(
    process.execPath,
    [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', project],
    {
      env: { ...process.env, GC_SEARCH_PAGES: pagesFile },
      stdio: 'pipe',
    },
  );
  cpSync(path.join(project, 'dist'), dist, { recursive: true });
}

/** Prepares the searchable fixture cluster in `work` (a folder of its own). */
export async function searchFixture(work: string): Promise<SearchFixture> {
  const built = await fixtureBuild();
  const dist = path.join(work, 'dist');
  rmSync(dist, { recursive: true, force: true });
  cpSync(built.dist, dist, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dist, 'sites.json'), 'utf8')) as
    | { sites: ManifestSite[] }
    | ManifestSite[];
  const sites = Array.isArray(manifest) ? manifest : manifest.sites;
  const searchUrl = (site: ManifestSite, locale = 'zh-CN') =>
    `${site.basePath}${locale === 'zh-CN' ? '' : `${locale}/`}search/`;
  const routed = existsSync(path.join(dist, 'search', 'index.html'));
  if (!routed) {
    const portal = sites.find((site) => site.kind === 'portal')!;
    const department = sites.find((site) => site.kind === 'department')!;
    buildSearchPages(work, dist, sites, [
      [portal, 'zh-CN'],
      [portal, 'en'],
      [department, 'zh-CN'],
    ]);
  }
  await indexCluster(dist);
  return { dist, sites, searchUrl, routed };
}
