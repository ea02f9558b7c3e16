/**
 * Every template of the fixture's template list on a 390 px phone, in Chromium, in the normal and the
 * elder-friendly mode: the page never scrolls sideways, the first screen shows the page's title and the
 * start of its content (issue 16: the policy catalogue was 431 px wide, and in elder-friendly mode the
 * whole first screen was header and menus), every menu link is on screen or in a row that scrolls,
 * controls are large enough to press, no text stands one character a line, and axe finds nothing.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { axeRun } from '../lib/axe.ts';
import { launchChromium } from '../lib/chromium.ts';
import { fixtureBuild, templatePages } from './fixture.ts';

const phone = { width: 390, height: 844 };

// The fixture's template list (the one the axe and Lighthouse tests read), so that a template added
// there is on a phone here too; built before the tests are declared, one test per template and mode.
const fixture = await fixtureBuild();
const pages = templatePages(fixture);

let server: StaticServer;
let browser: Browser;

/**
 * The least height of a control: 44 px in the elder-friendly mode (what 适老化 guidance and WCAG's
 * AAA target size ask for), WCAG 2.2 AA's 24 px otherwise.
 */
const minTarget = (elder: boolean) => (elder ? 44 : 24);

/** What the first screen of a page shows on a phone. */
async function firstScreen(url: string, elder: boolean) {
  const context = await browser.newContext({ viewport: phone });
  if (elder) await context.addInitScript(() => localStorage.setItem('gc-elder', '1'));
  const page = await context.newPage();
  const response = await page.goto(server.url + url);
  expect(response?.status(), url).toBe(200);
  const seen = await page.evaluate((minTarget) => {
    const title = document.querySelector('main h1');
    // The first block after the title that holds text and is not a bar of links (the catalogue's
    // filters): the start of the content.
    let content: Element | null = title?.nextElementSibling ?? null;
    while (content && (!content.textContent?.trim() || content.tagName === 'NAV'))
      content = content.nextElementSibling;
    // Drawn where a visitor sees it: neither a 1 px visually hidden box nor a trap for robots off-screen.
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return (
        box.width > 1 &&
        box.height > 1 &&
        box.right > 0 &&
        box.left < window.innerWidth &&
        getComputedStyle(element).visibility !== 'hidden'
      );
    };
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.trim().slice(0, 20)}"`;
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
      // Column links of the menu that a visitor can neither see nor scroll to.
      unreachableMenu: [...document.querySelectorAll('.gc-nav__list')].flatMap((list) => {
        const scrolls = ['auto', 'scroll'].includes(getComputedStyle(list).overflowX);
        const box = list.getBoundingClientRect();
        return [...list.querySelectorAll('.gc-nav__link')]
          .filter((link) => {
            const at = link.getBoundingClientRect();
            return !scrolls && (at.right > box.right + 1 || at.left < box.left - 1);
          })
          .map(name);
      }),
      // What a finger presses, lower than the least target height of the mode.
      small: [
        ...document.querySelectorAll(
          'button, select, textarea, input:not([type="radio"], [type="checkbox"], [type="hidden"]), .gc-nav__link',
        ),
      ]
        .filter((element) => shown(element) && element.getBoundingClientRect().height < minTarget - 0.5)
        .map((element) => `${name(element)}: ${Math.round(element.getBoundingClientRect().height)} px`),
      // Text squeezed into a box narrower than two characters: one character per line (索/引/号).
      squeezed: [...document.querySelectorAll('body *')]
        .filter((element) => {
          const own = [...element.childNodes]
            .filter((node) => node.nodeType === Node.TEXT_NODE)
            .map((node) => node.textContent ?? '')
            .join('')
            .trim();
          if ([...own].length < 3 || !shown(element)) return false;
          const box = element.getBoundingClientRect();
          const fontSize = Number.parseFloat(getComputedStyle(element).fontSize);
          // Narrower than two characters and wrapped onto more than two lines.
          return box.width < 2 * fontSize && box.height > 3 * fontSize;
        })
        .slice(0, 3)
        .map(name),
    };
  }, minTarget(elder));
  const violations = (await axeRun(page)).map((violation) => `${violation.id}: ${violation.help}`);
  await context.close();
  return { ...seen, violations };
}

describe('templates on a phone', { timeout: 120_000 }, () => {
  beforeAll(async () => {
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
    for (const { name: template, url } of pages) {
      it(`${template} (${url}), ${elder ? 'elder-friendly mode' : 'normal mode'}: no sideways scroll, title and content on the first screen, the menu in reach, controls large enough, no text one character a line`, async () => {
        const seen = await firstScreen(url, elder);
        expect(seen.elder).toBe(elder);
        expect(seen.wide, 'elements wider than the screen').toEqual([]);
        expect(seen.unreachableMenu, 'menu links out of reach').toEqual([]);
        expect(seen.small, `controls lower than ${minTarget(elder)} px`).toEqual([]);
        expect(seen.squeezed, 'text one character per line').toEqual([]);
        expect(seen.pageWidth).toBeLessThanOrEqual(phone.width);
        expect(seen.titleBottom, 'the page title on the first screen').toBeLessThan(phone.height);
        expect(seen.contentTop, 'the start of the content on the first screen').toBeLessThan(phone.height);
        expect(seen.violations).toEqual([]);
      });
    }
  }
});
