/**
 * Builds every site of the cluster into a temporary folder and swaps it into `dist/` only when
 * the build succeeded: a failed build (invalid registry, unreachable CMS, …) leaves the live
 * `dist/` untouched.
 *
 *   node --import tsx scripts/src/build-cluster.ts [--snapshot <dir>] [--out <dir>] [--site-url <url>]
 *     [--nginx-root <path>] [--report <file>] [--help]
 *
 * Content comes from `--snapshot` / `GOVCLUSTER_SNAPSHOT`, or from the CMS (`CMS_URL` + `CMS_TOKEN`).
 * With `MEILI_HOST` and `MEILI_SEARCH_KEY` the search pages use Meilisearch (see `usage`).
 * Long on purpose (about 400 lines): the steps of one build share its temporary folder, fingerprints,
 * manifest, stage timer and log; each step's work is in `build/` and `lib/`, the summary in
 * `build/build-summary.ts`.
 */

import { existsSync, readdirSync } from 'node:fs';
import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SkippedEntry } from '@govcluster/shared/snapshot';
import { copyAttachments, copyCmsAttachments } from './build/attachments.ts';
import { withBuildLock } from './build/build-lock.ts';
import { buildSummary } from './build/build-summary.ts';
import {
  PreviousIncomplete,
  readFingerprints,
  removeFingerprints,
  takeAssets,
  takeUnchanged,
} from './build/incremental.ts';
import { checkMeiliConfig } from './build/meili-config.ts';
import { type PagesFirst, searchMayFollow, takeBack, writeInterim } from './build/pages-first.ts';
import { carryRedirects, writeRedirectPages } from './build/redirects.ts';
import {
  buildVersion,
  manifestDir,
  manifestFile,
  type ReleaseManifest,
  readManifest,
  redirectsFile,
  type ShardRecord,
} from './build/release-manifest.ts';
import type { SpareTrees } from './build/spare-trees.ts';
import { writeNginxConfig } from './generate-nginx.ts';
import { indexDocuments } from './index-search.ts';
import { checkNotFoundPages, placeNotFoundPages } from './lib/not-found-pages.ts';
import { type BuildStage, buildProcesses, type PartRunner, runAstroBuild } from './lib/partitioned-build.ts';
import { distDir } from './lib/paths.ts';
import { clusterPages } from './search/cluster-documents.ts';

/** Options of one cluster build. */
export interface BuildOptions {
  /** Snapshot folder; when absent the CMS named by CMS_URL/CMS_TOKEN is read. */
  snapshot?: string;
  /** The live output folder (default: `dist/` at the repository root). */
  outDir?: string;
  /** Public origin used in canonical links, sitemaps and feeds. */
  siteUrl?: string;
  /** Do not forward Astro's output. */
  quiet?: boolean;
  /** Extra environment for the build (e.g. GOVCLUSTER_BUILD_CONCURRENCY, MEILI_HOST). */
  env?: NodeJS.ProcessEnv;
  /** Build the search index (default true; the build benchmark measures the pages alone). */
  searchIndex?: boolean;
  /** Astro processes side by side (default: {@link buildProcesses}). */
  processes?: number;
  /** The path `dist/` will have on the web server, for `root` in `dist/nginx.conf` (default: `outDir`). */
  nginxRoot?: string;
  /**
   * The live release: pages whose inputs did not change since it was built are copied from it
   * instead of rendered again (incremental build). Absent: everything is rendered.
   */
  previous?: string;
  /**
   * With `previous`: take unchanged files from it (default true). False renders everything and still
   * carries `previous`'s redirects forward (the equivalence test's full rebuild).
   */
  incremental?: boolean;
  /** Pages per search shard (default: the indexer's, 2,500; tests use small shards). */
  searchShardSize?: number;
  /** Runs the Astro parts elsewhere (the publishers' shared queue, ADR 24); default: here. */
  runPart?: PartRunner;
  /**
   * An incremental build whose change only adds search documents (a publication) writes, before it
   * indexes, an interim output with its pages and `previous`'s search index here and calls `ready`
   * (the publisher switches it live; ADR 30). The final output is the same with or without it.
   */
  pagesFirst?: PagesFirst;
  /**
   * Spare trees (superseded releases, ADR 38): an incremental build makes its trees of folders and links
   * in one when there is one, instead of in a new folder. The output is the same.
   */
  spares?: SpareTrees;
}

