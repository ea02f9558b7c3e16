/**
 * One shard's work (`indexShardInWorker()`) in a worker thread: each thread has its own Pagefind service process, so shards index side by side on as many
 * cores as there are.
 *
 * The service process is this thread's child, and only this thread's event loop reaps it: a thread
 * that ends before the process has exited leaves a zombie, one per shard and publication in a
 * long-running publisher. So the thread notes what Pagefind spawns (its own copy of
 * `child_process`; the main thread's is untouched) and waits for it to exit, five seconds at most.
 */
import childProcess, { type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';

const children: ChildProcess[] = [];
const spawn = childProcess.spawn;
childProcess.spawn = ((...args: Parameters<typeof spawn>) => {
  const child = spawn(...args);
  children.push(child);
  return child;
}) as typeof spawn;

const { indexShard } = await import('./index-shard.ts');
const task = workerData as import('./index-shard.ts').ShardTask;
try {
  const outcome = await indexShard(task);
  // The runs' numbers are moved, not copied.
  parentPort?.postMessage({ outcome }, outcome.runs ? [outcome.runs.data.buffer as ArrayBuffer] : []);
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  let waited: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(running.map((child) => once(child, 'exit'))),
    new Promise((resolve) => {
      waited = setTimeout(resolve, 5000);
    }),
  ]);
  clearTimeout(waited);
}
