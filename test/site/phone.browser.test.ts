/**
 * Every template on a 390 px phone, in Chromium, in the normal and the elder-friendly mode: the page
 * never scrolls sideways, and the first screen shows the page's title and the start of its content
 * (issue 16: the policy catalogue was 431 px wide, and in elder-friendly mode the whole first screen
 * was header and menus).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { axeRun } from '../lib/axe.ts';
import { launchChromium } from '../lib/chromium.ts';
import { fixtureBuild } from './fixture.ts';

const phone = { width: 390, height: 844 };

/** One page per template of the fixture city, and the investor homes. */
const pages = {
  home: '/',
  listing: '/news/',
  policy: '/policies/portal-policy-0001/',
  'service guide': '/services/portal-service-001/',
  'investment project': '/investment/portal-project-001/',
  village: '/xz/baisha-town/villages/taiyan/',
  leader: '/leaders/portal-leader-01/',
  'department home': '/bm/fgw/',
  'English home': '/en/',
  'Russian home': '/ru/',
  'investor contacts (en)': '/en/investment/contacts/',
  'English 404': '/en/404.html',
} as const;

let server: StaticServer;
let browser: Browser;

/** What the first screen of a page shows on a phone. */
async function firstScreen(url: string, elder: boolean) {
  const context = await browser.newContext({ viewport: phone });
  if (elder) await context.addInitScript(() => localStorage.setItem('gc-elder', '1'));
  const page = await context.newPage();
  const response = await page.goto(server.url + url);
  expect(response?.status(), url).toBe(200);
  const seen = await page.evaluate(() => {
    const title = document.querySelector('main h1');
    // The first block after the title that holds text: the start of the content.
    let content: Element | null = title?.nextElementSibling ?? null;
    while (content && !content.textContent?.trim()) content = content.nextElementSibling;
    return {
      elder: document.documentElement.classList.contains('gc-elder'),
      pageWidth: document.documentElement.scrollWidth,
      titleBottom: title?.getBoundingClientRect().bottom ?? Number.POSITIVE_INFINITY,
      contentTop: content?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY,
      wide: [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((element) => !element.closest('.gc-nav__list, .gc-table'))
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
    };
  });
  const violations = (await axeRun(page)).map((violation) => `${violation.id}: ${violation.help}`);
  await context.close();
  return { ...seen, violations };
}

describe('templates on a phone', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const fixture = await fixtureBuild();
    server = await serveStatic(fixture.dist);
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('English and Russian homes: no empty block, links to Chinese-only sites marked as Chinese', async () => {
    for (const url of ['/en/', '/ru/']) {
      const page = await browser.newPage();
      await page.goto(server.url + url);
      const seen = await page.evaluate(() => ({
        blocks: [...document.querySelectorAll('main .gc-block')].map((block) => ({
          title: block.querySelector('h2')?.textContent?.trim() ?? '',
          links: block.querySelectorAll('li a').length,
        })),
        chineseOnly: [...document.querySelectorAll<HTMLAnchorElement>('main a[hreflang="zh-CN"]')].map(
          (link) => link.querySelector('.gc-lang-marker')?.textContent ?? '',
        ),
      }));
      await page.close();
      expect(seen.blocks.length, url).toBeGreaterThan(0);
      expect(
        seen.blocks.filter((block) => block.links === 0),
        `${url}: empty blocks`,
      ).toEqual([]);
      expect(seen.chineseOnly.length, `${url}: Chinese-only sites linked`).toBeGreaterThan(0);
      expect(
        seen.chineseOnly.every((marker) => marker.trim() !== ''),
        `${url}: each marked`,
      ).toBe(true);
    }
  });

  for (const elder of [false, true]) {
    for (const [template, url] of Object.entries(pages)) {
      it(`${template} (${url}), ${elder ? 'elder-friendly mode' : 'normal mode'}: no sideways scroll, title and content on the first screen`, async () => {
        const seen = await firstScreen(url, elder);
        expect(seen.elder).toBe(elder);
        expect(seen.wide, 'elements wider than the screen').toEqual([]);
        expect(seen.pageWidth).toBeLessThanOrEqual(phone.width);
        expect(seen.titleBottom, 'the page title on the first screen').toBeLessThan(phone.height);
        expect(seen.contentTop, 'the start of the content on the first screen').toBeLessThan(phone.height);
        expect(seen.violations).toEqual([]);
      });
    }
  }
});
