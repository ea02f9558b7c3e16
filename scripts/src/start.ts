/**
 * `npm start`: the demo city, running. Starts the CMS (admin panel built, demo city seeded on first
 * run), the publisher (which builds a release from the CMS with the read-only token at start and
 * again whenever public content changes, and switches `dist` to it) and the static server on `dist`,
 * and prints the portal URL, the admin URL, the publisher's status URL and the demo logins.
 *
 * Everything it starts is supervised (`lib/supervisor.ts`): when the CMS, the publisher or the static
 * server stops or fails, on Ctrl-C (SIGINT), SIGTERM or SIGHUP, or when the parent of `npm start`
 * dies, every part is stopped and a line says what happened.
 *
 * Environment: `PORT` (static server, default 4321), `CMS_PORT` (default 1337), `PUBLISHER_PORT`
 * (default 4330), `DEMO_PASSWORD`.
 */
import path from 'node:path';
import { distDir } from './lib/paths.ts';
import { serveStatic } from './lib/static-server.ts';
import { supervise } from './lib/supervisor.ts';
import { describeSkip } from './publisher/publisher.ts';
import { defaultLayout, readRelease } from './publisher/releases.ts';
import { ensureSnapshot } from './seed-cms.ts';
import { portalUrl } from './serve-cluster.ts';
import { describeCms, startCms } from './start-cms.ts';
import { defaultPublisherPort, startPublisher } from './start-publisher.ts';

function log(line: string): void {
  process.stderr.write(`[start] ${line}\n`);
}

const supervisor = supervise({ log });

async function main(): Promise<void> {
  const cmsPort = process.env.CMS_PORT ?? '1337';
  const publisherPort = Number(process.env.PUBLISHER_PORT ?? defaultPublisherPort);
  const cms = await startCms({
    seedScale: 'demo',
    log,
    env: { PORT: cmsPort, PUBLISHER_URL: `http://127.0.0.1:${publisherPort}` },
    detached: true,
  });
  supervisor.watch('the CMS', cms.child);

  const sitePort = Number(process.env.PORT ?? 4321);
  const origin = `http://127.0.0.1:${sitePort}`;
  const layout = defaultLayout();
  log(`the publisher builds the first release from the CMS at ${cms.apiUrl}…`);
  const publisherLog = (line: string) => process.stderr.write(`[publisher] ${line}\n`);
  const publisher = await startPublisher({
    source: { kind: 'cms', url: cms.apiUrl, token: cms.token },
    layout,
    siteUrl: origin,
    port: publisherPort,
    log: publisherLog,
  });
  supervisor.watchServer('the publisher', publisher.server.server);
  await publisher.publisher.idle();
  let status = publisher.publisher.status();
  let source = 'the CMS';
  if (status.failures.length > 0) {
    log(`the first build from the CMS did not go live: ${status.failures[0]?.reason}`);
    if (status.live) {
      source = 'an earlier release (the build from the CMS failed, see above)';
      log(`serving the live release ${status.live}, which stays as it was`);
    } else {
      log('building from the demo snapshot instead, so that the sites can be looked at');
      const fallback = await startPublisher({
        source: { kind: 'snapshot', dir: await ensureSnapshot('demo', log) },
        layout,
        siteUrl: origin,
        port: 0,
        catchUpMs: 0,
        log: publisherLog,
      });
      await fallback.publisher.idle();
      await fallback.stop();
      source = 'the demo snapshot (the build from the CMS failed, see above)';
      status = publisher.publisher.status();
      if (!status.live) {
        await supervisor.stop('no release could be built', 1);
        return;
      }
    }
  }
  const live = status.live ? readRelease(layout, status.live) : null;
  for (const skipped of live?.skipped ?? []) log(`skipped invalid entry: ${describeSkip(skipped)}`);
  const server = await serveStatic(distDir, { port: sitePort, cmsOrigin: `http://127.0.0.1:${cmsPort}` });
  supervisor.watchServer('the static server', server.server);
  const portal = portalUrl(distDir, server.url);
  const lines = [
    '',
    'GovCluster demo city is running',
    `  Portal (public sites): ${portal}`,
    `  Site manifest:         ${server.url}/sites.json`,
    ...describeCms(cms).map((line) => `  ${line}`),
    `  Publisher status:      ${publisher.server.url}/status  (releases in ${path.relative(process.cwd(), layout.dir) || layout.dir}/)`,
    live
      ? `  Live release ${live.id} from ${source}: ${live.pages} pages in ${(live.durationMs / 1000).toFixed(1)} s`
      : `  Sites served from ${source}`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  void supervisor.stop(`error: ${error instanceof Error ? error.message : String(error)}`, 1);
});
