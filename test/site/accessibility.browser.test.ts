/**
 * axe-core (WCAG 2.2 AA) on one page of every template of the fixture cluster, in Chromium, plus
 * the elder-friendly mode and keyboard use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { axeRun } from '../lib/axe.ts';
import { chromiumFlags, chromiumPath, fixtureBuild, templatePages } from './fixture.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let profile: string;
let pages: { name: string; url: string }[] = [];

async function violations(url: string, elder = false): Promise<string[]> {
  const page = await context.newPage();
  // Nothing may be fetched from another host.
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:'))
      foreign.push(request.url());
  });
  await page.goto(server.url + url);
  if (elder) await page.evaluate(() => document.documentElement.classList.add('gc-elder'));
  const violations = await axeRun(page);
  await page.close();
  return [
    ...foreign.map((u) => `request to another host: ${u}`),
    ...violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    ),
  ];
}

describe('accessibility', () => {
  beforeAll(async () => {
    const fixture = await fixtureBuild();
    pages = templatePages(fixture);
    server = await serveStatic(fixture.dist);
    profile = mkdtempSync(path.join(tmpdir(), 'gc-chromium-'));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumFlags.filter((f) => f !== '--headless'),
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('finds one page of every template', () => {
    expect(pages.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'portal home',
        'department home',
        'township home',
        'article',
        'policy document',
        'service guide',
        'village',
        'letter form',
        'letter tracking',
        'investor contacts (en)',
        'home (en)',
        'home (ru)',
        '404 (en)',
        'service guides home',
        'service guides by topic',
        'interaction hub',
        'interview',
        'consultation (open)',
        'consultation (closed)',
      ]),
    );
  });

  it('has no WCAG 2.2 AA violation on any template', async () => {
    const problems: string[] = [];
    for (const { name, url } of pages) {
      for (const problem of await violations(url)) problems.push(`${name} ${url}: ${problem}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('has no WCAG 2.2 AA violation in elder-friendly mode', async () => {
    const problems: string[] = [];
    const elder = pages.filter((p) =>
      ['portal home', 'article', 'service guide', 'letter form'].includes(p.name),
    );
    expect(elder.map((p) => p.name).sort()).toEqual([
      'article',
      'letter form',
      'portal home',
      'service guide',
    ]);
    for (const { name, url } of elder) {
      for (const problem of await violations(url, true)) problems.push(`${name} ${url} (elder): ${problem}`);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('remembers the elder-friendly mode across pages and reads without JavaScript', async () => {
    const home = pages.find((p) => p.name === 'portal home') as { url: string };
    const article = pages.find((p) => p.name === 'article') as { url: string };
    const page = await context.newPage();
    await page.goto(server.url + home.url);
    const toggle = page.locator('#gc-elder-toggle');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    const before = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.goto(server.url + article.url);
    expect(await page.evaluate(() => document.documentElement.classList.contains('gc-elder'))).toBe(true);
    const after = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(Number.parseFloat(after)).toBeGreaterThan(Number.parseFloat(before));
    await page.locator('#gc-elder-toggle').click();
    await page.close();

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const bare = await noScript.newPage();
    await bare.goto(server.url + article.url);
    expect(await bare.locator('main h1').isVisible()).toBe(true);
    // Without a script the toggle stays hidden rather than doing nothing.
    expect(await bare.locator('#gc-elder-toggle').isVisible()).toBe(false);
    await noScript.close();
  }, 60_000);

  it('has a 适老化 toggle with one label and its state in aria-pressed, in every locale (WAI-ARIA APG)', async () => {
    const homes = pages.filter((p) => ['portal home', 'home (en)', 'home (ru)'].includes(p.name));
    expect(homes).toHaveLength(3);
    for (const { name, url } of homes) {
      const page = await context.newPage();
      await page.goto(server.url + url);
      const toggle = page.locator('#gc-elder-toggle');
      const label = (await toggle.textContent())?.trim() ?? '';
      expect(label, name).not.toBe('');
      const seen: { label: string; pressed: string | null; elder: boolean }[] = [];
      for (let click = 0; click < 3; click++) {
        seen.push({
          label: (await toggle.textContent())?.trim() ?? '',
          pressed: await toggle.getAttribute('aria-pressed'),
          elder: await page.evaluate(() => document.documentElement.classList.contains('gc-elder')),
        });
        await toggle.click();
      }
      expect(seen, name).toEqual([
        { label, pressed: 'false', elder: false },
        { label, pressed: 'true', elder: true },
        { label, pressed: 'false', elder: false },
      ]);
      // Three clicks: on again. What a screen reader announces is the same name, pressed; then off for the next test.
      expect(await page.getByRole('button', { name: label, exact: true, pressed: true }).count(), name).toBe(
        1,
      );
      await toggle.click();
      await page.close();
    }
  }, 60_000);

  it('lets a keyboard user skip to the content', async () => {
    const article = pages.find((p) => p.name === 'article') as { url: string };
    const page = await context.newPage();
    await page.goto(server.url + article.url);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.className);
    expect(focused).toContain('gc-skip-link');
    expect(await page.locator('.gc-skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('gc-main');
    await page.close();
  }, 30_000);
});
