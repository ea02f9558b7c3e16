/**
 * Reading built pages into their search documents (and the CSP hashes of their inline scripts and the
 * assets they link to), side by side in worker threads when there are many: at large scale reading
 * 115,000 pages one after another took about two minutes of one core while the other idled
 * (docs/adr/0041-index-lanes-do-a-shards-whole-work.md).
 * @module
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type SearchSite, searchDocumentFromHtml } from '@govcluster/shared/search';
import { assetLinks } from '../build/incremental.ts';
import { pageScriptHashes } from '../generate-nginx.ts';
import type { CachedDocument } from './document-cache.ts';

/** A page to read: its URL, its file and the file's identity (`fileIdentity()`). */
export interface PageFile {
  readonly url: string;
  readonly file: string;
  readonly identity: string;
}

/** Pages fewer than this are read in this thread: a worker costs more than it saves. */
const pagesPerWorkerAtLeast = 1_000;

/** Whether a URL is a page that must not be a search result (the search pages, 404). */
function skipUrl(url: string): boolean {
  return /\/search\/$/.test(url) || /\/404(\.html|\/)?$/.test(url);
}

/** Reads pages in this thread, in order. */
export function readPagesHere(pages: readonly PageFile[], sites: readonly SearchSite[]): CachedDocument[] {
  return pages.map(({ url, file, identity }) => {
    const html = readFileSync(file, 'utf8');
    const document = skipUrl(url) ? null : (searchDocumentFromHtml(html, url, sites) ?? null);
    return { url, file: identity, document, scripts: pageScriptHashes(html), assets: assetLinks(html) };
  });
}

/**
 * Reads pages, in order: in up to `workers` worker threads (default: one per core, at most four), each
 * a contiguous slice, when there are enough of them; else in this thread.
 */
export async function readPages(
  pages: readonly PageFile[],
  sites: readonly SearchSite[],
  workers = Math.min(4, availableParallelism()),
): Promise<CachedDocument[]> {
  const count = Math.min(workers, Math.floor(pages.length / pagesPerWorkerAtLeast));
  if (count < 2) return readPagesHere(pages, sites);
  const size = Math.ceil(pages.length / count);
  const slices = Array.from({ length: count }, (_, at) => pages.slice(at * size, (at + 1) * size));
  const read = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<CachedDocument[]>((resolve, reject) => {
          const worker = new Worker(new URL('./page-reader-worker.ts', import.meta.url), {
            workerData: { pages: slice, sites },
          });
          let answered = false;
          worker.once('message', (message: { entries?: CachedDocument[]; error?: string }) => {
            answered = true;
            if (message.entries) resolve(message.entries);
            else reject(new Error(message.error ?? 'page reader: no answer'));
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (!answered) reject(new Error(`page reader ended (${code}) without an answer`));
          });
        }),
    ),
  );
  return read.flat();
}
