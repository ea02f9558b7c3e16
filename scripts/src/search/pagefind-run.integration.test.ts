import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindChildren, runPagefindInWorker } from './pagefind-run.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'govcluster-pagefind-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Pagefind in a worker thread', () => {
  it('indexes the pages and leaves no Pagefind process behind, running or unreaped', async () => {
    const pages = ['临江市人民政府关于河西路口改造的通告', '临江市发展和改革委员会年度工作报告'].map(
      (title, n) => ({
        url: `/news/${n}/`,
        html: `<html lang="zh-CN"><body><main data-pagefind-body><h1>${title}</h1><p>${title}。</p></main></body></html>`,
      }),
    );
    for (let run = 0; run < 3; run++) {
      const stats = await runPagefindInWorker(pages, path.join(work, `index-${run}`));
      expect(stats.pages).toBe(2);
    }
    let left = pagefindChildren();
    for (const until = Date.now() + 8000; left.length > 0 && Date.now() < until; left = pagefindChildren()) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(left).toEqual([]);
  }, 60_000);

  it('writes smaller index chunks when asked to', async () => {
    const pages = Array.from({ length: 60 }, (_, n) => ({
      url: `/p/${n}/`,
      html: `<html lang="en"><body><h1>page ${n}</h1><p>${Array.from({ length: 200 }, (_, at) => `w${(at * 7 + n) % 400}`).join(' ')}</p></body></html>`,
    }));
    const chunks = async (chunkLocations?: number) => {
      const out = path.join(work, `chunks-${chunkLocations ?? 'default'}`);
      await runPagefindInWorker(pages, out, chunkLocations === undefined ? {} : { chunkLocations });
      return readdirSync(path.join(out, 'index')).length;
    };
    const pagefinds = await chunks();
    const small = await chunks(1_000);
    // 12,000 word locations, each also a page entry: two chunks at Pagefind's 20,000, 24 at 1,000.
    expect(pagefinds).toBeLessThanOrEqual(2);
    expect(small).toBeGreaterThanOrEqual(10);
  }, 60_000);
});
