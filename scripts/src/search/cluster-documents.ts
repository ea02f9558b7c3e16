/**
 * What the search indexes, read from where it is: the search documents of a built cluster's pages (and
 * the CSP hashes of their inline scripts, for `nginx.conf`), taken from the previous release's document
 * cache for pages linked unchanged; and the public search documents of a snapshot.
 * @module
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isContentTypeKey } from '@govcluster/shared/constants';
import type { SearchDocument, SearchSite } from '@govcluster/shared/search';
import { searchDocumentFromEntry } from '@govcluster/shared/search/entry';
import { readSnapshot } from '@govcluster/shared/snapshot';
import {
  type CachedDocument,
  fileIdentity,
  readDocumentCache,
  sitesHash,
  writeDocumentCache,
} from './document-cache.ts';
import { readPages } from './page-reader.ts';

/** Every HTML file under a folder (URL path → file), skipping Pagefind's and Astro's output. */
function htmlFiles(distDir: string): Map<string, string> {
  const files = new Map<string, string>();
  // Synchronous: thousands of folders one after another (a publication waits for this walk).
  const walk = (dir: string, url: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (url === '/' && (entry.name === 'pagefind' || entry.name === '_astro')) continue;
        walk(path.join(dir, entry.name), `${url}${entry.name}/`);
      } else if (entry.name.endsWith('.html')) {
        const pageUrl = entry.name === 'index.html' ? url : `${url}${entry.name}`;
        files.set(pageUrl, path.join(dir, entry.name));
      }
    }
  };
  walk(distDir, '/');
  return files;
}

/** The sites of `dist/sites.json` (the build's manifest). */
function parseSites(sitesJson: string): SearchSite[] {
  const manifest = JSON.parse(sitesJson) as unknown;
  const list = (Array.isArray(manifest) ? manifest : (manifest as { sites?: unknown[] }).sites) ?? [];
  return (list as { id: string; kind: SearchSite['kind']; basePath: string }[]).map(
    ({ id, kind, basePath }) => ({
      id,
      kind,
      basePath,
    }),
  );
}

/** The public search documents of a snapshot (replied letters only, never a writer's data). */
export async function snapshotDocuments(dir: string): Promise<SearchDocument[]> {
  const sites = new Map<string, SearchSite>();
  const documents: SearchDocument[] = [];
  for await (const { record } of readSnapshot(dir)) {
    const { type } = record;
    if (type === 'site') {
      const site = record as unknown as SearchSite;
      sites.set(site.id, { id: site.id, kind: site.kind, basePath: site.basePath });
      continue;
    }
    if (typeof type !== 'string' || !isContentTypeKey(type)) continue;
    if (type === 'letter' && record.status !== 'replied') continue;
    const { writer: _writer, ...entry } = record as Record<string, unknown>;
    const site = sites.get(String(entry.site));
    if (!site) continue;
    documents.push(
      searchDocumentFromEntry(type, entry as Parameters<typeof searchDocumentFromEntry>[1], site),
    );
  }
  return documents;
}

/** The search documents of a built cluster, and the CSP hashes of its pages' inline scripts. */
export interface ClusterPages {
  documents: SearchDocument[];
  scriptHashes: string[];
  /** Every `/_astro/` file a page links to. */
  assets: Set<string>;
  /**
   * How the documents differ from the previous release's, when its document cache was usable: pages
   * whose document is new, changed or gone, and new documents of a locale and year no previous document
   * has (the search page offers every year of the entries; the previous index has none of that year).
   */
  delta?: { added: number; changed: number; removed: number; newYears: number };
}

const sameDocument = (a: SearchDocument | null, b: SearchDocument | null): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Reads the pages of a built cluster. With `previous` (the release its unchanged pages were linked
 * from), the pages taken unchanged come from its document cache instead of their HTML; with `keep`,
 * what was read is kept beside the pages for the next build (search/document-cache.ts).
 */
export async function clusterPages(
  distDir: string,
  options: {
    readonly previous?: string;
    readonly keep?: boolean;
    readonly log?: (line: string) => void;
  } = {},
): Promise<ClusterPages> {
  const sitesJson = await readFile(path.join(distDir, 'sites.json'), 'utf8');
  const sites = parseSites(sitesJson);
  const hash = sitesHash(sitesJson);
  const cached = options.previous ? await readDocumentCache(options.previous, hash) : new Map();
  const entries: CachedDocument[] = [];
  const documents: SearchDocument[] = [];
  const scriptHashes = new Set<string>();
  const assets = new Set<string>();
  let reused = 0;
  const delta = { added: 0, changed: 0, removed: 0, newYears: 0 };
  const added: SearchDocument[] = [];
  const seen = new Set<string>();
  // Pages not taken from the cache are read first, side by side (page-reader.ts), then every page is
  // taken in order.
  const files = [...htmlFiles(distDir)].map(([url, file]) => ({
    url,
    file,
    identity: fileIdentity(statSync(file)),
  }));
  const unread = files.filter(({ url, identity }) => cached.get(url)?.file !== identity);
  const read = new Map((await readPages(unread, sites)).map((entry) => [entry.url, entry]));
  for (const { url } of files) {
    const hit = cached.get(url);
    seen.add(url);
    const fresh = read.get(url);
    // Every page is read or taken from the cache.
    const entry = (fresh ?? hit) as CachedDocument;
    if (!fresh) reused += 1;
    else if (!hit?.document && fresh.document) added.push(fresh.document);
    else if (!sameDocument(hit?.document ?? null, fresh.document)) delta.changed += 1;
    entries.push(entry);
    if (entry.document) documents.push(entry.document);
    for (const script of entry.scripts) scriptHashes.add(script);
    for (const asset of entry.assets) assets.add(asset);
  }
  if (options.previous)
    options.log?.(`pages: ${entries.length - reused} read, ${reused} taken from the previous release`);
  if (options.keep) await writeDocumentCache(distDir, hash, entries);
  const result: ClusterPages = { documents, scriptHashes: [...scriptHashes].sort(), assets };
  if (cached.size === 0) return result;
  const years = new Set<string>();
  for (const [url, { document }] of cached) {
    if (document && !seen.has(url)) delta.removed += 1;
    if (document) years.add(`${document.locale} ${document.year}`);
  }
  delta.added = added.length;
  delta.newYears = added.filter((document) => !years.has(`${document.locale} ${document.year}`)).length;
  return { ...result, delta };
}

/** The search documents of a built cluster. */
export async function clusterDocuments(distDir: string): Promise<SearchDocument[]> {
  return (await clusterPages(distDir)).documents;
}
