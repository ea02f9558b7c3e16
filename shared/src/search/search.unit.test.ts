import { describe, expect, it } from 'vitest';
import { documentId, entryUrl } from './document.ts';
import {
  createSearch,
  excerpt,
  joinBlocks,
  localesForQuery,
  markPieces,
  type PagefindLike,
  type PagefindResultLike,
  type RoutePlan,
  routedShards,
} from './engine.ts';
import { searchDocumentFromEntry } from './entry.ts';
import { searchDocumentFromHtml } from './html.ts';
import {
  meiliDocument,
  meiliFilter,
  meiliMultiSearchRequest,
  meiliPageConfig,
  meiliSettings,
  probeSearchKey,
} from './meilisearch.ts';
import { pagefindHtml, type SearchShard } from './pagefind.ts';
import { routeGramsOf, routeRun } from './routes.ts';
import {
  containsQuery,
  decodeHan,
  decodeIndexedText,
  encodeForIndex,
  encodeHan,
  engineQuery,
  hanBigrams,
  parseQuery,
} from './tokenize.ts';

const sites = [
  { id: 'portal', kind: 'portal' as const, basePath: '/' },
  { id: 'fgw', kind: 'department' as const, basePath: '/bm/fgw/' },
  { id: 'jiangning', kind: 'township' as const, basePath: '/xz/jiangning/' },
];

describe('tokenize', () => {
  it('turns a Han run into overlapping bigrams', () => {
    expect(hanBigrams('临江市政府')).toEqual(['临江', '江市', '市政', '政府']);
    expect(hanBigrams('市')).toEqual(['市']);
  });

  it('encodes bigrams as ASCII tokens that decode back', () => {
    const token = encodeHan('江市');
    expect(token).toMatch(/^q[a-z]{8}$/);
    expect(decodeHan(token)).toBe('江市');
    expect(decodeHan('question')).toBeUndefined();
    // A rare character outside the BMP survives too.
    expect(decodeHan(encodeHan('𠀀江'))).toBe('𠀀江');
  });

  it('indexes Han runs as bigrams and leaves other words for the engine', () => {
    const indexed = encodeForIndex('临江市2024年GDP增长');
    expect(indexed.split(' ')).toEqual([
      encodeHan('临江'),
      encodeHan('江市'),
      '2024',
      encodeHan('年'),
      'GDP',
      encodeHan('增长'),
    ]);
    expect(decodeIndexedText(indexed)).toBe('临江市2024年GDP增长');
    // As Pagefind stores zh text: a zero-width space before every word.
    expect(decodeIndexedText(indexed.split(' ').join(' \u200b'))).toBe('临江市2024年GDP增长');
    expect(decodeIndexedText(encodeForIndex('关于印发《临江市办法》的通知。'))).toBe(
      '关于印发《临江市办法》的通知。',
    );
  });

  it('finds a run across a word boundary: the query bigrams are a chain inside the page bigrams', () => {
    // 江市 spans 临江 | 市场 — what a word segmenter never indexes.
    const page = new Set(encodeForIndex('临江市场监管局').split(' '));
    const query = parseQuery('江市');
    expect(query[0]!.tokens.every((token) => page.has(token))).toBe(true);
  });

  it('parses mixed queries into Han runs and lowercased words', () => {
    const parts = parseQuery('临江市 GDP，“发改委”');
    expect(parts.map((part) => [part.kind, part.text])).toEqual([
      ['han', '临江市'],
      ['word', 'gdp'],
      ['han', '发改委'],
    ]);
    expect(engineQuery(parseQuery('临江市'), { exact: true })).toBe(
      `"${encodeHan('临江')} ${encodeHan('江市')}"`,
    );
    // Several parts cannot be one Pagefind phrase: no quotes.
    expect(engineQuery(parts, { exact: true })).not.toContain('"');
  });

  it('checks containment per part', () => {
    expect(containsQuery('临江市发展和改革委员会', parseQuery('发展 改革'))).toBe(true);
    expect(containsQuery('临江市发展和改革委员会', parseQuery('发改'))).toBe(false);
  });
});

