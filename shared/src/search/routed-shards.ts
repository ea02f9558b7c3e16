/**
 * Which older shards a routed query searches within the cold-download budget (docs/adr/0011-shard-routing.md).
 * Pure and browser-safe.
 * @module
 */
import type { RoutePlan } from './engine-types.ts';
import type { SearchShard } from './pagefind.ts';
import type { RouteEntry } from './routes.ts';

/** What a first query may download with a cold cache (issue #6). */
export const coldBudgetBytes = 300 * 1024;

/**
 * The older shards a routed run is searched in: those the table lists, newest first, until shard 0 and
 * they hold a page of results, as long as the whole cold query stays within the budget — the locale's
 * fixed cost (scripts, WebAssembly, a bucket, fragments) plus, for shard 0 and each routed shard, its
 * metadata and the index chunks the run loads there (as the table measured them, else one `chunkBytes`
 * per token of the query). A prefix of the list, so every shard between
 * shard 0 and the oldest one searched either was searched or holds no page with the run.
 * @example routedShards(entry, shards, { tokens: 1, fixedBytes: 120_000 }) // { shards: [3, 7], complete: true }
 */
export function routedShards(
  entry: RouteEntry,
  shards: readonly SearchShard[],
  options: {
    readonly tokens: number;
    readonly fixedBytes: number;
    readonly pageSize?: number;
    readonly budgetBytes?: number;
  },
): RoutePlan {
  const pageSize = options.pageSize ?? 10;
  const budget = options.budgetBytes ?? coldBudgetBytes;
  // Metadata, plus the index chunks the run loads: as the table measured them, else estimated per token.
  const cost = (index: number, chunks: number | undefined): number => {
    const shard = shards[index];
    // A shard without sizes (a manifest from before routing) is never routed to.
    if (shard?.metaBytes === undefined) return Number.POSITIVE_INFINITY;
    return shard.metaBytes + (chunks ?? options.tokens * (shard.chunkBytes ?? 0));
  };
  let spent = options.fixedBytes + cost(0, entry.newestBytes);
  let pages = entry.newest;
  const chosen: number[] = [];
  for (const { shard, pages: held, bytes } of entry.shards) {
    if (pages >= pageSize || spent + cost(shard, bytes) > budget) break;
    spent += cost(shard, bytes);
    pages += held;
    chosen.push(shard);
  }
  return { shards: chosen, complete: entry.complete && chosen.length === entry.shards.length };
}
