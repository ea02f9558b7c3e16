/**
 * Tried as a new user would (issue 12), in Chromium through the admin: an author's article passes the
 * unit and web-office reviews, the secrecy reviewer gives the final approval in the edit view's review
 * panel, and the panel then says when the article went live with a link to its public page, which the
 * static server answers; the web office opens 发布状态 and sees the releases. Screenshots go to
 * `GOVCLUSTER_E2E_SHOTS` (default: a temporary folder).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@govcluster/shared/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuildToken } from '../../cms/src/setup/build-token.ts';
import { createTestSite, hexiTown } from '../../cms/src/testing/test-site.ts';
import { adminApi } from '../../scripts/src/lib/admin-api.ts';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { type RunningPublisher, startPublisher } from '../../scripts/src/start-publisher.ts';
import { type AdminE2e, type Reviewers, screenshotsDir, startAdminE2e } from '../lib/admin-e2e.ts';

const articleUid = 'api::article.article';

describe('publishing in the admin UI (Chromium)', () => {
  let admin: AdminE2e;
  let url = '';
  let tmp = '';
  let publisher: RunningPublisher;
  let site: StaticServer;
  const shots = screenshotsDir('publishing');
  let accounts: Reviewers;
  const title = '河西镇召开春耕动员会';
  let documentId = '';
  let articleKey = '';
  let tokens: Record<string, string> = {};

  beforeAll(async () => {
    const publisherPort = await freePort();
    const sitePort = await freePort();
    admin = await startAdminE2e({
      name: 'publishing',
      env: {
        PUBLISHER_URL: `http://127.0.0.1:${publisherPort}`,
        PUBLISHER_SECRET: randomBytes(16).toString('hex'),
        GOVCLUSTER_SITE_URL: `http://127.0.0.1:${sitePort}`,
      },
    });
    const { strapi } = admin;
    url = admin.url;
    tmp = admin.tmp;
    const portal = await createTestSite(strapi, {
      key: 'portal',
      kind: 'portal',
      name: { zhCN: '临江市人民政府' },
    });
    const township = await createTestSite(strapi, hexiTown);
    await strapi.documents('api::site.site').update({
      documentId: township.documentId,
      data: { parent: portal.documentId },
    });
    const column = await strapi.documents('api::column.column').create({
      data: { slug: 'news', type: 'news', name: { zhCN: '新闻动态' }, order: 1, site: township.documentId },
    });
    accounts = await admin.addReviewers(township.documentId, 'publishing.test');
    const api = adminApi(url);
    tokens = {};
    for (const [who, email] of Object.entries(accounts)) tokens[who] = await api.login(email, admin.password);
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
    ] as const) {
      const answer = await api.send(
        'POST',
        `/review/${encodeURIComponent(articleUid)}/${documentId}/${action}`,
        tokens[who],
        { locale: 'zh-CN' },
      );
      expect([who, answer.data?.stage]).toEqual([
        who,
        action === 'submit' ? 'unit_review' : who === 'unit' ? 'web_review' : 'secrecy_review',
      ]);
    }
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
  }, 300_000);

  afterAll(async () => {
    await site?.close();
    await publisher?.stop();
    await admin?.close();
    console.info(`[publishing e2e] screenshots in ${shots}`);
  });

  const loginAs = (email: string) => admin.loginAs(email);

  it('shows, after the final approval, when the article went live and links to its public page', async () => {
    const page = await loginAs(accounts.secrecy);
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
      answer = await api.send('GET', asked, tokens.secrecy);
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
    expect(href).toBe(`${site.url}/xz/hexi-town/news/${articleKey}/`);
    const publicPage = await fetch(href);
    expect(publicPage.status).toBe(200);
    expect(await publicPage.text()).toContain(title);
    await page.context().close();
  }, 180_000);

  it('shows the web office the 发布状态 page with the live release', async () => {
    const page = await loginAs(accounts.web);
    await page.goto(`${url}/admin/plugins/review/publishing`);
    const row = page.getByTestId('publishing-release').first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('在线版本');
    await page.screenshot({ path: join(shots, '2-web-office-publishing-status.png'), fullPage: true });
    await page.context().close();
  }, 120_000);
});
