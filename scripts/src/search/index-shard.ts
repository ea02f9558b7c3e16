/**
 * The whole work of one shard of a locale's index, done where the shard is indexed (a worker thread of
 * its own, `indexShardInWorker()`, or this thread): its pages as Pagefind gets them (`pagefindHtml()`),
 * the Pagefind run, its table of parts (docs/adr/0040) and what it gives the routing table
 * (`shardRuns()`), so that shards side by side keep both cores busy and the main thread only joins
 * (docs/adr/0041-index-lanes-do-a-shards-whole-work.md).
 * @module
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { pagefindHtml, pagePartsFile, pagePartsTable, type SearchDocument } from '@govcluster/shared/search';
import { type PagefindRunStats, runPagefind } from './pagefind-run.ts';
import { routePageSize, type ShardRuns, shardRuns } from './route-table.ts';
import { shardFragmentIds } from './shard-files.ts';

/** What a shard is indexed from. */
export interface ShardTask {
  /** The shard's search documents (parts of long pages as records of their own), newest first. */
  readonly documents: readonly SearchDocument[];
  /** The shard's folder. */
  readonly outputPath: string;
  readonly memoryLimitBytes?: number;
  /** Word locations per index chunk. */
  readonly chunkLocations?: number;
  /** URLs of the long pages (indexed in parts) the shard holds a part of: their table of parts is written. */
  readonly longPages: readonly string[];
  /** Count the shard's runs for the routing table (an older shard of a sharded locale). */
  readonly routes: boolean;
}

/** What indexing a shard gave. */
export interface ShardOutcome {
  readonly stats: PagefindRunStats;
  /** The shard's runs, when asked for and the run was not stopped. */
  readonly runs?: ShardRuns;
}

/** Indexes a shard in this thread. */
export async function indexShard(task: ShardTask): Promise<ShardOutcome> {
  const pages = (function* () {
    for (const document of task.documents) yield { url: document.url, html: pagefindHtml(document) };
  })();
  const stats = await runPagefind(pages, task.outputPath, {
    memoryLimitBytes: task.memoryLimitBytes,
    chunkLocations: task.chunkLocations,
  });
  if (stats.stopped || (task.longPages.length === 0 && !task.routes)) return { stats };
  const ids = await shardFragmentIds(task.outputPath);
  if (task.longPages.length > 0) {
    const table = pagePartsTable(
      task.documents.map((document) => document.url),
      ids,
      new Set(task.longPages),
    );
    await writeFile(path.join(task.outputPath, pagePartsFile), JSON.stringify(table));
  }
  return task.routes ? { stats, runs: shardRuns(task.documents, ids, routePageSize) } : { stats };
}

/**
 * `indexShard()` in a worker thread of its own (with its own Pagefind service process), so that shards
 * index side by side on as many cores as there are. Memory figures are those of the largest Pagefind
 * process of this process while the run lasted, which may be another run's.
 */
export function indexShardInWorker(task: ShardTask): Promise<ShardOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./index-shard-worker.ts', import.meta.url), { workerData: task });
    let answered = false;
    worker.once('message', (message: { outcome?: ShardOutcome; error?: string }) => {
      answered = true;
      if (message.outcome) resolve(message.outcome);
      else reject(new Error(message.error ?? 'Pagefind worker: no answer'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered)
        reject(new Error(`Pagefind worker for ${task.outputPath} ended (${code}) without an answer`));
    });
  });
}
