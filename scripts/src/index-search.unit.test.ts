import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SearchDocument, SearchManifest } from '@govcluster/shared/search';
import { afterAll, describe, expect, it } from 'vitest';
import { indexCluster, indexDocuments, shardByRecency } from './index-search.ts';
import { clusterDocuments, clusterPages } from './search/cluster-documents.ts';
import { shardFragmentIds } from './search/shard-files.ts';
import { testDocument } from './search/test-documents.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'gc-index-search-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** Writes a built page of the tiny cluster. */
function page(url: string, html: string): void {
  const dir = path.join(dist, url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), html);
}

const pageHtml = (lang: string, meta: string, main: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${meta}</head><body><nav>首页</nav><main>${main}</main><footer>主办单位</footer></body></html>`;

writeFileSync(
  path.join(dist, 'sites.json'),
  JSON.stringify([
    {
      id: 'portal',
      kind: 'portal',
      basePath: '/',
      name: { 'zh-CN': '临江市人民政府' },
      locales: ['zh-CN', 'en'],
    },
    {
      id: 'fgw',
      kind: 'department',
      basePath: '/bm/fgw/',
      name: { 'zh-CN': '市发改委' },
      locales: ['zh-CN'],
    },
  ]),
);
page('/', pageHtml('zh-CN', '', '<h1>临江市人民政府</h1><p>欢迎访问</p>'));
page(
  '/bm/fgw/news/a-1/',
  pageHtml(
    'zh-CN',
    '<meta name="gc:type" content="article"><meta name="gc:date" content="2025-03-01">',
    '<h1>临江市场监管工作会议召开</h1><p>会议部署全年工作。</p>',
  ),
);
page(
  '/en/investment/p-1/',
  pageHtml(
    'en',
    '<meta name="gc:type" content="investmentProject"><meta name="gc:date" content="2024-05-01">',
    '<h1>Logistics park</h1><p>Investing in logistics.</p>',
  ),
);
page('/search/', pageHtml('zh-CN', '', '<h1>搜索</h1>'));

describe('index-search', () => {
  it('reads every page of a built cluster except the search pages', async () => {
    const documents = await clusterDocuments(dist);
    expect(documents.map((document) => document.url).sort()).toEqual([
      '/',
      '/bm/fgw/news/a-1/',
      '/en/investment/p-1/',
    ]);
    const news = documents.find((document) => document.url === '/bm/fgw/news/a-1/');
    expect(news).toMatchObject({
      site: 'fgw',
      siteKind: 'department',
      type: 'article',
      year: '2025',
      locale: 'zh-CN',
    });
    expect(news?.text).not.toContain('主办单位');
  });

  it('takes the documents of pages linked unchanged from the previous release, and reads the others', async () => {
    const before = mkdtempSync(path.join(tmpdir(), 'gc-index-before-'));
    const after = mkdtempSync(path.join(tmpdir(), 'gc-index-after-'));
    try {
      cpSync(dist, before, { recursive: true });
      await clusterPages(before, { keep: true });
      // The next release: every file a hard link to the previous one (as an incremental build takes it),
      // then one page rendered again with another title and one page gone.
      cpSync(before, after, { recursive: true, filter: (from) => !from.includes('.govcluster') });
      for (const file of ['index.html', 'bm/fgw/news/a-1/index.html', 'en/investment/p-1/index.html']) {
        rmSync(path.join(after, file));
        linkSync(path.join(before, file), path.join(after, file));
      }
      rmSync(path.join(after, 'bm/fgw/news/a-1/index.html'));
      writeFileSync(
        path.join(after, 'bm/fgw/news/a-1/index.html'),
        readFileSync(path.join(before, 'bm/fgw/news/a-1/index.html'), 'utf8').replace('工作会议', '改期通知'),
      );
      rmSync(path.join(after, 'en'), { recursive: true });
      const lines: string[] = [];
      const reused = (await clusterPages(after, { previous: before, log: (line) => lines.push(line) }))
        .documents;
      expect(lines).toEqual(['pages: 2 read, 1 taken from the previous release']);
      expect(reused).toEqual(await clusterDocuments(after));
      expect(reused.find((document) => document.url === '/bm/fgw/news/a-1/')?.title).toBe(
        '临江市场监管改期通知召开',
      );
      // Other sites: the cache is void, every page is read.
      writeFileSync(
        path.join(after, 'sites.json'),
        readFileSync(path.join(after, 'sites.json'), 'utf8').replace('市发改委', '市发展改革委'),
      );
      lines.length = 0;
      await clusterPages(after, { previous: before, log: (line) => lines.push(line) });
      expect(lines).toEqual(['pages: 3 read, 0 taken from the previous release']);
    } finally {
      rmSync(before, { recursive: true, force: true });
      rmSync(after, { recursive: true, force: true });
    }
  });

  it('builds one bundle per locale and a manifest the search page reads', async () => {
    const result = await indexCluster(dist);
    expect(result.documents).toBe(3);
    const manifest = JSON.parse(
      readFileSync(path.join(dist, 'pagefind/search.json'), 'utf8'),
    ) as SearchManifest;
    expect(manifest.locales['zh-CN']).toMatchObject({
      pages: 2,
      shards: [{ pages: 2, newest: '2025-03-01' }],
    });
    expect(manifest.locales.en?.pages).toBe(1);
    expect(existsSync(path.join(dist, 'pagefind/zh-CN/pagefind.js'))).toBe(true);
    expect(existsSync(path.join(dist, 'pagefind/en/pagefind.js'))).toBe(true);
  }, 60_000);

  it('shards newest first, ends shards where the pages say, so a change stays in its shard', () => {
    const documents = Array.from(
      { length: 400 },
      (_, index) =>
        ({
          url: `/p${index}/`,
          date: `2020-01-01T00:00:${String(index).padStart(5, '0')}`,
        }) as SearchDocument,
    );
    const shards = shardByRecency(documents, 20);
    const dates = (list: SearchDocument[][]) => list.map((shard) => shard.map((document) => document.date));
    // Newest first, every page once, at most 20 a shard (25 for the newest), the newest not a sliver.
    expect(shards.flat().map((document) => document.url)).toEqual(
      [...documents].reverse().map((document) => document.url),
    );
    expect(shards.length).toBeGreaterThan(8);
    expect(Math.max(...shards.slice(1).map((shard) => shard.length))).toBeLessThanOrEqual(20);
    expect(shards[0]?.length).toBeLessThanOrEqual(25);
    expect(shards[0]?.length).toBeGreaterThanOrEqual(5);
    // Withdrawing a page in the middle changes its shard and, at most, the next shards of its run.
    const middle = documents[200] as SearchDocument;
    const after = shardByRecency(
      documents.filter((document) => document !== middle),
      20,
    );
    const before = new Set(dates(shards).map((shard) => shard.join()));
    const changed = dates(after).filter((shard) => !before.has(shard.join()));
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.length).toBeLessThanOrEqual(3);
    // A new newest page changes the newest shard only.
    const newer = shardByRecency([...documents, { url: '/new/', date: '2030-01-01' } as SearchDocument], 20);
    expect(dates(newer).slice(1)).toEqual(dates(shards).slice(1));
  });
});

describe('indexing a cluster with nothing published', () => {
  it('writes a search manifest with no locales instead of failing the first release', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'gc-index-empty-'));
    try {
      await indexDocuments([], empty);
      const manifest = JSON.parse(readFileSync(path.join(empty, 'pagefind', 'search.json'), 'utf8'));
      expect(manifest).toEqual({ format: 'govcluster-search@1', locales: {} });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('indexes a long page as parts, each a result of its own, and counts it as one page', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'gc-index-parts-'));
    try {
      const line = '临江市河西路口改造工程今日开工。'.repeat(20);
      const long = testDocument({
        url: '/manual/',
        title: '河西路口改造',
        text: Array(20).fill(line).join('\n'),
      });
      await indexDocuments([long, testDocument({ url: '/short/', title: '通知', text: '临江港口' })], out);
      const manifest = JSON.parse(
        readFileSync(path.join(out, 'pagefind/search.json'), 'utf8'),
      ) as SearchManifest;
      expect(manifest.locales['zh-CN']?.pages).toBe(2);
      const ids = await shardFragmentIds(path.join(out, 'pagefind/zh-CN'));
      expect([...ids.keys()].sort()).toEqual([
        '/manual/',
        '/manual/#gc-part-1',
        '/manual/#gc-part-2',
        '/short/',
      ]);
      // The shard names the parts of its long page by the ids its results have (docs/adr/0040).
      expect(manifest.locales['zh-CN']?.shards[0]?.parts).toBe(1);
      expect(JSON.parse(readFileSync(path.join(out, 'pagefind/zh-CN/page-parts.json'), 'utf8'))).toEqual({
        '/manual/': ['/manual/', '/manual/#gc-part-1', '/manual/#gc-part-2']
          .map((url) => ids.get(url))
          .join(' '),
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
