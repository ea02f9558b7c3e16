/**
 * The inspection after each release (docs/adr/0029-health-after-each-release.md): the checker of
 * ADR 17 run over the release that just went live, in a child process, after the switch, so it never
 * delays or fails a release. One check at a time; a release that goes live during a check waits, and a
 * newer one replaces it (only the newest live release is worth inspecting). The result lives in
 * `health/` beside `releases/` (`GOVCLUSTER_HEALTH`), outside every web root: the report holds CMS
 * edit links and is for the web office only, read through the CMS.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import path from 'node:path';
import type { ClusterHealth, HealthStatus, SiteHealth } from '@govcluster/shared/publishing';
import { ruleLabels } from '../check/finding.ts';
import type { CheckResult } from '../check/run-check.ts';
import { repoRoot, sitesDir } from '../lib/paths.ts';
import type { ReleaseLayout } from './releases.ts';
import type { Source } from './source.ts';

/** Where inspections go: `GOVCLUSTER_HEALTH`, else `health/` beside the releases folder. */
export function healthDir(layout: ReleaseLayout, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.GOVCLUSTER_HEALTH ?? path.join(path.dirname(layout.dir), 'health'));
}

/** The files of the last inspection in the health folder. */
export const healthFiles = {
  /** The summary the 发布状态 page shows ({@link ClusterHealth}). */
  summary: 'health.json',
  /** The HTML report (检查报告). */
  report: 'report.html',
  /** Every finding, as `npm run check -- --json` writes it. */
  findings: 'check.json',
} as const;

/** Single-veto findings listed per site in the status; the full list is in the report. */
const itemsPerSite = 20;

/** The 发布状态 page's summary of a check result: failing sites first. */
export function summarize(
  result: CheckResult,
  release: string,
  checkedAt: Date,
  durationMs: number,
): ClusterHealth {
  const sites: SiteHealth[] = result.sites.map((site) => {
    const vetoes = result.findings.filter(
      (finding) => finding.site === site.id && finding.severity === 'veto',
    );
    return {
      id: site.id,
      name: site.name,
      passed: site.passed,
      vetoes: site.vetoes,
      vetoItems: vetoes.slice(0, itemsPerSite).map((finding) => ({
        rule: finding.rule,
        label: ruleLabels[finding.rule],
        message: finding.message,
        ...(finding.url ? { url: finding.url } : {}),
      })),
      warnings: site.warnings,
    };
  });
  // Stable: sites with as many findings keep the registry's order.
  sites.sort((a, b) => b.vetoes - a.vetoes || b.warnings - a.warnings);
  return {
    release,
    checkedAt: checkedAt.toISOString(),
    durationMs,
    today: result.today,
    passed: result.passed,
    sites,
  };
}

/** Options of {@link createHealthChecker}. */
export interface HealthOptions {
  layout: ReleaseLayout;
  source: Source;
  /** The health folder (default {@link healthDir}). */
  dir?: string;
  /** Public origin for the report's page links (GOVCLUSTER_SITE_URL). */
  siteUrl?: string;
  /** CMS origin for the report's edit links (default: the CMS source's, else CMS_URL). */
  cmsUrl?: string;
  log?: (line: string) => void;
}

/** Inspects live releases, one at a time. */
export interface HealthChecker {
  /** Inspects this release when the running check ends (replacing any release waiting). */
  schedule(release: string): void;
  status(): HealthStatus;
  /** The last HTML report, or null. */
  report(): Buffer | null;
  /** Resolves when nothing runs or waits. */
  idle(): Promise<void>;
  /** Stops the running check (its child process) and drops the waiting one. */
  stop(): Promise<void>;
}

/**
 * The niceness of the inspection's processes: the lowest priority, so that they take only CPU time the
 * next build leaves (on two cores a check of the demo city, 2–3 s, ran beside the next publication's
 * Astro process and slowed it by about as much).
 */
export const inspectionNiceness = 19;

/**
 * Runs a command (a TypeScript file or `-e` code, under tsx) at {@link inspectionNiceness}; resolves
 * with its exit code and the end of its output.
 */
export function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  children: Set<ChildProcess>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, inspectionNiceness);
      } catch {
        // Not allowed here (never on Linux for a raise): the check runs at normal priority.
      }
    }
    let output = '';
    const take = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4_000);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => {
      children.delete(child);
      resolve({ code, output });
    });
  });
}

