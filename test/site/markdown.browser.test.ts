/**
 * Markdown tables on a 390 px phone, in Chromium: a wide table scrolls inside its own box, never the
 * page, in both the normal and the elder-friendly mode, and the box passes axe (WCAG 2.2 AA).
 */

import { entryPath, sitePrefix } from '@govcluster/shared/urls';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { axeRun } from '../lib/axe.ts';
import { chromiumFlags, chromiumPath, fixtureBuild, readRecords, type SnapshotRecord } from './fixture.ts';

const phone = { width: 390, height: 844 };

let server: StaticServer;
let browser: Browser;
/** Pages of the fixture whose body holds a Markdown table: the recruitment notice, a village. */
let urls: string[] = [];

/** What a phone shows of each table box on a page, with every 村务公开 item opened. */
async function measure(url: string, elder: boolean) {
  const page = await browser.newPage({ viewport: phone });
  await page.goto(server.url + url);
  await page.evaluate((on) => {
    if (on) document.documentElement.classList.add('gc-elder');
    for (const details of document.querySelectorAll('details')) details.open = true;
  }, elder);
  const result = await page.evaluate(() => ({
    pageWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    boxes: [...document.querySelectorAll<HTMLElement>('.gc-table')].map((box) => ({
      right: box.getBoundingClientRect().right,
      clientWidth: box.clientWidth,
      scrollWidth: box.scrollWidth,
      // The narrowest data column: a column squeezed to one character a line would show here.
      narrowestCell: Math.min(
        ...[...box.querySelectorAll('td')].map((td) => td.getBoundingClientRect().width),
      ),
      // The tallest column header, in lines: a header wrapped character by character is several.
      headerLines: Math.max(
        ...[...box.querySelectorAll('th')].map(
          (th) => th.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(th).lineHeight),
        ),
      ),
      fontSize: Number.parseFloat(getComputedStyle(box).fontSize),
    })),
  }));
  const violations = await axeRun(page);
  await page.close();
  return { ...result, violations: violations.map((v) => `${v.id}: ${v.help}`) };
}

describe('Markdown tables on a phone', () => {
  beforeAll(async () => {
    const fixture = await fixtureBuild();
    const records = readRecords(fixture.snapshot);
    const sites = records.filter((r) => r.type === 'site') as (SnapshotRecord & {
      basePath: string;
      id: string;
    })[];
    const urlOf = (r: SnapshotRecord) =>
      sitePrefix(sites.find((s) => s.id === r.site) as never, r.locale as never) +
      entryPath(r.type as never, r as never);
    const withTable = (r: SnapshotRecord) => JSON.stringify(r).includes('| --- |');
    const article = records.find((r) => r.type === 'article' && withTable(r));
    const village = records.find((r) => r.type === 'village' && withTable(r));
    urls = [article, village].filter((r): r is SnapshotRecord => r !== undefined).map(urlOf);
    server = await serveStatic(fixture.dist);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumFlags.filter((f) => f !== '--headless'),
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('scrolls a wide table inside its own box, not the page, in both modes', async () => {
    expect(urls).toHaveLength(2);
    let overflowing = 0;
    for (const url of urls) {
      for (const elder of [false, true]) {
        const where = `${url}${elder ? ' (elder)' : ''}`;
        const { pageWidth, viewport, boxes, violations } = await measure(url, elder);
        expect(boxes.length, where).toBeGreaterThan(0);
        expect(pageWidth, where).toBeLessThanOrEqual(viewport);
        for (const box of boxes) {
          expect(box.right, where).toBeLessThanOrEqual(viewport);
          // Readable columns: headers on one line, data cells at least five characters wide.
          expect(box.headerLines, where).toBeLessThan(2);
          expect(box.narrowestCell, where).toBeGreaterThanOrEqual(5 * box.fontSize);
          if (box.scrollWidth > box.clientWidth) overflowing += 1;
        }
        expect(violations, where).toEqual([]);
      }
    }
    // The four-column recruitment table is wider than a phone: the check above saw a box scroll.
    expect(overflowing).toBeGreaterThan(0);
  }, 120_000);
});
