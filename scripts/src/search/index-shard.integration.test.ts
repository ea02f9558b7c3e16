import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pageParts, pagePartsFile } from '@govcluster/shared/search';
import { afterAll, describe, expect, it } from 'vitest';
import { indexShardInWorker } from './index-shard.ts';
import { pagefindChildren } from './pagefind-run.ts';
import { joinShardRuns } from './route-table.ts';
import { shardFragmentIds } from './shard-files.ts';
import { testDocument } from './test-documents.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'govcluster-shard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a shard's whole work in a worker thread", () => {
  it('indexes the shard, writes its table of parts and counts its runs with the result ids Pagefind gave', async () => {
    const line = '凤鸣镇卫生院开展义诊活动，'.repeat(20);
    const long = testDocument({
      url: '/long/',
      title: '凤鸣镇年度工作总结',
      text: Array.from({ length: 40 }, () => line).join('\n'),
    });
    const documents = [
      testDocument({ url: '/a/', title: '滨江大道改造通告', text: '滨江大道港口码头施工。' }),
      ...pageParts(long),
      testDocument({ url: '/b/', title: '港口码头开放', text: '港口码头今日开放。' }),
    ];
    expect(documents.length).toBeGreaterThan(3);
    const out = path.join(work, 'shard');
    const { stats, runs } = await indexShardInWorker({
      documents,
      outputPath: out,
      longPages: ['/long/'],
      routes: true,
    });
    expect(stats.pages).toBe(documents.length);
    const ids = await shardFragmentIds(out);
    expect(runs?.ids).toEqual(documents.map((document) => ids.get(document.url)));
    const parts = JSON.parse(readFileSync(path.join(out, pagePartsFile), 'utf8')) as Record<string, string>;
    expect(parts['/long/']?.split(' ')).toEqual(
      documents
        .filter((document) => document.url.startsWith('/long/'))
        .map((document) => ids.get(document.url)),
    );
    // As the second shard of a locale whose newest shard holds none of them: its pages, newest first.
    const table = joinShardRuns(new Map(), [undefined, runs]);
    expect(table.get('码头')).toMatchObject({
      newest: 0,
      shards: [{ shard: 1, pages: 2 }],
      pages: [
        { shard: 1, id: ids.get('/a/') },
        { shard: 1, id: ids.get('/b/') },
      ],
      pagesComplete: true,
    });
    expect(table.get('义诊')).toMatchObject({ shards: [{ shard: 1, pages: documents.length - 2 }] });
    expect(await pagefindLeft()).toEqual([]);
  }, 60_000);

  it('leaves no Pagefind process behind, running or unreaped, after shards one after the other', async () => {
    const documents = ['临江市人民政府关于河西路口改造的通告', '临江市发展和改革委员会年度工作报告'].map(
      (title, n) => testDocument({ url: `/news/${n}/`, title, text: `${title}。` }),
    );
    for (let run = 0; run < 3; run++) {
      const { stats } = await indexShardInWorker({
        documents,
        outputPath: path.join(work, `index-${run}`),
        longPages: [],
        routes: false,
      });
      expect(stats.pages).toBe(2);
    }
    expect(await pagefindLeft()).toEqual([]);
  }, 60_000);

  it('writes smaller index chunks when asked to', async () => {
    const documents = Array.from({ length: 60 }, (_, n) =>
      testDocument({
        url: `/p/${n}/`,
        locale: 'en',
        title: `page ${n}`,
        text: Array.from({ length: 200 }, (_, at) => `w${(at * 7 + n) % 400}`).join(' '),
      }),
    );
    const chunks = async (chunkLocations?: number) => {
      const outputPath = path.join(work, `chunks-${chunkLocations ?? 'default'}`);
      await indexShardInWorker({
        documents,
        outputPath,
        longPages: [],
        routes: false,
        ...(chunkLocations === undefined ? {} : { chunkLocations }),
      });
      return readdirSync(path.join(outputPath, 'index')).length;
    };
    const pagefinds = await chunks();
    const small = await chunks(1_000);
    // 12,000 word locations, each also a page entry: two chunks at Pagefind's 20,000, 24 at 1,000.
    expect(pagefinds).toBeLessThanOrEqual(2);
    expect(small).toBeGreaterThanOrEqual(10);
  }, 60_000);
});

/** The Pagefind processes of this process still there after up to eight seconds. */
async function pagefindLeft() {
  let left = pagefindChildren();
  for (const until = Date.now() + 8000; left.length > 0 && Date.now() < until; left = pagefindChildren()) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return left;
}
