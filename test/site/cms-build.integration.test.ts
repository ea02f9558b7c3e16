/**
 * A build from a real CMS, as `npm start` does it: the CMS (Strapi, its CLI, the fixture city seeded
 * into a throw-away SQLite database) is read over REST with the read-only build token, `CMS_URL` being
 * the API URL the CMS prints (`…/api`). The build must give the same pages as a build of the snapshot,
 * asking for published content locale by locale; after an edit has passed the three reviews and another entry was withdrawn, the next build fetches
 * only what changed and shows both. A recording proxy between build and CMS lists what was asked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import path from 'node:path';
import { mailboxColumn, statisticsSentence } from '@govcluster/shared/mailbox';
import type { MailboxStatistics, Site } from '@govcluster/shared/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCluster } from '../../scripts/src/build-cluster.ts';
import { adminApi } from '../../scripts/src/lib/admin-api.ts';
import type { CmsHandle } from '../../scripts/src/start-cms.ts';
import { type FixtureCms, startFixtureCms } from '../lib/fixture-cms.ts';
import { type FixtureBuild, fixtureBuild, htmlPages, readPage, readRecords } from './fixture.ts';

/** A proxy to `target` that records the path and query of every request. */
async function recordingProxy(target: string): Promise<{ url: string; requests: string[]; server: Server }> {
  const to = new URL(target);
  const requests: string[] = [];
  const server = createHttpServer((incoming, outgoing) => {
    requests.push(incoming.url ?? '');
    const forward = httpRequest(
      {
        host: to.hostname,
        port: to.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, requests, server };
}

describe('a build from the real CMS', () => {
  let fixture: FixtureBuild;
  let cms: CmsHandle;
  let proxy: Awaited<ReturnType<typeof recordingProxy>> | undefined;
  let work: string;
  let fixtureCms: FixtureCms | undefined;

  beforeAll(async () => {
    // The shared fixture build first: two Astro builds of one project must not overlap.
    fixture = await fixtureBuild();
    fixtureCms = await startFixtureCms(fixture.snapshot, 'cms-build');
    ({ cms, work } = fixtureCms);
  }, 600_000);

  afterAll(async () => {
    proxy?.server.close();
    await fixtureCms?.stop();
  }, 60_000);

  it('builds the same pages as the snapshot, with the content of the CMS', async () => {
    proxy = await recordingProxy(new URL(cms.apiUrl).origin);
    const out = path.join(work, 'dist');
    const result = await buildCluster({ outDir: out, quiet: true, env: buildEnv() });
    expect(result.ok, result.log.slice(-3000)).toBe(true);
    expect(result.skipped).toEqual([]);
    expect(htmlPages(out)).toEqual(htmlPages(fixture.dist));

    const records = readRecords(fixture.snapshot);
    // Published content only, asked for locale by locale, and all of it on a first build.
    const articleQueries = proxy.requests.filter((r) => r.startsWith('/api/articles?'));
    const locales = new Set(records.filter((r) => r.type === 'article').map((r) => String(r.locale)));
    expect(locales.size).toBeGreaterThan(1);
    for (const locale of locales) {
      expect(
        articleQueries.some((r) => r.includes('status=published') && r.includes(`locale=${locale}`)),
        locale,
      ).toBe(true);
    }
    expect(articleQueries.filter((r) => r.includes('filters%5BupdatedAt%5D'))).toEqual([]);
    const portal = records.find((r) => r.type === 'site' && r.kind === 'portal') as unknown as {
      name: Record<string, string>;
    };
    expect(readPage(out, '/')).toContain(`<title>${portal.name['zh-CN']}</title>`);

    const sites = records.filter((r) => r.type === 'site') as unknown as { id: string; basePath: string }[];
    const article = records.find(
      (r) => r.type === 'article' && r.locale === 'zh-CN' && r.column === 'news',
    ) as Record<string, string>;
    const site = sites.find((s) => s.id === article.site) as { basePath: string };
    const page = readPage(out, `${site.basePath}${article.column}/${article.id}/`);
    expect(page).toMatch(new RegExp(`<title>[^<]*${article.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

    // Attachments are linked at the CMS's upload path and copied into the output.
    const withAttachment = records.find(
      (r) => r.type === 'policy' && r.locale === 'zh-CN' && (r.attachments as unknown[] | undefined)?.length,
    ) as Record<string, string> | undefined;
    if (!withAttachment) throw new Error('the fixture has no policy document with an attachment');
    const policySite = sites.find((s) => s.id === withAttachment.site) as { basePath: string };
    const html = readPage(out, `${policySite.basePath}${withAttachment.column}/${withAttachment.id}/`);
    const link = /href="\/(uploads\/[^"]+)" download/.exec(html)?.[1];
    expect(link).toBeDefined();
    expect(existsSync(path.join(out, link as string))).toBe(true);
  }, 300_000);

  it('shows on each mailbox page what the CMS counts of its letters, as the snapshot counts them', async () => {
    const out = path.join(work, 'dist');
    const answer = await fetch(`${cms.apiUrl}/mailbox-statistics`, {
      headers: { authorization: `Bearer ${cms.token}` },
    });
    expect(answer.status).toBe(200);
    const fromCms = ((await answer.json()) as { data: MailboxStatistics[] }).data;
    const records = readRecords(fixture.snapshot);
    const fromSnapshot = records.filter(
      (r) => r.type === 'mailboxStatistics',
    ) as unknown as MailboxStatistics[];
    const sites = records.filter((r) => r.type === 'site') as unknown as Site[];
    const withMailbox = sites.filter((site) => mailboxColumn(site.columns));
    expect(withMailbox.length).toBeGreaterThan(1);
    // Ratings live in the mailbox's intakes, which seeded letters do not have: compare the rest.
    const handled = (statistics: MailboxStatistics) =>
      statistics.rows.map(({ satisfied, fair, dissatisfied, ...row }) => row);
    for (const site of withMailbox) {
      const cmsFigures = fromCms.find((statistics) => statistics.site === site.id);
      const snapshotFigures = fromSnapshot.find((statistics) => statistics.site === site.id);
      if (!cmsFigures || !snapshotFigures) throw new Error(`no statistics for ${site.id}`);
      // The same letters, counted by the same function on the same day.
      if (cmsFigures.asOf === snapshotFigures.asOf)
        expect(handled(cmsFigures), site.id).toEqual(handled(snapshotFigures));
      const url = `${site.basePath}${mailboxColumn(site.columns)?.slug}/`;
      expect(readPage(out, url), site.id).toContain(statisticsSentence(cmsFigures));
      expect(readPage(fixture.dist, url), site.id).toContain(statisticsSentence(snapshotFigures));
      for (const dist of [out, fixture.dist]) {
        expect(readPage(dist, url)).toMatch(
          /<caption id="gc-mailbox-stats-month"><span>近12个月各月来信办理情况/,
        );
      }
    }
  });

  it('after a reviewed edit and a withdrawal, fetches only what changed and shows both', async () => {
    if (!cms || !proxy) throw new Error('the first build did not run');
    const admin = adminApi(new URL(cms.adminUrl).origin);
    const password = cms.demoPassword ?? '';
    const login = (email: string) => admin.login(email, password);
    const records = readRecords(fixture.snapshot);
    const sites = records.filter((r) => r.type === 'site') as unknown as { id: string; basePath: string }[];
    const [edited, withdrawn] = records.filter(
      (r) => r.type === 'article' && r.locale === 'zh-CN' && r.column === 'news',
    ) as Record<string, string>[];
    if (!edited || !withdrawn) throw new Error('the fixture has fewer than two news articles');
    const urlOf = (r: Record<string, string>) =>
      `${(sites.find((s) => s.id === r.site) as { basePath: string }).basePath}${r.column}/${r.id}/`;
    const uid = 'api::article.article';
    const title = '经三级审核后更新的标题';
    const body = '经三级审核后更新的正文：只取变化的内容。';
    // Our ids are the CMS's `key`; its own routes take the document id.
    const documentIdOf = async (key: string) => {
      const response = await fetch(
        `${cms.apiUrl}/articles?filters[key][$eq]=${encodeURIComponent(key)}&locale=zh-CN&fields[0]=key`,
        { headers: { authorization: `Bearer ${cms.token}` } },
      );
      const json = (await response.json()) as { data: { documentId: string }[] };
      const found = json.data[0]?.documentId;
      if (!found) throw new Error(`no article ${key} in the CMS`);
      return found;
    };
    const editedId = await documentIdOf(edited.id);
    const withdrawnId = await documentIdOf(withdrawn.id);

    const author = await login(`author.${edited.site}@demo.gov.cn`);
    const cmRoute = `/content-manager/collection-types/${uid}/${editedId}?locale=zh-CN`;
    await admin.send('PUT', cmRoute, author, { title, body });
    await admin.send('POST', `/review/${uid}/${editedId}/submit`, author, { locale: 'zh-CN' });
    for (const reviewer of [`unit.${edited.site}@demo.gov.cn`, 'web@demo.gov.cn', 'secrecy@demo.gov.cn']) {
      await admin.send('POST', `/review/${uid}/${editedId}/approve`, await login(reviewer), {
        locale: 'zh-CN',
      });
    }
    await admin.send('POST', `/review/${uid}/${withdrawnId}/withdraw`, await login('admin@demo.gov.cn'), {
      locale: 'zh-CN',
      comment: '信息已过时，撤稿',
    });

    proxy.requests.length = 0;
    const out = path.join(work, 'dist');
    const result = await buildCluster({ outDir: out, quiet: true, env: buildEnv() });
    expect(result.ok, result.log.slice(-3000)).toBe(true);
    expect(readPage(out, urlOf(edited))).toContain(title);
    // The body lives in the text store, not in Astro's data store: it changed there too.
    expect(readPage(out, urlOf(edited))).toContain(body);
    expect(existsSync(path.join(out, urlOf(withdrawn), 'index.html'))).toBe(false);
    const listing = readFileSync(
      path.join(out, urlOf(withdrawn).replace(/[^/]+\/$/, ''), 'index.html'),
      'utf8',
    );
    expect(listing).not.toContain(`href="${urlOf(withdrawn)}"`);
    // Content was asked for only as changed since the first build (plus the ids, to see withdrawals).
    const articleQueries = proxy.requests.filter((r) => r.startsWith('/api/articles?'));
    expect(articleQueries.length).toBeGreaterThan(0);
    const fullFetches = articleQueries.filter(
      (r) => !r.includes('filters%5BupdatedAt%5D%5B%24gt%5D') && !r.includes('fields%5B0%5D='),
    );
    expect(fullFetches).toEqual([]);
  }, 300_000);

  function buildEnv(): NodeJS.ProcessEnv {
    return {
      CMS_URL: `${proxy?.url}/api`,
      CMS_TOKEN: cms.token,
      GOVCLUSTER_SNAPSHOT: '',
      GOVCLUSTER_CACHE_DIR: path.join(work, 'cache'),
    };
  }
});
