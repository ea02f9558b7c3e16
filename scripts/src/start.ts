/**
 * `npm start`: the demo city, running. Starts the CMS (admin panel built, demo city seeded on first
 * run), builds the whole cluster from it with the read-only token, serves `dist/` on one local port,
 * and prints the portal URL, the admin URL and the demo logins.
 *
 * Everything it starts is supervised (`lib/supervisor.ts`): when the CMS or the static server stops
 * or fails, on Ctrl-C (SIGINT), SIGTERM or SIGHUP, or when the parent of `npm start` dies, every part
 * is stopped and a line says what happened.
 *
 * Environment: `PORT` (static server, default 4321), `CMS_PORT` (default 1337), `DEMO_PASSWORD`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildCluster } from './build-cluster.ts';
import { distDir } from './lib/paths.ts';
import { serveStatic } from './lib/static-server.ts';
import { supervise } from './lib/supervisor.ts';
import { ensureSnapshot } from './seed-cms.ts';
import { portalUrl } from './serve-cluster.ts';
import { describeCms, startCms } from './start-cms.ts';

function log(line: string): void {
  process.stderr.write(`[start] ${line}\n`);
}

const supervisor = supervise({ log });

async function main(): Promise<void> {
  const cmsPort = process.env.CMS_PORT ?? '1337';
  const cms = await startCms({ seedScale: 'demo', log, env: { PORT: cmsPort }, detached: true });
  supervisor.watch('the CMS', cms.child);

  const sitePort = Number(process.env.PORT ?? 4321);
  const origin = `http://127.0.0.1:${sitePort}`;
  log(`building the cluster from the CMS at ${cms.apiUrl}…`);
  let build = await buildCluster({
    siteUrl: origin,
    env: { CMS_URL: cms.apiUrl, CMS_TOKEN: cms.token },
  });
  let source = 'the CMS';
  if (!build.ok) {
    log('the build from the CMS failed; the CMS keeps running. The build said:');
    process.stderr.write(`${build.log.split('\n').slice(-15).join('\n')}\n`);
    if (existsSync(path.join(distDir, 'sites.json'))) {
      source = 'an earlier build (the build from the CMS failed, see above)';
      log('serving the previous build, which stays as it was');
    } else {
      log('building from the demo snapshot instead, so that the sites can be looked at');
      build = await buildCluster({ siteUrl: origin, snapshot: await ensureSnapshot('demo', log) });
      source = 'the demo snapshot (the build from the CMS failed, see above)';
      if (!build.ok) {
        process.stderr.write(`${build.log.split('\n').slice(-30).join('\n')}\n`);
        await supervisor.stop('no build could be made', 1);
        return;
      }
    }
  }
  for (const skipped of build.skipped) {
    log(`skipped invalid entry: site ${skipped.site}, ${skipped.type} ${skipped.id}: ${skipped.problem}`);
  }
  const server = await serveStatic(distDir, { port: sitePort });
  supervisor.watchServer('the static server', server.server);
  const portal = portalUrl(distDir, server.url);
  const lines = [
    '',
    'GovCluster demo city is running',
    `  Portal (public sites): ${portal}`,
    `  Site manifest:         ${server.url}/sites.json`,
    ...describeCms(cms).map((line) => `  ${line}`),
    build.ok
      ? `  Sites built from ${source}: ${build.pages} pages in ${(build.wallMs / 1000).toFixed(1)} s`
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
