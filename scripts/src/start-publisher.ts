/**
 * `npm run publisher`: the publisher on its own (production: a systemd unit, see README), or started by
 * `npm start` next to the CMS and the static server. Builds a new release whenever the CMS says
 * something public changed (signed webhook) or its sync token differs from the live release's
 * (catch-up), and switches `dist` to it atomically.
 *
 *   node --import tsx scripts/src/start-publisher.ts [--snapshot <dir>] [--once] [--port <n>]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BuildResult, buildCluster } from './build-cluster.ts';
import { buildTokenFile } from './cms-paths.ts';
import { createHealthChecker, type HealthChecker } from './publisher/health.ts';
import { createPreviewer } from './publisher/preview.ts';
import {
  type BuildOutcome,
  type BuildRequest,
  createPublisher,
  type Publisher,
} from './publisher/publisher.ts';
import { defaultLayout, type ReleaseLayout } from './publisher/releases.ts';
import { type PublisherServer, servePublisher } from './publisher/server.ts';
import { isPostgresUrl, openSharedQueue, type SharedQueue } from './publisher/shared-queue.ts';
import { buildInput, type Source } from './publisher/source.ts';
import { loadSecret } from './publisher/webhook.ts';

/** The publisher's port when PUBLISHER_PORT is not set. */
export const defaultPublisherPort = 4330;

/** The content source from options and the environment. */
export function sourceFrom(snapshot: string | undefined, env: NodeJS.ProcessEnv = process.env): Source {
  const dir = snapshot ?? env.GOVCLUSTER_SNAPSHOT;
  if (dir) {
    const resolved = path.resolve(dir);
    if (!existsSync(path.join(resolved, 'snapshot.jsonl'))) {
      throw new Error(`--snapshot ${dir}: no snapshot.jsonl in ${resolved}`);
    }
    return { kind: 'snapshot', dir: resolved };
  }
  const url = env.CMS_URL ?? `http://127.0.0.1:${env.CMS_PORT ?? 1337}`;
  const token =
    env.CMS_TOKEN ?? (existsSync(buildTokenFile) ? readFileSync(buildTokenFile, 'utf8').trim() : undefined);
  if (!token) {
    throw new Error(
      `no CMS token: set CMS_TOKEN or start the CMS once so that it writes ${buildTokenFile} (or give --snapshot)`,
    );
  }
  return { kind: 'cms', url, token };
}

/** The cluster build as the publisher runs it: into the new release folder, nginx rooted at `dist`. */
export function clusterBuild(layout: ReleaseLayout, siteUrl: string | undefined) {
  return async (request: BuildRequest): Promise<BuildOutcome> => {
    const input = buildInput(request.source);
    const result = await buildCluster({
      ...input,
      runPart: request.runPart,
      outDir: request.outDir,
      ...(request.pagesFirst ? { pagesFirst: request.pagesFirst } : {}),
      ...(request.spares ? { spares: request.spares } : {}),
      previous: request.previous ?? undefined,
      siteUrl,
      nginxRoot: process.env.NGINX_ROOT ?? layout.live,
      quiet: true,
    });
    return {
      ok: result.ok,
      pages: result.pages,
      skipped: result.skipped,
      log: result.log,
      summary: describeBuild(result),
    };
  };
}

/** One line on a build: full (and why) or incremental, files rendered and taken, time by stage. */
export function describeBuild(result: BuildResult): string {
  const kind = result.fullBuildReason
    ? `full build (${result.fullBuildReason})`
    : `incremental: ${result.rendered} files rendered, ${result.copied} taken${result.reused === undefined ? '' : ` (${result.reused} already in a spare tree)`}`;
  const stages = result.stages
    .filter((stage) => stage.ms >= 10)
    .map((stage) => `${stage.name} ${(stage.ms / 1000).toFixed(2)}`)
    .join(', ');
  const notes = result.log
    .split('\n')
    .filter((line) => /^\[build\] (pages first: (not|no)|.*building again)/.test(line))
    .map((line) => line.slice('[build] '.length));
  return [kind, ...notes, `stages (s): ${stages}`].join('; ');
}

/** Options of {@link startPublisher}. */
export interface StartPublisherOptions {
  source: Source;
  layout?: ReleaseLayout;
  siteUrl?: string;
  port?: number;
  host?: string;
  keep?: number;
  catchUpMs?: number;
  /**
   * PostgreSQL for the publishers' shared queue (ADR 24; default `DATABASE_URL` when it names
   * PostgreSQL). `null`: this process works alone, with the lock folder.
   */
  databaseUrl?: string | null;
  /** Inspect each release after it went live (ADR 29; default true, `PUBLISHER_HEALTH=0` turns it off). */
  health?: boolean;
  log?: (line: string) => void;
}

/** The shared queue's settings from the environment, or null when the publisher works alone. */
export async function sharedQueueFrom(
  databaseUrl: string | null | undefined,
  env: NodeJS.ProcessEnv = process.env,
  log?: (line: string) => void,
): Promise<SharedQueue | null> {
  const url = databaseUrl === undefined ? env.DATABASE_URL : databaseUrl;
  if (!isPostgresUrl(url ?? undefined)) return null;
  const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return openSharedQueue({
    databaseUrl: url as string,
    heartbeatSeconds: number('PUBLISHER_HEARTBEAT_SECONDS'),
    superviseSeconds: number('PUBLISHER_SUPERVISE_SECONDS'),
    partConcurrency: number('PUBLISHER_PART_CONCURRENCY'),
    log,
  });
}

