/**
 * The world of the walks that follow one article from the admin to the public site (publishing,
 * preview): a Strapi with its admin panel told where its publisher and public site will be, the portal
 * and 河西镇 with a news column, the four people of a review, and an article by the author. The walk
 * moves the article through review with {@link ArticleWalk.review} and starts the publisher and the
 * static server with {@link ArticleWalk.goLive} when it wants the article online.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@govcluster/shared/ports';
import type { ReviewAction } from '@govcluster/shared/review';
import { ensureBuildToken } from '../../cms/src/setup/build-token.ts';
import { createNewsColumn, createTestSite, hexiTown } from '../../cms/src/testing/test-site.ts';
import { type AdminApi, adminApi } from '../../scripts/src/lib/admin-api.ts';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { type RunningPublisher, startPublisher } from '../../scripts/src/start-publisher.ts';
import { type AdminE2e, type Reviewers, startAdminE2e } from './admin-e2e.ts';

export const articleUid = 'api::article.article';

/** One step of a review: who acts, and how. */
export type ReviewStep = readonly [keyof Reviewers, ReviewAction];

/** The whole review of a new version, from the author's submission to the secrecy approval. */
export const fullReview: readonly ReviewStep[] = [
  ['author', 'submit'],
  ['unit', 'approve'],
  ['web', 'approve'],
  ['secrecy', 'approve'],
];

/** A running article walk. */
export interface ArticleWalk {
  admin: AdminE2e;
  /** The CMS's origin. */
  url: string;
  accounts: Reviewers;
  /** Admin API tokens of the four people. */
  tokens: Record<keyof Reviewers, string>;
  api: AdminApi;
  documentId: string;
  /** The key the CMS gave the article (its public URL is built from it). */
  key: string;
  /** The article's public path on 河西镇's site. */
  path: string;
  /** The review actions, in order, through the admin API; returns the stage after each. */
  review(steps: readonly ReviewStep[]): Promise<string[]>;
  /** Starts the publisher (its first build) and the static server of the live release. */
  goLive(): Promise<{ publisher: RunningPublisher; site: StaticServer }>;
  close(): Promise<void>;
}

/** Starts an article walk: `name` names its folders, `domain` its accounts' e-mails. */
export async function startArticleWalk(options: {
  name: string;
  domain: string;
  title: string;
}): Promise<ArticleWalk> {
  const publisherPort = await freePort();
  const sitePort = await freePort();
  const admin = await startAdminE2e({
    name: options.name,
    env: {
      PUBLISHER_URL: `http://127.0.0.1:${publisherPort}`,
      PUBLISHER_SECRET: randomBytes(16).toString('hex'),
      GOVCLUSTER_SITE_URL: `http://127.0.0.1:${sitePort}`,
    },
  });
  const { strapi, tmp, url } = admin;
  let publisher: RunningPublisher | undefined;
  let site: StaticServer | undefined;
  try {
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
    const column = { documentId: await createNewsColumn(strapi, township.documentId) };
    const accounts = await admin.addReviewers(township.documentId, options.domain);
    const api = adminApi(url);
    const tokens = {} as Record<keyof Reviewers, string>;
    for (const who of Object.keys(accounts) as (keyof Reviewers)[])
      tokens[who] = await api.login(accounts[who], admin.password);
    const created = await api.send(
      'POST',
      `/content-manager/collection-types/${articleUid}?locale=zh-CN`,
      tokens.author,
      {
        title: options.title,
        body: '河西镇召开春耕动员会，部署全年农业生产任务。',
        source: '河西镇人民政府',
        datePublished: '2026-03-01T09:30:00+08:00',
        dateModified: '2026-03-01T09:30:00+08:00',
        site: { connect: [{ documentId: township.documentId }] },
        column: { connect: [{ documentId: column.documentId }] },
      },
    );
    const documentId: string = created.data.documentId;
    // An author does not choose the key: the CMS makes one (ADR 18), and the public URL is built from it.
    const key: string = (await strapi.documents(articleUid).findOne({ documentId, locale: 'zh-CN' }))?.key;
    if (!/^\d{8}-[0-9a-z]{6}$/.test(key ?? '')) throw new Error(`the CMS gave the article the key ${key}`);

    return {
      admin,
      url,
      accounts,
      tokens,
      api,
      documentId,
      key,
      path: `/xz/hexi-town/news/${key}/`,
      async review(steps) {
        const stages: string[] = [];
        for (const [who, action] of steps) {
          const answer = await api.send(
            'POST',
            `/review/${encodeURIComponent(articleUid)}/${documentId}/${action}`,
            tokens[who],
            { locale: 'zh-CN' },
          );
          stages.push(answer.data?.stage);
        }
        return stages;
      },
      async goLive() {
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
        return { publisher, site };
      },
      async close() {
        await site?.close();
        await publisher?.stop();
        await admin.close();
      },
    };
  } catch (error) {
    await admin.close();
    throw error;
  }
}
