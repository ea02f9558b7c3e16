/**
 * `pnpm bench:search`: the cluster search (Han bigrams, per-locale bundles, exact-phrase first) against
 * Pagefind's default indexing of the same pages, measured in the same run at demo and large scale:
 * index time, memory and size; what each of the first `--cold` sampled queries downloads with a cold cache
 * (p50/p95/max, the share over 300 KB, how many shards it loads); recall and precision@10 on sampled
 * 2–4-character Han substrings; query latency p50/p95 in Chromium. Prints both side by side and writes
 * `.data/bench/search.json`.
 *
 * Usage: node --import tsx scripts/src/bench-search.ts [--scales demo,large] [--queries 300]
 *        [--latency 100] [--cold 100] [--shard-size 2500] [--project-shard-pages 2500]
 *        [--engines ours,default] [--default-limit-gb 8] [--reuse] [--snapshots .data/bench/snapshots]
 * `--shard-size 1000` splits the demo city's ~3,600 Chinese pages into 4 shards; a shard's metadata is
 * then smaller than a large-scale shard's, so the cold figures are also given "projected": each loaded
 * shard's metadata re-priced at `--project-shard-pages` pages from the metadata bytes per page measured,
 * and the same queries run again with the manifest's shard sizes re-priced likewise, so the engine routes
 * rare runs to older shards as it would at that shard size (docs/adr/0011-shard-routing.md).
 * A scale `large@10000` takes the newest 10,000 zh-CN pages of the large snapshot: the default indexing
 * cannot index the whole large city within the memory limit, so this compares both on the same pages.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { escapeHtml, type SearchDocument } from '@govcluster/shared/search';
import { type Browser, chromium, type Page } from 'playwright-core';
import { defaultShardSize, indexDocuments, snapshotDocuments } from './index-search.ts';
import { serveStatic } from './lib/static-server.ts';
import { type PagefindRunStats, runPagefind } from './search/pagefind-run.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The order scales are reported in. */
const scaleOrder = ['fixture', 'demo', 'large'];

/** Chromium as the project runs it. */
export const chromiumOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** mulberry32: a small seeded PRNG, so the sampled queries are the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The page Pagefind's default setup indexes: the title as `<h1>`, the text as paragraphs, real language. */
function defaultHtml(document: SearchDocument): string {
  const paragraphs = document.text
    .split(/\n+/)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  return `<!doctype html><html lang="${document.locale.toLowerCase()}"><head><meta charset="utf-8"><title>${escapeHtml(document.title)}</title></head><body><h1>${escapeHtml(document.title)}</h1>${paragraphs}<meta data-pagefind-filter="site[content]" content="${document.site}"><meta data-pagefind-filter="year[content]" content="${document.year}"><meta data-pagefind-filter="type[content]" content="${document.type}"></body></html>`;
}

/** A sampled query with its ground truth. */
interface Sample {
  readonly query: string;
  readonly source: SearchDocument;
  /** URLs of every zh-CN page whose title or text contains the query. */
  readonly relevant: ReadonlySet<string>;
}

/** Samples Han substrings of 2–4 characters from zh-CN page text, with the pages that contain each. */
function sampleQueries(documents: readonly SearchDocument[], count: number, seed: number): Sample[] {
  const zh = documents.filter((document) => document.locale === 'zh-CN');
  const haystacks = zh.map((document) => `${document.title}\u0001${document.text}`);
  const all = haystacks.join('\u0000');
  const starts: number[] = [];
  let at = 0;
  for (const haystack of haystacks) {
    starts.push(at);
    at += haystack.length + 1;
  }
  const documentAt = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const random = prng(seed);
  const samples: Sample[] = [];
  const seen = new Set<string>();
  while (samples.length < count) {
    const index = Math.floor(random() * zh.length);
    const runs = haystacks[index]!.match(/\p{Script=Han}{2,}/gu) ?? [];
    if (runs.length === 0) continue;
    const run = [...runs[Math.floor(random() * runs.length)]!];
    const length = Math.min(run.length, 2 + Math.floor(random() * 3));
    const start = Math.floor(random() * (run.length - length + 1));
    const query = run.slice(start, start + length).join('');
    if (seen.has(query)) continue;
    seen.add(query);
    const relevant = new Set<string>();
    for (let found = all.indexOf(query); found >= 0; found = all.indexOf(query, found + 1)) {
      relevant.add(zh[documentAt(found)]!.url);
    }
    samples.push({ query, source: zh[index]!, relevant });
  }
  return samples;
}

