import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    let left = pagefindChildren();
    for (const until = Date.now() + 8000; left.length > 0 && Date.now() < until; left = pagefindChildren()) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(left).toEqual([]);
  }, 60_000);
});