/** What a cluster build did. */
export interface BuildResult {
  ok: boolean;
  outDir: string;
  pages: number;
  /**
   * The whole build, wall clock, as a user waits for it: the Astro processes, merging their outputs, the
   * 404 pages, redirects, attachments, the search index, nginx.conf, the manifest and the swap.
   */
  wallMs: number;
  /** The Astro processes alone (what the build's summary used to report as the build's time). */
  astroMs: number;
  /** Where the time went, stage by stage, in order; their sum is about `wallMs`. */
  stages: BuildStage[];
  /** Peak resident memory of the Astro processes together (the indexer runs in this process). */
  peakRssBytes: number;
  skipped: SkippedEntry[];
  /** Astro processes that rendered the pages side by side. */
  processes: number;
  /** Pages in the search index (0 when the build failed before indexing). */
  searchDocuments: number;
  /** The Meilisearch host the search pages use, when configured (Pagefind otherwise). */
  meiliHost?: string;
  /** Files the routes rendered in this build (pages, sitemaps, feeds). */
  rendered: number;
  /** Files taken unchanged from `previous`. */
  copied: number;
  /** Of those, the files a spare tree already held (ADR 38); absent when no spare tree was used. */
  reused?: number;
  /** Why everything was rendered, when it was (no previous release, another build version, …). */
  fullBuildReason?: string;
  /** Old URLs that redirect to the new URL of a moved entry. */
  redirects: number;
  log: string;
}

function countPages(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name !== '_astro' && entry.name !== 'pagefind')
        count += countPages(path.join(dir, entry.name));
    } else if (entry.name.endsWith('.html')) count += 1;
  }
  return count;
}

/**
 * Builds the cluster; on success the new output replaces `outDir`, on failure `outDir` stays as it was.
 * Rejects before building when the Meilisearch configuration is unusable (`checkMeiliConfig`).
 */
export async function buildCluster(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  let warnings = '';
  const meili = await checkMeiliConfig({ ...process.env, ...options.env }, (line) => {
    warnings += `warning: ${line}\n`;
    if (!options.quiet) process.stderr.write(`warning: ${line}\n`);
  });
  const result = await withBuildLock(async () => {
    const waited = performance.now() - started;
    const built = await buildUnlocked(options);
    built.stages.unshift({ name: 'Meilisearch check and build lock', ms: waited });
    built.wallMs += waited;
    return built;
  });
  result.log = warnings + result.log;
  if (meili) result.meiliHost = meili.host;
  return result;
}

