/**
 * A build from a real CMS, as `npm start` does it: the CMS (Strapi, its CLI, the fixture city seeded
 * into a throw-away SQLite database) is read over REST with the read-only build token, `CMS_URL` being
 * the API URL the CMS prints (`…/api`). The build must give the same pages as a build of the snapshot.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCluster } from '../../scripts/src/build-cluster.ts';
import { type CmsHandle, startCms } from '../../scripts/src/start-cms.ts';
import { type FixtureBuild, fixtureBuild, htmlPages, readPage, readRecords } from './fixture.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('a build from the real CMS', () => {
  let fixture: FixtureBuild;
  let cms: CmsHandle | undefined;
  let work: string;
  const cmsLog: string[] = [];

  beforeAll(async () => {
    // The shared fixture build first: two Astro builds of one project must not overlap.
    fixture = await fixtureBuild();
    work = mkdtempSync(path.join(tmpdir(), 'gc-cms-build-'));
    cms = await startCms({
      snapshot: fixture.snapshot,
      log: (line) => {
        cmsLog.push(line);
        if (cmsLog.length > 50) cmsLog.shift();
      },
      env: {
        PORT: String(await freePort()),
        DATABASE_FILENAME: path.join(work, 'cms.sqlite'),
        DATABASE_URL: '',
        PUBLIC_DIR: path.join(work, 'public'),
        GOVCLUSTER_BUILD_TOKEN_FILE: path.join(work, 'build-token'),
      },
    });
  }, 600_000);

  afterAll(async () => {
    await cms?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('builds the same pages as the snapshot, with the content of the CMS', async () => {
    if (!cms) throw new Error(`the CMS did not start:\n${cmsLog.join('\n')}`);
    const out = path.join(work, 'dist');
    const result = await buildCluster({
      outDir: out,
      quiet: true,
      env: {
        CMS_URL: cms.apiUrl,
        CMS_TOKEN: cms.token,
        GOVCLUSTER_SNAPSHOT: '',
        GOVCLUSTER_CACHE_DIR: path.join(work, 'cache'),
      },
    });
    expect(result.ok, result.log.slice(-3000)).toBe(true);
    expect(result.skipped).toEqual([]);
    expect(htmlPages(out)).toEqual(htmlPages(fixture.dist));

    const records = readRecords(fixture.snapshot);
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
    if (withAttachment) {
      const policySite = sites.find((s) => s.id === withAttachment.site) as { basePath: string };
      const html = readPage(out, `${policySite.basePath}${withAttachment.column}/${withAttachment.id}/`);
      const link = /href="\/(uploads\/[^"]+)" download/.exec(html)?.[1];
      expect(link).toBeDefined();
      expect(existsSync(path.join(out, link as string))).toBe(true);
    }
  }, 300_000);
});
