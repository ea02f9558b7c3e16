/**
 * Redirects of moved entries (issue 12, item 6; docs/adr/0016-incremental-build.md): when an entry's
 * URL changes between the previous release and this build (another column, another key), its old
 * URL answers 301 to the new one — a page at the old URL in the static output (meta refresh,
 * canonical, a visible link, noindex), a `location =` in `nginx.conf` and in the local static server.
 * Redirects carry over from release to release; chains collapse to the final URL; a redirect whose old
 * URL is a page again, or whose target is gone (a withdrawn entry), is dropped.
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from '@govcluster/shared/escape';

/** The redirects of this build: old URL → new URL, sorted by old URL. */
export function carryRedirects(options: {
  /** The previous release's entries (`type|id|locale` → URL) and redirects. */
  readonly previousEntries: Readonly<Record<string, string>>;
  readonly previousRedirects: Readonly<Record<string, string>>;
  /** This build's entries. */
  readonly entries: Readonly<Record<string, string>>;
  /** Whether a URL is a page of this build. */
  readonly isPage: (url: string) => boolean;
}): Record<string, string> {
  const moves = new Map<string, string>(Object.entries(options.previousRedirects));
  for (const [key, before] of Object.entries(options.previousEntries)) {
    const now = options.entries[key];
    if (now !== undefined && now !== before) moves.set(before, now);
  }
  const out: Record<string, string> = {};
  for (const from of [...moves.keys()].sort()) {
    if (options.isPage(from)) continue;
    let to = moves.get(from) as string;
    const seen = new Set([from]);
    while (moves.has(to) && !options.isPage(to) && !seen.has(to)) {
      seen.add(to);
      to = moves.get(to) as string;
    }
    if (to !== from && options.isPage(to)) out[from] = to;
  }
  return out;
}

/** The page left at an old URL. */
export function redirectPage(to: string, siteUrl: string | undefined): string {
  const target = escapeHtml(to);
  const canonical = escapeHtml(siteUrl ? new URL(to, siteUrl).href : to);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面已移动 / This page has moved</title><meta name="robots" content="noindex"><link rel="canonical" href="${canonical}"><meta http-equiv="refresh" content="0; url=${target}"></head><body><main><h1>页面已移动 / This page has moved</h1><p>本页面已移至 / Now at: <a href="${target}">${target}</a></p></main></body></html>\n`;
}

/** Writes a redirect page at every old URL of `redirects` inside `outDir`. */
export async function writeRedirectPages(
  outDir: string,
  redirects: Readonly<Record<string, string>>,
  siteUrl: string | undefined,
): Promise<void> {
  for (const [from, to] of Object.entries(redirects)) {
    const file = path.join(outDir, from.endsWith('/') ? `${from}index.html` : from);
    if (!file.startsWith(`${outDir}${path.sep}`)) throw new Error(`A redirect leaves the output: ${from}`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, redirectPage(to, siteUrl));
  }
}