/** Creates the health checker of a publisher. */
export function createHealthChecker(options: HealthOptions): HealthChecker {
  const { layout, source } = options;
  const dir = options.dir ?? healthDir(layout);
  const log = options.log ?? ((line: string) => process.stderr.write(`[health] ${line}\n`));
  const cmsUrl =
    options.cmsUrl ??
    (source.kind === 'cms' ? source.url.replace(/\/+$/, '').replace(/\/api$/, '') : process.env.CMS_URL);
  let last: ClusterHealth | null = null;
  try {
    last = JSON.parse(readFileSync(path.join(dir, healthFiles.summary), 'utf8')) as ClusterHealth;
  } catch {
    // no inspection yet
  }
  let checking: HealthStatus['checking'] = null;
  let waiting: string | null = null;
  let problem: string | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const children = new Set<ChildProcess>();
  let idleWaiters: (() => void)[] = [];

  async function inspect(release: string): Promise<void> {
    const started = new Date();
    checking = { release, startedAt: started.toISOString() };
    const work = path.join(dir, `.check-${release}`);
    try {
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      const folder = path.join(layout.dir, release);
      if (!existsSync(folder)) throw new Error(`release ${release} was removed before its check`);
      let snapshot: string;
      if (source.kind === 'snapshot') snapshot = source.dir;
      else {
        // The checker judges a snapshot: the CMS's published data, exported by the sites package.
        snapshot = path.join(work, 'data');
        const exported = await run(
          [path.join(sitesDir, 'src', 'loaders', 'export-snapshot.ts'), snapshot],
          { ...process.env, CMS_URL: source.url, CMS_TOKEN: source.token },
          children,
        );
        if (exported.code !== 0) throw new Error(`the CMS data could not be read: ${exported.output.trim()}`);
      }
      const json = path.join(work, healthFiles.findings);
      const report = path.join(work, healthFiles.report);
      const checked = await run(
        [
          path.join(repoRoot, 'scripts', 'src', 'check', 'check-cluster.ts'),
          '--dist',
          folder,
          '--snapshot',
          snapshot,
          '--report',
          report,
          '--json',
          json,
          ...(options.siteUrl ? ['--site-url', options.siteUrl] : []),
          ...(cmsUrl ? ['--cms-url', cmsUrl] : []),
        ],
        process.env,
        children,
      );
      // 0: no single-veto finding, 1: some; anything else: the check could not run.
      if (checked.code !== 0 && checked.code !== 1) {
        throw new Error(
          stopped
            ? 'the publisher stopped'
            : `the checker failed: ${checked.output.trim().split('\n').at(-1)}`,
        );
      }
      const result = JSON.parse(readFileSync(json, 'utf8')) as CheckResult;
      const summary = summarize(result, release, new Date(), Date.now() - started.getTime());
      await writeFile(path.join(work, healthFiles.summary), `${JSON.stringify(summary, null, 2)}\n`);
      // The summary last: a reader that sees it finds the report of the same check.
      for (const name of [healthFiles.report, healthFiles.findings, healthFiles.summary])
        await rename(path.join(work, name), path.join(dir, name));
      last = summary;
      problem = null;
      const failing = summary.sites.filter((site) => !site.passed).length;
      log(
        `release ${release} inspected in ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s: ${failing} of ${summary.sites.length} sites with single-veto findings`,
      );
    } catch (error) {
      problem = `发布版本 ${release} 的检查未完成：${(error as Error).message}`;
      log(`release ${release} not inspected: ${(error as Error).message}`);
    } finally {
      rmSync(work, { recursive: true, force: true });
      checking = null;
    }
  }

  function kick(): void {
    if (running || stopped || waiting === null) return;
    running = (async () => {
      while (waiting !== null && !stopped) {
        const release = waiting;
        waiting = null;
        await inspect(release);
      }
    })().finally(() => {
      running = null;
      for (const wake of idleWaiters) wake();
      idleWaiters = [];
    });
  }

  return {
    schedule(release) {
      if (stopped) return;
      mkdirSync(dir, { recursive: true });
      if (waiting !== null && waiting !== release)
        log(`release ${waiting} not inspected: ${release} replaces it`);
      waiting = release;
      kick();
    },
    status() {
      return { last, checking, waiting, problem };
    },
    report() {
      try {
        return readFileSync(path.join(dir, healthFiles.report));
      } catch {
        return null;
      }
    },
    idle() {
      if (!running) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async stop() {
      stopped = true;
      waiting = null;
      for (const child of children) child.kill('SIGTERM');
      await running;
    },
  };
}
