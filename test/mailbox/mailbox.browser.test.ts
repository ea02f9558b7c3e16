/**
 * The mailbox in Chromium, on the built fixture cluster served by the local static server with the
 * mailbox routed to a real Strapi: a letter written on a department site with JavaScript on (the proof
 * of work solved by the page) and off (a plain form), the code and password read from the confirmation,
 * the letter looked up; mistakes shown with the focus on the summary; axe (WCAG 2.2 AA) on the form,
 * the error page, the confirmation and the status page. Screenshots go to `.data/screenshots/mailbox/`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { axeRun } from '../lib/axe.ts';
import { launchChromium } from '../lib/chromium.ts';
import { fixtureBuild, repoRoot } from '../site/fixture.ts';
import { createMailboxWorld, type MailboxWorld, publishReply } from './mailbox-world.ts';

const shots = path.join(repoRoot, '.data', 'screenshots', 'mailbox');

interface FixtureSite {
  id: string;
  kind: 'portal' | 'department' | 'township';
  basePath: string;
  name: { 'zh-CN': string };
  columns: { slug: string; type: string; order: number; name: { 'zh-CN': string } }[];
}

describe('mailbox in Chromium', () => {
  let world: MailboxWorld;
  let server: StaticServer;
  let browser: Browser;
  let department: FixtureSite;

  beforeAll(async () => {
    const { dist, snapshot } = await fixtureBuild();
    const sites = readFileSync(path.join(snapshot, 'snapshot.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((record) => record.type === 'site') as FixtureSite[];
    const withMailbox = sites.filter((site) => site.columns.some((column) => column.type === 'interaction'));
    department = withMailbox.find((site) => site.kind === 'department') as FixtureSite;
    world = await createMailboxWorld(
      {},
      {
        challengeBits: 16,
        sites: withMailbox.map((site) => {
          const column = [...site.columns]
            .filter((c) => c.type === 'interaction')
            .sort((a, b) => a.order - b.order)[0];
          return [site.id, site.kind, site.name['zh-CN'], column?.name['zh-CN'] ?? ''];
        }),
      },
    );
    server = await serveStatic(dist, { cmsOrigin: world.app.url });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await world?.close();
  });

  const axeViolations = async (page: Page) => {
    return (await axeRun(page)).map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  };

  const fillLetter = async (page: Page, n: number) => {
    await page.getByLabel('建议').check();
    await page.getByLabel(/^信件标题/).fill(`关于小区门口路灯维修的建议${n}`);
    await page
      .getByLabel(/^信件内容/)
      .fill('我家小区门口的路灯坏了两个多星期，晚上老人出行很不方便，希望尽快安排维修。');
    await page.getByLabel(/^姓名/).fill('陈女士');
    await page.getByLabel(/^联系电话/).fill(`1390000${String(1000 + n)}`);
    await page.getByLabel(/同意公开（/).check();
  };

  const writeAndTrack = async (options: {
    js: boolean;
    width: number;
    elder: boolean;
    label: string;
    n: number;
  }) => {
    const context = await browser.newContext({
      javaScriptEnabled: options.js,
      viewport: { width: options.width, height: 900 },
      locale: 'zh-CN',
      // The CMS's pages allow no script but their own: axe is injected past the policy.
      bypassCSP: true,
    });
    if (options.elder) await context.addInitScript(() => localStorage.setItem('gc-elder', '1'));
    const page = await context.newPage();
    const write = `${server.url}${department.basePath}mailbox/write/`;
    await page.goto(write);
    expect(await page.locator('h1').textContent()).toBe('我要写信');
    if (options.js) expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, `write-${options.label}.png`), fullPage: true });
    await fillLetter(page, options.n);
    const started = Date.now();
    await page.getByRole('button', { name: '提交信件' }).click();
    await page.waitForURL(/\/mailbox\/letters\/done\?ticket=/, { timeout: 60_000 });
    const solveMs = Date.now() - started;
    const code = (await page.locator('[data-gc-letter-code]').textContent()) ?? '';
    const password = (await page.locator('[data-gc-letter-password]').textContent()) ?? '';
    expect(code).toMatch(/^\d{8}-[A-Z0-9]{6}$/);
    if (options.js) expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, `done-${options.label}.png`), fullPage: true });
    await page.goto(`${server.url}${department.basePath}mailbox/track/`);
    await page.getByLabel(/查询编号/).fill(code);
    await page.getByLabel(/查询密码/).fill(password);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/\/mailbox\/track$/);
    expect(await page.locator('[data-gc-letter-status]').getAttribute('data-gc-letter-status')).toBe(
      'received',
    );
    expect(await page.locator('main').textContent()).toContain('已受理');
    expect(await page.content()).not.toContain('13900001');
    if (options.js) expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, `status-${options.label}.png`), fullPage: true });
    const intake = await world.app.strapi.db
      .query('api::letter-intake.letter-intake')
      .findOne({ where: { code } });
    await context.close();
    return { code, solveMs, verification: intake.verification as string };
  };

  it('writes a letter with JavaScript on (proof of work), gets a code and looks it up', async () => {
    const result = await writeAndTrack({ js: true, width: 1280, elder: false, label: 'desktop', n: 1 });
    expect(result.verification).toBe('proof-of-work');
    console.info(`[mailbox] letter with the proof of work (16 bits) sent in ${result.solveMs} ms`);
  });

  it('shows the reply once it passed the review and takes the writer’s rating, without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}${department.basePath}mailbox/write/`);
    await fillLetter(page, 9);
    await page.getByRole('button', { name: '提交信件' }).click();
    await page.waitForURL(/\/mailbox\/letters\/done\?ticket=/, { timeout: 60_000 });
    const code = (await page.locator('[data-gc-letter-code]').textContent()) ?? '';
    const password = (await page.locator('[data-gc-letter-password]').textContent()) ?? '';
    await context.close();
    await publishReply(
      world.app,
      code,
      '陈女士：您好！来信收悉。经核查，该路灯线路老化，已于12月8日更换，恢复照明。感谢您的监督。',
    );
    const noScript = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 900 },
      locale: 'zh-CN',
    });
    const reader = await noScript.newPage();
    await reader.goto(`${server.url}${department.basePath}mailbox/track/`);
    await reader.getByLabel(/^查询编号/).fill(code);
    await reader.getByLabel(/^查询密码/).fill(password);
    await reader.getByRole('button', { name: '查询' }).click();
    await reader.waitForURL(/\/mailbox\/track$/);
    expect(await reader.locator('[data-gc-letter-status]').getAttribute('data-gc-letter-status')).toBe(
      'published',
    );
    expect(await reader.locator('[data-gc-letter-reply]').textContent()).toContain('已于12月8日更换');
    await reader.screenshot({ path: path.join(shots, 'status-replied-phone-nojs.png'), fullPage: true });
    await reader.getByLabel('基本满意').check();
    await reader.getByRole('button', { name: '提交评价' }).click();
    await reader.waitForURL(/\/mailbox\/rate$/);
    expect(await reader.locator('.gc-mailbox-rated').textContent()).toContain('基本满意');
    await reader.screenshot({ path: path.join(shots, 'rated-phone-nojs.png'), fullPage: true });
    await noScript.close();
  });

  it('writes a letter with JavaScript off (plain form), gets a code and looks it up', async () => {
    const result = await writeAndTrack({ js: false, width: 390, elder: false, label: 'phone-nojs', n: 2 });
    expect(result.verification).toBe('none');
  });

  it('works in the elder-friendly mode at phone width', async () => {
    const result = await writeAndTrack({ js: true, width: 390, elder: true, label: 'phone-elder', n: 3 });
    expect(result.verification).toBe('proof-of-work');
  });

  it('shows the mailbox’s statistics on its column page: named tables, no page wider than a phone', async () => {
    const mailbox = [...department.columns]
      .filter((column) => column.type === 'interaction')
      .sort((a, b) => a.order - b.order)[0];
    for (const [width, elder, label] of [
      [1366, false, 'desktop'],
      [390, false, 'phone'],
      [390, true, 'phone-elder'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
      if (elder) await context.addInitScript(() => localStorage.setItem('gc-elder', '1'));
      const page = await context.newPage();
      await page.goto(`${server.url}${department.basePath}${mailbox?.slug}/`);
      const section = page.getByRole('region', { name: '来信统计' });
      expect(await section.locator('p').first().textContent()).toMatch(
        /^近12个月共收到来信\d+件，已答复\d+件[，。]/,
      );
      const months = page.getByRole('table', { name: /^近12个月各月来信办理情况/ });
      expect(await months.locator('tbody tr').count()).toBe(12);
      expect(await months.locator('thead th[scope="col"]').count()).toBe(7);
      expect(await months.locator('tbody th[scope="row"]').first().textContent()).toMatch(
        /^\d{4}年\d{1,2}月$/,
      );
      // A wide table scrolls in its own box; the page itself never does.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(shots, `statistics-${label}.png`), fullPage: true });
      await context.close();
    }
  });

  it('shows mistakes without JavaScript: summary focused, linked to each field, typed text kept', async () => {
    for (const [js, label] of [
      [false, 'errors-nojs'],
      [true, 'errors-elder'],
    ] as const) {
      const context = await browser.newContext({
        javaScriptEnabled: js,
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
      });
      if (js) await context.addInitScript(() => localStorage.setItem('gc-elder', '1'));
      const page = await context.newPage();
      await page.goto(`${server.url}${department.basePath}mailbox/write/`);
      await page.getByLabel(/^信件标题/).fill('<b>路灯</b>');
      await page.getByLabel(/^联系电话/).fill('123');
      await page.getByRole('button', { name: '提交信件' }).click();
      await page.waitForURL(/\/mailbox\/letters$/, { timeout: 60_000 });
      const summary = page.locator('#gc-mailbox-errors');
      expect(await summary.getAttribute('role')).toBe('alert');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('gc-mailbox-errors');
      expect(await page.getByLabel(/^信件标题/).inputValue()).toBe('<b>路灯</b>');
      const phone = page.getByLabel(/^联系电话/);
      expect(await phone.getAttribute('aria-invalid')).toBe('true');
      const described = (await phone.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`#${described.split(' ').pop()}`).textContent()).toContain(
        '联系电话格式不正确',
      );
      await summary.getByRole('link', { name: /联系电话/ }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('letter-phone');
      if (js)
        expect(await page.evaluate(() => document.documentElement.classList.contains('gc-elder'))).toBe(true);
      // axe needs a script: the page with JavaScript on is the same HTML.
      if (js) expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(shots, `${label}.png`), fullPage: true });
      await context.close();
    }
  });
});
