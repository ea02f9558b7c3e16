/**
 * Meilisearch in the build: a fixture cluster built with MEILI_HOST and MEILI_SEARCH_KEY has search pages
 * configured for Meilisearch (and the Pagefind index as fallback), one built without has none; in
 * Chromium the search page sends a federated multi-search with the search-only key and shows the hits.
 *
 * Meilisearch itself cannot run here: a small HTTP stand-in answers the build's key check (a search-only
 * key is refused on /indexes), and `page.route()` stands in for it in the browser.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCluster } from '../../scripts/src/build-cluster.ts';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { launchChromium } from '../lib/chromium.ts';
import { fixtureBuild, fixtureSnapshot, htmlPages, readPage, repoRoot } from '../site/fixture.ts';

const work = path.join(repoRoot, '.data', 'test-search-meili', String(process.pid));
const searchKey = 'search-only-key-for-tests';

/** Search pages of a built cluster with their `data-meili-*` attributes. */
function searchPageConfigs(dist: string): { url: string; host?: string; key?: string }[] {
  return htmlPages(dist)
    .filter((url) => url.endsWith('/search/'))
    .map((url) => {
      const html = readPage(dist, url);
      return {
        url,
        host: /data-meili-host="([^"]*)"/.exec(html)?.[1],
        key: /data-meili-key="([^"]*)"/.exec(html)?.[1],
      };
    });
}

describe('search pages with Meilisearch configured at build time', { timeout: 60_000 }, () => {
  let standIn: http.Server;
  let meiliHost: string;
  let dist: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    standIn = http.createServer((request, response) => {
      // The admin key may do anything; the search-only key may only search.
      const allowed =
        request.headers.authorization === 'Bearer admin-key' ||
        (request.headers.authorization === `Bearer ${searchKey}` && request.url === '/multi-search');
      response.writeHead(allowed ? 200 : 403, { 'content-type': 'application/json' });
      response.end(allowed ? '{"hits":[]}' : '{"code":"invalid_api_key"}');
    });
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
    meiliHost = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
    mkdirSync(work, { recursive: true });
    dist = path.join(work, 'dist');
    const result = await buildCluster({
      snapshot: await fixtureSnapshot(),
      outDir: dist,
      quiet: true,
      env: { MEILI_HOST: meiliHost, MEILI_SEARCH_KEY: searchKey, MEILI_MASTER_KEY: '' },
    });
    if (!result.ok) throw new Error(`the build with Meilisearch failed:\n${result.log.slice(-4000)}`);
    server = await serveStatic(dist);
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => standIn?.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  it('configures every search page for Meilisearch, and still builds the Pagefind index', () => {
    const pages = searchPageConfigs(dist);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(page, page.url).toMatchObject({ host: meiliHost, key: searchKey });
    expect(existsSync(path.join(dist, 'pagefind', 'search.json'))).toBe(true);
    // The pages' CSP lets them call the search server.
    expect(readFileSync(path.join(dist, 'nginx.conf'), 'utf8')).toContain(`connect-src 'self' ${meiliHost}`);
  });

  it('refuses to build with half a configuration or a key that can do more than search', async () => {
    const snapshot = await fixtureSnapshot();
    const attempt = (env: NodeJS.ProcessEnv) =>
      buildCluster({ snapshot, outDir: path.join(work, 'refused'), quiet: true, env });
    await expect(attempt({ MEILI_HOST: meiliHost, MEILI_SEARCH_KEY: '' })).rejects.toThrow(
      /needs both MEILI_HOST and MEILI_SEARCH_KEY/,
    );
    await expect(attempt({ MEILI_HOST: meiliHost, MEILI_SEARCH_KEY: 'admin-key' })).rejects.toThrow(
      /cannot go into public search pages: it may list indexes/,
    );
    expect(existsSync(path.join(work, 'refused'))).toBe(false);
  });

  it('configures no search page for Meilisearch in a build without it', async () => {
    const plain = await fixtureBuild();
    const pages = searchPageConfigs(plain.dist);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages)
      expect(page, page.url).toEqual({ url: page.url, host: undefined, key: undefined });
  });

  it('sends a federated multi-search with the search-only key and shows the hits', async () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, 'sites.json'), 'utf8')) as {
      sites: { id: string; kind: string; basePath: string }[];
    };
    const department = manifest.sites.find((site) => site.kind === 'department')!;
    const hit = {
      id: 'x',
      url: `${department.basePath}news/meili-stand-in/`,
      site: department.id,
      kind: 'department',
      type: 'article',
      year: '2026',
      date: '2026-03-05',
      locale: 'zh-CN',
      title: '临江市场监管工作会议召开',
      text: '会议部署了临江市场监管重点工作。',
    };
    const page = await browser.newPage();
    const sent: { authorization?: string; body: Record<string, unknown> }[] = [];
    const pagefindRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
    });
    await page.route(`${meiliHost}/multi-search`, async (route) => {
      const request = route.request();
      if (request.method() === 'OPTIONS') {
        await route.fulfill({
          status: 204,
          headers: {
            'access-control-allow-origin': '*',
            'access-control-allow-headers': 'authorization, content-type',
            'access-control-allow-methods': 'POST',
          },
        });
        return;
      }
      sent.push({ authorization: request.headers().authorization, body: request.postDataJSON() });
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ hits: [hit], totalHits: 1 }),
      });
    });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('江市')}&scope=all`);
    const link = page.locator('[data-gc-search-results] a').first();
    await expect(link.getAttribute('href', { timeout: 20_000 })).resolves.toBe(hit.url);
    await expect(link.textContent()).resolves.toBe(hit.title);
    await expect(page.locator('[data-gc-search-results] mark').first().textContent()).resolves.toBe('江市');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.authorization).toBe(`Bearer ${searchKey}`);
    expect(sent[0]!.body).toMatchObject({
      federation: { offset: 0, limit: 10 },
      queries: [
        { indexUid: 'govcluster-zh-cn', attributesToSearchOn: expect.arrayContaining(['titleBigrams']) },
      ],
    });
    expect(pagefindRequests).toEqual([]);
    await page.close();
  });
});
