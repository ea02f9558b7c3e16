/**
 * The mailbox in the admin UI (Chromium): a letter written through the endpoint shows on 待我办理 with
 * its promised day for the web office and the letter's own office; the edit view's review panel shows
 * the writer's contact data only after the button is pressed, to the office, and the look is logged;
 * another office's author gets the refusal. Screenshots in `.data/screenshots/mailbox/`.
 *
 * Builds the admin panel first when it is missing or outdated (about a minute on two cores).
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@govcluster/shared/ports';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretNames } from '../../cms/src/setup/secrets.ts';
import { appDir, destroyKeepingListeners, strapiModule } from '../../cms/src/testing/boot-strapi.ts';
import { createTestSite } from '../../cms/src/testing/test-site.ts';
import { ensureAdminBuild } from '../../scripts/src/start-cms.ts';
import { launchChromium } from '../lib/chromium.ts';
import { repoRoot } from '../site/fixture.ts';
import { validLetter } from './mailbox-world.ts';

const password = `E2e-${randomBytes(6).toString('hex')}-1a`;
const shots = join(repoRoot, '.data', 'screenshots', 'mailbox');

describe('mailbox in the admin UI (Chromium)', () => {
  // biome-ignore lint/suspicious/noExplicitAny: Strapi's instance type is generated per app
  let strapi: any;
  let url = '';
  let tmp = '';
  let browser: Browser;
  let documentId = '';
  const letter = validLetter(7);

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const port = await freePort();
    for (const name of secretNames) {
      const one = () => randomBytes(24).toString('base64');
      process.env[name] = name === 'APP_KEYS' ? `${one()},${one()}` : one();
    }
    process.env.MAILBOX_KEY = randomBytes(32).toString('hex');
    process.env.MAILBOX_SECRET = randomBytes(32).toString('hex');
    process.env.MAILBOX_LIMITS = '{}';
    tmp = mkdtempSync(join(tmpdir(), 'govcluster-mailbox-e2e-'));
    // Any compile of the CMS empties cms/dist: run from a copy of a built one.
    await ensureAdminBuild((line) => console.error(line));
    const distDir = join(tmp, 'dist');
    cpSync(join(appDir, 'dist'), distDir, { recursive: true });
    if (!existsSync(join(distDir, 'build', 'index.html'))) throw new Error('no admin build');
    Object.assign(process.env, {
      HOST: '127.0.0.1',
      PORT: String(port),
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_STARTUP_LOG: 'false',
      PUBLIC_DIR: join(tmp, 'public'),
      DATABASE_FILENAME: join(tmp, 'cms.sqlite'),
    });
    delete process.env.DATABASE_URL;
    strapi = strapiModule.createStrapi({ appDir, distDir, serveAdminPanel: true, autoReload: false });
    strapi.log.level = 'error';
    await strapi.load();
    await strapi.listen();
    url = `http://127.0.0.1:${port}`;
    const sites: Record<string, string> = {};
    for (const [key, kind, name, mailbox] of [
      ['fgw', 'department', '临江市发展和改革委员会', '主任信箱'],
      ['portal', 'portal', '临江市人民政府', '市长信箱'],
    ] as const) {
      const site = await createTestSite(strapi, { key, kind, name: { zhCN: name } });
      sites[key] = site.documentId;
      await strapi.documents('api::column.column').create({
        data: {
          slug: 'letters',
          type: 'interaction',
          name: { zhCN: mailbox },
          order: 1,
          site: site.documentId,
        },
      });
    }
    const accounts: [string, string, string, string[]][] = [
      ['web.e2e@mailbox.test', 'govcluster-web-reviewer', 'web_reviewer', []],
      ['author.fgw.e2e@mailbox.test', 'govcluster-author', 'author', ['fgw']],
      ['author.portal.e2e@mailbox.test', 'govcluster-author', 'author', ['portal']],
    ];
    for (const [email, code, reviewRole, own] of accounts) {
      const role = await strapi.db.query('admin::role').findOne({ where: { code } });
      const user = await strapi.admin.services.user.create({
        email,
        firstname: email.split('.')[0],
        lastname: 'E2E',
        password,
        isActive: true,
        registrationToken: null,
        preferedLanguage: 'zh-Hans',
        roles: [role.id],
      });
      await strapi.documents('api::site-membership.site-membership').create({
        data: { user: user.id, reviewRole, sites: own.map((key) => sites[key]) },
      });
    }
    // A letter from the public, as JavaScript off sends it.
    const sent = await fetch(`${url}/api/mailbox/letters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(letter),
    });
    const { code } = (await sent.json()) as { code: string };
    documentId = (await strapi.db.query('api::letter-intake.letter-intake').findOne({ where: { code } }))
      .letter;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (strapi) await destroyKeepingListeners(strapi);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const loginAs = async (email: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    await context.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'zh-Hans'));
    const page = await context.newPage();
    page.on('pageerror', (error) => console.warn(`[page error] ${error.message}`));
    await page.goto(`${url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((target) => !target.pathname.includes('/auth/login'), { timeout: 30_000 });
    return page;
  };
  const editView = (page: Page) =>
    page.goto(
      `${url}/admin/content-manager/collection-types/api::letter.letter/${documentId}?plugins[i18n][locale]=zh-CN`,
    );

  it('lists the letter on 待我办理 for the web office and the letter’s office, not for another office', async () => {
    for (const [email, sees, shot] of [
      ['web.e2e@mailbox.test', true, 'admin-letters-web.png'],
      ['author.fgw.e2e@mailbox.test', true, ''],
      ['author.portal.e2e@mailbox.test', false, ''],
    ] as const) {
      const page = await loginAs(email);
      await page.goto(`${url}/admin/plugins/review`);
      await page.getByTestId('letters-to-handle').waitFor({ timeout: 30_000 });
      const item = page.getByTestId('letter-to-handle').filter({ hasText: letter.subject as string });
      expect([email, await item.count()]).toEqual([email, sees ? 1 : 0]);
      if (shot) await page.screenshot({ path: join(shots, shot), fullPage: true });
      await page.context().close();
    }
  });

  it('shows the contact data to the letter’s office only when asked, and logs the look', async () => {
    const page = await loginAs('author.fgw.e2e@mailbox.test');
    await editView(page);
    await page.getByTestId('review-panel').waitFor({ timeout: 30_000 });
    expect(await page.content()).not.toContain(letter.phone);
    await page.getByRole('button', { name: '查看来信人信息' }).click();
    const shown = page.getByTestId('letter-contact');
    await shown.waitFor({ timeout: 15_000 });
    expect(await shown.textContent()).toContain(letter.phone);
    await page.screenshot({ path: join(shots, 'admin-letter-contact.png'), fullPage: true });
    // The office drafts the reply and submits it for review from the panel.
    await page.getByRole('textbox', { name: '答复内容' }).fill('您好，来信收悉，已安排维修。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存', { exact: false }).first().waitFor({ timeout: 15_000 });
    const submitted = page.waitForResponse((response) => response.url().endsWith('/submit'));
    await page.getByRole('button', { name: '提交审核' }).click();
    const answer = await submitted;
    expect([answer.status(), ((await answer.json()) as { data?: { stage?: string } }).data?.stage]).toEqual([
      200,
      'unit_review',
    ]);
    await page.context().close();
    const log = await strapi.db
      .query('plugin::review.review-log')
      .findMany({ where: { targetDocumentId: documentId } });
    expect(
      log.map((entry: { action: string; actorEmail: string }) => [entry.action, entry.actorEmail]),
    ).toEqual([
      ['view_contact', 'author.fgw.e2e@mailbox.test'],
      ['submit', 'author.fgw.e2e@mailbox.test'],
    ]);

    const other = await loginAs('author.portal.e2e@mailbox.test');
    await editView(other);
    const panel = other.getByTestId('review-panel');
    // The other office cannot open the entry at all, or is refused the contact data.
    const opened = await panel.waitFor({ timeout: 15_000 }).then(
      () => true,
      () => false,
    );
    if (opened) {
      await other.getByRole('button', { name: '查看来信人信息' }).click();
      await other
        .getByText('只有网站管理部门和承办单位可以查看来信人信息', { exact: false })
        .waitFor({ timeout: 15_000 });
    }
    expect(await other.content()).not.toContain(letter.phone);
    await other.context().close();
  });
});