async function buildUnlocked(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const stages: BuildStage[] = [];
  /** Runs one stage of the build and records its wall time. */
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      stages.push({ name, ms: performance.now() - start });
    }
  };
  const outDir = path.resolve(options.outDir ?? distDir);
  const parent = path.dirname(outDir);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const tmpDir = path.join(parent, `.${path.basename(outDir)}-building-${stamp}`);
  const fingerprints = `${tmpDir}-fingerprints`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=7168'].filter(Boolean).join(' '),
    GOVCLUSTER_FINGERPRINTS_OUT: fingerprints,
    GOVCLUSTER_PREVIOUS_FINGERPRINTS: '',
  };
  if (options.snapshot) env.GOVCLUSTER_SNAPSHOT = path.resolve(options.snapshot);
  if (options.siteUrl) env.GOVCLUSTER_SITE_URL = options.siteUrl;
  let log = '';
  const note = (line: string) => {
    if (!options.quiet) process.stdout.write(`[build] ${line}\n`);
    log += `[build] ${line}\n`;
  };
  // The previous release: its redirects always carry over; its files only when it was built the same way.
  const version = buildVersion(env);
  const previousDir = options.previous ? await realpath(options.previous).catch(() => undefined) : undefined;
  const read = previousDir ? readManifest(previousDir) : undefined;
  const previousManifest = read?.manifest;
  let fullBuildReason: string | undefined;
  if (!options.previous) fullBuildReason = 'no previous release was given';
  else if (!previousDir) fullBuildReason = `the previous release ${options.previous} does not exist`;
  else if (!previousManifest)
    fullBuildReason = `the previous release has no usable manifest: ${read?.problem}`;
  else if (previousManifest.version !== version)
    fullBuildReason = `the previous release was built from other templates, sources or settings (version ${previousManifest.version}, now ${version})`;
  else if (options.incremental === false) fullBuildReason = 'asked to render everything';
  const incremental = fullBuildReason === undefined && previousDir !== undefined;
  // The loaders keep the entries of unchanged records from the last build of this code; a build that
  // renders everything loads everything afresh (sites/src/loaders/cluster-loader.ts).
  env.GOVCLUSTER_BUILD_VERSION = version;
  if (!incremental) env.GOVCLUSTER_FRESH_CONTENT = '1';
  if (incremental) {
    env.GOVCLUSTER_PREVIOUS_FINGERPRINTS = path.join(previousDir, manifestFile);
    note(`incremental build: unchanged files are taken from ${previousDir}`);
  } else note(`full build: ${fullBuildReason}`);
  stages.push({ name: 'read the previous release', ms: performance.now() - started });
  const run = await runAstroBuild({
    outDir: tmpDir,
    env,
    // An incremental build renders a few files after loading everything: a second process would load
    // everything again for little to render (demo: 2.6 s against 5.9 s with two on two cores).
    processes:
      options.processes ?? (incremental && !env.GOVCLUSTER_BUILD_PROCESSES ? 1 : buildProcesses(env)),
    quiet: options.quiet,
    runPart: options.runPart,
    onOutput: (chunk) => {
      if (log.length < 2_000_000) log += chunk;
    },
  });
  const { skipped } = run;
  stages.push(...run.stages);
  const result: BuildResult = {
    ok: false,
    outDir,
    pages: 0,
    wallMs: 0,
    astroMs: run.wallMs,
    stages,
    peakRssBytes: run.peakRssBytes,
    skipped,
    processes: run.processes,
    searchDocuments: 0,
    rendered: 0,
    copied: 0,
    redirects: 0,
    ...(fullBuildReason ? { fullBuildReason } : {}),
    log,
  };
  const fail = async (why: string) => {
    log += `\n${why}\n`;
    result.log = log;
    await rm(tmpDir, { recursive: true, force: true });
    await removeFingerprints(fingerprints);
    result.wallMs = performance.now() - started;
    return result;
  };
  if (!run.ok || !existsSync(path.join(tmpDir, 'sites.json'))) return fail('the Astro build failed');
  const takeAssetsOf = async (dir: string, from: string, linked?: ReadonlySet<string>) => {
    const assets = await timed('take unchanged assets', () => takeAssets(dir, from, linked));
    note(`took ${assets} assets from the previous release`);
  };
  let manifest: ReleaseManifest;
  try {
    await timed('404 pages', () => placeNotFoundPages(tmpDir, incremental));
    const printed = readFingerprints(fingerprints);
    if (incremental) {
      const taken = await timed('take unchanged files', () =>
        takeUnchanged(tmpDir, previousDir, printed.files, options.spares),
      );
      result.rendered = taken.rendered;
      result.copied = taken.copied;
      if (taken.reused !== undefined) result.reused = taken.reused;
      note(
        `rendered ${taken.rendered} files, took ${taken.copied} files from the previous release${taken.reused === undefined ? '' : ` (in a spare tree that held ${taken.reused} of them)`}`,
      );
      // With the search index, its reading of the pages says which assets they link to (below).
      if (options.searchIndex === false) await takeAssetsOf(tmpDir, previousDir);
    } else result.rendered = Object.keys(printed.files).length;
    await timed('check the 404 pages', () => checkNotFoundPages(tmpDir));
    const redirectsStart = performance.now();
    const redirects = carryRedirects({
      previousEntries: previousManifest?.entries ?? {},
      previousRedirects: previousManifest?.redirects ?? {},
      entries: printed.entries,
      isPage: (url) => url.endsWith('/') && printed.files[`${url.slice(1)}index.html`] !== undefined,
    });
    await writeRedirectPages(tmpDir, redirects, env.GOVCLUSTER_SITE_URL);
    stages.push({ name: 'redirects', ms: performance.now() - redirectsStart });
    result.redirects = Object.keys(redirects).length;
    manifest = {
      format: 'govcluster-release@1',
      version,
      files: printed.files,
      entries: printed.entries,
      redirects,
      search: {},
    };
  } catch (error) {
    if (error instanceof PreviousIncomplete) {
      await rm(tmpDir, { recursive: true, force: true });
      await removeFingerprints(fingerprints);
      note(`${error.message}: building again, rendering everything`);
      const again = await buildUnlocked({ ...options, incremental: false });
      again.log = log + again.log;
      again.stages = [...stages, { name: 'build again, rendering everything', ms: 0 }, ...again.stages];
      again.wallMs = performance.now() - started;
      return again;
    }
    return fail((error as Error).message);
  }
  await removeFingerprints(fingerprints);
  const snapshot = env.GOVCLUSTER_SNAPSHOT;
  const cmsUrl = env.CMS_URL;
  if (snapshot) await timed('attachments', () => copyAttachments(snapshot, tmpDir));
  else if (cmsUrl) {
    try {
      await timed('attachments', () => copyCmsAttachments(cmsUrl, env.CMS_TOKEN, tmpDir, previousDir));
    } catch (error) {
      return fail(`attachments: ${(error as Error).message}`);
    }
  }
  result.pages = (await timed('count pages', () => countPages(tmpDir))) - result.redirects;
  // The search index (dist/pagefind/, docs/adr/0007-chinese-search.md) is part of the build: when
  // indexing fails, the build fails and the live output stays.
  // Read from the pages by the search index, which reads them anyway (and keeps them for the next build).
  let scriptHashes: string[] | undefined;
  const nginx = (dir: string) =>
    writeNginxConfig(dir, {
      root: options.nginxRoot ?? outDir,
      siteUrl: env.GOVCLUSTER_SITE_URL,
      listen: env.NGINX_LISTEN,
      env,
      redirects: manifest.redirects,
      ...(scriptHashes ? { inlineScriptHashes: scriptHashes } : {}),
    });
  if (options.searchIndex !== false) {
    const indexLog = (line: string) => {
      if (!options.quiet) process.stdout.write(`[index-search] ${line}\n`);
      if (log.length < 2_000_000) log += `[index-search] ${line}\n`;
    };
    try {
      // The pages' search documents (and their CSP hashes), read again only where rendered.
      const pages = await timed('search documents', () =>
        clusterPages(tmpDir, {
          ...(incremental ? { previous: previousDir } : {}),
          keep: true,
          log: indexLog,
        }),
      );
      scriptHashes = pages.scriptHashes;
      if (incremental) await takeAssetsOf(tmpDir, previousDir, pages.assets);
      if (options.pagesFirst && incremental && !searchMayFollow(pages.delta))
        note(
          `pages first: not for this change (${pages.delta ? `${pages.delta.added} documents added, ${pages.delta.changed} changed, ${pages.delta.removed} removed, ${pages.delta.newYears} of a new year` : 'no usable document cache'}); the pages wait for the index`,
        );
      if (options.pagesFirst && incremental && previousManifest && searchMayFollow(pages.delta)) {
        const { pagesFirst } = options;
        const interim = manifest;
        let made: string[] | undefined;
        try {
          made = await timed('pages first: interim output', () =>
            writeInterim({
              built: tmpDir,
              previousDir,
              outDir: pagesFirst.outDir,
              manifest: interim,
              previousSearch: previousManifest.search,
              writeNginx: nginx,
            }),
          );
          note(`pages first: ${pagesFirst.outDir} has the pages, the search index follows`);
          await timed('pages first: handed over', () => pagesFirst.ready({ pages: result.pages, skipped }));
        } catch (error) {
          // The interim output only saves time: without it the complete output goes live as before.
          note(`pages first: no interim output (${(error as Error).message}); the pages wait for the index`);
        }
        // The interim output took the build's folder: the build goes on in links to its files.
        if (made) {
          const pagesOf = made;
          try {
            await timed('pages first: pages linked back', () =>
              takeBack(pagesFirst.outDir, tmpDir, pagesOf, options.spares),
            );
          } catch (error) {
            return fail(
              `the pages could not be linked back from the interim output ${pagesFirst.outDir}: ${(error as Error).message}`,
            );
          }
        }
      }
      const shards: Record<string, ShardRecord[]> = {};
      await timed('search index', () =>
        indexDocuments(pages.documents, tmpDir, {
          ...(incremental ? { previous: { dir: previousDir, shards: previousManifest?.search ?? {} } } : {}),
          ...(options.searchShardSize ? { shardSize: options.searchShardSize } : {}),
          records: shards,
          log: indexLog,
        }),
      );
      result.searchDocuments = pages.documents.length;
      manifest = { ...manifest, search: shards };
    } catch (error) {
      return fail(`search indexing failed: ${(error as Error).stack ?? error}`);
    }
  }
  await timed('nginx.conf', () => nginx(tmpDir));
  await timed('release manifest', async () => {
    await mkdir(path.join(tmpDir, manifestDir), { recursive: true });
    await writeFile(path.join(tmpDir, manifestFile), `${JSON.stringify(manifest)}\n`);
    await writeFile(path.join(tmpDir, redirectsFile), `${JSON.stringify(manifest.redirects)}\n`);
  });
  // Swap: the old output goes aside, the new one takes its name, the old one is removed.
  await timed('swap into place', async () => {
    const oldDir = path.join(parent, `.${path.basename(outDir)}-old-${stamp}`);
    if (existsSync(outDir)) await rename(outDir, oldDir);
    await rename(tmpDir, outDir);
    await rm(oldDir, { recursive: true, force: true });
  });
  result.ok = true;
  result.log = log;
  result.wallMs = performance.now() - started;
  return result;
}

