import { existsSync, readFileSync } from 'node:fs';
import { rename, rmdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Moves every site's 404 page from `<basePath>404/index.html`, where Astro renders it, to
 * `<basePath>404.html`, where web servers look for it (dist/nginx.conf, the local server). Sites
 * come from the build's `sites.json`. With `incremental`, a site whose 404 page was not rendered (it is
 * taken from the previous release later) is passed over; {@link checkNotFoundPages} checks the end result.
 */
export async function placeNotFoundPages(outDir: string, incremental = false): Promise<number> {
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'sites.json'), 'utf8')) as {
    sites: { id: string; basePath: string }[];
  };
  let placed = 0;
  for (const site of manifest.sites) {
    const folder = path.join(outDir, site.basePath, '404');
    const rendered = path.join(folder, 'index.html');
    if (!existsSync(rendered) && incremental) continue;
    if (!existsSync(rendered))
      throw new Error(`The build made no 404 page for site "${site.id}" (${rendered})`);
    await rename(rendered, path.join(outDir, site.basePath, '404.html'));
    await rmdir(folder);
    placed += 1;
  }
  return placed;
}

/** Throws unless every site of the output's `sites.json` has its `<basePath>404.html`. */
export function checkNotFoundPages(outDir: string): void {
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'sites.json'), 'utf8')) as {
    sites: { id: string; basePath: string }[];
  };
  for (const site of manifest.sites) {
    const page = path.join(outDir, site.basePath, '404.html');
    if (!existsSync(page)) throw new Error(`The build has no 404 page for site "${site.id}" (${page})`);
  }
}
