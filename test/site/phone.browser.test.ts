/**
 * Every template of the fixture's template list on a 390 px phone, in Chromium, in the normal and the
 * elder-friendly mode: the page never scrolls sideways, the first screen shows the page's title and the
 * start of its content (issue 16: the policy catalogue was 431 px wide, and in elder-friendly mode the
 * whole first screen was header and menus), the navigation sits behind a menu button that opens and
 * closes it (WAI-ARIA APG disclosure, docs/adr/0033) and is in reach without JavaScript, controls are
 * large enough to press, no text stands one character a line, and axe finds nothing.
 *
 * Long on purpose: the in-page checks (what the first screen shows, squeezed text, the menu walk) are
 * shared by one test per template and mode over one Chromium and one fixture build.
 */
import { t } from '@govcluster/shared/i18n';
import { policyTopics } from '@govcluster/shared/schemas';
import type { Browser, Page } from 'playwright-core';
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

/**
 * Column links of the menu that a visitor can neither see nor scroll to: hidden, or past the edge of
 * a bar that does not scroll. Runs in the page.
 */
function unreachableMenuLinks(): string[] {
  return [...document.querySelectorAll('.gc-nav__list')].flatMap((list) => {
    const scrolls = ['auto', 'scroll'].includes(getComputedStyle(list).overflowX);
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('.gc-nav__link')]
      .filter((link) => {
        const at = link.getBoundingClientRect();
        const hidden = at.width < 1 || at.height < 1 || getComputedStyle(link).visibility === 'hidden';
        return hidden || (!scrolls && (at.right > box.right + 1 || at.left < box.left - 1));
      })
      .map((link) => `a "${link.textContent?.trim()}"`);
  });
}

/**
 * The catalogue's lists of values made as long as the demo city's: every 主题分类 value there is
 * (about twenty; the fixture has two), so that a list left open on a phone shows what it costs.
 */
async function catalogueAtFullLength(page: Page): Promise<void> {
  await page.evaluate((length) => {
    for (const list of document.querySelectorAll('.gc-catalogue__dimension ul')) {
      const last = list.lastElementChild;
      while (last && list.children.length < length) list.append(last.cloneNode(true));
    }
  }, policyTopics.length);
}

/**
 * Text squeezed into a box so narrow that it wraps with three characters or fewer a line (索/引/号,
 * or 索引/号): a text of two characters or more on more than one line, in a block narrower than four
 * characters. Runs in the page; names the first three elements.
 */
function squeezedText(): string[] {
  const found: Element[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && found.length < 3; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || [...(node.textContent ?? '').trim()].length < 2 || found.includes(element)) continue;
    const style = getComputedStyle(element);
    // Out of sight: hidden, or in a folded <details> (laid out all the same, in no particular width).
    const folded = element.closest('details:not([open])');
    if (style.visibility === 'hidden' || (folded && !element.closest('summary'))) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    // One box per line the text takes (empty boxes are where it broke).
    const lines = [...range.getClientRects()].filter((line) => line.width > 1 && line.height > 1);
    const fontSize = Number.parseFloat(style.fontSize);
    const onScreen = lines.some((line) => line.right > 0 && line.left < window.innerWidth);
    // The block the lines are laid out in (a link or span breaks in its paragraph's width).
    let block: Element = element;
    while (block.parentElement && getComputedStyle(block).display.startsWith('inline'))
      block = block.parentElement;
    if (!onScreen || lines.length < 2 || block.clientWidth >= 4 * fontSize) continue;
    // Not in a visually hidden box (1 px, its overflow hidden: a screen reader's table header).
    let clipped = false;
    for (let at: Element | null = element; at && !clipped; at = at.parentElement) {
      const box = at.getBoundingClientRect();
      clipped = getComputedStyle(at).overflow !== 'visible' && (box.width <= 1 || box.height <= 1);
    }
    if (!clipped) found.push(element);
  }
  return found.map(
    (element) =>
      `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.trim().slice(0, 20)}"`,
  );
}

/** What the first screen of a page shows on a phone. */
async function firstScreen(url: string, elder: boolean) {
  const context = await browser.newContext({ viewport: phone });
  if (elder) await context.addInitScript(() => localStorage.setItem('gc-elder', '1'));
  const page = await context.newPage();
  const response = await page.goto(server.url + url);
  expect(response?.status(), url).toBe(200);
  await catalogueAtFullLength(page);
  const seen = await page.evaluate((minTarget) => {
    const title = document.querySelector('main h1');
    // The first block after the title that holds text and is not a bar of links (the catalogue's
    // filters) or a script: the start of the content.
    let content: Element | null = title?.nextElementSibling ?? null;
    while (
      content &&
      (!content.textContent?.trim() || ['NAV', 'SCRIPT', 'STYLE', 'TEMPLATE'].includes(content.tagName))
    )
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
      // What a finger presses, lower than the least target height of the mode.
      small: [
        ...document.querySelectorAll(
          'button, select, textarea, input:not([type="radio"], [type="checkbox"], [type="hidden"]), .gc-nav__link',
        ),
      ]
        .filter((element) => shown(element) && element.getBoundingClientRect().height < minTarget - 0.5)
        .map((element) => `${name(element)}: ${Math.round(element.getBoundingClientRect().height)} px`),
    };
  }, minTarget(elder));
  const squeezed = await page.evaluate(squeezedText);
  const violations = (await axeRun(page)).map((violation) => `${violation.id}: ${violation.help}`);
  const menu = await menuWalk(page, elder);
  await context.close();
  return { ...seen, squeezed, violations, menu };
}

