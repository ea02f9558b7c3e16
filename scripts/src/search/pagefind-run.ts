/**
 * Runs of the Pagefind indexer (through its Node API) with their cost measured: wall time, peak memory
 * of the Pagefind process and of this one, and the size of what was written. A run that grows past a
 * memory limit is stopped and reported as such, so a benchmark cannot take the machine down.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** One page handed to Pagefind. */
export interface PagefindPage {
  /** The result URL. */
  readonly url: string;
  /** The HTML Pagefind parses. */
  readonly html: string;
}

/** What one indexing run cost. */
export interface PagefindRunStats {
  /** Pages given. */
  readonly pages: number;
  /** Wall time in seconds. */
  readonly seconds: number;
  /** Peak resident memory of the Pagefind process, in bytes. */
  readonly pagefindPeakBytes: number;
  /** Peak resident memory of this Node process so far, in bytes. */
  readonly nodePeakBytes: number;
  /** Bytes written (the index, fragments and metadata; not the UI files). */
  readonly indexBytes: number;
  /** Files written (same selection). */
  readonly indexFiles: number;
  /** Why the run was stopped, when it was. */
  readonly stopped?: string;
}

/** The Pagefind service processes started by this process, with their state (`Z`: exited, not reaped). */
export function pagefindChildren(): { pid: number; state: string }[] {
  const found: { pid: number; state: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === process.pid && comm.startsWith('pagefind'))
        found.push({ pid: Number(name), state: state ?? '' });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** A field of /proc/<pid>/status in bytes (`VmRSS`, `VmHWM`), 0 when unreadable. */
export function procMemory(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Total size and count of the index files under a Pagefind output folder. */
export function indexSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        /\.(pf_index|pf_fragment|pf_meta|pf_filter|pagefind)$|pagefind-entry\.json$/.test(entry.name)
      ) {
        bytes += statSync(full).size;
        files += 1;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/**
 * Indexes pages with Pagefind into `outputPath` and measures the run. The service is closed at the end,
 * so every run starts from a fresh process and its memory is its own.
 */
export async function runPagefind(
  pages: Iterable<PagefindPage>,
  outputPath: string,
  options: {
    readonly memoryLimitBytes?: number;
    readonly config?: pagefind.PagefindServiceConfig;
    readonly log?: (line: string) => void;
    /**
     * Word locations an index chunk holds before Pagefind starts the next (its default: 20,000). A query
     * downloads one chunk per token, so smaller chunks cost a query less and the metadata (one entry a
     * chunk) more (docs/adr/0039-smaller-index-chunks-and-page-parts.md).
     */
    readonly chunkLocations?: number;
  } = {},
): Promise<PagefindRunStats> {
  const started = performance.now();
  // Pagefind 1.6 reads the chunk size from its service process's environment only (an option marked
  // unstable); the service is started by `createIndex()` below and closed at the end of the run.
  const chunkVariable = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';
  const chunkBefore = process.env[chunkVariable];
  if (options.chunkLocations !== undefined) process.env[chunkVariable] = String(options.chunkLocations);
  else delete process.env[chunkVariable];
  let peak = 0;
  let stopped: string | undefined;
  const limit = options.memoryLimitBytes ?? Number.POSITIVE_INFINITY;
  // Requests to a killed service never answer: every wait also ends when the run is stopped.
  let onStop: () => void = () => undefined;
  const stop = new Promise<void>((resolve) => {
    onStop = resolve;
  });
  const wait = (promise: Promise<unknown>): Promise<unknown> => Promise.race([promise, stop]);
  const watch = setInterval(() => {
    for (const { pid } of pagefindChildren()) {
      const rss = procMemory(pid, 'VmRSS');
      peak = Math.max(peak, rss, procMemory(pid, 'VmHWM'));
      if (rss > limit && !stopped) {
        stopped = `stopped at ${(rss / 2 ** 30).toFixed(1)} GB (limit ${(limit / 2 ** 30).toFixed(1)} GB) after ${((performance.now() - started) / 1000).toFixed(0)} s`;
        process.kill(pid, 'SIGKILL');
        onStop();
      }
    }
  }, 200);
  let count = 0;
  try {
    const { index, errors } = await pagefind.createIndex(options.config ?? {});
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    // Pagefind answers requests in order; a bounded number in flight keeps the pipe busy.
    let inFlight: Promise<unknown>[] = [];
    for (const page of pages) {
      if (stopped) break;
      inFlight.push(
        index.addHTMLFile({ url: page.url, content: page.html }).then((response) => {
          if (response.errors.length > 0)
            throw new Error(`Pagefind, ${page.url}: ${response.errors.join('; ')}`);
        }),
      );
      count += 1;
      if (count % 10_000 === 0) {
        options.log?.(
          `${count} pages, ${((performance.now() - started) / 1000).toFixed(0)} s, ${(peak / 2 ** 30).toFixed(2)} GB`,
        );
      }
      if (inFlight.length >= 64) {
        await wait(Promise.all(inFlight));
        inFlight = [];
      }
    }
    await wait(Promise.all(inFlight));
    if (!stopped) {
      const written = (await wait(index.writeFiles({ outputPath }))) as
        | pagefind.WriteFilesResponse
        | undefined;
      if (written && written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    }
  } catch (error) {
    if (!stopped) throw error;
  } finally {
    clearInterval(watch);
    for (const { pid } of pagefindChildren()) peak = Math.max(peak, procMemory(pid, 'VmHWM'));
    // At most five seconds for Pagefind to close; the timer must not outlive it, or it holds the
    // process (or the worker) open for those seconds after the build is done.
    let closing: NodeJS.Timeout | undefined;
    await Promise.race([
      pagefind.close().catch(() => null),
      new Promise((resolve) => {
        closing = setTimeout(resolve, 5000);
      }),
    ]);
    clearTimeout(closing);
    if (chunkBefore === undefined) delete process.env[chunkVariable];
    else process.env[chunkVariable] = chunkBefore;
  }
  const size = stopped ? { bytes: 0, files: 0 } : indexSize(outputPath);
  return {
    pages: count,
    seconds: (performance.now() - started) / 1000,
    pagefindPeakBytes: peak,
    nodePeakBytes: procMemory('self', 'VmHWM'),
    indexBytes: size.bytes,
    indexFiles: size.files,
    ...(stopped ? { stopped } : {}),
  };
}