/** Quantile of sorted numbers. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** The folder of the shared search modules, which the harness imports as the site ships them. */
const searchModulesDir = path.join(root, 'shared/src/search');

/** Writes the browser-safe search modules into `dir`, types stripped by Node, names kept (`.ts`). */
async function writeSearchModules(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(searchModulesDir)) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    const source = await readFile(path.join(searchModulesDir, name), 'utf8');
    await writeFile(path.join(dir, name), stripTypeScriptTypes(source));
  }
}

/** The harness page: both searches behind `window.benchSearch(engine, query, filters, limit)`. */
const harness = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head><body>
<script type="module">
let ours; let defaults; let openOurs;
async function ourSearch() {
  if (!ours) {
    const { bundleLoader, createSearch } = await import('/__search/engine.ts');
    const manifest = await (await fetch('/ours/pagefind/search.json')).json();
    // Projected to large-scale shards: the engine plans routes with each shard's metadata re-priced.
    const project = Number(new URLSearchParams(location.search).get('project') ?? 0);
    if (project > 0) for (const entry of Object.values(manifest.locales)) if (entry.shards.length > 1) for (const shard of entry.shards) shard.metaBytes = project;
    openOurs = bundleLoader({ root: '/ours/', manifest, importModule: (url) => import(url) });
    ours = createSearch({ open: openOurs, locales: Object.keys(manifest.locales) });
  }
  return ours;
}
// Every page a query matches, as Pagefind page ids (no fragment loads): ours over every zh-CN shard,
// as an exact phrase when the query is one Han run (what our results put first).
window.benchIds = async (engine, query) => {
  if (engine === 'ours') {
    await ourSearch();
    const { parseQuery, engineQuery, isSingleHanPhrase } = await import('/__search/tokenize.ts');
    const parts = parseQuery(query);
    const opened = await openOurs('zh-CN');
    const bundle = await opened.searchable(opened.eligible());
    const found = await bundle.search(engineQuery(parts, { exact: isSingleHanPhrase(parts) }));
    return found.results.map((result) => result.id);
  }
  const pf = await defaultSearch();
  const found = await pf.search(query);
  return found.results.map((result) => result.id);
};
async function defaultSearch() {
  if (!defaults) {
    defaults = await import('/default/pagefind/pagefind.js');
    await defaults.options({ baseUrl: '/' });
  }
  return defaults;
}
window.benchSearch = async (engine, query, filters, limit, older = false) => {
  const started = performance.now();
  if (engine === 'ours') {
    const search = await ourSearch();
    const page = await search.search(query, { filters, limit, older });
    return { ms: performance.now() - started, total: page.total, complete: page.complete, urls: page.hits.map((hit) => hit.url) };
  }
  const pf = await defaultSearch();
  const found = await pf.search(query, { filters: Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) });
  const data = await Promise.all(found.results.slice(0, limit).map((result) => result.data()));
  return { ms: performance.now() - started, total: found.results.length, complete: true, urls: data.map((item) => item.url) };
};
window.benchReady = true;
</script></body></html>`;

/** The 300 KB budget for what a query downloads with a cold cache (issue: small downloads). */
const coldBudgetBytes = 300 * 1024;

/** What one query downloads with a cold cache. */
interface ColdQuery {
  /** Everything but the page itself, until the network is idle (background loads included). */
  bytes: number;
  requests: number;
  ms: number;
  byKind: Record<string, number>;
  /** Shard metadata (`pagefind-entry.json`, `*.pf_meta`) among `bytes`. */
  metaBytes: number;
  /** Shards whose metadata was loaded (1 without widening). */
  shards: number;
  /**
   * When the first page had fewer than ten results and older pages were left: everything downloaded
   * once the searcher asked for them.
   */
  bytesAfterOlder?: number;
}

/** The distribution of cold-cache bytes over the sampled queries. */
interface ColdFigures {
  queries: number;
  p50Bytes: number;
  p95Bytes: number;
  maxBytes: number;
  /** Share of queries over 300 KB. */
  overBudget: number;
  /** Share of queries that loaded more than one shard. */
  widened: number;
  /** Shards loaded: p50, p95, max. */
  shardsP50: number;
  shardsP95: number;
  shardsMax: number;
  /** Share of queries with fewer than ten results in the newest shard while older shards are left. */
  offeredOlder: number;
  /** Bytes of those queries once the searcher asked for older pages: p50, p95, max. */
  afterOlderP50Bytes?: number;
  afterOlderP95Bytes?: number;
  afterOlderMaxBytes?: number;
  /**
   * The same queries with shards of `pages` pages: each loaded shard's metadata costs
   * `metaBytesPerPage × pages` instead of what it cost here (present when the locale is sharded).
   */
  projected?: {
    pages: number;
    metaBytesPerPage: number;
    p50Bytes: number;
    p95Bytes: number;
    maxBytes: number;
    overBudget: number;
  };
  /** The queries run with the engine planning routes at the projected shard size (unprojected bytes). */
  projectedPlan?: ColdFigures;
}

/** Per-engine quality and speed figures. */
interface QueryFigures {
  recall: number;
  precisionAt10: number;
  /** The same with the engine planning routes at the projected shard size. */
  projectedPlan?: { recall: number; precisionAt10: number; latencyP50Ms: number; latencyP95Ms: number };
  latencyP50Ms: number;
  latencyP95Ms: number;
  cold: ColdFigures;
  /** Requests and bytes by kind of the median cold query. */
  coldFirstQueryRequests: number;
  coldFirstQueryMs: number;
  coldByKind: Record<string, number>;
}

/** Distribution figures of cold queries; `projectTo` re-prices shard metadata at another shard size. */
function coldFigures(
  colds: readonly ColdQuery[],
  projectTo?: { pages: number; metaBytesPerPage: number },
): ColdFigures {
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const bytes = sorted(colds.map((item) => item.bytes));
  const shards = sorted(colds.map((item) => item.shards));
  const figures: ColdFigures = {
    queries: colds.length,
    p50Bytes: quantile(bytes, 0.5),
    p95Bytes: quantile(bytes, 0.95),
    maxBytes: bytes[bytes.length - 1] ?? Number.NaN,
    overBudget: colds.filter((item) => item.bytes > coldBudgetBytes).length / colds.length,
    widened: colds.filter((item) => item.shards > 1).length / colds.length,
    shardsP50: quantile(shards, 0.5),
    shardsP95: quantile(shards, 0.95),
    shardsMax: shards[shards.length - 1] ?? Number.NaN,
    offeredOlder: colds.filter((item) => item.bytesAfterOlder !== undefined).length / colds.length,
  };
  const after = sorted(
    colds.flatMap((item) => (item.bytesAfterOlder === undefined ? [] : [item.bytesAfterOlder])),
  );
  if (after.length > 0) {
    figures.afterOlderP50Bytes = quantile(after, 0.5);
    figures.afterOlderP95Bytes = quantile(after, 0.95);
    figures.afterOlderMaxBytes = after[after.length - 1];
  }
  if (projectTo) {
    const perShard = projectTo.metaBytesPerPage * projectTo.pages;
    const projected = sorted(colds.map((item) => item.bytes - item.metaBytes + item.shards * perShard));
    figures.projected = {
      ...projectTo,
      p50Bytes: quantile(projected, 0.5),
      p95Bytes: quantile(projected, 0.95),
      maxBytes: projected[projected.length - 1] ?? Number.NaN,
      overBudget: projected.filter((value) => value > coldBudgetBytes).length / projected.length,
    };
  }
  return figures;
}

type Engine = 'ours' | 'default';

/** What the harness page puts on `window`. */
interface BenchWindow {
  benchReady?: boolean;
  benchIds(engine: Engine, query: string): Promise<string[]>;
  benchSearch(
    engine: Engine,
    query: string,
    filters: Record<string, string>,
    limit: number,
    older?: boolean,
  ): Promise<{ ms: number; total: number; complete: boolean; urls: string[] }>;
}

async function runQuery(
  page: Page,
  engine: Engine,
  query: string,
  filters: Record<string, string>,
  limit: number,
  older = false,
): Promise<{ ms: number; total: number; complete: boolean; urls: string[] }> {
  return page.evaluate(([e, q, f, l, o]) => (window as unknown as BenchWindow).benchSearch(e, q, f, l, o), [
    engine,
    query,
    filters,
    limit,
    older,
  ] as const);
}

/** Recall, precision@10 and latency of one engine in one (warm) page. */
async function measureQueries(
  browser: Browser,
  origin: string,
  engine: Engine,
  samples: readonly Sample[],
  latencyCount: number,
  pageIds: ReadonlyMap<string, string>,
  search = '',
) {
  const fresh = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/${search}`);
    await page.waitForFunction(() => (window as unknown as BenchWindow).benchReady === true);
    return { context, page };
  };
  // Pass 1, as a visitor: the first ten results of each query, timed (one warm-up query first).
  let precisionSum = 0;
  const times: number[] = [];
  const visitor = await fresh();
  await runQuery(visitor.page, engine, '临江', {}, 10);
  for (const [at, sample] of samples.entries()) {
    const top = await runQuery(visitor.page, engine, sample.query, {}, 10);
    if (at < latencyCount) times.push(top.ms);
    const k = Math.min(10, sample.relevant.size);
    const good = top.urls.slice(0, k).filter((url) => sample.relevant.has(url)).length;
    precisionSum += k === 0 ? 1 : good / k;
  }
  await visitor.context.close();
  // Pass 2: is the source page among all results? Compared by Pagefind page id, so no fragment loads.
  let found = 0;
  const checker = await fresh();
  for (const sample of samples) {
    const ids = await checker.page.evaluate(([e, q]) => (window as unknown as BenchWindow).benchIds(e, q), [
      engine,
      sample.query,
    ] as const);
    const id = pageIds.get(sample.source.url);
    if (id && ids.includes(id)) found += 1;
  }
  await checker.context.close();
  const sorted = [...times].sort((a, b) => a - b);
  return {
    recall: found / samples.length,
    precisionAt10: precisionSum / samples.length,
    latencyP50Ms: quantile(sorted, 0.5),
    latencyP95Ms: quantile(sorted, 0.95),
  };
}

