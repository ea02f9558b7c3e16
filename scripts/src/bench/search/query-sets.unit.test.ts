import { pageParts, type SearchDocument } from '@govcluster/shared/search';
import { describe, expect, it } from 'vitest';
import { testDocument } from '../../search/test-documents.ts';
import { goals } from './goals.ts';
import { meanFigures } from './metrics.ts';
import {
  commonRunQueries,
  hanCount,
  longRunQueries,
  RunIndex,
  rareHolders,
  rareRunQueries,
  sampledQueries,
  spreadWordQueries,
  titleQueries,
} from './query-sets.ts';
import { setFigures } from './report.ts';

/** A zh-CN entry page of a tiny cluster. */
const page = (url: string, title: string, text: string, type: SearchDocument['type'] = 'article') =>
  testDocument({ url, title, text, type, date: '2026-11-01' });

// Twelve pages share 公共服务 (a common run); each has a title and a run of its own (rare runs).
const places = [
  '东港',
  '西岭',
  '南湖',
  '北岸',
  '中山',
  '青石',
  '白沙',
  '红旗',
  '金桥',
  '银杏',
  '翠竹',
  '松涛',
];
const documents: SearchDocument[] = [
  ...places.map((place, at) =>
    page(
      `/news/${at}/`,
      `${place}镇开展公共服务进村入户活动`,
      `${place}镇组织干部走访农户，了解群众需求。公共服务站延长开放时间，方便${place}群众办理社保和医保业务。`,
    ),
  ),
  page('/news/', '要闻动态', '东港镇开展公共服务进村入户活动', 'page'),
  page('/en/news/1/', 'News', 'Public services in Donggang', 'article'),
].map((document) =>
  document.url.startsWith('/en/') ? { ...document, locale: 'en' } : document,
) as SearchDocument[];
const index = new RunIndex(documents);

describe('RunIndex', () => {
  it('finds every zh-CN page holding a run, and stops at a limit', () => {
    expect(index.holders('公共服务').size).toBe(13);
    expect(index.holders('公共服务', 3).size).toBe(3);
    expect([...index.holders('西岭')]).toEqual(['/news/1/']);
    expect(index.holders('不存在的词').size).toBe(0);
  });

  it('samples from entries, never from listing pages or other locales', () => {
    expect(index.entries.map((document) => document.url)).not.toContain('/news/');
    expect(index.pages.map((document) => document.url)).not.toContain('/en/news/1/');
  });
});

describe('title queries', () => {
  it('are exact titles of 5–20 Han characters whose known pages carry that title', () => {
    const queries = titleQueries(index, 5, 1);
    expect(queries).toHaveLength(5);
    for (const query of queries) {
      expect(hanCount(query.query)).toBeGreaterThanOrEqual(5);
      expect(hanCount(query.query)).toBeLessThanOrEqual(20);
      expect(query.known.length).toBeGreaterThan(0);
      for (const url of query.known)
        expect(documents.find((document) => document.url === url)?.title).toBe(query.query);
      expect([...query.relevant]).toEqual(expect.arrayContaining([...query.known]));
    }
  });

  it('are the same for the same pages and seed, and another seed draws others', () => {
    expect(titleQueries(index, 5, 7).map((query) => query.query)).toEqual(
      titleQueries(index, 5, 7).map((query) => query.query),
    );
    expect(titleQueries(index, 5, 7).map((query) => query.query)).not.toEqual(
      titleQueries(index, 5, 8).map((query) => query.query),
    );
  });

  it('refuse pages without such a title', () => {
    const short = new RunIndex([page('/a/', '通知', '开会通知正文内容')]);
    expect(() => titleQueries(short, 5, 1)).toThrow(/no zh-CN entry page has a title/);
  });
});

