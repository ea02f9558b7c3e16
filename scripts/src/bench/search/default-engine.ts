/**
 * Pagefind's default indexing of the cluster's pages, for comparison: each page as Pagefind's default
 * setup sees it (the title as `<h1>`, the text as paragraphs, the real language), and Pagefind's own
 * search UI as the page a visitor searches it with.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from '@govcluster/shared/escape';
import type { SearchDocument } from '@govcluster/shared/search';
import { type PagefindRunStats, runPagefind } from '../../search/pagefind-run.ts';

/** The page Pagefind's default setup indexes. */
export function defaultHtml(document: SearchDocument): string {
  const paragraphs = document.text
    .split(/\n+/)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  return `<!doctype html><html lang="${document.locale.toLowerCase()}"><head><meta charset="utf-8"><title>${escapeHtml(document.title)}</title></head><body><h1>${escapeHtml(document.title)}</h1>${paragraphs}</body></html>`;
}

/**
 * Pagefind's own search UI for a locale (ten results a page, as ours), at `default-ui/<locale>/`. The bench
 * types whole queries, so the UI's typing delay (300 ms by default) is off: it times the engine, as ours.
 */
function searchUiHtml(locale: string): string {
  return `<!doctype html><html lang="${locale.toLowerCase()}"><head><meta charset="utf-8"><title>search</title><link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head><body><div id="search"></div><script>addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search', pageSize: 10, showSubResults: false, showImages: false, debounceTimeoutMs: 0 }));</script></body></html>`;
}

/** Indexes the documents with Pagefind's defaults into `<dir>/pagefind` and writes the search UI pages. */
export async function indexDefault(
  documents: readonly SearchDocument[],
  dir: string,
  options: { memoryLimitBytes: number; log: (line: string) => void },
): Promise<PagefindRunStats> {
  const stats = await runPagefind(
    documents.map((document) => ({ url: document.url, html: defaultHtml(document) })),
    path.join(dir, 'pagefind'),
    { memoryLimitBytes: options.memoryLimitBytes, log: options.log },
  );
  for (const locale of new Set(documents.map((document) => document.locale))) {
    await mkdir(path.join(dir, 'default-ui', locale), { recursive: true });
    await writeFile(path.join(dir, 'default-ui', locale, 'index.html'), searchUiHtml(locale));
  }
  return stats;
}
