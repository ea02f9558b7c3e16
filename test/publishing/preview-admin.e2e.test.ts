/**
 * Preview (issue 14 item 5, ADR 25) in Chromium through the admin: an article is online; its author
 * corrects the title and the unit reviewer approves it, so that it waits for the web office. The author
 * opens the preview from the edit view by its button 预览, the web-office reviewer from the row in
 * 待我审核; both tabs show the draft's new title in the township site's page with the banner, while the
 * public page still shows the old title. Screenshots go to `GOVCLUSTER_E2E_SHOTS` (default: a temporary
 * folder).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/src/lib/static-server.ts';
import { screenshotsDir } from '../lib/admin-e2e.ts';
import { type ArticleWalk, articleUid, fullReview, startArticleWalk } from '../lib/article-walk.ts';

describe('preview in the admin UI (Chromium)', () => {
  let walk: ArticleWalk;
  let url = '';
  let site: StaticServer;
  const shots = screenshotsDir('preview');
  const title = '河西镇召开春耕动员会';
  const newTitle = '河西镇春耕动员会部署全年农业生产（更正稿）';
  let documentId = '';

  beforeAll(async () => {
    walk = await startArticleWalk({ name: 'preview', domain: 'preview.test', title });
    ({ url, documentId } = walk);
    expect(await walk.review(fullReview)).toEqual([
      'unit_review',
      'web_review',
      'secrecy_review',
      'published',
    ]);
    ({ site } = await walk.goLive());
    // The author corrects the title; the unit approves: the new version waits for the web office.
    await walk.api.send(
      'PUT',
      `/content-manager/collection-types/${articleUid}/${documentId}?locale=zh-CN`,
      walk.tokens.author,
      { title: newTitle },
    );
    expect(await walk.review(fullReview.slice(0, 2))).toEqual(['unit_review', 'web_review']);
  }, 300_000);

  afterAll(async () => {
    await walk?.close();
    console.info(`[preview e2e] screenshots in ${shots}`);
  });

  const loginAs = (email: string): Promise<Page> => walk.admin.loginAs(email);

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
    const page = await loginAs(walk.accounts.author);
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
    const publicHtml = await (await fetch(`${site.url}${walk.path}`)).text();
    expect(publicHtml).toContain(title);
    expect(publicHtml).not.toContain(newTitle);
    await page.context().close();
  }, 240_000);

  it('lets the web office open the preview from its row in 待我审核', async () => {
    const page = await loginAs(walk.accounts.web);
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