/** Page URL → Pagefind page id (the fragment file name) of every page under a Pagefind output folder. */
async function pageIdsOf(dir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.pf_fragment')) {
        const text = gunzipSync(await readFile(full)).toString('utf8');
        const url = (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
        ids.set(url, entry.name.slice(0, -'.pf_fragment'.length));
      }
    }
  };
  await walk(dir);
  return ids;
}

/**
 * What a browser with a cold cache downloads for one query: every request but the page's own, until
 * the network has been idle for half a second, so loads the engine starts in the background count too.
 */
async function coldQuery(
  browser: Browser,
  origin: string,
  engine: Engine,
  query: string,
  search = '',
): Promise<ColdQuery> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let requests = 0;
  let metaBytes = 0;
  let inFlight = 0;
  let lastActivity = performance.now();
  const shardDirs = new Set<string>();
  const byKind: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  page.on('request', () => {
    inFlight += 1;
    lastActivity = performance.now();
  });
  page.on('requestfailed', () => {
    inFlight -= 1;
    lastActivity = performance.now();
  });
  page.on('requestfinished', (request) => {
    inFlight -= 1;
    lastActivity = performance.now();
    // The page itself is not search; its scripts (the engine modules) are.
    if (request.resourceType() === 'document') return;
    pending.push(
      request.sizes().then((sizes) => {
        const size = sizes.responseBodySize + sizes.responseHeadersSize;
        const url = new URL(request.url()).pathname;
        bytes += size;
        requests += 1;
        const kind = /\.(\w+)(?:\?|$)/.exec(url)?.[1] ?? 'other';
        byKind[kind] = (byKind[kind] ?? 0) + size;
        if (/(?:\.pf_meta|pagefind-entry\.json)$/.test(url)) {
          metaBytes += size;
          if (url.endsWith('.pf_meta')) shardDirs.add(url.slice(0, url.lastIndexOf('/pagefind.')));
        }
      }),
    );
  });
  await page.goto(`${origin}/${search}`);
  await page.waitForFunction(() => (window as unknown as BenchWindow).benchReady === true);
  const idle = async () => {
    const until = performance.now() + 15_000;
    while ((inFlight > 0 || performance.now() - lastActivity < 500) && performance.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all(pending);
  };
  const result = await runQuery(page, engine, query, {}, 10);
  await idle();
  const first = { bytes, requests, metaBytes, shards: Math.max(1, shardDirs.size), byKind: { ...byKind } };
  let bytesAfterOlder: number | undefined;
  // Fewer results than a page while older pages were not searched: the searcher would ask for them.
  if (!result.complete && result.total < 10) {
    await runQuery(page, engine, query, {}, 10, true);
    await idle();
    bytesAfterOlder = bytes;
  }
  await context.close();
  return {
    ...first,
    ms: result.ms,
    ...(bytesAfterOlder === undefined ? {} : { bytesAfterOlder }),
  };
}