describe('run queries', () => {
  it('cut long runs of 5–8 Han characters from the known page’s body, held by at most ten pages', () => {
    const queries = longRunQueries(index, 10, 3);
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      expect(query.query).toMatch(/^\p{Script=Han}{5,8}$/u);
      const known = documents.find((document) => document.url === query.known[0]);
      expect(known?.text).toContain(query.query);
      expect(query.relevant.has(known!.url)).toBe(true);
      expect(query.relevant.size).toBeLessThanOrEqual(10);
    }
  });

  it('keep rare runs held by fewer than ten pages, every holder a known item', () => {
    const queries = rareRunQueries(index, 10, 4);
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      expect(query.query).toMatch(/^\p{Script=Han}{2,4}$/u);
      expect(query.relevant.size).toBeLessThan(rareHolders);
      expect(new Set(query.known)).toEqual(query.relevant);
    }
  });

  it('keep common runs held by at least ten pages', () => {
    const queries = commonRunQueries(index, 5, 5);
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) expect(query.relevant.size).toBeGreaterThanOrEqual(10);
  });

  it('are deterministic by seed', () => {
    for (const sample of [longRunQueries, rareRunQueries, commonRunQueries, sampledQueries])
      expect(sample(index, 6, 11).map((query) => query.query)).toEqual(
        sample(index, 6, 11).map((query) => query.query),
      );
  });

  it('refuse a set that finds no query instead of scoring an empty one', () => {
    expect(() => rareRunQueries(new RunIndex([]), 5, 1)).toThrow(/no zh-CN entry page/);
    // Every page holds the same text: no run is rare.
    const same = new RunIndex(places.map((_, at) => page(`/p/${at}/`, '公共服务公告', '公共服务')));
    expect(() => rareRunQueries(same, 5, 1)).toThrow(/no query found/);
    expect(() => commonRunQueries(new RunIndex([page('/a/', '开会通知', '公共服务')]), 5, 1)).toThrow(
      /no query found/,
    );
  });
});

describe('spread-word queries', () => {
  // A long policy: its first part speaks of 养老保险 and its last of 失业登记, with filler between.
  const filler = (at: number) =>
    `第${'一二三四五六七八九十'[at % 10]}条规定的内容由有关部门负责解释。`.repeat(8);
  const long = page(
    '/policy/long/',
    '社会保障办法',
    [
      '参加养老保险的职工按月缴费。',
      ...Array.from({ length: 30 }, (_, at) => filler(at)),
      '失业人员应当及时办理失业登记。',
    ].join('\n'),
    'policy',
  );

  it('take two words from different parts of a long page that no part holds together', () => {
    const spread = new RunIndex([...documents, long]);
    const queries = spreadWordQueries(spread, 10, 1);
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      const [a, b] = query.query.split(' ');
      expect(query.query).toMatch(/^\p{Script=Han}{2,4} \p{Script=Han}{2,4}$/u);
      expect(query.known).toEqual(['/policy/long/']);
      const parts = pageParts(long).map((part, at) => (at === 0 ? `${part.title}\n${part.text}` : part.text));
      expect(parts.join('\n')).toContain(a);
      expect(parts.join('\n')).toContain(b);
      expect(parts.filter((text) => text.includes(a!) && text.includes(b!))).toEqual([]);
      expect(query.relevant.has('/policy/long/')).toBe(true);
      expect(query.relevant.size).toBeLessThanOrEqual(10);
    }
    expect(queries.map((query) => query.query)).toEqual(
      spreadWordQueries(spread, 10, 1).map((query) => query.query),
    );
  });

  it('are none where no page is long enough to be indexed in parts', () => {
    expect(spreadWordQueries(index, 10, 1)).toEqual([]);
  });
});

describe('figures of an empty or unanswered set', () => {
  it('refuse an empty set, and an unmeasured figure misses its target', () => {
    expect(() => setFigures([], [])).toThrow(/no query/);
    expect(meanFigures([]).recallAt10).toBeNaN();
    expect(meanFigures([]).precisionAt10Full).toBeNaN();
    const missed = goals({
      titlesRecall: Number.NaN,
      longRunsRecall: 0.5,
      rareRunsRecall: 1,
      commonPrecision: Number.NaN,
      spreadRecall: Number.NaN,
      nextP95Ms: Number.NaN,
      firstP50Bytes: 100_000,
      firstP95Bytes: 400 * 1024,
      firstMaxBytes: 500 * 1024,
      indexSeconds: 10,
      indexPeakGB: 1,
    });
    const met = Object.fromEntries(missed.map((goal) => [goal.figure, goal.met]));
    expect(met['exact titles: page in top 10']).toBe(false);
    expect(met['5–8-char body runs: page in top 10']).toBe(false);
    expect(met['rare 2–4-char runs: recall@10']).toBe(true);
    expect(met['precision@10 (≥ 10 pages hold it)']).toBe(false);
    expect(met['two words in two parts of a page: top 10 after older']).toBe(false);
    expect(met['p95 time after the first query']).toBe(false);
    expect(met['cold first query p95']).toBe(false);
    expect(met['cold first query max']).toBe(true);
  });
});
