/**
 * `node --import tsx cms/tools/serve.ts [--seed-snapshot <dir>]` — runs the CMS with its admin panel
 * (built beforehand with `strapi build`). With --seed-snapshot, an empty database is first seeded from
 * that snapshot with the demo accounts. When ready, prints one line to stdout:
 * `GOVCLUSTER_CMS_READY {"adminUrl":…,"apiUrl":…,"token":…,"demoAccounts":[…],"seeded":…}`.
 */
import { parseArgs } from 'node:util';
import { ensureBuildToken } from '../src/setup/build-token';
import { bootCms, buildTokenFile, destroyQuietly } from './boot';
import { defaultDemoPassword } from './demo-accounts';
import { formatReport, runSeed } from './seed';

/** The marker that precedes the JSON line on stdout. */
export const readyMarker = 'GOVCLUSTER_CMS_READY';

async function main() {
  const { values } = parseArgs({ options: { 'seed-snapshot': { type: 'string' } } });
  const started = Date.now();
  process.env.STRAPI_STARTUP_LOG ??= 'false';
  const tokenFile = process.env.GOVCLUSTER_BUILD_TOKEN_FILE ?? buildTokenFile;
  const strapi = await bootCms({ serveAdminPanel: true, logLevel: process.env.STRAPI_LOG_LEVEL ?? 'warn' });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await destroyQuietly(strapi);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let seeded = null;
  const sites = await strapi.documents('api::site.site').count({});
  if (values['seed-snapshot'] && sites === 0) {
    process.stderr.write('[cms] empty database: seeding the demo city (first run)\n');
    const result = await runSeed({
      snapshot: values['seed-snapshot'],
      demoAccounts: true,
      strapi,
      tokenFile,
    });
    for (const line of formatReport(result)) process.stderr.write(`${line}\n`);
    seeded = { records: result.records, seconds: result.seconds, databaseBytes: result.databaseBytes };
  } else if (sites === 0) {
    process.stderr.write('[cms] the database is empty: run `pnpm seed --scale demo` to load the demo city\n');
  }
  const token = await ensureBuildToken(strapi, tokenFile);
  await strapi.listen();
  const { host, port } = strapi.config.get<{ host: string; port: number }>('server');
  const base = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const demo = await strapi.db.query('admin::user').findMany({
    where: { email: { $endsWith: '@demo.gov.cn' } },
    select: ['email'],
    orderBy: { id: 'asc' },
  });
  const ready = {
    adminUrl: `${base}/admin`,
    apiUrl: `${base}/api`,
    token,
    tokenFile: process.env.GOVCLUSTER_BUILD_TOKEN_FILE ?? 'cms/.data/build-token',
    demoAccounts: demo.map((user: { email: string }) => user.email),
    demoPassword: demo.length > 0 ? process.env.DEMO_PASSWORD || defaultDemoPassword : undefined,
    seeded,
    startSeconds: (Date.now() - started) / 1000,
  };
  process.stdout.write(`${readyMarker} ${JSON.stringify(ready)}\n`);
}

main().catch((error) => {
  process.stderr.write(`[cms] error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