/** Shard metadata bytes per page of a sharded locale's bundle (its `*.pf_meta` files over its pages). */
async function metaBytesPerPage(dir: string, pages: number): Promise<number> {
  let bytes = 0;
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(path.join(at, entry.name));
      else if (entry.name.endsWith('.pf_meta')) bytes += (await stat(path.join(at, entry.name))).size;
    }
  };
  await walk(dir);
  return pages > 0 ? bytes / pages : 0;
}

/** Sums of a locale's shard runs. */
function summarize(runs: readonly PagefindRunStats[]) {
  return {
    pages: runs.reduce((sum, run) => sum + run.pages, 0),
    seconds: runs.reduce((sum, run) => sum + run.seconds, 0),
    peakGB: Math.max(...runs.map((run) => run.pagefindPeakBytes)) / 2 ** 30,
    indexMB: runs.reduce((sum, run) => sum + run.indexBytes, 0) / 2 ** 20,
    files: runs.reduce((sum, run) => sum + run.indexFiles, 0),
    ...(runs.some((run) => run.stopped) ? { stopped: runs.find((run) => run.stopped)!.stopped } : {}),
  };
}

/** Benchmarks one scale. */
async function benchScale(
  scale: string,
  snapshotDir: string,
  options: {
    queries: number;
    latency: number;
    cold: number;
    shardSize: number;
    projectShardPages: number;
    engines: readonly string[];
    defaultLimitBytes: number;
    reuse: boolean;
  },
) {
  const log = (line: string) => console.log(`[bench:search] ${scale}: ${line}`);
  // `large@10000`: the newest 10,000 zh-CN pages of the large snapshot (and every other page), so the
  // default indexing, which cannot index the whole large city in bounded memory, meets ours on the same pages.
  const subset = Number(scale.split('@')[1] ?? 0);
  let documents = await snapshotDocuments(snapshotDir);
  if (subset > 0) {
    const newest = new Set(
      documents
        .filter((document) => document.locale === 'zh-CN')
        .sort((a, b) => b.date.localeCompare(a.date) || a.url.localeCompare(b.url))
        .slice(0, subset),
    );
    documents = documents.filter((document) => document.locale !== 'zh-CN' || newest.has(document));
  }
  const zhCount = documents.filter((document) => document.locale === 'zh-CN').length;
  log(`${documents.length} pages (${zhCount} zh-CN)`);
  const out = path.join(root, '.data/bench/search', scale);
  const statsFile = path.join(out, 'index-stats.json');
  type IndexFigures = {
    ours: ReturnType<typeof summarize> & { wallSeconds: number };
    default: ReturnType<typeof summarize> & { wallSeconds: number };
    shards: { locale: string; shards: number }[];
  };
  let indexFigures: IndexFigures | undefined;
  if (options.reuse) {
    indexFigures = JSON.parse(await readFile(statsFile, 'utf8').catch(() => 'null')) as
      | IndexFigures
      | undefined;
    if (indexFigures) log('reusing the indexes of the last run (--reuse)');
  }
  if (!indexFigures) {
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    log('indexing with ours (Han bigrams, per-locale bundles, recency shards)…');
    const oursStarted = performance.now();
    const oursStats = await indexDocuments(documents, path.join(out, 'ours'), {
      log,
      shardSize: options.shardSize,
    });
    const ours = {
      ...summarize(oursStats.flatMap((locale) => locale.shards)),
      wallSeconds: (performance.now() - oursStarted) / 1000,
    };
    log(`indexing with Pagefind's default (limit ${(options.defaultLimitBytes / 2 ** 30).toFixed(0)} GB)…`);
    const defaultRun = await runPagefind(
      documents.map((document) => ({ url: document.url, html: defaultHtml(document) })),
      path.join(out, 'default/pagefind'),
      { memoryLimitBytes: options.defaultLimitBytes, log: (line) => log(`default: ${line}`) },
    );
    const defaults = { ...summarize([defaultRun]), wallSeconds: defaultRun.seconds };
    log(
      `default: ${defaults.stopped ?? `${defaults.seconds.toFixed(1)} s, ${defaults.peakGB.toFixed(2)} GB`}`,
    );
    indexFigures = {
      ours,
      default: defaults,
      shards: oursStats.map((locale) => ({ locale: locale.locale, shards: locale.shards.length })),
    };
    await writeFile(statsFile, JSON.stringify(indexFigures, null, 2));
  }
  const ours = indexFigures.ours;
  const defaults = indexFigures.default;

  await writeFile(path.join(out, 'index.html'), harness);
  await writeSearchModules(path.join(out, '__search'));
  const samples = sampleQueries(documents, options.queries, 20261122);
  // Revalidation (ETag, 304) rather than caching, so that a repeated query counts what it transfers.
  const server = await serveStatic(out, {
    revalidate: true,
    types: { '.ts': 'text/javascript; charset=utf-8' },
  });
  const browser = await chromium.launch(chromiumOptions);
  const figures: Partial<Record<Engine, QueryFigures>> = {};
  try {
    for (const engine of ['ours', 'default'] as const) {
      if (engine === 'default' && defaults.stopped) continue;
      if (!options.engines.includes(engine)) continue;
      const zhShards = indexFigures.shards.find((entry) => entry.locale === 'zh-CN')?.shards ?? 1;
      const perPage =
        engine === 'ours' && zhShards > 1
          ? await metaBytesPerPage(path.join(out, 'ours/pagefind/zh-CN'), zhCount)
          : 0;
      // With shards, the query string that makes the engine plan as with large-scale shards: each
      // shard's metadata re-priced in the manifest it plans with, and in the bytes counted.
      const projection =
        perPage > 0 ? `?project=${Math.round(perPage * options.projectShardPages)}` : undefined;
      log(`${engine}: ${options.cold} queries, each with a cold cache…`);
      const colds: ColdQuery[] = [];
      for (const sample of samples.slice(0, options.cold))
        colds.push(await coldQuery(browser, server.url, engine, sample.query));
      const coldSorted = [...colds].sort((a, b) => a.bytes - b.bytes);
      const cold = coldSorted[Math.floor((coldSorted.length - 1) / 2)]!;
      const coldSummary = coldFigures(
        colds,
        perPage > 0 ? { pages: options.projectShardPages, metaBytesPerPage: perPage } : undefined,
      );
      log(`${engine}: cold queries ${JSON.stringify(coldSummary)}`);
      if (projection) {
        log(`${engine}: ${options.cold} cold queries planned at ${options.projectShardPages} pages a shard…`);
        const planned: ColdQuery[] = [];
        for (const sample of samples.slice(0, options.cold))
          planned.push(await coldQuery(browser, server.url, engine, sample.query, projection));
        coldSummary.projected = coldFigures(planned, {
          pages: options.projectShardPages,
          metaBytesPerPage: perPage,
        }).projected;
        coldSummary.projectedPlan = coldFigures(planned);
        log(`${engine}: cold queries planned at large scale ${JSON.stringify(coldSummary.projected)}`);
      }
      log(`${engine}: ${samples.length} queries…`);
      const pageIds = await pageIdsOf(
        path.join(out, engine === 'ours' ? 'ours/pagefind/zh-CN' : 'default/pagefind'),
      );
      const measured = await measureQueries(browser, server.url, engine, samples, options.latency, pageIds);
      // With sharding, the engine's routes as planned at the projected shard size (fewer routed shards fit).
      const projected = projection
        ? await measureQueries(browser, server.url, engine, samples, options.latency, pageIds, projection)
        : undefined;
      if (projected) log(`${engine}: planned at large scale ${JSON.stringify(projected)}`);
      figures[engine] = {
        ...measured,
        ...(projected ? { projectedPlan: projected } : {}),
        cold: coldSummary,
        coldFirstQueryRequests: cold.requests,
        coldFirstQueryMs: cold.ms,
        coldByKind: cold.byKind,
      };
      log(`${engine}: cold download by kind ${JSON.stringify(cold.byKind)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    scale,
    pages: documents.length,
    zhPages: zhCount,
    queries: samples.length,
    shards: indexFigures.shards,
    index: { ours, default: defaults },
    query: figures,
  };
}

function table(results: Awaited<ReturnType<typeof benchScale>>[]): string {
  const rows: [string, (r: (typeof results)[number], e: Engine) => string][] = [
    ['pages indexed', (r, e) => String(r.index[e].pages)],
    ['index time (s)', (r, e) => r.index[e].seconds.toFixed(1)],
    [
      'peak memory, Pagefind (GB)',
      (r, e) =>
        r.index[e].stopped ? `> ${r.index[e].peakGB.toFixed(1)} (stopped)` : r.index[e].peakGB.toFixed(2),
    ],
    ['index size (MB)', (r, e) => (r.index[e].stopped ? '–' : r.index[e].indexMB.toFixed(1))],
    ['cold query p50 (KB)', (r, e) => fmt(r.query[e]?.cold?.p50Bytes, (v) => (v / 1024).toFixed(0))],
    ['cold query p95 (KB)', (r, e) => fmt(r.query[e]?.cold?.p95Bytes, (v) => (v / 1024).toFixed(0))],
    ['cold query max (KB)', (r, e) => fmt(r.query[e]?.cold?.maxBytes, (v) => (v / 1024).toFixed(0))],
    ['cold queries > 300 KB', (r, e) => fmt(r.query[e]?.cold?.overBudget, percent)],
    ['queries loading > 1 shard', (r, e) => fmt(r.query[e]?.cold?.widened, percent)],
    ['< 10 results, older pages left', (r, e) => fmt(r.query[e]?.cold?.offeredOlder, percent)],
    [
      'after asking for older p50/p95/max (KB)',
      (r, e) => {
        const cold = r.query[e]?.cold;
        return cold?.afterOlderP50Bytes === undefined
          ? '–'
          : [cold.afterOlderP50Bytes, cold.afterOlderP95Bytes ?? 0, cold.afterOlderMaxBytes ?? 0]
              .map((v) => (v / 1024).toFixed(0))
              .join('/');
      },
    ],
    [
      'shards loaded p50/p95/max',
      (r, e) => {
        const cold = r.query[e]?.cold;
        return cold ? `${cold.shardsP50}/${cold.shardsP95}/${cold.shardsMax}` : '–';
      },
    ],
    [
      'projected p50/p95/max (KB)',
      (r, e) => {
        const projected = r.query[e]?.cold?.projected;
        return projected
          ? [projected.p50Bytes, projected.p95Bytes, projected.maxBytes]
              .map((v) => (v / 1024).toFixed(0))
              .join('/')
          : '–';
      },
    ],
    ['projected > 300 KB', (r, e) => fmt(r.query[e]?.cold?.projected?.overBudget, percent)],
    ['cold first query (requests)', (r, e) => fmt(r.query[e]?.coldFirstQueryRequests, String)],
    ['recall (Han 2–4 chars)', (r, e) => fmt(r.query[e]?.recall, (v) => v.toFixed(3))],
    ['precision@10', (r, e) => fmt(r.query[e]?.precisionAt10, (v) => v.toFixed(3))],
    [
      'precision@10, routes planned projected',
      (r, e) => fmt(r.query[e]?.projectedPlan?.precisionAt10, (v) => v.toFixed(3)),
    ],
    [
      'latency p50/p95 projected (ms)',
      (r, e) => {
        const plan = r.query[e]?.projectedPlan;
        return plan ? `${plan.latencyP50Ms.toFixed(0)}/${plan.latencyP95Ms.toFixed(0)}` : '–';
      },
    ],
    ['latency p50 (ms)', (r, e) => fmt(r.query[e]?.latencyP50Ms, (v) => v.toFixed(0))],
    ['latency p95 (ms)', (r, e) => fmt(r.query[e]?.latencyP95Ms, (v) => v.toFixed(0))],
  ];
  const header = ['', ...results.flatMap((r) => [`${r.scale}: ours`, `${r.scale}: default`])];
  const lines = [
    header,
    ...rows.map(([label, get]) => [label, ...results.flatMap((r) => [get(r, 'ours'), get(r, 'default')])]),
  ];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  return lines.map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
}

function percent(value: number): string {
  return `${(value * 100).toFixed(0)}%`;
}

function fmt(value: number | undefined, format: (value: number) => string): string {
  return value === undefined ? '–' : format(value);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string): string => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
  };
  const scales = option('scales', 'demo,large').split(',');
  const snapshots = path.resolve(root, option('snapshots', '.data/bench/snapshots'));
  const results = [];
  for (const scale of scales) {
    results.push(
      await benchScale(scale, path.join(snapshots, scale.split('@')[0]!), {
        queries: Number(option('queries', '300')),
        latency: Number(option('latency', '100')),
        cold: Number(option('cold', '100')),
        shardSize: Number(option('shard-size', String(defaultShardSize))),
        engines: option('engines', 'ours,default').split(','),
        projectShardPages: Number(option('project-shard-pages', String(defaultShardSize))),
        reuse: args.includes('--reuse'),
        defaultLimitBytes: Number(option('default-limit-gb', '8')) * 2 ** 30,
      }),
    );
  }
  const file = path.join(root, '.data/bench/search.json');
  // Scales not run now keep their last figures, so demo and large can be measured in separate runs.
  const previous = JSON.parse(await readFile(file, 'utf8').catch(() => '{"results":[]}')) as {
    results: typeof results;
  };
  const merged = [
    ...previous.results.filter((result) => !scales.includes(result.scale)),
    ...results.map((result) => ({ ...result, measuredAt: new Date().toISOString() })),
  ].sort(
    (a, b) =>
      scaleOrder.indexOf(a.scale.split('@')[0]!) - scaleOrder.indexOf(b.scale.split('@')[0]!) ||
      a.scale.localeCompare(b.scale),
  );
  console.log(`\n${table(merged)}\n`);
  await writeFile(file, `${JSON.stringify({ results: merged }, null, 2)}\n`);
  console.log(`[bench:search] written ${path.relative(root, file)}`);
}
