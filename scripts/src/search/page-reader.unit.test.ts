import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileIdentity } from './document-cache.ts';
import { readPages, readPagesHere } from './page-reader.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'govcluster-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sites = [{ id: 'portal', kind: 'portal' as const, basePath: '/' }];

describe('reading built pages', () => {
  it('reads many pages in worker threads, in order, as one thread reads them', async () => {
    const pages = Array.from({ length: 2_100 }, (_, at) => {
      const file = path.join(work, `${at}.html`);
      writeFileSync(
        file,
        `<!doctype html><html lang="zh-CN"><head><meta name="gc:site" content="portal"><meta name="gc:date" content="2024-03-01"></head>` +
          `<body><main><h1>临江市第${at}号通知</h1><p>港口码头第${at}段施工。</p></main>` +
          `<script>window.page=${at}</script><link rel="stylesheet" href="/_astro/p${at % 7}.css"></body></html>`,
      );
      return { url: `/news/${at}/`, file, identity: fileIdentity(statSync(file)) };
    });
    const here = readPagesHere(pages, sites);
    const side = await readPages(pages, sites, 2);
    expect(side).toEqual(here);
    expect(side.map((entry) => entry.url)).toEqual(pages.map((page) => page.url));
    expect(side[1234]?.document).toMatchObject({ title: '临江市第1234号通知', site: 'portal' });
    expect(side[1234]?.assets).toEqual(['p2.css']);
    expect(side[1234]?.scripts).toHaveLength(1);
  }, 60_000);
});
