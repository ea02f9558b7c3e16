/**
 * Each shard's run counts kept beside the release (`.govcluster/route-counts/<shard key>.txt`), so
 * that an incremental build counts again only the shards whose pages changed: counting every page's
 * runs is most of the routing table's cost (about 0.3 ms a page). A shard's key names its pages as
 * Pagefind gets them (index-search.ts), so the same key gives the same counts.
 * @module
 */
import { existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchDocument } from '@govcluster/shared/search';
import { countPages, countsFromText, countsToText, type SplitMap } from './route-table.ts';

const countsDir = (releaseDir: string) => path.join(releaseDir, '.govcluster', 'route-counts');

/**
 * The counts of a shard: taken from `previousDir`'s cache when it has the shard's key (and linked into
 * `outDir`'s), otherwise counted and written there.
 */
export function shardCounts(
  documents: Iterable<SearchDocument>,
  where: {
    readonly key: string;
    readonly outDir: string;
    readonly previousDir?: string;
    readonly cap: number;
  },
): { counts: SplitMap<number>; reused: boolean } {
  const name = `${where.key}.txt`;
  const target = path.join(countsDir(where.outDir), name);
  mkdirSync(path.dirname(target), { recursive: true });
  const cached = where.previousDir ? path.join(countsDir(where.previousDir), name) : undefined;
  if (cached && existsSync(cached)) {
    try {
      const counts = countsFromText(readFileSync(cached, 'utf8'));
      if (!existsSync(target)) linkSync(cached, target);
      return { counts, reused: true };
    } catch {
      // Unreadable or not linkable: count again below.
    }
  }
  const counts = countPages(documents);
  writeFileSync(target, countsToText(counts, where.cap));
  return { counts, reused: false };
}
