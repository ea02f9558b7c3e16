/**
 * The Chromium harness of `bench:search`: a visitor's path through each engine's own search page, with
 * a cold cache for every query. Ours is the cluster's search page (`<locale>/search/?q=…&scope=all`):
 * its first answer searches the newest shard and the shards the routing table names; the visitor then
 * presses "older pages" (更早的网页) when the page offers it. The default is Pagefind's own search UI
 * over Pagefind's default indexing of the same pages, whose first answer searches everything. Last, the
 * visitor types a next query into the same page (a warm engine: its code and metadata already loaded),
 * to time an answer after the first query.
 */
import type { Browser, Page } from 'playwright-core';

/** The two engines. */
export type Engine = 'ours' | 'default';

/** What the visitor saw and what the browser downloaded for one answer. */
export interface Answer {
  /** The first ten result links (URL paths), in order. */
  top: string[];
  /**
   * From opening the search page to the settled answer (the first answer), or from pressing "older
   * pages" (the older answer), as Node sees it: CDP round trips included.
   */
  ms: number;
  /** Bytes of every request but the HTML page itself, since the page was opened (cumulative). */
  bytes: number;
  requests: number;
  /** Shard metadata (`pagefind-entry.json`, `*.pf_meta`) among `bytes`. */
  metaBytes: number;
  /** Index chunks (`*.pf_index`) among `bytes`. */
  chunkBytes: number;
  /** Fragments (`*.pf_fragment`: a result's stored text and meta) among `bytes`. */
  fragmentBytes: number;
  /** Distinct index folders whose metadata was loaded (shards for ours; 1 for the default). */
  shards: number;
}

/** One query as a visitor runs it: the first answer, and the answer after "older pages" if offered. */
export interface Visit {
  first: Answer;
  /** Whether the first answer offered older pages. */
  olderOffered: boolean;
  /** The answer once the visitor asked for older pages (absent when not offered). */
  older?: Answer;
  /**
   * The answer to the next query typed into the same page after the first (and older) answer, timed
   * from submitting it (absent when no next query was given).
   */
  next?: Answer;
}

/** Counts what a page downloads, until the network has been quiet for half a second. */
function meter(page: Page) {
  const totals = { bytes: 0, requests: 0, metaBytes: 0, chunkBytes: 0, fragmentBytes: 0 };
  const shardDirs = new Set<string>();
  const pending: Promise<void>[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  page.on('request', () => {
    inFlight += 1;
    lastActivity = performance.now();
  });
  page.on('requestfailed', () => {
    inFlight -= 1;
    lastActivity = performance.now();
  });
  page.on('requestfinished', (request) => {
    inFlight -= 1;
    lastActivity = performance.now();
    if (request.resourceType() === 'document') return;
    pending.push(
      request.sizes().then((sizes) => {
        const size = sizes.responseBodySize + sizes.responseHeadersSize;
        const url = new URL(request.url()).pathname;
        totals.bytes += size;
        totals.requests += 1;
        if (/(?:\.pf_meta|pagefind-entry\.json)$/.test(url)) {
          totals.metaBytes += size;
          shardDirs.add(url.slice(0, url.lastIndexOf('/')));
        }
        if (url.endsWith('.pf_index')) totals.chunkBytes += size;
        if (url.endsWith('.pf_fragment')) totals.fragmentBytes += size;
      }),
    );
  });
  return {
    async idle(): Promise<void> {
      const until = performance.now() + 15_000;
      while ((inFlight > 0 || performance.now() - lastActivity < 500) && performance.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 100));
      await Promise.all(pending);
    },
    snapshot(top: string[], ms: number): Answer {
      return { top, ms, ...totals, shards: Math.max(1, shardDirs.size) };
    },
  };
}

