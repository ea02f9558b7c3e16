import { createMeiliSearch, encodeHan, meiliIndexUid, type SearchDocument } from '@govcluster/shared/search';
import type { Meilisearch } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import { ensureSearchOnlyKey, pushToMeilisearch } from './push-meilisearch.ts';

const documents: SearchDocument[] = [
  {
    url: '/bm/fgw/news/a-1/',
    site: 'fgw',
    siteKind: 'department',
    type: 'article',
    year: '2025',
    date: '2025-03-01',
    locale: 'zh-CN',
    title: '临江市场监管工作会议召开',
    text: '会议部署全年工作。',
  },
  {
    url: '/news/a-2/',
    site: 'portal',
    siteKind: 'portal',
    type: 'article',
    year: '2024',
    date: '2024-03-01',
    locale: 'zh-CN',
    title: '市政府常务会议',
    text: '研究临江和市区交通。',
  },
  {
    url: '/en/investment/p-1/',
    site: 'portal',
    siteKind: 'portal',
    type: 'investmentProject',
    year: '2024',
    date: '2024-05-01',
    locale: 'en',
    title: 'Logistics park',
    text: 'Investing in logistics.',
  },
];

/** A stand-in for the client that records what is asked of it. */
function recordingClient() {
  const calls: [string, ...unknown[]][] = [];
  const task = (name: string, ...args: unknown[]) => {
    calls.push([name, ...args]);
    return { waitTask: async () => ({ status: 'succeeded' }) };
  };
  const client = {
    getIndexes: async () => ({ results: [] }),
    createIndex: (uid: string) => task('createIndex', uid),
    deleteIndex: (uid: string) => task('deleteIndex', uid),
    swapIndexes: (swaps: unknown) => task('swapIndexes', swaps),
    index: (uid: string) => ({
      updateSettings: (settings: unknown) => task('updateSettings', uid, settings),
      addDocuments: (docs: unknown[]) => task('addDocuments', uid, docs),
    }),
  };
  return { client: client as unknown as Meilisearch, calls };
}

describe('push-meilisearch', () => {
  it('fills a -next index per locale with settings and documents, then swaps it in', async () => {
    const { client, calls } = recordingClient();
    const results = await pushToMeilisearch(client, documents);
    expect(results).toEqual([
      { uid: 'govcluster-zh-cn', documents: 2 },
      { uid: 'govcluster-en', documents: 1 },
    ]);
    const zhSettings = calls.find(
      (call) => call[0] === 'updateSettings' && call[1] === 'govcluster-zh-cn-next',
    );
    expect(zhSettings?.[2]).toMatchObject({
      localizedAttributes: [{ attributePatterns: ['title', 'text'], locales: ['cmn'] }],
      filterableAttributes: expect.arrayContaining(['site', 'kind', 'type', 'year']),
    });
    const added = calls.find(
      (call) => call[0] === 'addDocuments' && call[1] === 'govcluster-zh-cn-next',
    )?.[2] as {
      titleBigrams: string;
    }[];
    expect(added[0]?.titleBigrams.split(' ')).toContain(encodeHan('江市'));
    expect(calls.filter((call) => call[0] === 'swapIndexes')).toEqual([
      ['swapIndexes', [{ indexes: ['govcluster-zh-cn', 'govcluster-zh-cn-next'], rename: false }]],
      ['swapIndexes', [{ indexes: ['govcluster-en', 'govcluster-en-next'], rename: false }]],
    ]);
  });
});

describe('search-only key', () => {
  it('reuses a key whose only action is search, else creates one for the cluster indexes', async () => {
    const created: unknown[] = [];
    const client = (keys: { key: string; actions: string[] }[]) =>
      ({
        getKeys: async () => ({ results: keys }),
        createKey: async (options: unknown) => {
          created.push(options);
          return { key: 'new-search-key' };
        },
      }) as unknown as Meilisearch;
    const admin = { key: 'admin', actions: ['*'] };
    await expect(ensureSearchOnlyKey(client([admin, { key: 's', actions: ['search'] }]))).resolves.toBe('s');
    expect(created).toEqual([]);
    await expect(ensureSearchOnlyKey(client([admin]), 'city')).resolves.toBe('new-search-key');
    expect(created).toEqual([expect.objectContaining({ actions: ['search'], indexes: ['city-*'] })]);
  });
});

const host = process.env.MEILI_HOST;
if (!host) console.log('[search:meili] live Meilisearch tests skipped: MEILI_HOST is not set');

describe.skipIf(!host)('push-meilisearch against a live server (MEILI_HOST)', () => {
  it('finds a Chinese run across a word boundary with a federated multi-search', async () => {
    const { Meilisearch: Client } = await import('meilisearch');
    const client = new Client({ host: host!, apiKey: process.env.MEILI_MASTER_KEY });
    const prefix = `gc-test-${process.pid}`;
    try {
      await pushToMeilisearch(client, documents, { prefix });
      const search = createMeiliSearch({ host: host!, apiKey: process.env.MEILI_MASTER_KEY ?? '', prefix });
      const page = await search.search('江市场');
      expect(page.hits.map((hit) => hit.url)).toEqual(['/bm/fgw/news/a-1/']);
      const filtered = await search.search('会议', { filters: { site: 'portal' } });
      expect(filtered.hits.map((hit) => hit.url)).toEqual(['/news/a-2/']);
      const english = await search.search('invest');
      expect(english.hits.map((hit) => hit.url)).toEqual(['/en/investment/p-1/']);
    } finally {
      for (const locale of ['zh-CN', 'en'] as const)
        await client.deleteIndex(meiliIndexUid(locale, prefix)).waitTask();
    }
  }, 120_000);
});
