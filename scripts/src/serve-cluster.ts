/**
 * `npm run serve`: serves `dist/` (or `--dir`) on one local port with the project's static server
 * (`lib/static-server.ts`) and prints the portal URL. `dist` may be a symbolic link to a release:
 * the server follows it when it is switched.
 *
 *   node --import tsx scripts/src/serve-cluster.ts [--dir dist] [--port 4321] [--host 127.0.0.1]
 *     [--cms http://127.0.0.1:1337]
 *
 * `--cms` (or `CMS_UPSTREAM`) is where the mailbox's endpoints go (`/mailbox/…`, ADR 23); without it
 * they answer 503.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './lib/paths.ts';
import { serveStatic } from './lib/static-server.ts';

/** The portal's URL on a server of `dir`, from the build's manifest (`sites.json`). */
export function portalUrl(dir: string, origin: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'sites.json'), 'utf8')) as {
    sites: { kind: string; basePath: string }[];
  };
  const portal = manifest.sites.find((site) => site.kind === 'portal');
  return `${origin}${portal?.basePath ?? '/'}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: path.join(repoRoot, 'dist') },
      port: { type: 'string', default: process.env.PORT ?? '4321' },
      host: { type: 'string', default: '127.0.0.1' },
      cms: { type: 'string', default: process.env.CMS_UPSTREAM },
    },
  });
  const dir = path.resolve(values.dir);
  if (!existsSync(path.join(dir, 'sites.json'))) {
    process.stderr.write(`${dir} holds no built cluster (no sites.json): run \`npm run build\` first\n`);
    process.exit(1);
  }
  const running = await serveStatic(dir, {
    port: Number(values.port),
    host: values.host,
    cmsOrigin: values.cms,
  });
  process.stdout.write(`portal: ${portalUrl(dir, running.url)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
