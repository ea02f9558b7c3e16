/**
 * Builds every site of the cluster into a temporary folder and swaps it into `dist/` only when
 * the build succeeded: a failed build (invalid registry, unreachable CMS, …) leaves the live
 * `dist/` untouched.
 *
 *   node --import tsx scripts/src/build-cluster.ts [--snapshot <dir>] [--out <dir>] [--site-url <url>]
 *
 * Content comes from `--snapshot` / `GOVCLUSTER_SNAPSHOT`, or from the CMS (`CMS_URL` + `CMS_TOKEN`).
 */
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { indexCluster } from './index-search.ts';
import { runMeasured } from './lib/measure.ts';
import { astroBin, distDir, sitesDir } from './lib/paths.ts';

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
  /** Extra environment for the build (e.g. GOVCLUSTER_BUILD_CONCURRENCY). */
  env?: NodeJS.ProcessEnv;
}

/** What a cluster build did. */
export interface BuildResult {
  ok: boolean;
  outDir: string;
  pages: number;
  wallMs: number;
  peakRssBytes: number;
  skipped: { site: string; type: string; id: string; locale?: string; problem: string }[];
  /** Pages in the search index (0 when the build failed before indexing). */
  searchDocuments: number;
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

/** Copies the attachments the snapshot's entries name into the output, at the same relative path. */
async function copyAttachments(snapshot: string, outDir: string): Promise<number> {
  const files = new Set<string>();
  const lines = createInterface({ input: createReadStream(path.join(snapshot, 'snapshot.jsonl'), 'utf8') });
  for await (const line of lines) {
    if (!line.includes('"attachments"')) continue;
    const record = JSON.parse(line) as { attachments?: { file: string }[] };
    for (const attachment of record.attachments ?? []) files.add(attachment.file);
  }
  for (const file of files) {
    const from = path.join(snapshot, file);
    if (file.includes('..') || !existsSync(from)) continue;
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await copyFile(from, path.join(outDir, file));
  }
  return files.size;
}

/** Every HTML file under `dir` (not `_astro/` or `pagefind/`). */
function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_astro' && entry.name !== 'pagefind') htmlFiles(full, out);
    } else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out;
}

/**
 * A build from the CMS links attachments at the CMS's upload path (`/uploads/<file>`); the files the
 * pages link to (so only those of published entries) are downloaded from the CMS into the output.
 */
async function copyCmsAttachments(
  cmsUrl: string,
  token: string | undefined,
  outDir: string,
): Promise<number> {
  const origin = cmsUrl.replace(/\/+$/, '').replace(/\/api$/, '');
  const files = new Set<string>();
  for (const file of htmlFiles(outDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/href="\/(uploads\/[^"?#]+)"/g)) {
      const link = match[1] as string;
      if (!link.includes('..')) files.add(link);
    }
  }
  for (const file of files) {
    const response = await fetch(`${origin}/${file}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`The CMS answered ${response.status} for /${file}`);
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await writeFile(path.join(outDir, file), Buffer.from(await response.arrayBuffer()));
  }
  return files.size;
}

const lockDir = path.join(sitesDir, 'node_modules', '.govcluster-build.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One Astro build of the sites project at a time: builds share its `.astro/` folder (content
 * asset imports, types), so concurrent builds (parallel test files, a build during a test run)
 * would read each other's files. A lock held by a dead process is taken over.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(
        existsSync(path.join(lockDir, 'pid')) ? readFileSync(path.join(lockDir, 'pid'), 'utf8') : 0,
      );
      if (holder && !alive(holder)) rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds the cluster; on success the new output replaces `outDir`, on failure `outDir` stays as it was. */
export function buildCluster(options: BuildOptions = {}): Promise<BuildResult> {
  return withBuildLock(() => buildUnlocked(options));
}

async function buildUnlocked(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir ?? distDir);
  const parent = path.dirname(outDir);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const tmpDir = path.join(parent, `.${path.basename(outDir)}-building-${stamp}`);
  const reportFile = path.join(parent, `.${path.basename(outDir)}-report-${stamp}.jsonl`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    GOVCLUSTER_OUT_DIR: tmpDir,
    GOVCLUSTER_REPORT: reportFile,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=7168'].filter(Boolean).join(' '),
  };
  if (options.snapshot) env.GOVCLUSTER_SNAPSHOT = path.resolve(options.snapshot);
  if (options.siteUrl) env.GOVCLUSTER_SITE_URL = options.siteUrl;
  let log = '';
  const run = await runMeasured(process.execPath, [astroBin, 'build', '--root', sitesDir], {
    cwd: sitesDir,
    env,
    quiet: options.quiet,
    onOutput: (chunk) => {
      if (log.length < 2_000_000) log += chunk;
    },
  });
  const skipped = existsSync(reportFile)
    ? readFileSync(reportFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  await rm(reportFile, { force: true });
  const result: BuildResult = {
    ok: false,
    outDir,
    pages: 0,
    wallMs: run.wallMs,
    peakRssBytes: run.peakRssBytes,
    skipped,
    searchDocuments: 0,
    log,
  };
  if (run.code !== 0 || !existsSync(path.join(tmpDir, 'sites.json'))) {
    await rm(tmpDir, { recursive: true, force: true });
    return result;
  }
  if (env.GOVCLUSTER_SNAPSHOT) await copyAttachments(env.GOVCLUSTER_SNAPSHOT, tmpDir);
  else if (env.CMS_URL) {
    try {
      await copyCmsAttachments(env.CMS_URL, env.CMS_TOKEN, tmpDir);
    } catch (error) {
      await rm(tmpDir, { recursive: true, force: true });
      log += `\nattachments: ${(error as Error).message}\n`;
      result.log = log;
      return result;
    }
  }
  result.pages = countPages(tmpDir);
  // The search index (dist/pagefind/, docs/adr/0007-chinese-search.md) is part of the build: when
  // indexing fails, the build fails and the live output stays.
  try {
    const indexed = await indexCluster(tmpDir, {
      log: (line) => {
        if (!options.quiet) process.stdout.write(`[index-search] ${line}\n`);
        if (log.length < 2_000_000) log += `[index-search] ${line}\n`;
      },
    });
    result.searchDocuments = indexed.documents;
  } catch (error) {
    log += `\nsearch indexing failed: ${(error as Error).stack ?? error}\n`;
    result.log = log;
    await rm(tmpDir, { recursive: true, force: true });
    return result;
  }
  // Swap: the old output goes aside, the new one takes its name, the old one is removed.
  const oldDir = path.join(parent, `.${path.basename(outDir)}-old-${stamp}`);
  if (existsSync(outDir)) await rename(outDir, oldDir);
  await rename(tmpDir, outDir);
  await rm(oldDir, { recursive: true, force: true });
  result.ok = true;
  result.log = log;
  result.wallMs = run.wallMs;
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      snapshot: { type: 'string' },
      out: { type: 'string' },
      'site-url': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const result = await buildCluster({
    snapshot: values.snapshot ?? process.env.GOVCLUSTER_SNAPSHOT,
    outDir: values.out,
    siteUrl: values['site-url'],
    quiet: values.quiet,
  });
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
  process.stdout.write(
    `\nbuilt ${result.pages} pages into ${path.relative(process.cwd(), result.outDir) || '.'} in ${(result.wallMs / 1000).toFixed(1)} s` +
      ` (peak ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MB); ${result.skipped.length} invalid entries skipped; ` +
      `${result.searchDocuments} pages in the search index\n` +
      `manifest: ${path.join(result.outDir, 'sites.json')}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`build failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
