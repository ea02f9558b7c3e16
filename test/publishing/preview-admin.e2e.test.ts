/**
 * Preview (issue 14 item 5, ADR 25) in Chromium through the admin: an article is online; its author
 * corrects the title and the unit reviewer approves it, so that it waits for the web office. The author
 * opens the preview from the edit view by its button 预览, the web-office reviewer from the row in
 * 待我审核; both tabs show the draft's new title in the township site's page with the banner, while the
 * public page still shows the old title. Screenshots go to `GOVCLUSTER_E2E_SHOTS` (default: a temporary
 * folder).
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuildToken } from '../../cms/src/setup/build-token.ts';
import { secretNames } from '../../cms/src/setup/secrets.ts';
import { appDir, destroyKeepingListeners, strapiModule } from '../../cms/src/testing/boot-strapi.ts';
import { createTestSite } from '../../cms/src/testing/test-site.ts';
import { adminApi } from '../../scripts/src/lib/admin-api.ts';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { ensureAdminBuild } from '../../scripts/src/start-cms.ts';
import { type RunningPublisher, startPublisher } from '../../scripts/src/start-publisher.ts';
import { launchChromium } from '../lib/chromium.ts';

// Any compile of the CMS (every cms test run) empties cms/dist, admin build included, so the test runs
// from its own copy of a built dist folder (or the one GOVCLUSTER_E2E_DIST names).
let distDir = process.env.GOVCLUSTER_E2E_DIST ?? '';

/** Builds the admin panel when it is missing or outdated, and copies the built app aside. */
async function builtAppCopy(into: string): Promise<string> {
  await ensureAdminBuild((line) => console.error(line));
  const copy = join(into, 'dist');
  cpSync(join(appDir, 'dist'), copy, { recursive: true });
  if (!existsSync(join(copy, 'build', 'index.html'))) throw new Error(`no admin build in ${copy}`);
  return copy;
}

const password = `E2e-${randomBytes(6).toString('hex')}-1a`;
const articleUid = 'api::article.article';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

