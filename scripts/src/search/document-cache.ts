/**
 * The search documents of a release, kept beside it (`.govcluster/search-documents.jsonl`) so that the
 * next incremental build reads again only the pages it rendered. A page taken unchanged from the
 * previous release is a hard link to the same file (ADR 16): same inode, size and modification time,
 * so its document is the one the previous release made from it. The cache holds only what the pages
 * show the public, and is void when `sites.json` (which the documents name sites from) changed.
 * @module
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type Stats } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
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
    const lines = createInterface({ input: createReadStream(path.join(dir, documentCacheFile), 'utf8') });
    let first = true;
    for await (const line of lines) {
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

/** Writes a release's documents. */
export async function writeDocumentCache(
  dir: string,
  sites: string,
  entries: Iterable<CachedDocument>,
): Promise<void> {
  const file = path.join(dir, documentCacheFile);
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file, 'utf8');
  const write = (text: string) =>
    out.write(text) ? undefined : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(`${JSON.stringify({ format: cacheFormat, sites })}\n`);
  for (const entry of entries) await write(`${JSON.stringify(entry)}\n`);
  out.end();
  await finished(out);
}