describe('search document', () => {
  it('builds a document from an entry with its URL, filters and text', () => {
    const entry = {
      id: 'fgw-policy-1',
      locale: 'zh-CN' as const,
      site: 'fgw',
      column: 'policies',
      title: '关于印发《临江市促进就业办法》的通知',
      documentNumber: '临发改〔2024〕3号',
      issuingAuthority: '临江市发展和改革委员会',
      body: '## 第一条\n\n为了**促进就业**，见[附件](a.pdf)。',
      publishedAt: '2024-03-15T09:30:00+08:00',
    };
    const document = searchDocumentFromEntry('policy', entry, sites[1]!);
    expect(document).toMatchObject({
      url: '/bm/fgw/policies/fgw-policy-1/',
      site: 'fgw',
      siteKind: 'department',
      type: 'policy',
      year: '2024',
      date: '2024-03-15',
      locale: 'zh-CN',
    });
    expect(document.text).toContain('临发改〔2024〕3号');
    expect(document.text).toContain('为了促进就业，见附件。');
    expect(document.text).not.toContain('**');
  });

  it('dates a document by the day and year in China time, and leaves one without a valid date undated', () => {
    const entry = { id: 'n-1', locale: 'zh-CN' as const, site: 'fgw', column: 'news', title: '新年致辞' };
    // 01:30 on New Year's Day in Beijing, as the CMS answers it (UTC).
    const late = searchDocumentFromEntry(
      'article',
      { ...entry, publishedAt: '2024-12-31T17:30:00.000Z' },
      sites[1]!,
    );
    expect(late).toMatchObject({ date: '2025-01-01', year: '2025' });
    for (const publishedAt of [undefined, '', 'soon']) {
      expect(searchDocumentFromEntry('article', { ...entry, publishedAt }, sites[1]!)).toMatchObject({
        date: '',
        year: '',
      });
    }
    const page = (time: string) =>
      `<html lang="zh-CN"><body><main><h1>新年致辞</h1><p>正文<time datetime="${time}">发布</time></p></main></body></html>`;
    expect(searchDocumentFromHtml(page('2024-12-31T17:30:00Z'), '/bm/fgw/news/n-1/', sites)).toMatchObject({
      date: '2025-01-01',
      year: '2025',
    });
    expect(searchDocumentFromHtml(page('next week'), '/bm/fgw/news/n-1/', sites)).toMatchObject({
      date: '',
      year: '',
    });
  });

  it('never puts a letter writer into the text', () => {
    const letter = {
      id: 'l-1',
      locale: 'zh-CN' as const,
      site: 'portal',
      column: 'letters',
      title: '关于小区停车的建议',
      question: '建议增加车位。',
      category: '城乡建设',
      handlingUnit: '市住建局',
      reply: '已安排。',
      writer: { name: '张三', phone: '13800000000' },
      publishedAt: '2025-01-02T08:00:00+08:00',
    };
    const document = searchDocumentFromEntry('letter', letter, sites[0]!);
    expect(document.text).not.toContain('张三');
    expect(document.text).not.toContain('13800000000');
  });

  it('puts other locales under the site path', () => {
    expect(entryUrl('investmentProject', { id: 'p-1', locale: 'en' }, sites[0]!)).toBe('/en/investment/p-1/');
    expect(documentId({ url: '/bm/fgw/leaders/#leader-1' })).toBe('bm_fgw_leaders_--leader-1');
  });

  it('reads a built page: locale, site by path, title, text without navigation and footer', () => {
    const html = `<!doctype html><html lang="zh-CN"><head><title>通知 - 临江市发改委</title>
      <meta name="gc:type" content="article"><meta name="gc:date" content="2025-06-01"></head>
      <body><nav>首页 栏目</nav><main data-pagefind-body><h1>关于开展&ldquo;安全生产月&rdquo;活动的通知</h1>
      <p>各单位：<strong>六月</strong>是安全生产月。</p><div data-pagefind-ignore>分享到</div><script>x()</script></main>
      <footer>主办单位</footer></body></html>`;
    const document = searchDocumentFromHtml(html, '/bm/fgw/notices/n-1/', sites);
    expect(document).toMatchObject({
      site: 'fgw',
      siteKind: 'department',
      type: 'article',
      year: '2025',
      locale: 'zh-CN',
    });
    expect(document?.text).toBe('各单位：六月是安全生产月。');
    expect(
      searchDocumentFromHtml(
        html.replace('<head>', '<head><meta name="robots" content="noindex">'),
        '/x/',
        sites,
      ),
    ).toBeUndefined();
    const english = searchDocumentFromHtml(
      '<html lang="en"><body><main><h1>Invest</h1><p>Parks</p></main></body></html>',
      '/en/investment/',
      sites,
    );
    expect(english).toMatchObject({
      locale: 'en',
      site: 'portal',
      type: 'page',
      title: 'Invest',
      text: 'Parks',
    });
  });

  it('writes the Pagefind page with the title as h1, bigram text and filters as meta', () => {
    const document = searchDocumentFromEntry(
      'article',
      {
        id: 'a',
        locale: 'zh-CN',
        site: 'portal',
        column: 'news',
        title: '临江"新闻"',
        body: '江市场',
        publishedAt: '2023-01-01T00:00:00+08:00',
      },
      sites[0]!,
    );
    const html = pagefindHtml(document);
    expect(html).toContain('<html lang="zh-cn">');
    expect(html).toContain(`<h1>${encodeHan('临江')} &quot; ${encodeHan('新闻')} &quot;</h1>`);
    expect(html).toContain('data-pagefind-filter="year[content]" content="2023"');
    expect(html).toContain('data-pagefind-meta="title[content]" content="临江&quot;新闻&quot;"');
    expect(html).toContain(encodeHan('江市'));
  });
});

