import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SearchDocument, SearchManifest } from '@govcluster/shared/search';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterDocuments, indexCluster, shardByRecency } from './index-search.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'gc-index-search-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** Writes a built page of the tiny cluster. */
function page(url: string, html: string): void {
  const dir = path.join(dist, url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), html);
}

const chrome = (lang: string, meta: string, main: string) =>
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
page('/', chrome('zh-CN', '', '<h1>临江市人民政府</h1><p>欢迎访问</p>'));
page(
  '/bm/fgw/news/a-1/',
  chrome(
    'zh-CN',
    '<meta name="gc:type" content="article"><meta name="gc:date" content="2025-03-01">',
    '<h1>临江市场监管工作会议召开</h1><p>会议部署全年工作。</p>',
  ),
);
page(
  '/en/investment/p-1/',
  chrome(
    'en',
    '<meta name="gc:type" content="investmentProject"><meta name="gc:date" content="2024-05-01">',
    '<h1>Logistics park</h1><p>Investing in logistics.</p>',
  ),
);
page('/search/', chrome('zh-CN', '', '<h1>搜索</h1>'));

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

  it('shards newest first, cut from the oldest page, a small newest part joining the one before', () => {
    const documents = (count: number) =>
      Array.from(
        { length: count },
        (_, index) => ({ url: `/${index}/`, date: `20${10 + index}-01-01` }) as SearchDocument,
      );
    const years = (count: number, size: number) =>
      shardByRecency(documents(count), size).map((shard) =>
        shard.map((document) => document.date.slice(2, 4)),
      );
    expect(years(5, 2)).toEqual([['14'], ['13', '12'], ['11', '10']]);
    expect(years(7, 4)).toEqual([
      ['16', '15', '14'],
      ['13', '12', '11', '10'],
    ]);
    // One page more than a whole shard: it joins the newest whole shard; older shards stay as they were.
    expect(years(9, 4)).toEqual([
      ['18', '17', '16', '15', '14'],
      ['13', '12', '11', '10'],
    ]);
  });
});
