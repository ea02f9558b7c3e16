/**
 * The loop the product exists for (issue 12), on real parts: a real Strapi on SQLite with the review
 * plugin, a real publisher (signed notices from the CMS, catch-up by sync token, releases) and the
 * real static server on the `dist` symlink. An author's article passes three approvals and is then
 * served with its listing; a withdrawal takes both away; a scheduled publish whose time passes while
 * the CMS is down goes live after the restart; a rollback restores the previous release.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@govcluster/shared/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuildToken } from '../../cms/src/setup/build-token.ts';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { listReleases, liveReleaseId, type ReleaseLayout } from '../../scripts/src/publisher/releases.ts';
import { rollback } from '../../scripts/src/rollback.ts';
import { type RunningPublisher, startPublisher } from '../../scripts/src/start-publisher.ts';
import { createReviewWorld, type ReviewWorld } from '../review/review-world.ts';

const articleUid = 'api::article.article';
/** The hexi-town site's news column, as the URL plan puts it (`/xz/<key>/` + column slug). */
const listing = '/xz/hexi-town/news/';

let work: string;
let world: ReviewWorld;
let layout: ReleaseLayout;
let publisher: RunningPublisher;
let site: StaticServer;
const saved = { ...process.env };

async function page(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${site.url}${url}`);
  return { status: response.status, text: await response.text() };
}

/** Polls until `check` holds for what the static server answers; returns the seconds it took. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await check()) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const status = publisher.publisher.status();
  throw new Error(
    `${what}: not after ${timeoutMs / 1000} s; publisher: ${JSON.stringify(status.failures[0] ?? status.building)}`,
  );
}

async function keyOf(documentId: string): Promise<string> {
  const entry = await world.app.strapi
    .documents(articleUid)
    .findOne({ documentId, locale: 'zh-CN' } as never);
  return (entry as unknown as { key: string }).key;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'publishing-'));
  const port = await freePort();
  process.env.PUBLISHER_URL = `http://127.0.0.1:${port}`;
  process.env.PUBLISHER_SECRET = `e2e-${Math.random().toString(36).slice(2)}`;
  world = await createReviewWorld('sqlite');
  // The review world's township and department stand alone; the registry wants the portal above them.
  // Each site also needs its own 网站标识码.
  for (const [key, name, siteCode] of [
    ['hexi-town', '河西镇', '5301000002'],
    ['fgw', '临江市发展和改革委员会', '5301000003'],
  ] as const) {
    await world.app.strapi.documents('api::site.site').update({
      documentId: world.sites[key] as string,
      data: {
        parent: world.sites.portal,
        footer: {
          sponsor: { zhCN: name },
          siteCode,
          icp: '云ICP备12345678号',
          publicSecurity: '云公网安备 53010202000123号',
          contact: { phone: '0871-12345678', address: { zhCN: '临江市政务大道1号' } },
        },
      } as never,
    });
  }
  // One published article, so that the first release has content to list and index.
  await world.approveAll(await world.draft('河西镇政府工作动态'));
  const token = await ensureBuildToken(world.app.strapi, path.join(world.app.tmpDir, 'build-token'));
  layout = { dir: path.join(work, 'releases'), live: path.join(work, 'dist') };
  publisher = await startPublisher({
    source: { kind: 'cms', url: `${world.app.url}/api`, token },
    layout,
    port,
    catchUpMs: 5_000,
    log: (line) => process.stderr.write(`[publisher] ${line}\n`),
  });
  await publisher.publisher.idle();
  site = await serveStatic(layout.live, { port: 0 });
}, 600_000);

afterAll(async () => {
  await site?.close?.();
  await publisher?.stop();
  await world?.close();
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

describe('publishing: from the last approval to the live site', () => {
  let published: { id: string; url: string; title: string };

  it('serves an approved article and lists it, seconds after the final approval', async () => {
    expect(liveReleaseId(layout)).not.toBeNull();
    const title = '河西镇召开春耕生产动员会';
    const id = await world.draft(title);
    const url = `${listing}${await keyOf(id)}/`;
    expect((await page(url)).status).toBe(404);
    const approved = await world.approveAll(id);
    expect(approved.stage).toBe('published');
    const seconds = await until(
      'the article and its listing entry',
      async () => (await page(url)).text.includes(title) && (await page(listing)).text.includes(title),
    );
    process.stderr.write(
      `[publishing e2e] final approval → page and listing live in ${seconds.toFixed(1)} s\n`,
    );
    published = { id, url, title };
  });

  it('takes a withdrawn article and its listing entry off the site', async () => {
    const withdrawn = await world.review(world.people.admin, 'withdraw', published.id, {
      comment: '信息有误，撤稿更正',
      locale: 'zh-CN',
    });
    expect(withdrawn.status).toBe(200);
    await until(
      'the withdrawal',
      async () =>
        (await page(published.url)).status === 404 && !(await page(listing)).text.includes(published.title),
    );
  });

  it('publishes a scheduled article whose time passed while the CMS was down, after its restart', async () => {
    const title = '河西镇夏季防汛工作安排';
    const id = await world.draft(title);
    const url = `${listing}${await keyOf(id)}/`;
    const publishAt = new Date(Date.now() + 4_000).toISOString();
    const approved = await world.approveAll(id, { last: { publishAt } });
    expect(approved.stage).toBe('approved');
    await world.app.restart(async () => {
      await new Promise((resolve) => setTimeout(resolve, 6_000));
    });
    await until('the scheduled article after the restart', async () =>
      (await page(url)).text.includes(title),
    );
    published = { id, url, title };
  });

  it('rolls back to the previous release in under a second', async () => {
    const before = liveReleaseId(layout);
    expect(listReleases(layout).length).toBeGreaterThan(1);
    const started = performance.now();
    const now = await rollback(layout);
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(1000);
    expect(now).not.toBe(before);
    expect((await page(published.url)).status).toBe(404);
    expect((await page(listing)).text).not.toContain(published.title);
  });
});