describe('engine', () => {
  /** A fake Pagefind bundle that matches encoded tokens against pages, like Pagefind would. */
  function fakeBundle(pages: { url: string; title: string; text: string; site: string }[]): PagefindLike {
    return {
      async search(term, options) {
        const exact = term.startsWith('"');
        const tokens = term.replace(/"/g, '').split(' ');
        const site = options?.filters?.site;
        const results: PagefindResultLike[] = [];
        for (const [index, page] of pages.entries()) {
          if (site && page.site !== site) continue;
          const words = encodeForIndex(`${page.title} ${page.text}`).split(' ');
          const ok = exact
            ? words.some((_, at) => tokens.every((token, offset) => words[at + offset] === token))
            : tokens.every((token) => words.some((word) => word.startsWith(token)));
          if (!ok) continue;
          const titleHit = tokens.some((token) => encodeForIndex(page.title).includes(token));
          results.push({
            id: String(index),
            score: (titleHit ? 5 : 1) - index / 100,
            data: async () => ({
              url: page.url,
              content: encodeForIndex(`${page.title}\n${page.text}`),
              meta: {
                title: page.title,
                site: page.site,
                type: 'article',
                date: '2024-01-01',
                locale: 'zh-CN',
                kind: 'portal',
              },
            }),
          });
        }
        return { results: results.sort((a, b) => b.score - a.score) };
      },
    };
  }

  const pages = [
    { url: '/a/', title: '通知', text: '临江和市区的工作', site: 'portal' },
    { url: '/b/', title: '临江市场监管', text: '监管工作', site: 'fgw' },
    { url: '/c/', title: '报告', text: '我们在临江市场调研', site: 'portal' },
  ];
  const single = { eligible: () => 1, searchable: async () => fakeBundle(pages) };
  const search = createSearch({ open: async () => single, locales: ['zh-CN'] });

  it('puts exact phrase matches first, title matches before body matches, scattered last', async () => {
    const page = await search.search('江市');
    expect(page.total).toBe(2);
    expect(page.hits.map((hit) => [hit.url, hit.tier])).toEqual([
      ['/b/', 0],
      ['/c/', 1],
    ]);
    const wide = await search.search('临江市场');
    expect(wide.hits.map((hit) => hit.url)).toEqual(['/b/', '/c/']);
  });

  it('marks the match in title and excerpt', async () => {
    const page = await search.search('江市');
    expect(page.hits[0]!.titlePieces).toEqual([
      { text: '临', mark: false },
      { text: '江市', mark: true },
      { text: '场监管', mark: false },
    ]);
    expect(page.hits[1]!.excerpt.filter((piece) => piece.mark).map((piece) => piece.text)).toEqual(['江市']);
  });

  it('passes filters on and pages without repeating', async () => {
    expect((await search.search('临江', { filters: { site: 'fgw' } })).hits.map((hit) => hit.url)).toEqual([
      '/b/',
    ]);
    const first = await search.search('临江', { limit: 2 });
    const second = await search.search('临江', { offset: 2, limit: 2 });
    expect(new Set([...first.hits, ...second.hits].map((hit) => hit.url)).size).toBe(3);
  });

  it('searches the newest shard, and older shards only when asked', async () => {
    const newest = [{ url: '/new/', title: '临江新闻', text: '', site: 'portal' }];
    const older = [
      { url: '/old-1/', title: '旧闻', text: '临江旧事', site: 'portal' },
      { url: '/old-2/', title: '旧闻二', text: '又是临江', site: 'portal' },
    ];
    let opened = 0;
    const sharded = {
      eligible: () => 2,
      since: (count: number) => (count > 1 ? '2020-01-01' : '2025-06-01'),
      searchable: async (count: number) => {
        opened = Math.max(opened, count - 1);
        return fakeBundle(count > 1 ? [...newest, ...older] : newest);
      },
    };
    const engine = createSearch({ open: async () => sharded, locales: ['zh-CN'] });
    const first = await engine.search('临江', { limit: 10 });
    expect(first).toMatchObject({ total: 1, complete: false, more: false, since: '2025-06-01' });
    expect(first.hits.map((hit) => hit.url)).toEqual(['/new/']);
    expect(opened).toBe(0);
    const all = await engine.search('临江', { limit: 10, older: true });
    expect(opened).toBe(1);
    expect(all).toMatchObject({ total: 3, complete: true, since: '' });
    expect(all.hits.map((hit) => hit.url)).toEqual(['/new/', '/old-1/', '/old-2/']);
    // Paging on stays on every shard.
    const page = await engine.search('临江', { offset: 1, limit: 1 });
    expect(page).toMatchObject({ complete: true, more: true });
    expect(page.hits.map((hit) => hit.url)).toEqual(['/old-1/']);
  });

  it('searches the shards the routing table sends a rare run to, and says when that is all of them', async () => {
    const newest = [{ url: '/new/', title: '码头', text: '', site: 'portal' }];
    const shards = [
      newest,
      [{ url: '/s1/', title: '旧闻', text: '', site: 'portal' }],
      [{ url: '/s2/', title: '旧闻', text: '滨江码头', site: 'portal' }],
      [{ url: '/s3/', title: '滨江码头', text: '', site: 'portal' }],
    ];
    const plans: Record<string, RoutePlan> = {
      滨江码头: { shards: [2, 3], complete: true },
      码头: { shards: [2], complete: false },
    };
    const searched: number[][] = [];
    const sharded = {
      eligible: () => 4,
      since: (count: number, _year?: string, routed: readonly number[] = []) =>
        ['2025-06-01', '2024-01-01', '2023-01-01', '2022-01-01'][Math.max(count - 1, ...routed)]!,
      searchable: async (count: number, _year?: string, routed: readonly number[] = []) => {
        const wanted = [...Array.from({ length: count }, (_, at) => at), ...routed];
        searched.push(wanted);
        return fakeBundle(wanted.flatMap((index) => shards[index]!));
      },
      route: async (run: string) => plans[run],
    };
    const engine = createSearch({ open: async () => sharded, locales: ['zh-CN'] });
    // Listed with a complete list: shard 0 and the routed shards hold every match.
    const rare = await engine.search('滨江码头');
    expect(searched.at(-1)).toEqual([0, 2, 3]);
    expect(rare).toMatchObject({ total: 2, complete: true, since: '' });
    expect(rare.hits.map((hit) => hit.url)).toEqual(['/s3/', '/s2/']);
    // Listed, but older shards hold more: the status says since when, the button stays.
    const partial = await engine.search('码头');
    expect(searched.at(-1)).toEqual([0, 2]);
    expect(partial).toMatchObject({ total: 2, complete: false, since: '2023-01-01' });
    // Not listed: the newest shard only. A year filter picks shards itself: no routing.
    await engine.search('旧闻');
    expect(searched.at(-1)).toEqual([0]);
    await engine.search('滨江码头', { filters: { year: '2023' } });
    expect(searched.at(-1)).toEqual([0]);
    // Asking for older pages searches every shard.
    const all = await engine.search('码头', { older: true });
    expect(searched.at(-1)).toEqual([0, 1, 2, 3]);
    expect(all).toMatchObject({ total: 3, complete: true });
  });

  it('routes within the byte budget: a prefix of the listed shards, newest first', () => {
    const shard = (metaBytes: number): SearchShard => ({
      pages: 2500,
      newest: '',
      oldest: '',
      metaBytes,
      chunkBytes: 20_000,
    });
    const shards = [shard(27_000), shard(27_000), shard(27_000), shard(27_000), shard(27_000)];
    const entry = {
      newest: 1,
      shards: [
        { shard: 1, pages: 2 },
        { shard: 3, pages: 1 },
        { shard: 4, pages: 1 },
      ],
      complete: true,
    };
    // Fixed 120 KB + shard 0 (47 KB) leave room for two shards of 47 KB under 300 KB, not three.
    expect(routedShards(entry, shards, { tokens: 1, fixedBytes: 120_000 })).toEqual({
      shards: [1, 3],
      complete: false,
    });
    expect(routedShards(entry, shards, { tokens: 1, fixedBytes: 60_000 })).toEqual({
      shards: [1, 3, 4],
      complete: true,
    });
    // Three tokens: a shard costs 87 KB; beside 140 KB fixed and shard 0, none fits.
    expect(routedShards(entry, shards, { tokens: 3, fixedBytes: 140_000 }).shards).toEqual([]);
    // A full page stops the list even within budget.
    expect(routedShards({ ...entry, newest: 9 }, shards, { tokens: 1, fixedBytes: 0 })).toEqual({
      shards: [1],
      complete: false,
    });
    // Chunk bytes measured by the table replace the estimate: 3 tokens, but 10 KB of chunks a shard.
    const measured = {
      ...entry,
      newestBytes: 10_000,
      shards: entry.shards.map((routed) => ({ ...routed, bytes: 10_000 })),
    };
    expect(routedShards(measured, shards, { tokens: 3, fixedBytes: 140_000 })).toEqual({
      shards: [1, 3, 4],
      complete: true,
    });
    // Shards without sizes (an older manifest) are never routed to.
    expect(
      routedShards(entry, [{ pages: 1, newest: '', oldest: '' }, ...shards], { tokens: 1, fixedBytes: 0 })
        .shards,
    ).toEqual([]);
  });

  it('routes a longer run by the shards every listed 4-character run has in common', async () => {
    expect(routeGramsOf('临江市人民政府')).toEqual(['临江市人', '市人民政', '人民政府']);
    const table: Record<
      string,
      { newest: number; shards: { shard: number; pages: number }[]; complete: boolean }
    > = {
      临江市人: {
        newest: 0,
        shards: [
          { shard: 2, pages: 3 },
          { shard: 5, pages: 1 },
        ],
        complete: true,
      },
      人民政府: {
        newest: 1,
        shards: [
          { shard: 2, pages: 1 },
          { shard: 4, pages: 2 },
        ],
        complete: true,
      },
      // Incomplete lists say nothing about older shards: left out of the intersection.
      市人民政: { newest: 0, shards: [{ shard: 1, pages: 9 }], complete: false },
    };
    const lookup = async (gram: string) => table[gram];
    await expect(routeRun('临江市人民政府', lookup)).resolves.toEqual({
      newest: 0,
      shards: [{ shard: 2, pages: 1 }],
      complete: true,
    });
    // No 4-character run listed: no routing.
    await expect(routeRun('完全不同的文字', lookup)).resolves.toBeUndefined();
    await expect(routeRun('人民政府', lookup)).resolves.toEqual(table.人民政府);
  });

  it('routes queries to locales by script', () => {
    expect(localesForQuery(parseQuery('招商'), ['zh-CN', 'en', 'ru'])).toEqual(['zh-CN']);
    expect(localesForQuery(parseQuery('инвестиции'), ['zh-CN', 'en', 'ru'])).toEqual(['ru']);
    expect(localesForQuery(parseQuery('investment'), ['zh-CN', 'en'])).toEqual(['en', 'zh-CN']);
  });

  it('cuts an excerpt around the first match', () => {
    const text = `${'前'.repeat(200)}临江市${'后'.repeat(200)}`;
    const pieces = excerpt(text, parseQuery('临江'), 40);
    expect(pieces.find((piece) => piece.mark)?.text).toBe('临江');
    expect(pieces.map((piece) => piece.text).join('').length).toBeLessThanOrEqual(42);
    expect(markPieces('Invest in Linjiang', parseQuery('linjiang'))[1]).toEqual({
      text: 'Linjiang',
      mark: true,
    });
  });
});

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
    sites[1]!,
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

describe('joinBlocks', () => {
  it('turns the full stop Pagefind puts between Chinese blocks into a space', () => {
    expect(joinBlocks('.来源.临江市人民政府.雨后的滨江公园.临江市位于')).toBe(
      ' 来源 临江市人民政府 雨后的滨江公园 临江市位于',
    );
  });

  it('keeps full stops in Latin text and decimal points', () => {
    expect(joinBlocks('The port reopened. Trade grew 3.5% in 2025.')).toBe(
      'The port reopened. Trade grew 3.5% in 2025.',
    );
    expect(joinBlocks('GDP增长3.5%')).toBe('GDP增长3.5%');
  });
});
