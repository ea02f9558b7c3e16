/**
 * Tried as a new user would (issue 12), in Chromium through the admin: an author's article passes the
 * unit and web-office reviews, the secrecy reviewer gives the final approval in the edit view's review
 * panel, and the panel then says when the article went live with a link to its public page, which the
 * static server answers; the web office opens 发布状态 and sees the releases. Screenshots go to
 * `GOVCLUSTER_E2E_SHOTS` (default: a temporary folder).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../../scripts/src/lib/admin-api.ts';
import type { StaticServer } from '../../scripts/src/lib/static-server.ts';
import { screenshotsDir } from '../lib/admin-e2e.ts';
import { type ArticleWalk, articleUid, fullReview, startArticleWalk } from '../lib/article-walk.ts';

describe('publishing in the admin UI (Chromium)', () => {
  let walk: ArticleWalk;
  let url = '';
  let site: StaticServer;
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
    ({ site } = await walk.goLive());
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

  it('shows the web office the 发布状态 page with the live release', async () => {
    const page = await loginAs(walk.accounts.web);
    await page.goto(`${url}/admin/plugins/review/publishing`);
    const row = page.getByTestId('publishing-release').first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('在线版本');
    await page.screenshot({ path: join(shots, '2-web-office-publishing-status.png'), fullPage: true });
    await page.context().close();
  }, 120_000);
});
