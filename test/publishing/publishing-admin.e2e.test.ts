/**
 * Tried as a new user would (issue 12), in Chromium through the admin: an author's article passes the
 * unit and web-office reviews, the secrecy reviewer gives the final approval in the edit view's review
 * panel, and the panel then says when the article went live with a link to its public page, which the
 * static server answers; the web office opens 发布状态 and sees the releases and each site's health
 * after the inspection of the live release (ADR 29), failing sites first, and opens the full report. Screenshots go to
 * `GOVCLUSTER_E2E_SHOTS` (default: a temporary folder).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../../scripts/src/lib/admin-api.ts';
import type { StaticServer } from '../../scripts/src/lib/static-server.ts';
import type { RunningPublisher } from '../../scripts/src/start-publisher.ts';
import { screenshotsDir } from '../lib/admin-e2e.ts';
import { type ArticleWalk, articleUid, fullReview, startArticleWalk } from '../lib/article-walk.ts';

describe('publishing in the admin UI (Chromium)', () => {
  let walk: ArticleWalk;
  let url = '';
  let site: StaticServer;
  let publisher: RunningPublisher;
  const shots = screenshotsDir('publishing');
  const title = '河西镇召开春耕动员会';
  let documentId = '';

  beforeAll(async () => {
    walk = await startArticleWalk({ name: 'publishing', domain: 'publishing.test', title });
    ({ url, documentId } = walk);
    // The secrecy reviewer's approval is given in the browser below.
    expect(await walk.review(fullReview.slice(0, 3))).toEqual([
      'unit_review',
      'web_review',
      'secrecy_review',
    ]);
    ({ site, publisher } = await walk.goLive());
  }, 300_000);

  afterAll(async () => {
    await walk?.close();
    console.info(`[publishing e2e] screenshots in ${shots}`);
  });

  const loginAs = (email: string) => walk.admin.loginAs(email);

  it('shows, after the final approval, when the article went live and links to its public page', async () => {
    const page = await loginAs(walk.accounts.secrecy);
    await page.goto(
      `${url}/admin/content-manager/collection-types/${articleUid}/${documentId}?plugins[i18n][locale]=zh-CN`,
    );
    await page.getByTestId('review-panel').waitFor({ timeout: 30_000 });
    await page.getByTestId('review-action-approve').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="review-stage"]')?.textContent === '已发布',
      null,
      { timeout: 15_000 },
    );
    // What the panel asks, asked here too: a failure then says what the server answered.
    const api = adminApi(url);
    const asked = `/review/publishing/${encodeURIComponent(articleUid)}/${documentId}?locale=zh-CN`;
    let answer: any;
    for (let round = 0; round < 60; round += 1) {
      answer = await api.send('GET', asked, walk.tokens.secrecy);
      if (answer?.data?.liveAt) break;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    expect(answer?.data?.liveAt, JSON.stringify(answer)).toBeTruthy();
    const live = page.getByTestId('review-live');
    await live.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: join(shots, '1-secrecy-final-approval-FAILED.png'), fullPage: true });
      throw error;
    });
    expect(await live.textContent()).toMatch(/^已上线 .*查看公开页面$/);
    await page.screenshot({ path: join(shots, '1-secrecy-final-approval-live.png'), fullPage: true });
    const href = (await live.locator('a').getAttribute('href')) as string;
    expect(href).toBe(`${site.url}${walk.path}`);
    const publicPage = await fetch(href);
    expect(publicPage.status).toBe(200);
    expect(await publicPage.text()).toContain(title);
    await page.context().close();
  }, 180_000);

  it("shows the web office the 发布状态 page with the live release and each site's health", async () => {
    await publisher.publisher.idle();
    await publisher.health?.idle();
    const page = await loginAs(walk.accounts.web);
    await page.goto(`${url}/admin/plugins/review/publishing`);
    const row = page.getByTestId('publishing-release').first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('在线版本');
    // The portal has published nothing, and the walk's article carries an old date: both homepages
    // fail the two-week rule, each site a row with its single-veto item.
    const first = page.getByTestId('site-health-row').first();
    await first.waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(shots, '2-web-office-publishing-status.png'), fullPage: true });
    expect(await first.textContent()).toMatch(/^\S+不合格首页栏目不更新（两周内无新信息）：首页/);
    const rows = await page.getByTestId('site-health-row').allTextContents();
    expect(rows.map((text) => text.split('不合格')[0]).sort()).toEqual(['临江市人民政府', '河西镇'].sort());
    expect(rows.find((text) => text.startsWith('临江市人民政府'))).toContain('首页栏目没有任何已发布的信息');
    expect(await page.getByTestId('site-health').textContent()).toMatch(
      /2 个网站有单项否决问题，共 2 个网站/,
    );
    await page.getByTestId('health-report-toggle').click();
    const report = page.frameLocator('[data-testid="health-report"]');
    await report.getByRole('heading', { name: '政府网站检查报告' }).waitFor({ timeout: 30_000 });
    expect(await report.locator('body').textContent()).toContain('单项否决');
    await page.getByTestId('health-report').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '3-web-office-health-report.png'), fullPage: true });
    await page.context().close();
  }, 180_000);
});
