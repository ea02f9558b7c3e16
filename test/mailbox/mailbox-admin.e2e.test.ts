/**
 * The mailbox's whole walk in Chromium (issue 17's "done when"), on the fixture city seeded into a real
 * CMS (`npm start`'s CMS, with its admin panel and demo accounts) and the built fixture sites served by
 * the local static server with the mailbox routed to that CMS:
 * a citizen writes on a department's site and gets a code → the web office assigns the letter to
 * another department on 待我办理 → that office's author sees it there, opens the contact data and writes
 * the reply → its unit reviewer, the web office and the secrecy reviewer approve → the citizen sees the
 * reply with the code → a build from the CMS has the published letter on the site's mailbox column,
 * with no contact data on the page or in the search index. Buttons are found by their Chinese text.
 * Screenshots in `.data/screenshots/mailbox/`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCluster } from '../../scripts/src/build-cluster.ts';
import { adminApi } from '../../scripts/src/lib/admin-api.ts';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { clusterDocuments } from '../../scripts/src/search/cluster-documents.ts';
import type { CmsHandle } from '../../scripts/src/start-cms.ts';
import { loginToAdmin } from '../lib/admin-e2e.ts';
import { launchChromium } from '../lib/chromium.ts';
import { type FixtureCms, startFixtureCms } from '../lib/fixture-cms.ts';
import { type FixtureBuild, fixtureBuild, readPage, readRecords, repoRoot } from '../site/fixture.ts';

const shots = join(repoRoot, '.data', 'screenshots', 'mailbox');
const phone = '13900007788';
const subject = '关于河西路口红绿灯时长的建议';
const reply = '您好！来信收悉。经现场核查，已将该路口南北向绿灯时长由30秒调整为45秒。感谢您的建议。';

interface FixtureSite {
  id: string;
  kind: string;
  basePath: string;
  name: { 'zh-CN': string };
  columns: { slug: string; type: string; order: number }[];
}

/** Every file under a folder. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });

describe('the mailbox walk in Chromium: write, assign, answer, review, track, publish', () => {
  let fixture: FixtureBuild;
  let cms: CmsHandle;
  let server: StaticServer;
  let browser: Browser;
  let work = '';
  let fixtureCms: FixtureCms | undefined;
  let writtenTo: FixtureSite;
  let office: FixtureSite;
  let code = '';
  let trackingPassword = '';

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    fixture = await fixtureBuild();
    const sites = readRecords(fixture.snapshot).filter((r) => r.type === 'site') as unknown as FixtureSite[];
    const departments = sites.filter((site) => site.kind === 'department');
    writtenTo = departments.find((site) => site.columns.some((c) => c.type === 'interaction')) as FixtureSite;
    office = departments.find((site) => site.id !== writtenTo.id) as FixtureSite;
    fixtureCms = await startFixtureCms(fixture.snapshot, 'mailbox-walk', {
      MAILBOX_KEY: randomBytes(32).toString('hex'),
      MAILBOX_SECRET: randomBytes(32).toString('hex'),
      MAILBOX_LIMITS: '{}',
    });
    ({ cms, work } = fixtureCms);
    server = await serveStatic(fixture.dist, { cmsOrigin: new URL(cms.adminUrl).origin });
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fixtureCms?.stop();
  }, 60_000);

  const loginAs = (email: string): Promise<Page> =>
    loginToAdmin(browser, cms.adminUrl, email, cms.demoPassword ?? '');
  const lettersPage = async (page: Page) => {
    await page.goto(`${cms.adminUrl}/plugins/review`);
    await page.getByTestId('letters-to-handle').waitFor({ timeout: 60_000 });
    return page.getByRole('row').filter({ hasText: subject });
  };

  it('a citizen writes on a department’s site and gets a code', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}${writtenTo.basePath}mailbox/write/`);
    await page.getByLabel('建议').check();
    await page.getByLabel(/^信件标题/).fill(subject);
    await page
      .getByLabel(/^信件内容/)
      .fill('河西路口南北向绿灯只有30秒，早高峰车辆排队很长，建议延长绿灯时间。');
    await page.getByLabel(/^姓名/).fill('陈女士');
    await page.getByLabel(/^联系电话/).fill(phone);
    await page.getByLabel(/同意公开（/).check();
    await page.getByRole('button', { name: '提交信件' }).click();
    await page.waitForURL(/\/mailbox\/letters\/done\?ticket=/, { timeout: 60_000 });
    code = (await page.locator('[data-gc-letter-code]').textContent()) ?? '';
    trackingPassword = (await page.locator('[data-gc-letter-password]').textContent()) ?? '';
    expect(code).toMatch(/^\d{8}-[A-Z0-9]{6}$/);
    await context.close();
  }, 120_000);

  it('the web office assigns it to another office on 待我办理', async () => {
    const page = await loginAs('web@demo.gov.cn');
    const row = await lettersPage(page);
    await row.getByLabel('承办单位').selectOption({ label: office.name['zh-CN'] });
    await page.screenshot({ path: join(shots, 'admin-assign.png'), fullPage: true });
    await row.getByRole('button', { name: '交办' }).click();
    // Reloaded: the letter is with the office now, so the button offers forwarding.
    await row.getByRole('button', { name: '转办' }).waitFor({ timeout: 30_000 });
    await page.context().close();
  }, 180_000);

  it('that office sees it, opens the contact data, answers, and the three reviews pass', async () => {
    const page = await loginAs(`author.${office.id}@demo.gov.cn`);
    const row = await lettersPage(page);
    await page.screenshot({ path: join(shots, 'admin-letters-office.png'), fullPage: true });
    await row.getByTestId('letter-to-handle').click();
    await page.getByTestId('review-panel').waitFor({ timeout: 60_000 });
    expect(await page.content()).not.toContain(phone);
    await page.getByRole('button', { name: '查看来信人信息' }).click();
    await page.getByTestId('letter-contact').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('letter-contact').textContent()).toContain(phone);
    await page.getByRole('textbox', { name: '答复内容' }).fill(reply);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存', { exact: false }).first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('button', { name: '提交审核' }).waitFor({ state: 'detached', timeout: 30_000 });
    const editUrl = page.url();
    await page.context().close();
    // The office the letter was written to does not handle it any more.
    const before = await loginAs(`author.${writtenTo.id}@demo.gov.cn`);
    expect(await (await lettersPage(before)).count()).toBe(0);
    await before.context().close();
    for (const reviewer of [`unit.${office.id}@demo.gov.cn`, 'web@demo.gov.cn', 'secrecy@demo.gov.cn']) {
      const review = await loginAs(reviewer);
      await review.goto(editUrl);
      await review.getByTestId('review-panel').waitFor({ timeout: 60_000 });
      const approved = review.waitForResponse((answer) => answer.url().endsWith('/approve'));
      await review.getByRole('button', { name: '审核通过' }).click();
      expect([reviewer, (await approved).status()]).toEqual([reviewer, 200]);
      await review.context().close();
    }
    // Every assignment and look is in the log: who, from which office to which.
    const admin = adminApi(new URL(cms.adminUrl).origin);
    const csv = (
      await admin.request(
        'GET',
        `/review/log.csv?site=${office.id}`,
        await admin.login('web@demo.gov.cn', cms.demoPassword ?? ''),
      )
    ).body as string;
    const lines = csv.split('\n').filter((line) => line.includes(subject));
    expect(lines.some((line) => line.includes('assign_letter') && line.includes('web@demo.gov.cn'))).toBe(
      true,
    );
    expect(csv).not.toContain(phone);
  }, 600_000);

  it('the citizen sees the reply with the code, and the build publishes it without contact data', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}${writtenTo.basePath}mailbox/track/`);
    await page.getByLabel(/查询编号/).fill(code);
    await page.getByLabel(/查询密码/).fill(trackingPassword);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/\/mailbox\/track$/);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain(reply);
    expect(main).toContain(office.name['zh-CN']);
    await page.screenshot({ path: join(shots, 'walk-status-replied.png'), fullPage: true });
    await context.close();

    const out = join(work, 'dist');
    const built = await buildCluster({
      outDir: out,
      quiet: true,
      env: {
        CMS_URL: cms.apiUrl,
        CMS_TOKEN: cms.token,
        GOVCLUSTER_SNAPSHOT: '',
        GOVCLUSTER_CACHE_DIR: join(work, 'cache'),
      },
    });
    expect(built.ok, built.log.slice(-3000)).toBe(true);
    const column = [...writtenTo.columns]
      .filter((c) => c.type === 'interaction')
      .sort((a, b) => a.order - b.order)[0];
    const html = readPage(out, `${writtenTo.basePath}${column?.slug}/letter-${code.toLowerCase()}/`);
    expect(html).toContain(reply);
    for (const secret of [phone, '陈女士', trackingPassword]) expect(html).not.toContain(secret);
    // The search index: the letter is indexed, its documents and the index files hold no contact data.
    const documents = (await clusterDocuments(out)).filter((doc) => JSON.stringify(doc).includes(subject));
    expect(documents.length).toBe(1);
    expect(JSON.stringify(documents)).not.toContain(phone);
    const index = filesUnder(join(out, 'pagefind')).map((file) => {
      const bytes = readFileSync(file);
      try {
        return gunzipSync(bytes).toString('utf8');
      } catch {
        return bytes.toString('utf8');
      }
    });
    expect(index.some((text) => text.includes('红绿灯'))).toBe(true);
    expect(index.some((text) => text.includes(phone))).toBe(false);
  }, 600_000);
});