describe('preview in the admin UI (Chromium)', () => {
  let strapi: any;
  let url = '';
  let tmp = '';
  let browser: Browser;
  let publisher: RunningPublisher;
  let site: StaticServer;
  const shots = process.env.GOVCLUSTER_E2E_SHOTS ?? mkdtempSync(join(tmpdir(), 'govcluster-preview-shots-'));
  const accounts = {
    author: 'author.e2e@preview.test',
    unit: 'unit.e2e@preview.test',
    web: 'web.e2e@preview.test',
    secrecy: 'secrecy.e2e@preview.test',
  };
  const title = '河西镇召开春耕动员会';
  const newTitle = '河西镇春耕动员会部署全年农业生产（更正稿）';
  let documentId = '';
  let articleKey = '';
  let tokens: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const port = await freePort();
    const publisherPort = await freePort();
    const sitePort = await freePort();
    for (const name of secretNames) {
      const one = () => randomBytes(24).toString('base64');
      process.env[name] = name === 'APP_KEYS' ? `${one()},${one()}` : one();
    }
    tmp = mkdtempSync(join(tmpdir(), 'govcluster-preview-e2e-'));
    if (!distDir) distDir = await builtAppCopy(tmp);
    Object.assign(process.env, {
      HOST: '127.0.0.1',
      PORT: String(port),
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_STARTUP_LOG: 'false',
      PUBLIC_DIR: join(tmp, 'public'),
      DATABASE_FILENAME: join(tmp, 'cms.sqlite'),
      PUBLISHER_URL: `http://127.0.0.1:${publisherPort}`,
      PUBLISHER_SECRET: randomBytes(16).toString('hex'),
      GOVCLUSTER_SITE_URL: `http://127.0.0.1:${sitePort}`,
    });
    delete process.env.DATABASE_URL;
    strapi = strapiModule.createStrapi({ appDir, distDir, serveAdminPanel: true, autoReload: false });
    strapi.log.level = 'error';
    await strapi.load();
    await strapi.listen();
    url = `http://127.0.0.1:${port}`;
    const portal = await createTestSite(strapi, {
      key: 'portal',
      kind: 'portal',
      name: { zhCN: '临江市人民政府' },
    });
    const township = await createTestSite(strapi, {
      key: 'hexi-town',
      kind: 'township',
      name: { zhCN: '河西镇' },
      sponsor: '河西镇人民政府',
      siteCode: '5301000002',
      address: '河西镇政府路1号',
    });
    await strapi.documents('api::site.site').update({
      documentId: township.documentId,
      data: { parent: portal.documentId },
    });
    const column = await strapi.documents('api::column.column').create({
      data: { slug: 'news', type: 'news', name: { zhCN: '新闻动态' }, order: 1, site: township.documentId },
    });
    const codes = {
      author: 'govcluster-author',
      unit: 'govcluster-unit-reviewer',
      web: 'govcluster-web-reviewer',
      secrecy: 'govcluster-secrecy-reviewer',
    };
    const reviewRoles = {
      author: 'author',
      unit: 'unit_reviewer',
      web: 'web_reviewer',
      secrecy: 'secrecy_reviewer',
    };
    for (const [who, email] of Object.entries(accounts) as [keyof typeof accounts, string][]) {
      const role = await strapi.db.query('admin::role').findOne({ where: { code: codes[who] } });
      const user = await strapi.admin.services.user.create({
        email,
        firstname: who,
        lastname: 'E2E',
        password,
        isActive: true,
        registrationToken: null,
        preferedLanguage: 'zh-Hans',
        roles: [role.id],
      });
      await strapi.documents('api::site-membership.site-membership').create({
        data: {
          user: user.id,
          reviewRole: reviewRoles[who],
          sites: who === 'author' || who === 'unit' ? [township.documentId] : [],
        },
      });
    }
    const api = adminApi(url);
    tokens = {};
    for (const [who, email] of Object.entries(accounts)) tokens[who] = await api.login(email, password);
    const created = await api.send(
      'POST',
      `/content-manager/collection-types/${articleUid}?locale=zh-CN`,
      tokens.author,
      {
        title,
        body: '河西镇召开春耕动员会，部署全年农业生产任务。',
        source: '河西镇人民政府',
        datePublished: '2026-03-01T09:30:00+08:00',
        dateModified: '2026-03-01T09:30:00+08:00',
        site: { connect: [{ documentId: township.documentId }] },
        column: { connect: [{ documentId: column.documentId }] },
      },
    );
    documentId = created.data.documentId;
    // An author does not choose the key: the CMS makes one (ADR 18), and the public URL is built from it.
    articleKey = (await strapi.documents(articleUid as never).findOne({ documentId, locale: 'zh-CN' }))?.key;
    expect(articleKey).toMatch(/^\d{8}-[0-9a-z]{6}$/);
    for (const [who, action] of [
      ['author', 'submit'],
      ['unit', 'approve'],
      ['web', 'approve'],
      ['secrecy', 'approve'],
    ] as const) {
      const answer = await api.send(
        'POST',
        `/review/${encodeURIComponent(articleUid)}/${documentId}/${action}`,
        tokens[who],
        { locale: 'zh-CN' },
      );
      expect(answer.data?.stage).toBeDefined();
    }
    expect(
      (
        await strapi
          .documents(articleUid as never)
          .findOne({ documentId, locale: 'zh-CN', status: 'published' })
      )?.title,
    ).toBe(title);
    const buildToken = await ensureBuildToken(strapi, join(tmp, 'build-token'));
    publisher = await startPublisher({
      source: { kind: 'cms', url: `${url}/api`, token: buildToken },
      layout: { dir: join(tmp, 'releases'), live: join(tmp, 'live') },
      siteUrl: `http://127.0.0.1:${sitePort}`,
      port: publisherPort,
      catchUpMs: 10_000,
      log: (line) => console.error(`[publisher] ${line}`),
    });
    await publisher.publisher.idle();
    site = await serveStatic(join(tmp, 'live'), { port: sitePort });
    // The author corrects the title; the unit approves: the new version waits for the web office.
    await api.send(
      'PUT',
      `/content-manager/collection-types/${articleUid}/${documentId}?locale=zh-CN`,
      tokens.author,
      {
        title: newTitle,
      },
    );
    for (const [who, action] of [
      ['author', 'submit'],
      ['unit', 'approve'],
    ] as const) {
      await api.send(
        'POST',
        `/review/${encodeURIComponent(articleUid)}/${documentId}/${action}`,
        tokens[who],
        {
          locale: 'zh-CN',
        },
      );
    }
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await publisher?.stop();
    if (strapi) await destroyKeepingListeners(strapi);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    console.info(`[preview e2e] screenshots in ${shots}`);
  });

  /** A fresh browser context logged in as one account, the admin in Chinese. */
  const loginAs = async (email: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    await context.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'zh-Hans'));
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        console.warn(`[browser ${message.type()}] ${message.text().slice(0, 400)}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400)
        console.warn(
          `[http ${response.status()}] ${response.request().method()} ${response.url().slice(0, 200)}`,
        );
    });
    page.on('pageerror', (error) => console.warn(`[page error] ${error.message}`));
    await page.goto(`${url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((target) => !target.pathname.includes('/auth/login'), { timeout: 30_000 });
    return page;
  };
  /** Waits for the preview tab that `click` opens; returns it once its page has loaded. */
  const previewTab = async (page: Page, click: () => Promise<void>): Promise<{ tab: Page; ms: number }> => {
    const started = performance.now();
    const [tab] = await Promise.all([page.context().waitForEvent('page'), click()]);
    await tab.waitForURL((target) => target.pathname.startsWith('/review/preview/'), { timeout: 120_000 });
    await tab.locator('[data-govcluster-preview]').waitFor({ timeout: 120_000 });
    return { tab, ms: performance.now() - started };
  };

  /** What a preview tab must show: the draft's title in the site's page, under the banner. */
  const expectPreview = async (tab: Page) => {
    expect(await tab.locator('h1').first().textContent()).toBe(newTitle);
    expect(await tab.locator('[data-govcluster-preview]').textContent()).toContain('预览：尚未发布');
    expect(await tab.title()).toMatch(/^【预览】/);
    expect(await tab.locator('html').getAttribute('lang')).toBe('zh-CN');
    const text = (await tab.locator('body').textContent()) ?? '';
    expect(text).toContain('河西镇');
    expect(text).toContain('5301000002');
    expect(await tab.locator('meta[name="robots"]').first().getAttribute('content')).toBe(
      'noindex, nofollow',
    );
  };

  it('lets the author open the preview from the edit view by its button 预览', async () => {
    const page = await loginAs(accounts.author);
    await page.goto(
      `${url}/admin/content-manager/collection-types/${articleUid}/${documentId}?plugins[i18n][locale]=zh-CN`,
    );
    await page.getByTestId('review-panel').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(shots, '0-author-edit-view.png'), fullPage: true });
    const { tab, ms } = await previewTab(page, () =>
      page.getByRole('button', { name: '预览', exact: true }).click(),
    );
    console.info(`[preview e2e] author: click → preview page in ${Math.round(ms)} ms`);
    await expectPreview(tab);
    await tab.screenshot({ path: join(shots, '1-author-preview.png'), fullPage: true });
    // The public page still shows the online version.
    const publicHtml = await (await fetch(`${site.url}/xz/hexi-town/news/${articleKey}/`)).text();
    expect(publicHtml).toContain(title);
    expect(publicHtml).not.toContain(newTitle);
    await page.context().close();
  }, 240_000);

  it('lets the web office open the preview from its row in 待我审核', async () => {
    const page = await loginAs(accounts.web);
    await page.goto(`${url}/admin/plugins/review`);
    const row = page
      .locator('tr')
      .filter({ has: page.getByTestId('review-queue-item').filter({ hasText: newTitle }) });
    await row.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(shots, '2-web-queue.png'), fullPage: true });
    const { tab, ms } = await previewTab(page, () =>
      row.getByRole('button', { name: '预览', exact: true }).click(),
    );
    console.info(`[preview e2e] web office: click → preview page in ${Math.round(ms)} ms`);
    await expectPreview(tab);
    await tab.screenshot({ path: join(shots, '3-web-preview.png'), fullPage: true });
    // Outside the admin's browser, the same address needs a login.
    const anonymous = await fetch(tab.url());
    expect(anonymous.status).toBe(401);
    await page.context().close();
  }, 240_000);
});