/**
 * The menu button as a visitor uses it: found by its name in the page's locale, collapsed at first
 * with the navigation out of sight; pressed, it opens the navigation whose links are then on screen,
 * large enough and next in the tab order; Escape closes it and gives the focus back to the button.
 */
async function menuWalk(page: Page, elder: boolean) {
  const locale = (await page.evaluate(() => document.documentElement.lang)) as Parameters<typeof t>[0];
  const button = page.getByRole('button', { name: t(locale, 'nav.menu'), exact: true });
  const found = await button.count();
  if (found !== 1) return { found };
  const controls = await button.getAttribute('aria-controls');
  const navigation = page.locator(`#${controls}`);
  const links = navigation.locator('a');
  const state = async () => ({
    expanded: await button.getAttribute('aria-expanded'),
    linksShown: await links.evaluateAll(
      (all, width) =>
        all.filter((link) => {
          const box = link.getBoundingClientRect();
          return box.width > 1 && box.height > 1 && box.left >= 0 && box.right <= width;
        }).length,
      phone.width,
    ),
  });
  const before = await state();
  await button.click();
  const opened = await state();
  const low = await links.evaluateAll(
    (all, least) =>
      all
        .filter((link) => link.getBoundingClientRect().height < least - 0.5)
        .map((link) => `${link.textContent?.trim()}: ${Math.round(link.getBoundingClientRect().height)} px`),
    minTarget(elder),
  );
  await page.keyboard.press('Tab');
  const tabbedTo = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  const firstLink = ((await links.first().textContent()) ?? '').trim();
  await page.keyboard.press('Escape');
  const closed = await state();
  const focusBack = await page.evaluate(() => document.activeElement?.id ?? '');
  return {
    found,
    navigation: await navigation.evaluate((element) => element.tagName.toLowerCase()),
    links: await links.count(),
    before,
    opened,
    low,
    tabbedTo,
    firstLink,
    closed,
    focusBack,
    buttonId: await button.getAttribute('id'),
  };
}

