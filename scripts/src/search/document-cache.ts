/**
 * The search documents of a release, kept beside it (`.govcluster/search-documents.jsonl`) so that the
 * next incremental build reads again only the pages it rendered. A page taken unchanged from the
 * previous release is a hard link to the same file (ADR 16): same inode, size and modification time,
 * so its document is the one the previous release made from it. The cache holds only what the pages
 * show the public, and is void when `sites.json` (which the documents name sites from) changed.
 * @module
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, type Stats, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { SearchDocument } from '@govcluster/shared/search';

/** Where a release keeps its search documents (a dot folder: never served). */
export const documentCacheFile = path.join('.govcluster', 'search-documents.jsonl');

const cacheFormat = 'govcluster-search-documents@3';

/**
 * One page: its URL, the identity of its file, its document (null: not a search result), the CSP
 * hashes of its inline scripts (for `nginx.conf`) and the assets it links to.
 */
export interface CachedDocument {
  url: string;
  file: string;
  document: SearchDocument | null;
  scripts: string[];
  /** The `/_astro/` files it links to, so an incremental build knows which assets to take over. */
  assets: string[];
}

/** What identifies a file's content without reading it: inode, size and modification time. */
export function fileIdentity(stat: Stats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

/** The hash that voids a cache when the sites changed. */
export function sitesHash(sitesJson: string): string {
  return createHash('sha256').update(sitesJson).digest('hex').slice(0, 16);
}

/**
 * The cached documents of a release by URL, or an empty map when it has none, it was made for other
 * sites, or it cannot be read (the pages are then read again: a cache is never a reason to fail).
 */
export async function readDocumentCache(dir: string, sites: string): Promise<Map<string, CachedDocument>> {
  const cached = new Map<string, CachedDocument>();
  try {
    // One read and a line at a time from the bytes (no string of the whole file: at 100,000 pages it
    // is over 100 MB); a line iterator over a stream cost about half a second on the demo city.
    const bytes = readFileSync(path.join(dir, documentCacheFile));
    let start = 0;
    let first = true;
    while (start < bytes.length) {
      let end = bytes.indexOf(10, start);
      if (end < 0) end = bytes.length;
      const line = bytes.toString('utf8', start, end);
      start = end + 1;
      if (first) {
        first = false;
        const head = JSON.parse(line) as { format?: string; sites?: string };
        if (head.format !== cacheFormat || head.sites !== sites) return new Map();
        continue;
      }
      if (!line) continue;
      const entry = JSON.parse(line) as CachedDocument;
      cached.set(entry.url, entry);
    }
  } catch {
    return new Map();
  }
  return cached;
}

/** Writes a release's documents (in blocks of about a megabyte, one system call each). */
export async function writeDocumentCache(
  dir: string,
  sites: string,
  entries: Iterable<CachedDocument>,
): Promise<void> {
  const file = path.join(dir, documentCacheFile);
  await mkdir(path.dirname(file), { recursive: true });
  const out = openSync(file, 'w');
  try {
    let block = `${JSON.stringify({ format: cacheFormat, sites })}\n`;
    for (const entry of entries) {
      block += `${JSON.stringify(entry)}\n`;
      if (block.length > 1_000_000) {
        writeSync(out, block);
        block = '';
      }
    }
    writeSync(out, block);
  } finally {
    closeSync(out);
  }
}
