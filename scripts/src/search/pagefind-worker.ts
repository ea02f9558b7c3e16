/**
 * One Pagefind run in a worker thread (`runPagefindInWorker()`): each thread has its own Pagefind
 * service process, so shards index side by side on as many cores as there are.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type PagefindPage, runPagefind } from './pagefind-run.ts';

const { pages, outputPath, memoryLimitBytes } = workerData as {
  pages: PagefindPage[];
  outputPath: string;
  memoryLimitBytes?: number;
};
try {
  parentPort?.postMessage({ stats: await runPagefind(pages, outputPath, { memoryLimitBytes }) });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
