/**
 * The search page in Chromium over the fixture cluster: a query on one site finds another site's page,
 * a Chinese run across a word boundary is found, the site filter narrows, an English query finds the
 * English page, a shared `?q=` URL shows results on load, and in a cluster indexed in recency shards a
 * query searches the newest shard until the searcher asks for older pages, unless the routing table
 * sends a rare run to the older shards that hold it; and what searchers of the demo city met (issue 15):
 * no result listed twice, numbers matched whole, copies shown once, filters that reach older shards,
 * excerpts from the body only.
 * Long on purpose: every case drives one Chromium over the same prepared clusters (the searchable
 * fixture, the sharded one, the seeded one), which take longer to build than the cases take to run;
 * split, each file would build and index them again.
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  hanGrams,
  lookupRoute,
  routeBucket,
  routeBucketPath,
  type SearchDocument,
  type SearchManifest,
  searchManifestPath,
} from '@govcluster/shared/search';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCluster, indexDocuments, shardByRecency } from '../../scripts/src/index-search.ts';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { clusterDocuments } from '../../scripts/src/search/cluster-documents.ts';
import { testDocument } from '../../scripts/src/search/test-documents.ts';
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

  it('answers a question that no page holds as typed with the pages that hold its words, saying so', async () => {
    const guide = documents.find(
      (document) =>
        document.locale === 'zh-CN' &&
        document.type === 'serviceGuide' &&
        /^\p{Script=Han}{4,}$/u.test(document.title),
    );
    expect(guide, 'a service guide with a title of Han characters only').toBeDefined();
    // As a citizen asks it: the guide's name inside a question that no page holds.
    const question = `请问${guide!.title}需要什么材料`;
    expect(holding(question)).toEqual([]);
    const page = await open(fixture.searchUrl(portal()));
    const links = await searchFor(page, question, 'all');
    // First: the guide, or a copy of it on another site (the same guide under the same name).
    const titleOf = (url: string) => documents.find((document) => document.url === url)?.title;
    expect(titleOf(links[0] ?? ''), `${question}: ${links.join(' ')}`).toBe(guide!.title);
    const status = await page.locator('[data-gc-search-status]').textContent();
    expect(status).toContain(`没有网页包含“${question}”原文`);
    expect(status).not.toMatch(/未找到/);
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
  const rareRuns = (page: SearchDocument, length: number, count: number): string[] => {
    const runs = new Set<string>();
    for (const match of page.text.matchAll(/\p{Script=Han}+/gu)) {
      const chars = [...match[0]];
      for (let at = 0; at + length <= chars.length; at += 1) runs.add(chars.slice(at, at + length).join(''));
    }
    const titles = documents.map((document) => document.title);
    return [...runs]
      .filter((run) => !titles.some((title) => title.includes(run)))
      .map((run) => ({ run, pages: holding(run).length }))
      .sort((a, b) => a.pages - b.pages || a.run.localeCompare(b.run))
      .slice(0, count)
      .map(({ run }) => run);
  };

  /** The same, asserting that the page has `count` such runs. */
  const rareBodyRuns = (page: SearchDocument, length: number, count: number): string[] => {
    const picked = rareRuns(page, length, count);
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
  async function firstAnswer(
    dir: string,
    query: string,
  ): Promise<{ links: string[]; page: Page; requested: string[] }> {
    const shardedServer = await serveStatic(dir);
    const page = await browser.newPage();
    page.on('close', () => void shardedServer.close());
    // Every request, the Pagefind worker's too (the page's resource timing does not list those).
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(
      `${shardedServer.url}${fixture.searchUrl(portal())}?q=${encodeURIComponent(query)}&scope=all`,
    );
    return { links: await results(page), page, requested };
  }

  it('finds an old page by its whole title first, on the first answer, without searching older shards', async () => {
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
      // First a page of that title (copies of one page are shown once, the newest).
      expect(
        same.map((document) => document.url),
        target.title,
      ).toContain(links[0]);
      // Found by the title index, never by searching the older shards' full text on the first answer
      // (their metadata and index chunks; fragments of pages the routing table lists may load).
      const loaded = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
      );
      expect(
        loaded.filter((path) => /\/pagefind\/zh-CN\/[1-9]\d*\/(?!fragment\/)/.test(path)),
        target.title,
      ).toEqual([]);
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
    // A run that page alone holds: where a newer page holds the same text (the portal's copy of a
    // department's guide), the first answer rightly shows the newer one.
    const target = (await oldestShardPages(dir)).find((document) => {
      const [rarest] = rareRuns(document, 7, 1);
      return rarest !== undefined && holding(rarest).length === 1;
    });
    expect(target, 'an old page with a run of seven characters that no other page holds').toBeDefined();
    const [run] = rareBodyRuns(target!, 7, 1);
    const { links, page } = await firstAnswer(dir, run!);
    expect(links, run).toContain(target?.url);
    const texts = await page.$$eval('[data-gc-search-results] li', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(texts.length).toBeGreaterThan(0);
    // The pages that hold the run come first.
    const holds = texts.map((text) => text.includes(run!));
    expect(holds.slice(holds.indexOf(false) >>> 0), run).not.toContain(true);
    await page.close();
  });

  it('finds an old page by a rare word and a common one on the first answer, routed by the rare one', async () => {
    const dir = await shardedCluster();
    /** The page's most common run of two Han characters: one the newest shard holds many times. */
    const commonPair = (document: SearchDocument) =>
      bodyPairs(document)
        .map((pair) => ({ pair, pages: holding(pair).length }))
        .sort((a, b) => b.pages - a.pages || a.pair.localeCompare(b.pair))[0];
    const target = (await oldestShardPages(dir)).find((document) => {
      const [rare] = rareRuns(document, 3, 1);
      return rare !== undefined && holding(rare).length === 1 && (commonPair(document)?.pages ?? 0) >= 20;
    });
    expect(target, 'an old page with a run no other page holds and a pair that twenty hold').toBeDefined();
    const [rare] = rareBodyRuns(target!, 3, 1);
    // As people type it: the thing they look for and a common word beside it.
    const query = `${rare} ${commonPair(target!)!.pair}`;
    const { links, page, requested } = await firstAnswer(dir, query);
    // First, on the first answer: pages that hold only the common word follow it.
    expect(links[0], `${query}: ${links.join(' ')}`).toBe(target?.url);
    // Of the older shards, only the one the rare word is routed to was loaded, not every shard as when
    // the page has to search older pages because the newest hold no page with both words.
    const olderShards = new Set(
      requested.flatMap((loaded) => /\/pagefind\/zh-CN\/([1-9]\d*)\/(?!fragment\/)/.exec(loaded)?.[1] ?? []),
    );
    expect([...olderShards], query).toHaveLength(1);
    await page.close();
  });

  /** Runs of two Han characters of a page's text that no title holds. */
  const bodyPairs = (page: SearchDocument): string[] => {
    const runs = new Set<string>();
    for (const match of page.text.matchAll(/\p{Script=Han}+/gu)) {
      const chars = [...match[0]];
      for (let at = 0; at + 2 <= chars.length; at += 1) runs.add(chars.slice(at, at + 2).join(''));
    }
    return [...runs].filter((run) => !documents.some((document) => document.title.includes(run))).sort();
  };

  /** What the sharded cluster's routing table says of a run of 2–4 Han characters (zh-CN). */
  const routeOf = (dir: string, gram: string) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, searchManifestPath), 'utf8')) as SearchManifest;
    const routes = manifest.locales['zh-CN']!.routes!;
    const bucket = path.join(dir, routeBucketPath('zh-CN', routeBucket(gram, routes.buckets)));
    return lookupRoute(JSON.parse(readFileSync(bucket, 'utf8')), gram);
  };
  /** Whether a query of these runs is routed nowhere: the table lists none of them completely. */
  const unrouted = (dir: string, ...grams: string[]) =>
    grams.every((gram) => routeOf(dir, gram)?.complete !== true);

  it('searches older shards when the searcher asks for older pages', async () => {
    const dir = await shardedCluster();
    const manifest = JSON.parse(readFileSync(path.join(dir, searchManifestPath), 'utf8')) as SearchManifest;
    const newestSince = manifest.locales['zh-CN']!.shards[0]!.oldest;
    const oldest = oldestPage();
    // Two runs of its text (a query the routing table and the title index do not answer) that a few
    // newest pages hold too: the first answer has results, and the oldest page only after the button.
    const pairs = bodyPairs(oldest).filter((pair) => unrouted(dir, pair));
    let query: string | undefined;
    for (const a of pairs) {
      for (const b of pairs) {
        if (query || a >= b) continue;
        const both = holding(a).filter((document) => holding(b).includes(document));
        const newest = both.filter((document) => document.date >= newestSince);
        if (newest.length > 0 && both.length <= 8) query = `${a} ${b}`;
      }
    }
    expect(query, 'two runs of the oldest page that newest pages hold too').toBeDefined();
    const shardedServer = await serveStatic(dir);
    try {
      const page = await browser.newPage();
      await page.goto(
        `${shardedServer.url}${fixture.searchUrl(portal())}?q=${encodeURIComponent(query!)}&scope=all`,
      );
      const first = await results(page);
      expect(first.length).toBeGreaterThan(0);
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

  it('searches older pages without a second action when the newest hold nothing, never saying nothing was found', async () => {
    const dir = await shardedCluster();
    const manifest = JSON.parse(readFileSync(path.join(dir, searchManifestPath), 'utf8')) as SearchManifest;
    const newestSince = manifest.locales['zh-CN']!.shards[0]!.oldest;
    // An old page with two runs of its text that no newer page holds and that the table does not route
    // (held by more older pages than a page of results), in no title, in no page of the newest shard.
    const old = (await oldestShardPages(dir)).filter(
      (document) => !documents.some((other) => other !== document && other.title === document.title),
    );
    const oldOnly = (run: string) =>
      holding(run).every((document) => document.date < newestSince) && unrouted(dir, run);
    let query: string | undefined;
    const oldest = old.find((document) => {
      const runs = bodyPairs(document).filter(oldOnly);
      query = runs.length >= 2 ? `${runs[0]} ${runs[1]}` : undefined;
      return query !== undefined;
    })!;
    expect(query, 'an old page with two unrouted runs no newer page holds').toBeDefined();
    const shardedServer = await serveStatic(dir);
    try {
      const page = await browser.newPage();
      const said: string[] = [];
      await page.exposeFunction('gcStatus', (text: string) => said.push(text));
      await page.addInitScript(() => {
        new MutationObserver(() => {
          const status = document.querySelector('[data-gc-search-status]');
          if (status)
            (window as unknown as { gcStatus: (text: string) => void }).gcStatus(status.textContent ?? '');
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      await page.goto(
        `${shardedServer.url}${fixture.searchUrl(portal())}?q=${encodeURIComponent(query!)}&scope=all`,
      );
      await page.waitForFunction(() => document.querySelectorAll('[data-gc-search-results] a').length > 0);
      expect(await results(page)).toContain(oldest.url);
      expect(
        said.some((text) => /未找到与/.test(text)),
        said.join(' | '),
      ).toBe(false);
      expect(
        said.some((text) => /正在检索更早发布的网页/.test(text)),
        said.join(' | '),
      ).toBe(true);
      await page.close();
    } finally {
      await shardedServer.close();
    }
  });

  it('finds a rare run in an older shard on the first query by the pages the table lists, no older shard searched', async () => {
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
    // A run of the oldest page that shard 0 does not hold, whose every page the table lists.
    const oldest = oldestPage();
    let query: string | undefined;
    const visit = (gram: string) => {
      const entry = entryOfRun(gram);
      if (query || !entry || entry.newest !== 0 || !entry.pagesComplete) return;
      if ((entry.pages?.length ?? 0) > 1) query = gram;
    };
    hanGrams(oldest.title, visit);
    hanGrams(oldest.text, visit);
    expect(query, 'a rare run of the oldest page').toBeDefined();
    const shardedServer = await serveStatic(dir);
    try {
      const page = await browser.newPage();
      // Every request, the Pagefind worker's too (the page's resource timing does not list those).
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
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
      // The older pages were loaded by their fragments: no older shard's metadata or index chunks.
      const loaded = requested;
      expect(
        loaded.filter((path) => /\/pagefind\/zh-CN\/[1-9]\d*\/(?!fragment\/)/.test(path)),
        query,
      ).toEqual([]);
      expect(
        loaded.filter((path) => /\/pagefind\/zh-CN\/[1-9]\d*\/fragment\//.test(path)).length,
      ).toBeGreaterThan(0);
      await page.close();
    } finally {
      await shardedServer.close();
    }
  });

  /** The result links as listed, waiting until the list has settled. */
  async function listed(page: Page): Promise<string[]> {
    await page.waitForTimeout(300);
    return results(page);
  }

  it('never lists a result twice: scope click then 搜索, Enter, 加载更多, back', async () => {
    // The sharded cluster: a query looks up its routes first, the timing in which the demo city showed
    // every result twice.
    const shardedServer = await serveStatic(await shardedCluster());
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('[search] page error:', error.message));
    // A first query loads the engine; the next ones reach the results while a click starts another.
    await page.goto(`${shardedServer.url}${fixture.searchUrl(department())}?q=${encodeURIComponent('临江')}`);
    await listed(page);
    // Slow result downloads, so that the search a scope click starts still runs when 搜索 starts another.
    await page.route('**/pagefind/**/fragment/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    const target = entryOf(portal().id)!;
    await page.getByRole('searchbox').fill(target.title);
    await page.getByRole('radio', { name: /全站/ }).check();
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    const first = await listed(page);
    expect(first).toContain(target.url);
    expect(first.length).toBe(new Set(first).size);
    await page.getByRole('radio', { name: /本站/ }).check();
    await page.getByRole('radio', { name: /全站/ }).check();
    await page.getByRole('searchbox').press('Enter');
    await page.getByRole('searchbox').press('Enter');
    const again = await listed(page);
    expect(again).toEqual(first);
    // A common query, paged through with 加载更多 (clicked twice in a row).
    await page.getByRole('searchbox').fill('临江');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await listed(page);
    const more = page.locator('[data-gc-search-more]');
    for (let round = 0; round < 3 && (await more.isVisible()); round += 1) {
      // The second click of the round before may still be loading and find the last page: the button
      // then hides before this click reaches it.
      if (
        !(await more.click({ timeout: 5000 }).then(
          () => true,
          () => false,
        ))
      )
        break;
      await more.click({ timeout: 500 }).catch(() => undefined);
      const links = await listed(page);
      expect(links.length).toBe(new Set(links).size);
    }
    await page.goBack();
    const back = await listed(page);
    expect(back.length).toBe(new Set(back).size);
    await page.close();
    await shardedServer.close();
  });

  /** The fixture with pages a searcher of the demo city met, indexed with the fixture's own. */
  let seeded: Promise<string> | undefined;
  const seededPage = (
    url: string,
    title: string,
    text: string,
    date: string,
    type: SearchDocument['type'] = 'article',
  ) => testDocument({ url, title, text, date, type });
  const seededPages: SearchDocument[] = [
    seededPage(
      '/news/meeting-24a/',
      '市长主持召开市政府第24次常务会议',
      '会议研究部署了防汛抗旱工作。',
      '2026-03-02',
    ),
    seededPage(
      '/news/meeting-24b/',
      '市长主持召开市政府第24次常务会议',
      '会议审议了城市更新方案。',
      '2026-03-03',
    ),
    seededPage(
      '/news/meeting-12/',
      '市长主持召开市政府第12次常务会议',
      '会议听取第一季度经济运行情况汇报。3月24日，索引号11530100/2024-00024。',
      '2026-11-24',
    ),
    seededPage(
      '/news/meeting-240/',
      '市长主持召开市政府第240次常务会议',
      '会议研究了有关事项。',
      '2026-11-25',
    ),
    ...Array.from({ length: 8 }, (_, index) =>
      seededPage(
        `/letters/allowance-${index}/`,
        '老人高龄津贴什么时候发放',
        `我母亲今年满八十周岁，想领高龄津贴。答复日期2026-0${index + 1}-1${index}。您好！年满80周岁的老年人可申领高龄津贴，审核通过后次月起按月发放。`,
        `2026-0${index + 1}-1${index}`,
        'letter',
      ),
    ),
    // A policy longer than a page part (3,000 characters): its first part speaks of 沙棘果脯, its last
    // of 桐油纸伞, no part of both (docs/adr/0040).
    seededPage(
      '/policies/heritage-crafts/',
      '非遗手工艺保护办法',
      [
        '第一条 鼓励沙棘果脯传统制作技艺的传承和发展。',
        ...Array.from(
          { length: 40 },
          (_, at) =>
            `第${at + 2}条 各级人民政府应当加强对非物质文化遗产保护工作的领导，将保护、保存工作纳入本级国民经济和社会发展规划，所需经费列入本级财政预算，并定期组织检查评估。`,
        ),
        '第四十二条 扶持桐油纸伞作坊开展研学体验活动。',
      ].join('\n'),
      '2026-05-01',
      'policy',
    ),
    seededPage(
      '/services/allowance/',
      '高龄津贴申领',
      '办理条件：具有本市户籍、年满八十周岁的老年人。申请材料：居民身份证。',
      '2024-06-07',
      'serviceGuide',
    ),
  ];
  const seededCluster = () => {
    seeded ??= (async () => {
      const dir = path.join(work, 'seeded');
      cpSync(fixture.dist, dir, { recursive: true });
      await indexDocuments([...documents, ...seededPages], dir);
      return dir;
    })();
    return seeded;
  };

  it('finds 第24次常务会议 as written first, and no 第240次 or scattered 2 and 4', async () => {
    const seededServer = await serveStatic(await seededCluster());
    try {
      const page = await browser.newPage();
      await page.goto(
        `${seededServer.url}${fixture.searchUrl(portal())}?q=${encodeURIComponent('第24次常务会议')}&scope=all`,
      );
      const links = await results(page);
      expect(links.slice(0, 2).sort()).toEqual(['/news/meeting-24a/', '/news/meeting-24b/']);
      expect(links).not.toContain('/news/meeting-240/');
      const titles = await page.$$eval('.gc-search__hit-title', (items) =>
        items.map((item) => item.textContent),
      );
      expect(titles.slice(0, 2)).toEqual([
        '市长主持召开市政府第24次常务会议',
        '市长主持召开市政府第24次常务会议',
      ]);
      await expect(page.locator('.gc-search__hit-title mark').first().textContent()).resolves.toBe(
        '第24次常务会议',
      );
      // A number on its own is the number, not a longer one.
      await page.goto(`${seededServer.url}${fixture.searchUrl(portal())}?q=24&scope=all`);
      const numbers = await results(page);
      expect(numbers).toContain('/news/meeting-24a/');
      expect(numbers).not.toContain('/news/meeting-240/');
      await page.close();
    } finally {
      await seededServer.close();
    }
  });

  it('shows copies of one page once, the newest, and the service guide on the first page', async () => {
    const seededServer = await serveStatic(await seededCluster());
    try {
      const page = await browser.newPage();
      await page.goto(
        `${seededServer.url}${fixture.searchUrl(portal())}?q=${encodeURIComponent('高龄津贴')}&scope=all`,
      );
      const links = await results(page);
      expect(links.filter((link) => link.startsWith('/letters/allowance-'))).toEqual([
        '/letters/allowance-7/',
      ]);
      expect(links).toContain('/services/allowance/');
      await page.close();
    } finally {
      await seededServer.close();
    }
  });

  it('finds a long page whose words are in different parts, once, with the excerpt of a part that holds one', async () => {
    const seededServer = await serveStatic(await seededCluster());
    try {
      const page = await browser.newPage();
      await page.goto(
        `${seededServer.url}${fixture.searchUrl(portal())}?q=${encodeURIComponent('沙棘果脯 桐油纸伞')}&scope=all`,
      );
      expect(await results(page)).toEqual(['/policies/heritage-crafts/']);
      await expect(page.locator('.gc-search__hit-title').textContent()).resolves.toBe('非遗手工艺保护办法');
      const marked = await page.$$eval('.gc-search__hit-excerpt mark', (items) =>
        items.map((item) => item.textContent),
      );
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.every((text) => text === '沙棘果脯' || text === '桐油纸伞')).toBe(true);
      await page.close();
    } finally {
      await seededServer.close();
    }
  });

  it('finds a page of this site and type on the first query though the newest shard holds none', async () => {
    const dir = await shardedCluster();
    const zh = documents.filter((document) => document.locale === 'zh-CN');
    const shards = shardByRecency(zh, 20);
    const held = new Set(shards[0]!.map((document) => `${document.site} ${document.type}`));
    // Newer shards hold a page of results with the run: the routing table sends it no further.
    const common = (run: string) =>
      shards
        .slice(0, -1)
        .flat()
        .filter((document) => `${document.title}${document.text}`.includes(run)).length >= 10;
    // An entry page of the oldest shard whose site and type the newest shard lacks, and a common run it holds.
    let found: { document: SearchDocument; query: string } | undefined;
    for (const document of shards.at(-1)!) {
      if (found || document.type === 'page' || held.has(`${document.site} ${document.type}`)) continue;
      const query = ['临江', '工作', '服务', '政府'].find(
        (run) => document.text.includes(run) && common(run),
      );
      if (query) found = { document, query };
    }
    expect(found, 'an older page of a site and type the newest shard lacks').toBeDefined();
    const site = fixture.sites.find((candidate) => candidate.id === found!.document.site)!;
    const shardedServer = await serveStatic(dir);
    try {
      const page = await browser.newPage();
      await page.goto(`${shardedServer.url}${fixture.searchUrl(site)}`);
      await page.getByRole('searchbox').fill(found!.query);
      await page.getByRole('radio', { name: /本站/ }).check();
      await page.selectOption('select[name="type"]', found!.document.type);
      await page.getByRole('button', { name: '搜索', exact: true }).click();
      const links = await listed(page);
      const all = [...links];
      while (
        !all.includes(found!.document.url) &&
        (await page.locator('[data-gc-search-more]').isVisible())
      ) {
        await page.locator('[data-gc-search-more]').click();
        all.splice(0, all.length, ...(await listed(page)));
      }
      expect(all).toContain(found!.document.url);
      await page.close();
    } finally {
      await shardedServer.close();
    }
  });

  it('takes excerpts from the body, never from a policy’s catalogue, an image description or a guide’s 在线办理 and 事项名称', async () => {
    const policy = documents.find((document) => document.type === 'policy' && document.locale === 'zh-CN')!;
    expect(policy, 'a policy page in the fixture').toBeDefined();
    const page = await open(
      `${fixture.searchUrl(portal())}?q=${encodeURIComponent(policy.title)}&scope=all&type=policy`,
    );
    const links = await results(page);
    expect(links).toContain(policy.url);
    const excerpts = await page.$$eval('.gc-search__hit-excerpt', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(excerpts.length).toBeGreaterThan(0);
    for (const text of excerpts) expect(text).not.toMatch(/索引号|发文机关|成文日期|政府信息公开目录/);
    // An image's description finds its page; the excerpt is the page's text.
    const pictured = documents.find(
      (document) =>
        document.locale === 'zh-CN' &&
        /<img[^>]+alt="[^"]+"/.test(
          readFileSync(path.join(fixture.dist, document.url, 'index.html'), 'utf8'),
        ),
    )!;
    const alt = /<img[^>]+alt="([^"]+)"/.exec(
      readFileSync(path.join(fixture.dist, pictured.url, 'index.html'), 'utf8'),
    )![1]!;
    await page.goto(`${server.url}${fixture.searchUrl(portal())}?q=${encodeURIComponent(alt)}&scope=all`);
    expect(await results(page)).toContain(pictured.url);
    const shown = await page
      .locator('.gc-search__hit', { has: page.locator(`a[href="${pictured.url}"]`) })
      .locator('.gc-search__hit-excerpt')
      .textContent();
    expect(shown).not.toContain(alt);
    // A service guide's excerpt is its guide text: neither the 在线办理 button nor 事项名称, which repeats its title.
    const guide = documents.find(
      (document) =>
        document.type === 'serviceGuide' &&
        document.locale === 'zh-CN' &&
        readFileSync(path.join(fixture.dist, document.url, 'index.html'), 'utf8').includes(
          'gc-service-guide__online',
        ),
    )!;
    expect(guide, 'a service guide with 在线办理 in the fixture').toBeDefined();
    await page.goto(
      `${server.url}${fixture.searchUrl(portal())}?q=${encodeURIComponent(guide.title)}&scope=all&type=serviceGuide`,
    );
    expect(await results(page)).toContain(guide.url);
    const guideExcerpt = await page
      .locator('.gc-search__hit', { has: page.locator(`a[href="${guide.url}"]`) })
      .locator('.gc-search__hit-excerpt')
      .textContent();
    expect(guideExcerpt?.trim()).not.toBe('');
    expect(guideExcerpt).not.toMatch(/在线办理|事项名称/);
    await page.close();
  });

  it('says that search needs JavaScript when it is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${fixture.searchUrl(portal())}?q=临江`);
    await expect(page.locator('.gc-search__notice').textContent()).resolves.toMatch(/JavaScript/);
    await context.close();
  });
});
