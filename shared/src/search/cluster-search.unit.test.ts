/**
 * The cluster search (`createSearch`) over fake Pagefind bundles that match encoded tokens as Pagefind
 * does: routing, the title index, older shards, copies, ranking, excerpts, and the requests a query
 * after the first makes.
 *
 * Long on purpose: every case builds its own small cluster with the one fake bundle at the top and
 * asserts what a searcher would see; split by topic, each file would carry that fake again.
 */
import { describe, expect, it } from 'vitest';
import { bundleLoader, decodeFragment } from './bundle-loader.ts';
import { createSearch } from './cluster-search.ts';
import type { PagefindLike, PagefindResultLike, RoutePlan } from './engine-types.ts';
import { excerpt, joinBlocks, markPieces } from './excerpt.ts';
import type { SearchManifest, SearchShard } from './pagefind.ts';
import { localesForQuery, rankedTerms, wordTerms } from './query-plan.ts';
import { routedShards } from './routed-shards.ts';
import { type RouteEntry, routeGramsOf, routeRun, routeWords } from './routes.ts';
import { copyHash } from './title-index.ts';
import { encodeForIndex, parseQuery } from './tokenize.ts';

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
            words: words.flatMap((word, at) => (tokens.some((token) => word.startsWith(token)) ? [at] : [])),
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

  it('puts pages found by their title first, and answers from the full text when the title index fails', async () => {
    const titled = [
      '/old-guide/',
      '临江市场监管办事指南',
      'portal',
      'portal',
      'serviceGuide',
      '2020-01-01',
      '指南正文',
    ] as const;
    const withTitles = (titles: () => Promise<readonly (typeof titled)[]>) =>
      createSearch({ open: async () => ({ ...single, titles }), locales: ['zh-CN'] });
    const found = await withTitles(async () => [titled]).search('临江市场');
    expect(found.hits.map((hit) => hit.url)).toEqual(['/old-guide/', '/b/', '/c/']);
    const failed = await withTitles(async () => {
      throw new Error('titles/p3.json: 404');
    }).search('临江市场');
    expect(failed.hits.map((hit) => hit.url)).toEqual(['/b/', '/c/']);
  });

  it('shows a result from a part of a long page as the page, once however many of its parts match', async () => {
    const parted = createSearch({
      open: async () => ({
        eligible: () => 1,
        searchable: async () =>
          fakeBundle([
            { url: '/manual/', title: '手册', text: '临江市场的第一部分', site: 'portal' },
            { url: '/manual/#gc-part-1', title: '手册', text: '临江市场的第二部分', site: 'portal' },
            { url: '/c/', title: '报告', text: '我们在临江市场调研', site: 'portal' },
          ]),
      }),
      locales: ['zh-CN'],
    });
    const found = await parted.search('临江市场');
    expect(found.hits.map((hit) => hit.url)).toEqual(['/manual/', '/c/']);
    expect(found.total).toBe(2);
  });

  /** A long page in three parts, each holding one of two words, and pages holding both or one. */
  const manual = [
    { url: '/manual/', title: '手册', text: '参加养老保险的人员须知', site: 'portal' },
    { url: '/manual/#gc-part-1', title: '手册', text: '办理失业登记的地点', site: 'portal' },
    { url: '/manual/#gc-part-2', title: '手册', text: '再谈养老保险的缴费', site: 'portal' },
  ];
  /** An engine over `pages` whose first records are `manual`'s parts, named by its table of parts. */
  const partedEngine = (pages: typeof manual, loaded: string[]) => {
    const bundle = fakeBundle(pages);
    const counting: PagefindLike = {
      search: async (term, options) => ({
        results: ((await bundle.search(term, options))?.results ?? []).map((result) => ({
          ...result,
          data: async () => {
            const data = await result.data();
            loaded.push(data.url);
            return data;
          },
        })),
      }),
    };
    return createSearch({
      open: async () => ({
        eligible: () => 1,
        searchable: async () => counting,
        partPages: async () => new Map(manual.map((_, index) => [String(index), '/manual/'])),
      }),
      locales: ['zh-CN'],
    });
  };

  it('finds a long page whose parts hold the words of a query between them, once, with a part’s excerpt', async () => {
    const loaded: string[] = [];
    const engine = partedEngine(
      [
        ...manual,
        { url: '/short/', title: '通知', text: '养老保险和失业登记一并办理', site: 'portal' },
        { url: '/one/', title: '通知', text: '养老保险的缴费基数', site: 'portal' },
      ],
      loaded,
    );
    const found = await engine.search('养老保险 失业登记');
    // The page holding both words in one place first, then the long page that holds them apart.
    expect(found.hits.map((hit) => [hit.url, hit.tier])).toEqual([
      ['/short/', 1],
      ['/manual/', 2],
    ]);
    expect(found.total).toBe(2);
    // The excerpt is the text of a part that matched, the word marked.
    const excerpt = found.hits[1]!.excerpt;
    expect(excerpt.map((piece) => piece.text).join('')).toBe('参加养老保险的人员须知');
    expect(excerpt.filter((piece) => piece.mark).map((piece) => piece.text)).toEqual(['养老保险']);
    // One fragment for the long page, none for a page holding one word only.
    expect(loaded.sort()).toEqual(['/manual/', '/short/']);
  });

  it('puts a long page holding every word before pages holding one, where a shard lacks the other', async () => {
    // Pagefind leaves out a word no record of the shard holds, and matches the others alone.
    const pages = [
      ...manual,
      ...Array.from({ length: 15 }, (_, at) => ({
        url: `/one-${at}/`,
        title: '养老保险',
        text: '养老保险的缴费基数',
        site: 'portal',
      })),
    ];
    const bundle = fakeBundle(pages);
    const whole = parseQuery('养老保险 失业登记')
      .flatMap((part) => part.tokens)
      .join(' ');
    const dropping: PagefindLike = {
      search: (term, options) =>
        bundle.search(term === whole ? parseQuery('养老保险')[0]!.tokens.join(' ') : term, options),
    };
    const engine = createSearch({
      open: async () => ({
        eligible: () => 1,
        searchable: async () => dropping,
        partPages: async () => new Map(manual.map((_, index) => [String(index), '/manual/'])),
      }),
      locales: ['zh-CN'],
    });
    const found = await engine.search('养老保险 失业登记');
    expect(found.hits.map((hit) => hit.url)).toEqual(['/manual/', '/one-0/']);
  });

  it('loads one fragment for a long page found by several of its parts', async () => {
    const loaded: string[] = [];
    const both = manual.map((page) => ({ ...page, text: `${page.text}，养老保险，失业登记` }));
    const found = await partedEngine(both, loaded).search('养老保险 失业登记');
    expect(found.hits.map((hit) => hit.url)).toEqual(['/manual/']);
    expect(found.total).toBe(1);
    expect(loaded).toEqual(['/manual/']);
  });

  it('searches the words of a query one by one with the tokens the whole query loads', () => {
    expect(wordTerms(parseQuery('临江市场'))).toBeUndefined();
    expect(wordTerms(parseQuery('临江 市场'))).toEqual(parseQuery('临江 市场').map((part) => part.tokens[0]));
    const long = parseQuery('一图读懂｜《临江市异地就医结算实施方案》');
    const ranked = rankedTerms(long).split(' ');
    const terms = wordTerms(long)!;
    expect(terms).toHaveLength(2);
    expect(terms.flatMap((term) => term.split(' ')).sort()).toEqual([...ranked].sort());
  });

  it('ranks a long query of several chunks by the ends of its parts, not every token', () => {
    expect(rankedTerms(parseQuery('临江 市场')).split(' ')).toHaveLength(2);
    const long = rankedTerms(parseQuery('一图读懂｜《临江市异地就医结算实施方案》')).split(' ');
    expect(long).toHaveLength(4);
    expect(long).toEqual(
      parseQuery('一图读懂｜《临江市异地就医结算实施方案》').flatMap((part) => [
        part.tokens[0],
        part.tokens.at(-1),
      ]),
    );
  });

  it('finds a long run by two bigrams that span it, the pages that hold the run first', async () => {
    const long = [
      { url: '/scattered/', title: '灵活安排', text: '人员参加基本养老保险登记', site: 'portal' },
      { url: '/guide/', title: '灵活就业人员参加基本养老保险登记', text: '办理流程', site: 'portal' },
      { url: '/body/', title: '通知', text: '关于灵活就业人员参加基本养老保险登记的说明', site: 'portal' },
    ];
    let searched = '';
    const bundle = fakeBundle(long);
    const engine = createSearch({
      open: async () => ({
        eligible: () => 1,
        searchable: async () => ({
          search: (term, options) => {
            searched = term;
            return bundle.search(term, options);
          },
        }),
      }),
      locales: ['zh-CN'],
    });
    const page = await engine.search('灵活就业人员参加基本养老保险登记');
    // Two tokens, not fifteen: the first and the last bigram (no title index to say no title holds it).
    expect(searched.split(' ')).toHaveLength(2);
    expect(page.total).toBe(2);
    // The page that holds the words apart is not shown after pages that hold the phrase.
    expect(page.hits.map((hit) => [hit.url, hit.tier])).toEqual([
      ['/guide/', 0],
      ['/body/', 1],
    ]);
    expect(page.more).toBe(false);
    // With no page holding the phrase, pages holding its parts are better than nothing.
    const none = await engine.search('灵活就业人员参加基本医疗保险登记');
    expect(none.hits.length).toBeGreaterThan(0);
    expect(none.hits.every((hit) => hit.tier === 2)).toBe(true);
  });

  it('loads no more fragments once the pages holding a phrase are shown and only others are left', async () => {
    const many = Array.from({ length: 40 }, (_, at) => ({
      url: `/apart-${at}/`,
      title: '通知',
      text: `灵活安排${'工作'.repeat(at % 3)}就业人员`,
      site: 'portal',
    }));
    const bundle = fakeBundle([
      { url: '/match/', title: '灵活就业人员', text: '说明', site: 'portal' },
      ...many,
    ]);
    let loaded = 0;
    const counting: PagefindLike = {
      search: async (term, options) => {
        const found = await bundle.search(term, options);
        return {
          results: (found?.results ?? []).map((result) => ({
            ...result,
            data: () => {
              loaded += 1;
              return result.data();
            },
          })),
        };
      },
    };
    const engine = createSearch({
      open: async () => ({ eligible: () => 1, searchable: async () => counting }),
      locales: ['zh-CN'],
    });
    const page = await engine.search('灵活就业人员');
    expect(page.hits.map((hit) => hit.url)).toEqual(['/match/']);
    // One round of a page and the lookahead, not a round after round of pages that would not be shown.
    expect(loaded).toBeLessThanOrEqual(13);
  });

  it('counts every page it lists that holds the query, title hits from older shards too', async () => {
    const titled = [
      '/old-guide/',
      '临江市场监管办事指南',
      'portal',
      'portal',
      'serviceGuide',
      '2020-01-01',
      '指南正文',
    ] as const;
    const engine = createSearch({
      open: async () => ({ ...single, titles: async () => [titled] }),
      locales: ['zh-CN'],
    });
    const page = await engine.search('临江市场');
    expect(page.hits.map((hit) => hit.url)).toEqual(['/old-guide/', '/b/', '/c/']);
    expect(page.total).toBe(3);
  });

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

  it('shows two letters found by their title that share title and question but not the reply', async () => {
    const question = '来信内容 最近在网上看到关于消防宣传进社区的新规定';
    const record = (url: string, date: string, reply: string) =>
      [
        url,
        '消防宣传新规定的咨询',
        'xfzd',
        'department',
        'letter',
        date,
        question,
        copyHash(`${question} ${reply}`),
      ] as const;
    const bundle = {
      eligible: () => 1,
      searchable: async () => ({ search: async () => ({ results: [] }) }),
      titles: async () => [
        record('/new/', '2026-03-10', '相关规定自发布之日起施行，拨打87404940'),
        record('/same/', '2025-06-01', '相关规定自发布之日起施行，拨打87401111'),
        record('/old/', '2025-01-15', '我市已出台相关政策措施，拨打87408921'),
      ],
    };
    const engine = createSearch({ open: async () => bundle, locales: ['zh-CN'] });
    // /same/ differs from /new/ only in digits: a copy, shown once; /old/ has another reply.
    expect((await engine.search('消防宣传')).hits.map((hit) => hit.url)).toEqual(['/new/', '/old/']);
  });

  it('never lists a page twice when it stands for an older copy after its title found it', async () => {
    const letter = (url: string, date: string, phone: string) => ({
      url,
      date,
      content: encodeForIndex(`试鸣扶持政策\n来信内容 试鸣扶持 答复 请拨打${phone}咨询`),
    });
    const copies = [letter('/old/', '2024-04-05', '89781653'), letter('/new/', '2026-09-22', '89788417')];
    const bundle = {
      eligible: () => 1,
      searchable: async () => ({
        search: async () => ({
          results: copies.map((copy, index) => ({
            id: String(index),
            score: 2 - index,
            words: [0],
            data: async () => ({
              url: copy.url,
              content: copy.content,
              meta: { title: '试鸣扶持政策', site: 'rfb', date: copy.date, locale: 'zh-CN' },
            }),
          })),
        }),
      }),
      titles: async () =>
        [
          ['/new/', '试鸣扶持政策', 'rfb', 'department', 'letter', '2026-09-22', '信件类别 政策咨询'],
        ] as const,
    };
    const engine = createSearch({ open: async () => bundle, locales: ['zh-CN'] });
    expect((await engine.search('试鸣')).hits.map((hit) => hit.url)).toEqual(['/new/']);
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
      '滨江 码头': { shards: [2], complete: true },
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
      route: async (runs: readonly string[]) => plans[runs.join(' ')],
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
    // Several words are routed together: a page that holds them holds each.
    const words = await engine.search('滨江 码头');
    expect(searched.at(-1)).toEqual([0, 2]);
    expect(words.hits.map((hit) => hit.url)).toEqual(['/s2/']);
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
    expect(routeGramsOf('临江市人民政府')).toEqual(['临江市人', '江市人民', '市人民政', '人民政府']);
    // A run over 8 characters: five of its 4-character runs, spread from the first to the last.
    expect(routeGramsOf('临江市人民政府办公室关于')).toEqual([
      '临江市人',
      '市人民政',
      '民政府办',
      '府办公室',
      '公室关于',
    ]);
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
    // Only the second of five is listed completely (common words around a rare pair): still routed.
    const common = { newest: 0, shards: [{ shard: 1, pages: 9 }], complete: false };
    const middle: Record<string, RouteEntry> = {
      凤鸣镇卫: common,
      鸣镇卫生: { newest: 1, shards: [{ shard: 3, pages: 1 }], complete: true },
      镇卫生院: common,
      卫生院开: common,
      生院开展: common,
    };
    await expect(routeRun('凤鸣镇卫生院开展', async (gram) => middle[gram])).resolves.toEqual({
      newest: 1,
      shards: [{ shard: 3, pages: 1 }],
      complete: true,
    });
    await expect(routeRun('人民政府', lookup)).resolves.toEqual(table.人民政府);
  });

  it('routes a query of several words to the older shards that every completely listed word names', async () => {
    const table: Record<string, RouteEntry> = {
      养老保险: {
        newest: 3,
        shards: [
          { shard: 1, pages: 2 },
          { shard: 4, pages: 1 },
        ],
        complete: true,
        // Listed pages are fragments: the other word may be in another part of the same long page.
        pages: [{ shard: 4, id: 'part-1' }],
        pagesComplete: true,
      },
      失业登记: {
        newest: 0,
        shards: [
          { shard: 2, pages: 1 },
          { shard: 4, pages: 3 },
        ],
        complete: true,
        pages: [{ shard: 4, id: 'part-2' }],
        pagesComplete: true,
      },
      // Held by more older pages than a page of results: narrows nothing.
      通知: { newest: 2, shards: [{ shard: 1, pages: 8 }], complete: false },
    };
    const lookup = async (gram: string) => table[gram];
    const both = { newest: 0, shards: [{ shard: 4, pages: 1 }], complete: true };
    await expect(routeWords(['养老保险', '失业登记'], lookup)).resolves.toEqual(both);
    await expect(routeWords(['养老保险', '失业登记', '通知'], lookup)).resolves.toEqual(both);
    // A word the table does not list narrows nothing either; one listed word routes alone.
    await expect(routeWords(['养老保险', '办法'], lookup)).resolves.toEqual({
      newest: 3,
      shards: [
        { shard: 1, pages: 2 },
        { shard: 4, pages: 1 },
      ],
      complete: true,
    });
    await expect(routeWords(['通知', '办法'], lookup)).resolves.toBeUndefined();
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
    // Latin words are not cut in two at either end.
    const english = excerpt(
      `${'Factory buildings and automated lines. '.repeat(3)}A biopharmaceutical production base with ${'warehouses and workshops '.repeat(4)}`,
      parseQuery('production'),
      90,
    )
      .map((piece) => piece.text)
      .join('');
    expect(english.replace(/^…\s?/, '').split(' ')[0]).toMatch(
      /^(Factory|buildings|and|automated|lines\.|A)$/,
    );
    expect(english.replace(/\s?…$/, '').split(' ').at(-1)).toMatch(/^(warehouses|and|workshops)$/);
    expect(markPieces('Invest in Linjiang', parseQuery('linjiang'))[1]).toEqual({
      text: 'Linjiang',
      mark: true,
    });
  });

  it('shows the older pages listed for a two-character run before newest pages that hold only one of its characters', async () => {
    // Pagefind's ranked search matched pages holding 位 beside a number (its unigram) for 位格: they
    // outranked the two older pages the routing table listed, which were never shown (real text, 位格).
    const near = (n: number): PagefindResultLike => ({
      id: `near${n}`,
      score: 5,
      words: [2],
      data: async () => ({
        url: `/near/${n}/`,
        content: encodeForIndex(`手册${n}\n存储为16位 DOS 格式`),
        meta: {
          title: `手册${n}`,
          site: 'portal',
          kind: 'portal',
          type: 'article',
          date: '2026-01-01',
          locale: 'zh-CN',
        },
      }),
    });
    const listed: PagefindResultLike = {
      id: 'old1',
      score: 0,
      words: [],
      data: async () => ({
        url: '/old/',
        content: encodeForIndex('编码\n编码到 7 位格式'),
        meta: {
          title: '编码',
          site: 'portal',
          kind: 'portal',
          type: 'article',
          date: '2020-01-01',
          locale: 'zh-CN',
        },
      }),
    };
    const engine = createSearch({
      open: async () => ({
        eligible: () => 2,
        searchable: async () => ({
          // No page of the newest shard holds the bigram as a whole word.
          search: async (term) => ({
            results: term.startsWith('"') ? [] : Array.from({ length: 20 }, (_, n) => near(n)),
          }),
        }),
        route: async () => ({ shards: [], complete: true, pages: [listed] }),
      }),
      locales: ['zh-CN'],
    });
    const page = await engine.search('位格');
    expect(page.hits.map((hit) => hit.url)).toEqual(['/old/']);
    expect(page.total).toBe(1);
  });

  it('shows the older pages the routing table lists for a rare run by their fragments, no older shard searched', async () => {
    const merged: string[] = [];
    const fetched: string[] = [];
    const shard0 = fakeBundle([{ url: '/new/', title: '通知', text: '港口码头建设', site: 'portal' }]);
    const module = {
      options: async () => undefined,
      mergeIndex: async (path: string) => {
        merged.push(path);
      },
      search: shard0.search,
      createInstance: () => ({ ...module }),
    };
    // A fragment as Pagefind writes it: gzipped `pagefind_dcd` + JSON.
    const gzip = async (text: string) =>
      new Uint8Array(
        await new Response(
          new Blob([text]).stream().pipeThrough(new CompressionStream('gzip')),
        ).arrayBuffer(),
      );
    const old = {
      url: '/old/',
      content: encodeForIndex('旧闻\n当年港口码头的故事'),
      meta: {
        title: '旧闻',
        site: 'portal',
        kind: 'portal',
        type: 'article',
        date: '2019-05-01',
        locale: 'zh-CN',
      },
    };
    const open = bundleLoader({
      root: '/',
      manifest: {
        format: 'govcluster-search@1',
        locales: {
          'zh-CN': {
            pages: 2,
            shards: [
              { pages: 1, newest: '2026-01-01', oldest: '2025-01-01', metaBytes: 30_000, chunkBytes: 20_000 },
              { pages: 1, newest: '2024-12-31', oldest: '2019-01-01', metaBytes: 30_000, chunkBytes: 20_000 },
            ],
            routes: { buckets: 1, grams: 1, pageSize: 10, fixedBytes: 117_000, bucketBytes: 4000 },
          },
        },
      } as unknown as SearchManifest,
      importModule: async () => module,
      fetchJson: async () => ({ '1:20;1:1:20|1/zh-cn_old1': '港口码头' }),
      fetchFragment: async (url) => {
        fetched.push(url);
        return decodeFragment(await gzip(`pagefind_dcd${JSON.stringify(old)}`));
      },
    });
    const search = createSearch({ open, locales: ['zh-CN'] });
    const page = await search.search('港口码头');
    expect(page.hits.map((hit) => [hit.url, hit.tier])).toEqual([
      ['/new/', 1],
      ['/old/', 1],
    ]);
    expect(page.complete).toBe(true);
    expect(page.hits[1]!.excerpt.some((piece) => piece.mark && piece.text === '港口码头')).toBe(true);
    expect(fetched).toEqual(['/pagefind/zh-CN/1/fragment/zh-cn_old1.pf_fragment']);
    // Neither its shard's metadata nor its index chunks: nothing merged.
    expect(merged).toEqual([]);
  });

  it('loads more pages when those taken for a long run hold its ends but not its middle', async () => {
    // Every town's 临江市…乡党委 holds the probes 临江 and 党委 at the distance they have in 临江市桃源乡党委.
    const towns = '青山,白石,东坪,西岭,南湖,北岗,石门,龙潭,凤凰,金沙,银杏,梅林,竹园,松坡,柳溪'.split(',');
    const crowd = towns.map((town, at) => ({
      url: `/t${at}/`,
      title: '通知',
      text: `临江市${town}乡党委召开会议`,
      site: 'portal',
    }));
    const search = createSearch({
      open: async () => ({
        eligible: () => 1,
        searchable: async () =>
          fakeBundle([
            ...crowd,
            { url: '/taoyuan/', title: '通知', text: '临江市桃源乡党委召开会议', site: 'portal' },
          ]),
      }),
      locales: ['zh-CN'],
    });
    const page = await search.search('临江市桃源乡党委');
    expect(page.hits[0]!.url).toBe('/taoyuan/');
    expect(page.hits[0]!.tier).toBe(1);
    expect(page.total).toBe(1);
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

describe('latency of a query after the first', () => {
  const page = { url: '/a/', title: '临江通知', text: '临江市场工作', site: 'portal' };
  const found = {
    results: [
      {
        id: '0',
        score: 1,
        words: [0],
        data: async () => ({
          url: page.url,
          content: encodeForIndex(`${page.title}\n${page.text}`),
          meta: { title: page.title, site: page.site, date: '2024-01-01', locale: 'zh-CN' },
        }),
      },
    ],
  };

  it('searches the newest shard while the routing table and the title index are read', async () => {
    const events: string[] = [];
    let answerRoute: (plan: RoutePlan | undefined) => void = () => undefined;
    const bundle = {
      eligible: () => 3,
      searchable: async (count: number, _year?: string, routed: readonly number[] = []) => {
        events.push(`search ${count} [${routed.join(',')}]`);
        return { search: async () => found };
      },
      route: () => {
        events.push('route');
        return new Promise<RoutePlan | undefined>((resolve) => {
          answerRoute = resolve;
        });
      },
    };
    const search = createSearch({ open: async () => bundle, locales: ['zh-CN'] });
    const answer = search.search('临江');
    // Let the engine start: the newest shard's search must not wait for the route.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([...events].sort()).toEqual(['route', 'search 1 []']);
    answerRoute({ shards: [], complete: false });
    expect((await answer).hits.map((hit) => hit.url)).toEqual(['/a/']);
    // Routed nowhere: the search already made is the answer, not a second one.
    expect([...events].sort()).toEqual(['route', 'search 1 []']);
    // Routed to an older shard, the routed search answers.
    const routed = search.search('临江市');
    await new Promise((resolve) => setTimeout(resolve, 10));
    answerRoute({ shards: [2], complete: true });
    expect((await routed).hits.map((hit) => hit.url)).toEqual(['/a/']);
    expect(events.slice(2).sort()).toEqual(['route', 'search 1 [2]', 'search 1 []']);
  });

  it('reads the tables of parts of the shards searched that hold parts of long pages, only those', async () => {
    const fetched: string[] = [];
    const open = bundleLoader({
      root: '/',
      manifest: {
        locales: {
          'zh-CN': {
            shards: [
              { newest: '2026-01-01', oldest: '2025-01-01' },
              { newest: '2024-12-31', oldest: '2020-01-01', parts: 1 },
              { newest: '2019-12-31', oldest: '2010-01-01', parts: 1 },
            ],
          },
        },
      } as unknown as SearchManifest,
      importModule: async () => {
        throw new Error('not searched here');
      },
      fetchJson: async (url) => {
        fetched.push(url);
        if (url.includes('/2/')) throw new Error(`${url}: 404`);
        return { '/manual/': 'zh-cn_a zh-cn_b' };
      },
    });
    const bundle = await open('zh-CN');
    await expect(bundle.partPages?.(1)).resolves.toBeUndefined();
    expect(fetched).toEqual([]);
    const pages = await bundle.partPages?.(3);
    expect([...(pages ?? [])]).toEqual([
      ['zh-cn_a', '/manual/'],
      ['zh-cn_b', '/manual/'],
    ]);
    // A table that cannot be read names no part.
    expect(fetched).toEqual(['/pagefind/zh-CN/1/page-parts.json', '/pagefind/zh-CN/2/page-parts.json']);
  });

  it('opens one Pagefind module per locale, its second instance made by createInstance(), warmed after an answer', async () => {
    const imported: string[] = [];
    const instances: string[] = [];
    const inits: string[] = [];
    const instance = (name: string) => ({
      options: async () => undefined,
      mergeIndex: async (path: string) => {
        instances.push(`${name} merges ${path}`);
      },
      init: async () => {
        inits.push(name);
      },
      search: async () => found,
    });
    const open = bundleLoader({
      root: '/',
      manifest: {
        locales: {
          'zh-CN': {
            shards: [
              { newest: '2026-01-01', oldest: '2025-01-01', metaBytes: 1000, chunkBytes: 1000 },
              { newest: '2024-12-31', oldest: '2020-01-01', metaBytes: 1000, chunkBytes: 1000 },
            ],
          },
        },
      } as unknown as SearchManifest,
      importModule: async (url) => {
        imported.push(url);
        return {
          ...instance('module'),
          createInstance: () => {
            instances.push('created');
            return instance('second');
          },
        };
      },
    });
    const bundle = await open('zh-CN');
    await bundle.searchable(1);
    await bundle.searchable(2);
    expect(imported).toEqual(['/pagefind/zh-CN/0/pagefind.js']);
    expect(instances).toEqual(['created', 'second merges /pagefind/zh-CN/1/']);
    await bundle.warm?.();
    expect(inits.sort()).toEqual(['module', 'second']);
  });
});
