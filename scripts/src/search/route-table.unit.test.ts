import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SearchDocument } from '@govcluster/shared/search';
import {
  encodeHan,
  hanGrams,
  lookupRoute,
  parseRouteValue,
  type RouteBucketFile,
  routeBucket,
  routeValue,
} from '@govcluster/shared/search';
import { describe, expect, it } from 'vitest';
import {
  countPages,
  countsFromText,
  countsToText,
  joinShardRuns,
  routeBuckets,
  routeValues,
  type ShardRuns,
  shardRuns,
} from './route-table.ts';
import { chunkBytesOf } from './shard-files.ts';
import { testDocument } from './test-documents.ts';

/** A zh-CN document with a title and text. */
const page = (url: string, text: string, title = '通知') => testDocument({ url, text, title });

/** Every page's result id, as Pagefind would name it. */
const idsOf = (shards: readonly (readonly SearchDocument[])[]) =>
  shards.map((members) => new Map(members.map((doc) => [doc.url, `id${doc.url}`])));

/** The routing table of shards, each older one counted on its own as an indexing lane counts it. */
const buildRouteTable = (
  shards: readonly (readonly SearchDocument[])[],
  options: { pageSize?: number; ids?: readonly ReadonlyMap<string, string>[] } = {},
) => {
  const ids = options.ids ?? idsOf(shards);
  const runs: (ShardRuns | undefined)[] = shards.map((members, shard) =>
    shard === 0 ? undefined : shardRuns(members, ids[shard]!, options.pageSize),
  );
  return joinShardRuns(countPages(shards[0] ?? []), runs, options.pageSize);
};