/** What `--help` prints. */
export const usage = `Builds every site of the cluster into dist/ (kept as it was when the build fails).

  pnpm build [--snapshot <dir>] [--out <dir>] [--previous <dir>] [--site-url <url>] [--nginx-root <path>]
             [--report <file>] [--quiet]

  --snapshot <dir>     build from a snapshot folder instead of the CMS (or GOVCLUSTER_SNAPSHOT)
  --out <dir>          output folder (default dist/)
  --previous <dir>     an earlier output (the live release): only files whose inputs changed are
                       rendered, the rest is taken from it; redirects of moved entries carry over
  --site-url <url>     public origin for canonical links, sitemaps and feeds (or GOVCLUSTER_SITE_URL)
  --nginx-root <path>  where dist/ will be on the web server, for root in dist/nginx.conf (or NGINX_ROOT)
  --report <file>      also write what the build did as JSON: pages, time and memory, the time of
                       every stage (bench:build reads it)

Environment:
  CMS_URL, CMS_TOKEN   the CMS to read published content from, with a read-only token
  MEILI_HOST           Meilisearch as browsers reach it, e.g. https://search.example.gov.cn
  MEILI_SEARCH_KEY     a key whose only action is "search" (printed by pnpm search:meili); it is
                       published in every search page, so never the master or an admin key.
                       Both set: search pages use Meilisearch (Pagefind if it fails); neither: Pagefind.
                       The Pagefind index is built either way.
  MEILI_INDEX_PREFIX   index uid prefix, as given to pnpm search:meili (default govcluster)
  NGINX_LISTEN         listen parameter in dist/nginx.conf (default 80)
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      snapshot: { type: 'string' },
      out: { type: 'string' },
      previous: { type: 'string' },
      'site-url': { type: 'string' },
      'nginx-root': { type: 'string' },
      report: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  // Node, tsx and this module's imports, from the process's start: part of what a user waits for.
  const startup = performance.now();
  const result = await buildCluster({
    snapshot: values.snapshot ?? process.env.GOVCLUSTER_SNAPSHOT,
    outDir: values.out,
    previous: values.previous,
    siteUrl: values['site-url'],
    nginxRoot: values['nginx-root'] ?? process.env.NGINX_ROOT,
    quiet: values.quiet,
  });
  result.stages.unshift({ name: 'start the process (Node, tsx, imports)', ms: startup });
  result.wallMs += startup;
  if (values.report) {
    const { log: _log, ...report } = result;
    await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
  }
  for (const entry of result.skipped) {
    process.stderr.write(
      `skipped ${entry.type} ${entry.id}${entry.locale ? ` (${entry.locale})` : ''} of site ${entry.site}: ${entry.problem}\n`,
    );
  }
  if (!result.ok) {
    if (result.log.includes('search indexing failed')) process.stderr.write(result.log.slice(-4000));
    process.stderr.write(
      `\nbuild failed after ${(result.wallMs / 1000).toFixed(1)} s: ${result.outDir} was left as it was\n`,
    );
    process.exit(1);
  }
  process.stdout.write(buildSummary(result, values.previous));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`build failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
