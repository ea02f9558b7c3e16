/**
 * The search page in Chromium over the fixture cluster: a query on one site finds another site's page,
 * a Chinese run across a word boundary is found, the site filter narrows, an English query finds the
 * English page, a shared `?q=` URL shows results on load, and in a cluster indexed in recency shards a
 * query searches the newest shard until the searcher asks for older pages, unless the routing table
 * sends a rare run to the older shards that hold it.
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  hanGrams,
  lookupRoute,
  routeBucket,
  routeBucketPath,
  routedShards,
  type SearchDocument,
  type SearchManifest,
  searchManifestPath,
} from '@govcluster/shared/search';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterDocuments, indexCluster } from '../../scripts/src/index-search.ts';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { launchChromium } from '../lib/chromium.ts';
import { repoRoot } from '../site/fixture.ts';
import { missingSearchPages, type SearchFixture, searchFixture } from './search-fixture.ts';

const work = path.join(repoRoot, '.data', 'test-search', String(process.pid));

describe('search page in Chromium', { timeout: 60_000 }, () => {
  let fixture: SearchFixture;
  let server: StaticServer;
  let browser: Browser;
  let documents: SearchDocument[];

  beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    fixture = await searchFixture(work);
    documents = await clusterDocuments(fixture.dist);
    server = await serveStatic(fixture.dist);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const portal = () => fixture.sites.find((site) => site.kind === 'portal')!;
  const department = () => fixture.sites.find((site) => site.kind === 'department')!;

  /** Opens a search page and waits for its script. */
  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('[search] page error:', error.message));
    await page.goto(`${server.url}${url}`);
    return page;
  }

  /** The result links once the live status has settled. */
  async function results(page: Page): Promise<string[]> {
    await page.waitForFunction(() => {
      const status = document.querySelector('[data-gc-search-status]');
      const list = document.querySelector('[data-gc-search-results]');
      return (
        status?.textContent && !list?.hasAttribute('aria-busy') && !/正在|Searching/.test(status.textContent)
      );
    });
    return page.$$eval('[data-gc-search-results] a', (links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
  }

  /** Types a query with the keyboard and submits it with Enter. */
  async function searchFor(page: Page, query: string, scope: 'site' | 'all'): Promise<string[]> {
    await page.getByRole('radio', { name: scope === 'all' ? /全站|All/ : /本站|This/ }).check();
    const box = page.getByRole('searchbox');
    await box.fill('');
    await box.focus();
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
    return results(page);
  }

  /** A zh-CN entry page of a site, with its title. */
  const entryOf = (site: string) =>
    documents.find(
      (document) =>
        document.site === site && document.locale === 'zh-CN' && /\/[a-z]+-[a-z0-9-]+\/$/.test(document.url),
    );

  it('serves the build’s own search page for every site and locale of the manifest', async () => {
    expect(fixture.sites.length).toBeGreaterThan(2);
    expect(missingSearchPages(fixture.dist, fixture.sites)).toEqual([]);
    // The page is the site's own: its furniture (the site's name) around the search form.
    const page = await open(fixture.searchUrl(department()));
    await expect(page.getByRole('searchbox').count()).resolves.toBe(1);
    await expect(page.locator('body').textContent()).resolves.toContain(department().name['zh-CN']);
    await page.close();
  });

  it('finds a page of another site from a department search page (全站)', async () => {
    const target = entryOf(portal().id);
    expect(target, 'a portal entry page in the fixture').toBeDefined();
    const page = await open(fixture.searchUrl(department()));
    const links = await searchFor(page, target!.title, 'all');
    expect(links).toContain(target!.url);
    // Scope 本站 keeps to the department: the portal page is gone, the department's own page is found.
    expect(await searchFor(page, target!.title, 'site')).not.toContain(target!.url);
    const ownTarget = entryOf(department().id);
    expect(ownTarget, 'a department entry page in the fixture').toBeDefined();
    const own = await searchFor(page, ownTarget!.title, 'site');
    expect(own).toContain(ownTarget!.url);
    expect(own.every((link) => link.startsWith(department().basePath))).toBe(true);
    await page.close();
  });

  it('finds a Chinese run that crosses a word boundary', async () => {
    // Two characters the word segmenter puts into different multi-character words.
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    let found: { query: string; url: string } | undefined;
    for (const document of documents) {
      if (document.locale !== 'zh-CN' || found) continue;
      const words = [...segmenter.segment(document.text)]
        .filter((part) => part.isWordLike)
        .map((part) => part.segment);
      for (let at = 0; at + 1 < words.length && !found; at += 1) {
        const [left, right] = [words[at]!, words[at + 1]!];
        if (left.length >= 2 && right.length >= 2 && /^\p{Script=Han}+$/u.test(left + right)) {
          // The last character of one word and the first two of the next (or the next whole word).
          const query = left.slice(-1) + right.slice(0, 2);
          if (document.text.includes(left + right)) found = { query, url: document.url };
        }
      }
    }
    expect(found, 'a run across a word boundary in the fixture').toBeDefined();
    const page = await open(`${fixture.searchUrl(portal())}?q=${encodeURIComponent(found!.query)}&scope=all`);
    const links = await results(page);
    expect(links.length).toBeGreaterThan(0);
    // Every result really holds the run (exact matches come first), and the source page is among them.
    const first = await page.$$eval('[data-gc-search-results] li', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(first[0]).toContain(found!.query);
    let all = links;
    while (!all.includes(found!.url) && (await page.locator('[data-gc-search-more]').isVisible())) {
      await page.locator('[data-gc-search-more]').click();
      await page.waitForTimeout(200);
      all = await results(page);
    }
    expect(all).toContain(found!.url);
    // The excerpts show the text as written, the run marked whole.
    const marks = await page.$$eval('[data-gc-search-results] mark', (items) =>
      items.map((item) => item.textContent),
    );
    expect(marks).toContain(found!.query);
    const excerpts = await page.$$eval('.gc-search__hit-excerpt', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(excerpts.join('')).not.toMatch(/\u200b|q[a-z]{8}/);
    // Pagefind's full stops between blocks do not show up between Chinese words.
    expect(excerpts.join('')).not.toMatch(/\p{Script=Han}\.|\.\p{Script=Han}/u);
    await page.close();
  });

  it('narrows results with the site filter', async () => {
    const common = '临江';
    const page = await open(`${fixture.searchUrl(portal())}?q=${common}&scope=all`);
    const everywhere = await results(page);
    expect(
      new Set(
        everywhere.map(
          (link) =>
            fixture.sites.find((site) => site.basePath !== '/' && link.startsWith(site.basePath))?.id ??
            'portal',
        ),
      ).size,
    ).toBeGreaterThan(1);
    await page.selectOption('select[name="site"]', department().id);
    await page.waitForFunction(
      (site) => new URL(location.href).searchParams.get('site') === site,
      department().id,
    );
    const narrowed = await results(page);
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.every((link) => link.startsWith(department().basePath))).toBe(true);
    await page.close();
  });

  it('finds a leader by name with the leader type filter', async () => {
    const leader = documents.find((document) => document.type === 'leader' && document.locale === 'zh-CN');
    expect(leader, 'a leader page in the fixture').toBeDefined();
    const page = await open(
      `${fixture.searchUrl(portal())}?q=${encodeURIComponent(leader!.title)}&scope=all&type=leader`,
    );
    const links = await results(page);
    expect(links).toContain(leader!.url);
    expect(links.every((link) => /\/leaders\/[^/]+\/$/.test(link))).toBe(true);
    await page.close();
  });

  it('finds the English page with an English query', async () => {
    const english = documents.find(
      (document) => document.locale === 'en' && /[A-Za-z]{6,}/.test(document.title),
    );
    expect(english, 'an English page in the fixture').toBeDefined();
    const word = english!.title.match(/[A-Za-z]{6,}/)![0]!;
    const page = await open(fixture.searchUrl(portal(), 'en'));
    const links = await searchFor(page, word.toLowerCase(), 'all');
    expect(links.some((link) => link.startsWith('/en/') || link.includes('/en/'))).toBe(true);
    await page.close();
  });

  it('shows results on load for a shared ?q= URL, with the form filled in', async () => {
    const target = entryOf(department().id)!;
    const query = target.title.slice(0, 4);
    const page = await open(
      `${fixture.searchUrl(portal())}?q=${encodeURIComponent(query)}&scope=all&site=${department().id}`,
    );
    const links = await results(page);
    expect(links.length).toBeGreaterThan(0);
    await expect(page.getByRole('searchbox').inputValue()).resolves.toBe(query);
    await expect(page.locator('select[name="site"]').inputValue()).resolves.toBe(department().id);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/\d/);
    await page.close();
  });

  /** The fixture indexed in shards of 20 pages (with a routing table), built once. */
  let sharded: Promise<string> | undefined;
  const shardedCluster = () => {
    sharded ??= (async () => {
      const dir = path.join(work, 'sharded');
      cpSync(fixture.dist, dir, { recursive: true });
      await indexCluster(dir, { shardSize: 20 });
      return dir;
    })();
    return sharded;
  };
  /** The oldest Chinese entry page with a title of four Han characters or more (not in the newest shard). */
  const oldestPage = () =>
    documents
      .filter(
        (document) =>
          document.locale === 'zh-CN' && document.date !== '' && /\p{Script=Han}{4}/u.test(document.title),
      )
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;

  /** The zh-CN pages that hold a text, in their title or their text. */
  const holding = (text: string) =>
    documents.filter(
      (document) =>
        document.locale === 'zh-CN' && (document.title.includes(text) || document.text.includes(text)),
    );

  /**
   * `count` runs of `length` Han characters from a page's text that no page's title holds, the rarest
   * first (fewest pages holding them).
   */
  const rareBodyRuns = (page: SearchDocument, length: number, count: number): string[] => {
    const runs = new Set<string>();
    for (const match of page.text.matchAll(/\p{Script=Han}+/gu)) {
      const chars = [...match[0]];
      for (let at = 0; at + length <= chars.length; at += 1) runs.add(chars.slice(at, at + length).join(''));
    }
    const titles = documents.map((document) => document.title);
    const picked = [...runs]
      .filter((run) => !titles.some((title) => title.includes(run)))
      .map((run) => ({ run, pages: holding(run).length }))
      .sort((a, b) => a.pages - b.pages || a.run.localeCompare(b.run))
      .slice(0, count)
      .map(({ run }) => run);
    expect(picked, `${count} runs of ${length} characters of ${page.url}`).toHaveLength(count);
    return picked;
  };

  /** The zh-CN pages of the oldest shard (the last), as the manifest counts them, oldest first. */
  const oldestShardPages = async (dir: string) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, searchManifestPath), 'utf8')) as SearchManifest;
    const shards = manifest.locales['zh-CN']!.shards;
    expect(shards.length, 'the fixture in several shards').toBeGreaterThan(2);
    const oldest = shards.at(-1)!;
    return documents
      .filter(
        (document) => document.locale === 'zh-CN' && document.date !== '' && document.date <= oldest.newest,
      )
      .sort((a, b) => a.date.localeCompare(b.date));
  };

  /** A query typed into the portal's search page of the sharded cluster (scope 全站): the first answer. */
  async function firstAnswer(dir: string, query: string): Promise<{ links: string[]; page: Page }> {
    const shardedServer = await serveStatic(dir);
    const page = await browser.newPage();
    page.on('close', () => void shardedServer.close());
    await page.goto(
      `${shardedServer.url}${fixture.searchUrl(portal())}?q=${encodeURIComponent(query)}&scope=all`,
    );
    return { links: await results(page), page };
  }

  it('finds an old page by its whole title first, on the first answer, with every page of that title', async () => {
    const dir = await shardedCluster();
    const old = (await oldestShardPages(dir)).filter((document) =>
      /^\p{Script=Han}{8,}$/u.test(document.title),
    );
    expect(old.length, 'old pages with a long Han title').toBeGreaterThan(0);
    for (const target of old.slice(0, 3)) {
      const { links, page } = await firstAnswer(dir, target.title);
      const same = documents.filter(
        (document) => document.locale === 'zh-CN' && document.title === target.title,
      );
      expect(links.slice(0, same.length).sort(), target.title).toEqual(
        same.map((document) => document.url).sort(),
      );
      await expect(page.locator('[data-gc-search-older]').isVisible()).resolves.toBe(false);
      await page.close();
    }
  });

  it('finds an old page by a title that mixes digits and Han, first', async () => {
    const dir = await shardedCluster();
    const target = (await oldestShardPages(dir)).find((document) =>
      /\p{Script=Han}.*\d|\d.*\p{Script=Han}/u.test(document.title),
    );
    expect(target, 'an old page whose title mixes digits and Han').toBeDefined();
    const { links, page } = await firstAnswer(dir, target!.title);
    expect(links[0]).toBe(target!.url);
    await page.close();
  });

  it('finds a run of seven characters of an old page’s text on the first answer', async () => {
    const dir = await shardedCluster();
    const target = (await oldestShardPages(dir)).find((document) =>
      /\p{Script=Han}{7}/u.test(document.text),
    )!;
    const [run] = rareBodyRuns(target, 7, 1);
    const { links, page } = await firstAnswer(dir, run!);
    expect(links, run).toContain(target.url);
    const texts = await page.$$eval('[data-gc-search-results] li', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(texts.length).toBeGreaterThan(0);
    // The pages that hold the run come first.
    const holds = texts.map((text) => text.includes(run!));
    expect(holds.slice(holds.indexOf(false) >>> 0), run).not.toContain(true);
    await page.close();
  });

  it('searches older shards when the searcher asks for older pages', async () => {
    const shardedServer = await serveStatic(await shardedCluster());
    try {
      const oldest = oldestPage();
      // Two runs of its text that no title holds: a query the routing table does not cover (it routes
      // single Han runs) and the title index cannot answer.
      const query = rareBodyRuns(oldest, 3, 2).join(' ');
      const page = await browser.newPage();
      await page.goto(
        `${shardedServer.url}${fixture.searchUrl(portal())}?q=${encodeURIComponent(query)}&scope=all`,
      );
      const first = await results(page);
      expect(first).not.toContain(oldest.url);
      const older = page.locator('[data-gc-search-older]');
      await expect(older.isVisible()).resolves.toBe(true);
      await expect(page.locator('.gc-search__since').textContent()).resolves.toMatch(/以来发布的网页/);
      await older.click();
      await page.waitForFunction(() =>
        document.querySelector('[data-gc-search-older]')?.hasAttribute('hidden'),
      );
      expect(await results(page)).toContain(oldest.url);
      await expect(page.locator('.gc-search__since').count()).resolves.toBe(0);
      await page.close();
    } finally {
      await shardedServer.close();
    }
  });

  it('finds a rare run in an older shard on the first query, routed there by the table', async () => {
    const dir = await shardedCluster();
    const manifest = JSON.parse(readFileSync(path.join(dir, searchManifestPath), 'utf8')) as SearchManifest;
    const zh = manifest.locales['zh-CN']!;
    expect(zh.shards.length, 'the fixture in several shards').toBeGreaterThan(2);
    expect(zh.routes, 'a routing table').toBeDefined();
    const routes = zh.routes!;
    const entryOfRun = (gram: string) =>
      lookupRoute(
        JSON.parse(
          readFileSync(path.join(dir, routeBucketPath('zh-CN', routeBucket(gram, routes.buckets))), 'utf8'),
        ),
        gram,
      );
    // A run of the oldest page that shard 0 does not hold, routed (within the byte budget) to every
    // shard that holds it.
    const oldest = oldestPage();
    let query: string | undefined;
    const visit = (gram: string) => {
      const entry = entryOfRun(gram);
      if (query || !entry || entry.newest !== 0) return;
      const plan = routedShards(entry, zh.shards, {
        tokens: [...gram].length - 1,
        fixedBytes: routes.fixedBytes,
        pageSize: routes.pageSize,
      });
      if (plan.complete && plan.shards.length > 0) query = gram;
    };
    hanGrams(oldest.title, visit);
    hanGrams(oldest.text, visit);
    expect(query, 'a rare run of the oldest page').toBeDefined();
    const shardedServer = await serveStatic(dir);
    try {
      const page = await browser.newPage();
      await page.goto(
        `${shardedServer.url}${fixture.searchUrl(portal())}?q=${encodeURIComponent(query!)}&scope=all`,
      );
      const first = await results(page);
      // Without routing the first answer would hold only the newest shard's pages.
      expect(first).toContain(oldest.url);
      const texts = await page.$$eval('[data-gc-search-results] li', (items) =>
        items.map((item) => item.textContent ?? ''),
      );
      expect(texts.every((text) => text.includes(query!))).toBe(true);
      // Every page that holds the run was searched: no "older pages" button, no "since".
      await expect(page.locator('[data-gc-search-older]').isVisible()).resolves.toBe(false);
      await expect(page.locator('.gc-search__since').count()).resolves.toBe(0);
      await page.close();
    } finally {
      await shardedServer.close();
    }
  });

  it('says that search needs JavaScript when it is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${fixture.searchUrl(portal())}?q=临江`);
    await expect(page.locator('.gc-search__notice').textContent()).resolves.toMatch(/JavaScript/);
    await context.close();
  });
});
