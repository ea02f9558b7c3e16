import { describe, expect, it } from 'vitest';
import { searchDocumentFromEntry } from './entry.ts';
import {
  meiliDocument,
  meiliFilter,
  meiliMultiSearchRequest,
  meiliPageConfig,
  meiliSettings,
  probeSearchKey,
} from './meilisearch.ts';
import { encodeHan } from './tokenize.ts';

describe('meilisearch mapping', () => {
  const document = searchDocumentFromEntry(
    'article',
    {
      id: 'a-1',
      locale: 'zh-CN',
      site: 'fgw',
      column: 'news',
      title: '临江市场',
      body: '正文GDP',
      publishedAt: '2024-05-01T00:00:00+08:00',
    },
    { id: 'fgw', kind: 'department', basePath: '/bm/fgw/' },
  );

  it('maps a document with bigram attributes for Han text only', () => {
    const mapped = meiliDocument(document);
    expect(mapped).toMatchObject({
      id: 'bm_fgw_news_a-1',
      site: 'fgw',
      kind: 'department',
      type: 'article',
      year: '2024',
      locale: 'zh-CN',
    });
    expect(mapped.titleBigrams.split(' ')).toEqual(['临江', '江市', '市场'].map(encodeHan));
    expect(mapped.textBigrams).not.toContain('GDP');
  });

  it('searches a page’s facts (文号, source) without ever displaying them', () => {
    const mapped = meiliDocument({ ...document, facts: '临政发〔2024〕3号' });
    expect(mapped.factBigrams.split(' ')).toContain(encodeHan('政发'));
    const settings = meiliSettings('zh-CN');
    expect(settings.searchableAttributes).toEqual(expect.arrayContaining(['facts', 'factBigrams']));
    expect(settings.displayedAttributes).not.toContain('facts');
    const request = meiliMultiSearchRequest('临政发', { locales: ['zh-CN'] });
    expect(request.queries[0]).toMatchObject({
      attributesToSearchOn: expect.arrayContaining(['factBigrams']),
    });
  });

  it('configures Chinese as a localized attribute and the filters as filterable', () => {
    const settings = meiliSettings('zh-CN');
    expect(settings.localizedAttributes).toEqual([
      { attributePatterns: ['title', 'text'], locales: ['cmn'] },
    ]);
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining(['site', 'kind', 'type', 'year']));
    expect(settings.searchableAttributes[0]).toBe('title');
  });

  it('sends a federated multi-search: Han as a bigram phrase in zh-CN only, words in every locale', () => {
    const han = meiliMultiSearchRequest('江市', { filters: { site: 'fgw', year: '2024' } });
    expect(han.federation).toEqual({ offset: 0, limit: 10 });
    expect(han.queries).toHaveLength(1);
    expect(han.queries[0]).toMatchObject({ indexUid: 'govcluster-zh-cn', q: encodeHan('江市') });
    expect(meiliMultiSearchRequest('临江市').queries[0]!.q).toBe(
      `"${encodeHan('临江')} ${encodeHan('江市')}"`,
    );
    expect(han.queries[0]!.filter).toEqual(['site = "fgw"', 'year = "2024"']);
    const words = meiliMultiSearchRequest('investment');
    expect(words.queries.map((query) => query.indexUid)).toEqual([
      'govcluster-zh-cn',
      'govcluster-en',
      'govcluster-ru',
    ]);
    expect(meiliFilter({ type: 'policy', kind: '' })).toEqual(['type = "policy"']);
  });
});

describe('meilisearch page configuration', () => {
  it('is absent without host and key, and refuses half a configuration or the master key', () => {
    expect(meiliPageConfig({})).toBeUndefined();
    expect(meiliPageConfig({ MEILI_HOST: 'https://search.example.gov.cn/', MEILI_SEARCH_KEY: 'k' })).toEqual({
      host: 'https://search.example.gov.cn',
      apiKey: 'k',
    });
    expect(() => meiliPageConfig({ MEILI_HOST: 'https://search.example.gov.cn' })).toThrow(
      /MEILI_SEARCH_KEY/,
    );
    expect(() => meiliPageConfig({ MEILI_SEARCH_KEY: 'k' })).toThrow(/only MEILI_SEARCH_KEY is set/);
    expect(() => meiliPageConfig({ MEILI_HOST: 'search.example', MEILI_SEARCH_KEY: 'k' })).toThrow(/http/);
    expect(() =>
      meiliPageConfig({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_SEARCH_KEY: 'm', MEILI_MASTER_KEY: 'm' }),
    ).toThrow(/master key/);
  });

  it('tells a search-only key from one that may do more', async () => {
    const server = (indexesStatus: number, searchStatus: number) =>
      (async (url: string | URL | Request) =>
        new Response('{}', {
          status: String(url).endsWith('/multi-search') ? searchStatus : indexesStatus,
        })) as typeof fetch;
    const config = { host: 'http://meili.test', apiKey: 'k' };
    await expect(probeSearchKey(config, { fetch: server(403, 200) })).resolves.toEqual({
      status: 'search-only',
    });
    await expect(probeSearchKey(config, { fetch: server(200, 200) })).resolves.toMatchObject({
      status: 'too-powerful',
    });
    await expect(probeSearchKey(config, { fetch: server(403, 403) })).resolves.toMatchObject({
      status: 'rejected',
    });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(probeSearchKey(config, { fetch: down })).resolves.toMatchObject({ status: 'unreachable' });
  });
});
