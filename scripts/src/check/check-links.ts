/**
 * Links in the built pages: internal links, attachments and images that the cluster does not
 * serve (不可用链接), external links when asked (`--external`, needs a network), and images
 * without alt text.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { type BuiltCluster, listPages, makeExists, pageFile, siteOfPath } from './dist.ts';
import type { Finding } from './finding.ts';

/** Options of the link check. */
export interface LinkCheckOptions {
  /** Public origin: absolute links to it are internal, and findings name pages with it. */
  readonly siteUrl?: string;
  /** Check external links too (HEAD, then GET when HEAD is refused). */
  readonly external?: boolean;
  /** Timeout of one external request, ms (default 10 s). */
  readonly timeoutMs?: number;
}

/** A reference found in a page. */
interface Reference {
  readonly tag: string;
  readonly target: string;
}

const tagPattern = /<(a|img|script|link|source|iframe)\b([^>]*)>/gi;
const attributePattern = /\b(href|src|alt|rel)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The links of a page, and how many images lack an `alt`. */
export function pageReferences(html: string): { references: Reference[]; imagesWithoutAlt: number } {
  const references: Reference[] = [];
  let imagesWithoutAlt = 0;
  for (const tag of html.matchAll(tagPattern)) {
    const name = (tag[1] ?? '').toLowerCase();
    const attributes = new Map<string, string>();
    for (const attribute of (tag[2] ?? '').matchAll(attributePattern)) {
      attributes.set((attribute[1] ?? '').toLowerCase(), decodeEntities(attribute[2] ?? attribute[3] ?? ''));
    }
    if (name === 'img' && !attributes.has('alt')) imagesWithoutAlt += 1;
    // Canonical and alternate links name the public origin, not a resource of this build.
    if (name === 'link' && !/\b(stylesheet|icon|preload|modulepreload)\b/.test(attributes.get('rel') ?? ''))
      continue;
    const target = attributes.get('href') ?? attributes.get('src');
    if (target !== undefined) references.push({ tag: name, target });
  }
  return { references, imagesWithoutAlt };
}

type Target = { kind: 'internal'; path: string } | { kind: 'external'; url: string } | { kind: 'skip' };

/** Where a reference of the page at `pagePath` points. */
export function resolveTarget(pagePath: string, target: string, siteUrl?: string): Target {
  const trimmed = target.trim();
  if (trimmed === '' || trimmed.startsWith('#') || /^(mailto|tel|javascript|data|sms):/i.test(trimmed)) {
    return { kind: 'skip' };
  }
  let url: URL;
  try {
    url = new URL(trimmed, `http://cluster.invalid${pagePath}`);
  } catch {
    return { kind: 'internal', path: trimmed };
  }
  const origin = siteUrl ? new URL(siteUrl).origin : undefined;
  if (url.origin !== 'http://cluster.invalid' && url.origin !== origin) {
    return /^https?:$/.test(url.protocol) ? { kind: 'external', url: url.href } : { kind: 'skip' };
  }
  let decoded = url.pathname;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    // A malformed escape: the path as written, which will not exist.
  }
  return { kind: 'internal', path: decoded };
}

function describe(tag: string, targetPath: string): string {
  if (tag === 'img' || tag === 'source') return '图片';
  if (/\.(pdf|docx?|xlsx?|pptx?|zip|rar|wps|ofd|txt|csv)$/i.test(targetPath)) return '附件';
  if (tag === 'a') return '链接';
  return '资源';
}

async function externalAlive(url: string, timeoutMs: number): Promise<string | null> {
  for (const method of ['HEAD', 'GET']) {
    try {
      const response = await fetch(url, {
        method,
        redirect: 'follow',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.ok) return null;
      if (method === 'GET' || (response.status !== 405 && response.status !== 403)) {
        return `HTTP ${response.status}`;
      }
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      if (method === 'GET') return cause;
    }
  }
  return 'unreachable';
}

/** The link findings of every page of the cluster; also returns how many pages were read. */
export async function checkLinks(
  cluster: BuiltCluster,
  options: LinkCheckOptions = {},
): Promise<{ findings: Finding[]; pages: number; links: number }> {
  const findings: Finding[] = [];
  const exists = makeExists(cluster);
  const origin = options.siteUrl?.replace(/\/+$/, '') ?? '';
  const externals = new Map<string, { site: string; page: string }[]>();
  const pages = await listPages(cluster);
  let links = 0;
  for (const page of pages) {
    const site = siteOfPath(cluster, page)?.id ?? '(cluster)';
    const html = await readFile(pageFile(cluster, page), 'utf8');
    const { references, imagesWithoutAlt } = pageReferences(html);
    if (imagesWithoutAlt > 0) {
      findings.push({
        site,
        rule: 'image-alt-missing',
        severity: 'warning',
        message: `${imagesWithoutAlt} 张图片没有 alt 属性`,
        url: origin + page,
      });
    }
    const reported = new Set<string>();
    for (const reference of references) {
      const target = resolveTarget(page, reference.target, options.siteUrl);
      links += 1;
      if (target.kind === 'external') {
        const pagesLinking = externals.get(target.url) ?? [];
        pagesLinking.push({ site, page });
        externals.set(target.url, pagesLinking);
      }
      if (target.kind !== 'internal' || exists(target.path) || reported.has(target.path)) continue;
      reported.add(target.path);
      findings.push({
        site,
        rule: 'dead-link',
        severity: 'veto',
        message: `${describe(reference.tag, target.path)}不可用：${reference.target}`,
        url: origin + page,
      });
    }
  }
  if (options.external) {
    const queue = [...externals.keys()];
    const worker = async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        const problem = await externalAlive(url, options.timeoutMs ?? 10_000);
        if (problem === null) continue;
        for (const { site, page } of externals.get(url) ?? []) {
          findings.push({
            site,
            rule: 'dead-link',
            severity: 'veto',
            message: `外部链接不可用（${problem}）：${url}`,
            url: origin + page,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }
  return { findings, pages: pages.length, links };
}