/** A page on a phone with JavaScript off: no menu button, and every link of the navigation in reach. */
async function withoutScript(url: string) {
  const context = await browser.newContext({ viewport: phone, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url + url);
  const seen = {
    menuButtons: await page
      .locator('.gc-header__menu-button')
      .evaluateAll((all) => all.filter((button) => button.getBoundingClientRect().height > 0).length),
    links: await page.locator('.gc-nav__link').count(),
    unreachable: await page.evaluate(unreachableMenuLinks),
  };
  await context.close();
  return seen;
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

  it('the check for squeezed text finds lines of one, two and three characters, not a wide paragraph', async () => {
    const page = await browser.newPage({ viewport: phone });
    await page.setContent(`<body style="font: 16px/1.6 sans-serif">
      <p class="one" style="inline-size: 1.2em">索引号</p>
      <p class="two" style="inline-size: 2.5em">政府信息公开</p>
      <p class="three" style="inline-size: 3.5em">政府信息公开目录</p>
      <p class="wide" style="inline-size: 20em">政府信息公开目录按主题分类、发文机关、年份和有效性列出本机关主动公开的政策文件。</p>
      <p class="short" style="inline-size: 2.5em">号</p></body>`);
    const found = await page.evaluate(squeezedText);
    await page.close();
    expect(found).toEqual(['p.one "索引号"', 'p.two "政府信息公开"', 'p.three "政府信息公开目录"']);
  });

  it('a wide screen keeps the column bar: no menu button, every link shown', async () => {
    const home = pages.find((p) => p.name === 'department home') as { url: string };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + home.url);
    expect(await page.locator('#gc-menu-button').isVisible()).toBe(false);
    const links = page.locator('#gc-nav a');
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
    await context.close();
  });

  it('公开目录 on a phone: each document whole on the screen, the first one on the first screen, in both modes and without JavaScript', async () => {
    const catalogues = pages.filter((p) => p.name.startsWith('公开目录'));
    expect(catalogues.map((p) => p.name)).toEqual(['公开目录', '公开目录 by year', '公开目录 by topic']);
    const problems: string[] = [];
    for (const { name, url } of catalogues) {
      for (const mode of ['normal', 'elder-friendly', 'no JavaScript'] as const) {
        const context = await browser.newContext({
          viewport: phone,
          javaScriptEnabled: mode !== 'no JavaScript',
        });
        if (mode === 'elder-friendly')
          await context.addInitScript(() => localStorage.setItem('gc-elder', '1'));
        const page = await context.newPage();
        await page.goto(server.url + url);
        await catalogueAtFullLength(page);
        const seen = await page.evaluate(() => {
          const rows = [...document.querySelectorAll('.gc-catalogue__table tbody tr')];
          const title = rows[0]?.querySelector('.gc-catalogue__title');
          return {
            rows: rows.length,
            // The first document's title, where a visitor reads which document it is.
            firstTitleBottom: title?.getBoundingClientRect().bottom ?? Number.POSITIVE_INFINITY,
            // Cells that reach past the screen's edges (to be scrolled to) or cut their own text.
            cut: [...document.querySelectorAll('.gc-catalogue__table tbody td')]
              .filter((cell) => {
                const box = cell.getBoundingClientRect();
                return (
                  box.left < -1 ||
                  box.right > window.innerWidth + 1 ||
                  cell.scrollWidth > cell.clientWidth + 1
                );
              })
              .slice(0, 3)
              .map((cell) => `${cell.className} "${cell.textContent?.trim().slice(0, 24)}"`),
          };
        });
        await context.close();
        const where = `${name} (${url}), ${mode}`;
        if (seen.rows === 0) problems.push(`${where}: no documents`);
        if (seen.firstTitleBottom >= phone.height)
          problems.push(`${where}: the first document's title at ${Math.round(seen.firstTitleBottom)} px`);
        for (const cell of seen.cut) problems.push(`${where}: cut ${cell}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the open menu: axe finds nothing, in every locale and both modes', async () => {
    const open = pages.filter((p) => ['portal home', 'village', 'home (en)', 'home (ru)'].includes(p.name));
    expect(open).toHaveLength(4);
    const problems: string[] = [];
    for (const elder of [false, true]) {
      for (const { name, url } of open) {
        const context = await browser.newContext({ viewport: phone });
        if (elder) await context.addInitScript(() => localStorage.setItem('gc-elder', '1'));
        const page = await context.newPage();
        await page.goto(server.url + url);
        await page.locator('#gc-menu-button').click();
        expect(await page.locator('#gc-menu-button').getAttribute('aria-expanded'), name).toBe('true');
        for (const violation of await axeRun(page))
          problems.push(`${name}${elder ? ' (elder)' : ''}: ${violation.id}: ${violation.help}`);
        await context.close();
      }
    }
    expect(problems).toEqual([]);
  });

  for (const elder of [false, true]) {
    for (const { name: template, url } of pages) {
      it(`${template} (${url}), ${elder ? 'elder-friendly mode' : 'normal mode'}: no sideways scroll, title and content on the first screen, a menu button that opens and closes the navigation${elder ? '' : ', the navigation in reach without JavaScript'}, controls large enough, no text one character a line`, async () => {
        const seen = await firstScreen(url, elder);
        expect(seen.elder).toBe(elder);
        expect(seen.wide, 'elements wider than the screen').toEqual([]);
        expect(seen.small, `controls lower than ${minTarget(elder)} px`).toEqual([]);
        expect(seen.squeezed, 'text one character per line').toEqual([]);
        expect(seen.pageWidth).toBeLessThanOrEqual(phone.width);
        expect(seen.titleBottom, 'the page title on the first screen').toBeLessThan(phone.height);
        expect(seen.contentTop, 'the start of the content on the first screen').toBeLessThan(phone.height);
        const { menu } = seen;
        expect(menu.found, 'one menu button, named in the page language').toBe(1);
        expect(menu.navigation, 'the button controls the navigation').toBe('nav');
        expect(menu.links, 'links in the navigation').toBeGreaterThan(0);
        expect(menu.before, 'collapsed at first: the links out of sight').toEqual({
          expanded: 'false',
          linksShown: 0,
        });
        expect(menu.opened, 'open: every link on screen').toEqual({
          expanded: 'true',
          linksShown: menu.links,
        });
        expect(menu.low, `open links lower than ${minTarget(elder)} px`).toEqual([]);
        expect(menu.tabbedTo, 'Tab from the button reaches the first link').toBe(menu.firstLink);
        expect(menu.closed, 'Escape closes it').toEqual({ expanded: 'false', linksShown: 0 });
        expect(menu.focusBack, 'and the focus is back on the button').toBe(menu.buttonId);
        // Without JavaScript (so in the normal mode only, which needs no script) the navigation shows.
        if (!elder) {
          const bare = await withoutScript(url);
          expect(bare.menuButtons, 'no menu button that could not work').toBe(0);
          expect(bare.links).toBe(menu.links);
          expect(bare.unreachable, 'menu links out of reach without JavaScript').toEqual([]);
        }
        expect(seen.violations).toEqual([]);
      });
    }
  }
});