describe('shard routing table', () => {
  it('lists the older pages that hold a run, newest first, until shard 0 and they fill a page', () => {
    const newest = [page('/n1/', '临江港口'), page('/n2/', '临江港口'), page('/n3/', '市场')];
    const middle = [page('/m1/', '港口码头'), page('/m2/', '港口码头'), page('/m3/', '滨江')];
    const oldest = [page('/o1/', '港口码头'), page('/o2/', '滨江大道')];
    const shards = [newest, middle, oldest];
    const ids = shards.map(
      (members, shard) =>
        new Map(members.map((doc) => [doc.url, `zh-cn_${shard}${doc.url[1]}${doc.url[2]}`])),
    );
    const table = buildRouteTable(shards, { pageSize: 3, ids });
    // 港口: shard 0 holds 2, one more page fills the page; two more hold it, so the list is not complete.
    expect(table.get('港口')).toMatchObject({ pages: [{ shard: 1, id: 'zh-cn_1m1' }], pagesComplete: false });
    expect(table.get('码头')).toMatchObject({
      pages: [
        { shard: 1, id: 'zh-cn_1m1' },
        { shard: 1, id: 'zh-cn_1m2' },
        { shard: 2, id: 'zh-cn_2o1' },
      ],
      pagesComplete: true,
    });
    expect(table.get('滨江大道')).toMatchObject({
      pages: [{ shard: 2, id: 'zh-cn_2o2' }],
      pagesComplete: true,
    });
    // The bucket value keeps them, and reads back.
    for (const gram of ['港口', '码头', '滨江大道']) {
      const entry = table.get(gram)!;
      expect(parseRouteValue(routeValue(entry))).toEqual(entry);
    }
    expect(routeValue(table.get('港口')!)).toBe('2;1:2+|1/zh-cn_1m1+');
  });

  it('leaves out an older page without a result id, and then says the list is not complete', () => {
    const shards = [
      [page('/n1/', '市场')],
      [page('/m1/', '港口码头'), page('/m2/', '港口码头')],
      [page('/o1/', '港口码头')],
    ];
    const ids = idsOf(shards);
    ids[1]!.delete('/m1/');
    const table = buildRouteTable(shards, { pageSize: 3, ids });
    // /m1/ has no fragment: still counted in its shard, never listed; /o1/ fills its place.
    expect(table.get('码头')).toMatchObject({
      shards: [
        { shard: 1, pages: 2 },
        { shard: 2, pages: 1 },
      ],
      pages: [
        { shard: 1, id: 'id/m2/' },
        { shard: 2, id: 'id/o1/' },
      ],
      pagesComplete: false,
    });
  });

  it('lists the Han runs of 2–4 characters, never across other characters', () => {
    const grams: string[] = [];
    hanGrams('临江市，GDP增长', (gram) => grams.push(gram));
    expect(grams).toEqual(['临江', '临江市', '江市', '增长']);
  });

  it('lists runs shard 0 holds in fewer than a page, with the older shards that hold them until a page is full', () => {
    const newest = [page('/n1/', '临江港口'), page('/n2/', '临江港口'), page('/n3/', '市场')];
    const middle = [page('/m1/', '港口码头'), page('/m2/', '港口码头'), page('/m3/', '滨江')];
    const oldest = [page('/o1/', '港口码头'), page('/o2/', '滨江大道')];
    const table = buildRouteTable([newest, middle, oldest], { pageSize: 3 });
    // 港口: 2 pages in shard 0, 2 in shard 1 fill the page; shard 2 holds it too, so the list is not complete.
    expect(table.get('港口')).toMatchObject({ newest: 2, shards: [{ shard: 1, pages: 2 }], complete: false });
    // 码头 is only in older shards: both listed, complete.
    expect(table.get('码头')).toMatchObject({
      newest: 0,
      shards: [
        { shard: 1, pages: 2 },
        { shard: 2, pages: 1 },
      ],
      complete: true,
    });
    expect(table.get('滨江大道')).toMatchObject({
      newest: 0,
      shards: [{ shard: 2, pages: 1 }],
      complete: true,
    });
    // 市场 is held by shard 0 only, 临江港口 too: nothing to route.
    expect(table.get('市场')).toBeUndefined();
    expect(table.get('临江港口')).toBeUndefined();
    // A run that fills a page in shard 0 is never listed.
    const common = buildRouteTable([[page('/a/', '临江'), page('/b/', '临江')], [page('/c/', '临江')]], {
      pageSize: 2,
    });
    expect(common.get('临江')).toBeUndefined();
    expect(common.size).toBe(0);
  });

  it('counts a page once however often it holds a run, and caps counts at a page', () => {
    const table = buildRouteTable(
      [[page('/n/', '其他')], Array.from({ length: 12 }, (_, at) => page(`/o${at}/`, '港口港口', '港口'))],
      { pageSize: 10 },
    );
    expect(table.get('港口')).toMatchObject({ newest: 0, shards: [{ shard: 1, pages: 10 }], complete: true });
  });

  it("counts a page's title once, not again for each of its later parts", () => {
    const counts = countPages([
      page('/long/', '港口', '沏一壶绿茶'),
      page('/long/#gc-part-1', '码头', '沏一壶绿茶'),
    ]);
    expect(counts.get('绿茶')).toBe(1);
    expect(counts.get('码头')).toBe(1);
  });

  it("gives the same table from shard 0's counts kept as text as from counting its pages again", () => {
    const shards = [
      Array.from({ length: 12 }, (_, at) => page(`/n${at}/`, at < 3 ? '港口码头' : '市场')),
      Array.from({ length: 12 }, (_, at) => page(`/m${at}/`, '港口码头')),
      [page('/o1/', '滨江大道'), page('/o2/', '港口')],
    ];
    const kept = countsToText(countPages(shards[0]!), 10);
    expect(kept).toContain('市场 9\n');
    const ids = idsOf(shards);
    const runs = shards.map((members, shard) => (shard === 0 ? undefined : shardRuns(members, ids[shard]!)));
    const fresh = joinShardRuns(countPages(shards[0]!), runs, 10);
    const cached = joinShardRuns(countsFromText(kept), runs, 10);
    expect([...cached.entries()].sort()).toEqual([...fresh.entries()].sort());
    expect(fresh.size).toBeGreaterThan(0);
  });

  it('splits the table into buckets that the browser finds every run in', () => {
    const shards = [
      [page('/n/', '临江市人民政府')],
      [page('/o1/', '滨江大道港口码头'), page('/o2/', '翠屏路菜市场')],
      [page('/o3/', '凤鸣镇卫生院')],
    ];
    const table = buildRouteTable(shards);
    const files = new Map<number, RouteBucketFile>(routeBuckets(routeValues(table), 5));
    expect([...files.keys()]).toEqual([0, 1, 2, 3, 4]);
    for (const [gram, entry] of table.entries()) {
      const found = lookupRoute(files.get(routeBucket(gram, 5))!, gram);
      expect(found, gram).toEqual(entry);
    }
    expect(lookupRoute(files.get(routeBucket('港口码', 5))!, '港口码')?.shards).toEqual([
      { shard: 1, pages: 1 },
    ]);
    // A run's prefix is not the run.
    expect(lookupRoute({ '0;1:1': '港口码头 滨江' }, '港口')).toBeUndefined();
    expect(
      parseRouteValue(routeValue({ newest: 3, shards: [{ shard: 2, pages: 4 }], complete: false })),
    ).toEqual({
      newest: 3,
      shards: [{ shard: 2, pages: 4 }],
      complete: false,
    });
  });

  it('prices a run by the index chunks its bigrams fall in, each chunk once', () => {
    const [a, b, c] = ['临江', '江市', '市场'].map(encodeHan) as [string, string, string];
    const sorted = [a, b, c].sort();
    const chunks = [
      { from: '0', to: sorted[0]!, bytes: 1000 },
      { from: `${sorted[0]!}a`, to: 'z', bytes: 5000 },
    ];
    // 临江市场: three bigrams, one in the first chunk and two in the second.
    expect(chunkBytesOf('临江市场', chunks)).toBe(6000);
    expect(chunkBytesOf(sorted[0] === a ? '临江' : sorted[0] === b ? '江市' : '市场', chunks)).toBe(1000);
    expect(chunkBytesOf('临江', [])).toBe(0);
  });

  it('is written by the indexer beside the shards and listed in search.json', async () => {
    const { indexDocuments } = await import('../index-search.ts');
    const out = await mkdtemp(path.join(tmpdir(), 'gc-routes-'));
    try {
      // Shards end after a page whose URL hashes to 0 modulo the shard size, 4 here (index-search.ts):
      // of these URLs only /old/ does, so the old page is a shard of its own and the new ones the newest.
      const documents = [
        ...['/b/', '/n0/', '/n2/'].map((url, at) => ({
          ...page(url, '临江新闻'),
          date: `2025-01-0${at + 1}`,
        })),
        { ...page('/old/', '滨江旧事'), date: '2020-01-01' },
      ];
      await indexDocuments(documents, out, { shardSize: 4 });
      const manifest = JSON.parse(await readFile(path.join(out, 'pagefind/search.json'), 'utf8'));
      const zh = manifest.locales['zh-CN'];
      expect(zh.shards).toHaveLength(2);
      expect(zh.shards[1].metaBytes).toBeGreaterThan(0);
      expect(zh.shards[1].chunkBytes).toBeGreaterThan(0);
      expect(zh.routes).toMatchObject({
        pageSize: 10,
        grams: expect.any(Number),
        buckets: expect.any(Number),
      });
      const bucket = routeBucket('滨江', zh.routes.buckets);
      const file = JSON.parse(
        await readFile(path.join(out, `pagefind/zh-CN/routes/${bucket}.json`), 'utf8'),
      ) as RouteBucketFile;
      // With the bytes of the index chunks a search for the run loads in each shard.
      const entry = lookupRoute(file, '滨江');
      expect(entry?.shards[0]?.bytes).toBeGreaterThan(0);
      // Shard 0 does not hold it, but a search loads the chunk whose range covers it.
      expect(entry?.newestBytes).toBeGreaterThan(0);
      expect(entry).toMatchObject({
        newest: 0,
        shards: [{ shard: 1, pages: 1 }],
        complete: true,
      });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});
