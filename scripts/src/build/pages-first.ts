/**
 * Pages first (docs/adr/0030-pages-first-search-follows.md): when a change only adds search documents
 * (a publication), a build can hand its caller an interim output — this build's pages with the previous
 * release's search index — before it indexes. Every result of that index is a page the interim output
 * serves as the index shows it; the new pages are found once the complete output follows.
 * @module
 */
import { existsSync, linkSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SkippedEntry } from '@govcluster/shared/snapshot';
import type { ClusterPages } from '../search/cluster-documents.ts';
import { manifestDir, manifestFile, type ReleaseManifest, redirectsFile } from './release-manifest.ts';
import { reconcileTree, type SpareTrees } from './spare-trees.ts';

/** Where a build writes its interim output, and whom it tells (`BuildOptions.pagesFirst`). */
export interface PagesFirst {
  /** Where the interim output goes (must not exist). */
  readonly outDir: string;
  /**
   * Called once the interim output is complete in `outDir`, with its page count and the entries the
   * build skipped; it may switch it live. On a rejection the interim output is not live (the caller
   * removes it) and the build goes on to its complete output.
   */
  readonly ready: (interim: { pages: number; skipped: SkippedEntry[] }) => Promise<void>;
}

/**
 * Whether the search index may follow the pages: the previous release's documents are known, the
 * change adds documents, and none was changed or removed, nor is any of a locale and year the previous
 * index lacks.
 */
export function searchMayFollow(delta: ClusterPages['delta']): boolean {
  return (
    delta !== undefined &&
    delta.added > 0 &&
    delta.changed === 0 &&
    delta.removed === 0 &&
    delta.newYears === 0
  );
}

/** Hard-links every file under `from` into `to` (folders made), except the relative paths in `skip`. */
function linkTree(from: string, to: string, skip: ReadonlySet<string>, at = ''): void {
  mkdirSync(path.join(to, at), { recursive: true });
  for (const entry of readdirSync(path.join(from, at), { withFileTypes: true })) {
    const relative = at === '' ? entry.name : `${at}/${entry.name}`;
    if (skip.has(relative)) continue;
    if (entry.isDirectory()) linkTree(from, to, skip, relative);
    else linkSync(path.join(from, relative), path.join(to, relative));
  }
}

/**
 * {@link linkTree} that lets the event loop run between folders: it runs while the interim output is
 * live, and the publisher's process answers notices, status and (with the local static server of
 * `npm start` and the bench) the public meanwhile.
 */
async function linkTreeYielding(from: string, to: string, skip: ReadonlySet<string>): Promise<void> {
  const folders = [''];
  let made = 0;
  while (folders.length > 0) {
    const at = folders.pop() as string;
    mkdirSync(path.join(to, at), { recursive: true });
    for (const entry of readdirSync(path.join(from, at), { withFileTypes: true })) {
      const relative = at === '' ? entry.name : `${at}/${entry.name}`;
      if (skip.has(relative)) continue;
      if (entry.isDirectory()) folders.push(relative);
      else linkSync(path.join(from, relative), path.join(to, relative));
    }
    made += 1;
    if (made % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * What only the interim output has: the previous release's search index and run counts, and what the
 * complete output writes again for itself (its manifest names other shards).
 */
const interimOnly = [
  'pagefind',
  path.join(manifestDir, 'route-counts'),
  'nginx.conf',
  manifestFile,
  redirectsFile,
];

/**
 * Makes the build's own folder `built` the interim output: the search index and run counts of
 * `previousDir` linked in, its own `nginx.conf` (by `writeNginx`) and a manifest whose shards are the
 * previous release's (so that a build from the interim output takes them over as from the previous
 * release), then the folder renamed to `outDir`. No second tree of the pages is made before they go
 * live: making one (a folder per page, a link per file) was most of a publication's own work after
 * Astro, and its cost grew from one publication to the next (ADR 37). Call {@link takeBack} next,
 * whatever happens to the interim output. On failure `built` is as it was.
 * @returns the names at the top of `built` that the build made (what {@link takeBack} links back).
 */
export async function writeInterim(options: {
  readonly built: string;
  readonly previousDir: string;
  readonly outDir: string;
  readonly manifest: ReleaseManifest;
  readonly previousSearch: ReleaseManifest['search'];
  readonly writeNginx: (dir: string) => Promise<unknown>;
}): Promise<string[]> {
  const { built } = options;
  const made = readdirSync(built);
  try {
    for (const shared of ['pagefind', path.join(manifestDir, 'route-counts')]) {
      if (existsSync(path.join(options.previousDir, shared)))
        linkTree(path.join(options.previousDir, shared), path.join(built, shared), new Set());
    }
    await options.writeNginx(built);
    mkdirSync(path.join(built, manifestDir), { recursive: true });
    await writeFile(
      path.join(built, manifestFile),
      `${JSON.stringify({ ...options.manifest, search: options.previousSearch })}\n`,
    );
    await writeFile(path.join(built, redirectsFile), `${JSON.stringify(options.manifest.redirects)}\n`);
    await rename(built, options.outDir);
  } catch (error) {
    for (const name of interimOnly) await rm(path.join(built, name), { recursive: true, force: true });
    throw error;
  }
  return made;
}

/**
 * Gives the build its folder `built` back after {@link writeInterim}: links to every file of the
 * interim output under the top-level names the build made, except what only the interim output has.
 * Nothing the build writes later (the search index, run counts, `nginx.conf`, the manifest) is then a
 * link into the interim output, so the live interim release is never written to.
 */
export async function takeBack(
  interim: string,
  built: string,
  made: readonly string[],
  spares?: SpareTrees,
): Promise<void> {
  const skip = new Set(interimOnly);
  // In a spare tree (ADR 38), only the files it lacks are linked.
  if (spares?.take(built)) {
    await reconcileTree(built, await interimFiles(interim, made, skip), { yielding: true });
    return;
  }
  mkdirSync(built, { recursive: true });
  for (const name of made) {
    if (skip.has(name)) continue;
    const from = path.join(interim, name);
    if (statSync(from).isDirectory())
      await linkTreeYielding(from, path.join(built, name), prefixed(skip, name));
    else linkSync(from, path.join(built, name));
  }
}

/**
 * The files of the interim output under the top-level names in `made`, except `skip`: relative path →
 * the file. Lets the event loop run every hundred folders.
 */
async function interimFiles(
  interim: string,
  made: readonly string[],
  skip: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const folders: string[] = [];
  for (const name of made) {
    if (skip.has(name)) continue;
    if (statSync(path.join(interim, name)).isDirectory()) folders.push(name);
    else files.set(name, path.join(interim, name));
  }
  let read = 0;
  while (folders.length > 0) {
    const at = folders.pop() as string;
    for (const entry of readdirSync(path.join(interim, at), { withFileTypes: true })) {
      const relative = `${at}/${entry.name}`;
      if (skip.has(relative)) continue;
      if (entry.isDirectory()) folders.push(relative);
      else files.set(relative, path.join(interim, relative));
    }
    read += 1;
    if (read % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return files;
}

/** The paths of `skip` under the folder `name`, relative to it. */
function prefixed(skip: ReadonlySet<string>, name: string): Set<string> {
  return new Set(
    [...skip].filter((entry) => entry.startsWith(`${name}/`)).map((entry) => entry.slice(name.length + 1)),
  );
}
