/**
 * The world of the publishing integration tests: the review world (a real Strapi on SQLite with the
 * review plugin and its people) with its township and department placed under the portal, one article
 * through the three reviews, a real publisher signed to the CMS and the static server of its live
 * release. The CMS runs in this process and reads PUBLISHER_URL and PUBLISHER_SECRET from its
 * environment; {@link PublishingWorld.close} gives the environment back.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@govcluster/shared/ports';
import { ensureBuildToken } from '../../cms/src/setup/build-token.ts';
import { compileCms } from '../../cms/src/setup/compile.ts';
import { appDir } from '../../cms/src/testing/boot-strapi.ts';
import { createReviewWorld, type ReviewWorld } from '../../cms/src/testing/review/review-world.ts';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import type { ReleaseLayout } from '../../scripts/src/publisher/releases.ts';
import { type RunningPublisher, startPublisher } from '../../scripts/src/start-publisher.ts';

/** A running publishing world. */
export interface PublishingWorld {
  world: ReviewWorld;
  /** The folder of the releases and the `dist` link (removed by close). */
  work: string;
  layout: ReleaseLayout;
  publisher: RunningPublisher;
  /** The static server of the live release. */
  site: StaticServer;
  /** The document id of the article that was online before the publisher's first build. */
  firstArticle: string;
  close(): Promise<void>;
}

/**
 * Starts a publishing world. `firstTitle` is the title of the article approved before the first
 * build (the first release lists and indexes it); `env` adds variables, given the work folder, that
 * must be set before the publisher starts.
 */
export async function startPublishingWorld(options: {
  name: string;
  firstTitle: string;
  catchUpMs: number;
  env?: (work: string) => Record<string, string>;
}): Promise<PublishingWorld> {
  const saved = { ...process.env };
  const work = mkdtempSync(path.join(tmpdir(), `${options.name}-`));
  const port = await freePort();
  process.env.PUBLISHER_URL = `http://127.0.0.1:${port}`;
  process.env.PUBLISHER_SECRET = randomBytes(16).toString('hex');
  Object.assign(process.env, options.env?.(work));
  // This project has no global setup that compiles the CMS: compile it here (when it changed).
  await compileCms(appDir);
  const world = await createReviewWorld('sqlite');
  let publisher: RunningPublisher | undefined;
  const close = async (site?: StaticServer) => {
    await site?.close();
    await publisher?.stop();
    await world.close();
    process.env = saved;
    rmSync(work, { recursive: true, force: true });
  };
  try {
    // The review world's township and department stand alone; the registry wants the portal above
    // them, and each site its own 网站标识码.
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
    const firstArticle = await world.draft(options.firstTitle);
    await world.approveAll(firstArticle);
    const token = await ensureBuildToken(world.app.strapi, path.join(world.app.tmpDir, 'build-token'));
    const layout = { dir: path.join(work, 'releases'), live: path.join(work, 'dist') };
    publisher = await startPublisher({
      source: { kind: 'cms', url: `${world.app.url}/api`, token },
      layout,
      port,
      catchUpMs: options.catchUpMs,
      log: (line) => process.stderr.write(`[publisher] ${line}\n`),
    });
    await publisher.publisher.idle();
    const site = await serveStatic(layout.live, { port: 0 });
    return { world, work, layout, publisher, site, firstArticle, close: () => close(site) };
  } catch (error) {
    await close();
    throw error;
  }
}
