import { existsSync, readFileSync } from 'node:fs';
import { rename, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { type Locale, locales } from '@govcluster/shared/constants';
import { sitePrefix } from '@govcluster/shared/urls';

/** A site of the build's `sites.json`, as far as its 404 pages go. */
interface ManifestSite {
  id: string;
  basePath: string;
  locales?: Locale[];
}

/** The site-locale prefixes of a built cluster (`/`, `/en/`, `/bm/fgw/`): each has its 404 page. */
export function notFoundPrefixes(outDir: string): { site: string; prefix: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'sites.json'), 'utf8')) as {
    sites: ManifestSite[];
  };
  return manifest.sites.flatMap((site) =>
    locales
      .filter((locale) => (site.locales ?? ['zh-CN']).includes(locale))
      .map((locale) => ({ site: site.id, prefix: sitePrefix(site, locale) })),
  );
}

/**
 * Moves every site's 404 page in each of its locales from `<prefix>404/index.html`, where Astro renders
 * it, to `<prefix>404.html`, where web servers look for it (dist/nginx.conf, the local server). Sites
 * come from the build's `sites.json`. With `incremental`, a page that was not rendered (it is taken
 * from the previous release later) is passed over; {@link checkNotFoundPages} checks the end result.
 */
export async function placeNotFoundPages(outDir: string, incremental = false): Promise<number> {
  let placed = 0;
  for (const { site, prefix } of notFoundPrefixes(outDir)) {
    const folder = path.join(outDir, prefix, '404');
    const rendered = path.join(folder, 'index.html');
    if (!existsSync(rendered) && incremental) continue;
    if (!existsSync(rendered))
      throw new Error(`The build made no 404 page for site "${site}" at ${prefix} (${rendered})`);
    await rename(rendered, path.join(outDir, prefix, '404.html'));
    await rmdir(folder);
    placed += 1;
  }
  return placed;
}

/** Throws unless every site-locale prefix of the output's `sites.json` has its `<prefix>404.html`. */
export function checkNotFoundPages(outDir: string): void {
  for (const { site, prefix } of notFoundPrefixes(outDir)) {
    const page = path.join(outDir, prefix, '404.html');
    if (!existsSync(page))
      throw new Error(`The build has no 404 page for site "${site}" at ${prefix} (${page})`);
  }
}
