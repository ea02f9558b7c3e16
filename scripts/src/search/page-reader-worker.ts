/**
 * One slice of the pages `readPages()` reads, in a worker thread of its own.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchSite } from '@govcluster/shared/search';
import { type PageFile, readPagesHere } from './page-reader.ts';

const { pages, sites } = workerData as { pages: PageFile[]; sites: SearchSite[] };
try {
  parentPort?.postMessage({ entries: readPagesHere(pages, sites) });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
