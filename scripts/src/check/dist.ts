/**
 * Reads a built cluster folder: the manifest (`sites.json`, the contract in DESIGN.md) and every
 * HTML page, with the site each page belongs to.
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** A site of the manifest, as far as the checker needs it. */
export interface ManifestSite {
  readonly id: string;
  readonly basePath: string;
  readonly url?: string;
}

/** A built cluster. */
export interface BuiltCluster {
  readonly dir: string;
  readonly sites: readonly ManifestSite[];
}

/** Folders of `dist/` that hold no pages (assets, search index). */
const notPages = new Set(['_astro', 'pagefind', 'media']);

/** Reads `<dir>/sites.json`; throws saying which file and what is wrong. */
export function readBuiltCluster(dir: string): BuiltCluster {
  const file = path.join(dir, 'sites.json');
  if (!existsSync(file)) {
    throw new Error(`${file} does not exist: is ${dir} a built cluster? Build it first (npm run build)`);
  }
  let manifest: { sites?: unknown };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(manifest.sites)) throw new Error(`${file} has no "sites" list`);
  const sites = manifest.sites.map((site: Record<string, unknown>, index: number) => {
    if (typeof site.id !== 'string' || typeof site.basePath !== 'string') {
      throw new Error(`${file}: sites[${index}] needs a string id and basePath`);
    }
    return { id: site.id, basePath: site.basePath, url: typeof site.url === 'string' ? site.url : undefined };
  });
  return { dir, sites };
}

/** Every HTML page of the cluster as its URL path (`/bm/fgw/news/x/`, `/404.html`). */
export async function listPages(cluster: BuiltCluster): Promise<string[]> {
  const pages: string[] = [];
  const walk = async (dir: string, urlPath: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!(urlPath === '/' && notPages.has(entry.name))) {
          await walk(path.join(dir, entry.name), `${urlPath}${entry.name}/`);
        }
      } else if (entry.name === 'index.html') pages.push(urlPath);
      else if (entry.name.endsWith('.html')) pages.push(`${urlPath}${entry.name}`);
    }
  };
  await walk(cluster.dir, '/');
  return pages.sort();
}

/** The file a page URL path is served from. */
export function pageFile(cluster: BuiltCluster, urlPath: string): string {
  return path.join(cluster.dir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
}

/** The site a URL path belongs to: the one with the longest base path that prefixes it. */
export function siteOfPath(cluster: BuiltCluster, urlPath: string): ManifestSite | undefined {
  let best: ManifestSite | undefined;
  for (const site of cluster.sites) {
    if (urlPath.startsWith(site.basePath) && (!best || site.basePath.length > best.basePath.length))
      best = site;
  }
  return best;
}

/** Whether the static server answers a URL path from `dist/` (a file, or a folder's index.html). */
export function makeExists(cluster: BuiltCluster): (urlPath: string) => boolean {
  const cache = new Map<string, boolean>();
  const isFile = (file: string) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  };
  return (urlPath) => {
    let known = cache.get(urlPath);
    if (known === undefined) {
      const file = path.join(cluster.dir, urlPath);
      known = urlPath.endsWith('/')
        ? isFile(path.join(file, 'index.html'))
        : isFile(file) || isFile(path.join(file, 'index.html')) || isFile(`${file}.html`);
      cache.set(urlPath, known);
    }
    return known;
  };
}
