/**
 * The loop the product exists for (issue 12), on real parts: a real Strapi on SQLite with the review
 * plugin, a real publisher (signed notices from the CMS, catch-up by sync token, releases) and the
 * real static server on the `dist` symlink. An author's article passes three approvals and is then
 * served with its listing; a withdrawal takes both away; a scheduled publish whose time passes while
 * the CMS is down goes live after the restart; a rollback restores the previous release. After a
 * release the publisher inspects it (ADR 29): the report reaches the web office through the CMS, and
 * nobody else, not through the public server.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClusterHealth } from '@govcluster/shared/publishing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewWorld } from '../../cms/src/testing/review/review-world.ts';
import type { StaticServer } from '../../scripts/src/lib/static-server.ts';
import { healthDir, healthFiles } from '../../scripts/src/publisher/health.ts';
import { listReleases, liveReleaseId, type ReleaseLayout } from '../../scripts/src/publisher/releases.ts';
import { rollback } from '../../scripts/src/rollback.ts';
import type { RunningPublisher } from '../../scripts/src/start-publisher.ts';
import { type PublishingWorld, startPublishingWorld } from '../lib/publishing-world.ts';

const articleUid = 'api::article.article';
/** The hexi-town site's news column, as the URL plan puts it (`/xz/<key>/` + column slug). */
const listing = '/xz/hexi-town/news/';

let world: ReviewWorld;
let layout: ReleaseLayout;
let publisher: RunningPublisher;
let site: StaticServer;
let running: PublishingWorld;

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
  running = await startPublishingWorld({
    name: 'publishing',
    firstTitle: '河西镇政府工作动态',
    catchUpMs: 5_000,
  });
  ({ world, layout, publisher, site } = running);
}, 600_000);

afterAll(async () => {
  await running?.close();
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

  it('rolls back to the previous release (its time is measured by bench:publish)', async () => {
    // The page was live from the interim release; the complete one (with its search index) follows and
    // would replace a rollback made before it (as any build's release does, ADR 15 and 30).
    await publisher.publisher.idle();
    const before = liveReleaseId(layout);
    expect(listReleases(layout).length).toBeGreaterThan(1);
    const now = await rollback(layout);
    expect(now).not.toBe(before);
    expect((await page(published.url)).status).toBe(404);
    expect((await page(listing)).text).not.toContain(published.title);
  });
});

describe('the inspection after each release (ADR 29)', () => {
  let health: ClusterHealth;

  it('writes the health of the live release outside the web root, after the release went live', async () => {
    await publisher.publisher.idle();
    await publisher.health?.idle();
    const status = publisher.publisher.status().health;
    expect(status?.problem ?? null).toBeNull();
    expect(status?.last).not.toBeNull();
    health = status?.last as ClusterHealth;
    const dir = healthDir(layout);
    expect(path.dirname(dir)).toBe(path.dirname(layout.dir));
    expect(JSON.parse(readFileSync(path.join(dir, healthFiles.summary), 'utf8'))).toEqual(health);
    expect(listReleases(layout).map((release) => release.id)).toContain(health.release);
    // The portal and the department have no published entry: their homepages fail, and come first.
    const failing = health.sites.filter((entry) => !entry.passed).map((entry) => entry.id);
    expect(failing).toEqual(expect.arrayContaining(['fgw', 'portal']));
    expect(health.sites.slice(0, 2).every((entry) => !entry.passed)).toBe(true);
    expect(health.sites.find((entry) => entry.id === 'fgw')?.vetoItems).toContainEqual(
      expect.objectContaining({ rule: 'homepage-stale', message: '首页栏目没有任何已发布的信息' }),
    );
  });

  it('hands the report to the web office and a site administrator through the CMS, to nobody else', async () => {
    const report = (who?: string) =>
      fetch(`${world.app.url}/review/health-report`, {
        headers: who ? { authorization: `Bearer ${who}` } : {},
      });
    for (const person of [world.people.web, world.people.admin]) {
      const answer = await report(person.token);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await answer.text();
      expect(html).toContain('首页栏目不更新（两周内无新信息）');
      expect(html).toContain('首页栏目没有任何已发布的信息');
      expect(html).toContain('临江市发展和改革委员会');
    }
    expect((await report()).status).toBe(401);
    expect((await report(world.people.author.token)).status).toBe(403);
    expect((await report(world.people.unit.token)).status).toBe(403);
    expect((await report(world.people.secrecy.token)).status).toBe(403);
    // The status the 发布状态 page reads carries the summary.
    const status = await world.call('GET', '/review/publishing', world.people.web);
    expect(status.body.data.status.health.last.release).toBe(health.release);
  });

  it('is not served by the public static server', async () => {
    for (const url of [
      `/health/${healthFiles.report}`,
      `/../health/${healthFiles.report}`,
      `/%2e%2e/health/${healthFiles.report}`,
      `/${healthFiles.report}`,
      `/${healthFiles.summary}`,
    ]) {
      expect([url, (await page(url)).status]).toEqual([url, 404]);
    }
  });
});
