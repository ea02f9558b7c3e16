/**
 * Pages first (docs/adr/0030-pages-first-search-follows.md): when a change only adds search documents
 * (a publication), a build can hand its caller an interim output — this build's pages with the previous
 * release's search index — before it indexes. Every result of that index is a page the interim output
 * serves as the index shows it; the new pages are found once the complete output follows.
 * @module
 */
import { existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SkippedEntry } from '@govcluster/shared/snapshot';
import type { ClusterPages } from '../search/cluster-documents.ts';
import { manifestDir, manifestFile, type ReleaseManifest, redirectsFile } from './release-manifest.ts';

/** Where a build writes its interim output, and whom it tells (`BuildOptions.pagesFirst`). */
export interface PagesFirst {
  /** Where the interim output goes (must not exist). */
  readonly outDir: string;
  /**
   * Called once the interim output is complete in `outDir`, with its page count and the entries the
   * build skipped; it may switch it live. A rejection fails the build.
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
 * Writes the interim output into `outDir` (through a temporary sibling, renamed last): the pages of
 * `built` (linked: the build writes no file of it again), the search index and its run counts of
 * `previousDir`, its own `nginx.conf` (by `writeNginx`) and a manifest whose shards are the previous
 * release's, so that a build from the interim output takes them over as from the previous release.
 */
export async function writeInterim(options: {
  readonly built: string;
  readonly previousDir: string;
  readonly outDir: string;
  readonly manifest: ReleaseManifest;
  readonly previousSearch: ReleaseManifest['search'];
  readonly writeNginx: (dir: string) => Promise<unknown>;
}): Promise<void> {
  const temporary = path.join(
    path.dirname(options.outDir),
    `.${path.basename(options.outDir)}-building-${process.pid}-${Date.now()}`,
  );
  try {
    linkTree(options.built, temporary, new Set(['nginx.conf', 'pagefind', manifestFile]));
    for (const shared of ['pagefind', path.join(manifestDir, 'route-counts')]) {
      if (existsSync(path.join(options.previousDir, shared)))
        linkTree(path.join(options.previousDir, shared), path.join(temporary, shared), new Set());
    }
    await options.writeNginx(temporary);
    await writeFile(
      path.join(temporary, manifestFile),
      `${JSON.stringify({ ...options.manifest, search: options.previousSearch })}\n`,
    );
    await writeFile(path.join(temporary, redirectsFile), `${JSON.stringify(options.manifest.redirects)}\n`);
    await rename(temporary, options.outDir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