/** A publisher with its HTTP server, started. */
export interface RunningPublisher {
  publisher: Publisher;
  server: PublisherServer;
  /** The inspection of each release, when on. */
  health: HealthChecker | null;
  stop(): Promise<void>;
}

/** Starts the publisher and its HTTP server. */
export async function startPublisher(options: StartPublisherOptions): Promise<RunningPublisher> {
  const layout = options.layout ?? defaultLayout();
  const shared = await sharedQueueFrom(options.databaseUrl, process.env, options.log);
  const health =
    (options.health ?? process.env.PUBLISHER_HEALTH !== '0')
      ? createHealthChecker({ layout, source: options.source, siteUrl: options.siteUrl, log: options.log })
      : null;
  const publisher = createPublisher({
    source: options.source,
    layout,
    build: clusterBuild(layout, options.siteUrl),
    keep: options.keep,
    catchUpMs: options.catchUpMs,
    allowNewSkips: process.env.PUBLISHER_ALLOW_NEW_SKIPS === '1',
    pagesFirst: process.env.PUBLISHER_PAGES_FIRST !== '0',
    spareTrees: process.env.PUBLISHER_SPARE_TREES !== '0',
    shared: shared ?? undefined,
    health: health ?? undefined,
    log: options.log,
  });
  const previewer = createPreviewer({
    layout,
    source: options.source,
    siteUrl: options.siteUrl,
    log: options.log,
  });
  const server = await servePublisher(publisher, {
    secret: loadSecret(),
    previewer,
    health: health ?? undefined,
    port: options.port,
    host: options.host,
    log: options.log,
  });
  await publisher.start();
  return {
    publisher,
    server,
    health,
    async stop() {
      await server.close();
      await publisher.stop();
      await shared?.stop();
    },
  };
}

const usage = `The publisher: builds a release whenever public content changes and switches dist to it.

  pnpm publisher [--snapshot <dir>] [--once [--force]] [--port <n>] [--keep <n>]

  --snapshot <dir>   read a snapshot folder instead of the CMS (or GOVCLUSTER_SNAPSHOT)
  --once             build a release if the live one is behind, then exit (status 1 when that failed)
  --force            with --once: build even when the live release is up to date (npm run build)
  --port <n>         HTTP port for POST /webhook and GET /status (PUBLISHER_PORT, default ${defaultPublisherPort})
  --keep <n>         releases kept besides the live one (PUBLISHER_KEEP, default 5)

Environment: CMS_URL, CMS_TOKEN (default: cms/.data/build-token), PUBLISHER_HOST (default 127.0.0.1),
PUBLISHER_CATCHUP_MS (default 30000), PUBLISHER_SECRET (default: cms/.data/publisher-secret),
GOVCLUSTER_RELEASES (default releases/), GOVCLUSTER_DIST (default dist), GOVCLUSTER_SITE_URL,
GOVCLUSTER_PREVIEWS (previews of drafts, never served publicly; default previews/ beside releases/),
GOVCLUSTER_HEALTH (the inspection of each release, never served publicly; default health/ beside
releases/), PUBLISHER_HEALTH=0 (do not inspect releases),
NGINX_ROOT (root in nginx.conf, default the dist path), PUBLISHER_ALLOW_NEW_SKIPS=1 (publish releases
that skip entries the live one did not), PUBLISHER_PAGES_FIRST=0 (a publication's pages wait for its
search index instead of going live in an interim release first, ADR 30).

With DATABASE_URL on PostgreSQL, every publisher started with it shares one queue there (ADR 24):
one build at a time for the group, its parts rendered by whichever publisher is free, a dead one's
work taken over. PUBLISHER_HEARTBEAT_SECONDS (default 10), PUBLISHER_SUPERVISE_SECONDS (default 5),
PUBLISHER_PART_CONCURRENCY (parts this process renders at once, default its cores, at most 4).
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      snapshot: { type: 'string' },
      once: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      port: { type: 'string' },
      keep: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const env = process.env;
  const source = sourceFrom(values.snapshot, env);
  const keep = Number(values.keep ?? env.PUBLISHER_KEEP ?? 5);
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`--keep ${values.keep}: give a whole number ≥ 1`);
  const layout = defaultLayout(env);
  if (values.once) {
    const publisher = createPublisher({
      source,
      layout,
      build: clusterBuild(layout, env.GOVCLUSTER_SITE_URL),
      keep,
      catchUpMs: 0,
      allowNewSkips: env.PUBLISHER_ALLOW_NEW_SKIPS === '1',
      // One build, then exit: nobody is served the interim release.
      pagesFirst: false,
    });
    await publisher.start({ force: values.force });
    await publisher.idle();
    const status = publisher.status();
    await publisher.stop();
    const failure = status.failures[0];
    if (failure || !status.live) {
      process.stderr.write(`${failure?.reason ?? 'no release is live'}\n`);
      process.exit(1);
    }
    process.stdout.write(`live: ${path.join(layout.dir, status.live)}\n`);
    return;
  }
  const port = Number(values.port ?? env.PUBLISHER_PORT ?? defaultPublisherPort);
  const running = await startPublisher({
    source,
    layout,
    siteUrl: env.GOVCLUSTER_SITE_URL,
    port,
    host: env.PUBLISHER_HOST,
    keep,
    catchUpMs: env.PUBLISHER_CATCHUP_MS ? Number(env.PUBLISHER_CATCHUP_MS) : undefined,
  });
  process.stderr.write(`[publisher] status: ${running.server.url}/status\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void running.stop().then(() => process.exit(0));
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`publisher: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