/** The result links of our search page once its status has settled. */
async function ourAnswer(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-gc-search-status]');
    const list = document.querySelector('[data-gc-search-results]');
    const strings = JSON.parse(document.querySelector('[data-gc-search-strings]')?.textContent ?? '{}') as {
      loading?: string;
    };
    return (
      Boolean(status?.textContent) &&
      !list?.hasAttribute('aria-busy') &&
      status?.textContent !== strings.loading
    );
  });
  return linkPaths(page, '[data-gc-search-results] > li a');
}

/** The result links of Pagefind's UI once every shown result has loaded its data. */
async function defaultAnswer(page: Page, query: string): Promise<string[]> {
  // Pagefind's "searching" message ends in an ellipsis in every locale; its answer names the term.
  await page.waitForFunction((term) => {
    const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
    const results = document.querySelectorAll('.pagefind-ui__result').length;
    const loaded = document.querySelectorAll('.pagefind-ui__result-link').length;
    return message.includes(term) && !/\.\.\.|…/.test(message) && results === loaded;
  }, query);
  return linkPaths(page, '.pagefind-ui__result-link');
}

/** The URL paths of the first ten links matching a selector. */
async function linkPaths(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page
    .locator(selector)
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs.slice(0, 10).map((href) => decodeURI(new URL(href).pathname));
}

/** The URL of a locale's search page of each engine, relative to its origin. */
export function searchPagePath(engine: Engine, locale: string, query: string): string {
  const prefix = locale === 'zh-CN' ? '/' : `/${locale}/`;
  return engine === 'ours'
    ? `${prefix}search/?q=${encodeURIComponent(query)}&scope=all`
    : `/default-ui/${locale}/`;
}

/** Types a query into an open search page of an engine and waits for its settled answer. */
async function typeQuery(page: Page, engine: Engine, query: string): Promise<string[]> {
  if (engine === 'ours') {
    await page.locator('[data-gc-search-form] input[name="q"]').fill(query);
    // Submitting marks the list busy at once, so the wait below cannot read the previous answer.
    await page.locator('[data-gc-search-form]').evaluate((form) => (form as HTMLFormElement).requestSubmit());
    return ourAnswer(page);
  }
  await page.locator('.pagefind-ui__search-input').fill(query);
  return defaultAnswer(page, query);
}

/**
 * Runs one query as a visitor with a cold cache (a new browser context): the first answer, older pages
 * when offered, then `next` (when given) typed into the same page.
 */
export async function visit(
  browser: Browser,
  origin: string,
  engine: Engine,
  query: string,
  locale: string,
  next?: string,
): Promise<Visit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const metered = meter(page);
    const started = performance.now();
    const seen: Visit = { first: metered.snapshot([], 0), olderOffered: false };
    await page.goto(`${origin}${searchPagePath(engine, locale, query)}`);
    if (engine === 'ours') {
      const top = await ourAnswer(page);
      const ms = performance.now() - started;
      await metered.idle();
      seen.first = metered.snapshot(top, ms);
      const button = page.locator('[data-gc-search-older]');
      if (await button.isVisible()) {
        seen.olderOffered = true;
        const olderStarted = performance.now();
        await button.click();
        await page.waitForFunction(() =>
          document.querySelector('[data-gc-search-older]')?.hasAttribute('hidden'),
        );
        const olderTop = await ourAnswer(page);
        const olderMs = performance.now() - olderStarted;
        await metered.idle();
        seen.older = metered.snapshot(olderTop, olderMs);
      }
    } else {
      await page.locator('.pagefind-ui__search-input').waitFor();
      const top = await typeQuery(page, engine, query);
      const ms = performance.now() - started;
      await metered.idle();
      seen.first = metered.snapshot(top, ms);
    }
    if (next !== undefined && next !== query) {
      const nextStarted = performance.now();
      const nextTop = await typeQuery(page, engine, next);
      const nextMs = performance.now() - nextStarted;
      await metered.idle();
      seen.next = metered.snapshot(nextTop, nextMs);
    }
    return seen;
  } finally {
    await context.close();
  }
}
