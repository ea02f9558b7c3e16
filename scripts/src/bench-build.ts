/**
 * `pnpm bench:build`: the whole build as a user runs it (`npm run build -- --snapshot <dir> --out <dir>`,
 * a process of its own, cold caches), timed wall clock from start to exit with the peak memory of its
 * process tree, and where the time went stage by stage (the build's `--report`). Beside it, a bare Astro
 * project rendering as many trivial pages, under the same load. Writes `.data/bench/build.json`.
 *
 * Usage: node --import tsx scripts/src/bench-build.ts [--scales demo,large] [--snapshots <dir>] [--keep]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatStages } from './build/build-summary.ts';
import type { BuildResult } from './build-cluster.ts';
import { runMeasured } from './lib/measure.ts';
import { astroBin, dataDir, repoRoot, sitesDir } from './lib/paths.ts';
import { ensureGeneratedSnapshot } from './lib/snapshots.ts';

/** Targets of issue 5 on a 2-core machine. */
const targets: Record<string, { wallSeconds: number; peakMemoryMB?: number }> = {
  demo: { wallSeconds: 60 },
  large: { wallSeconds: 150, peakMemoryMB: 8192 },
};

/** One measured build. */
interface Measurement {
  pages: number;
  wallSeconds: number;
  pagesPerSecond: number;
  peakMemoryMB: number;
  /** Astro processes side by side (the bare baseline runs one). */
  processes?: number;
  /** The Astro processes alone, as the build's summary line used to report the build. */
  astroSeconds?: number;
  /** Where the whole build's time went. */
  stages?: { name: string; seconds: number }[];
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The build caches of every Astro process of a build (sites/src/lib/partition.ts). */
function removeCaches(cacheDir: string): void {
  for (const dir of [cacheDir, ...Array.from({ length: 16 }, (_, i) => `${cacheDir}-part-${i + 1}`)])
    rmSync(dir, { recursive: true, force: true });
}

/** A bare Astro project that renders `pages` trivial pages from getStaticPaths, built cold. */
async function bareAstro(work: string, pages: number): Promise<Measurement> {
  const project = path.join(work, 'bare-astro');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(path.join(project, 'src', 'pages'), { recursive: true });
  mkdirSync(path.join(project, 'node_modules'), { recursive: true });
  symlinkSync(path.join(sitesDir, 'node_modules', 'astro'), path.join(project, 'node_modules', 'astro'));
  writeFileSync(
    path.join(project, 'package.json'),
    '{ "name": "bare-astro", "private": true, "type": "module" }\n',
  );
  writeFileSync(path.join(project, 'astro.config.mjs'), "export default { output: 'static' };\n");
  writeFileSync(
    path.join(project, 'src', 'pages', '[id].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i) } }));
}
const { id } = Astro.params;
---
<html lang="en"><head><meta charset="utf-8"><title>Page {id}</title></head><body><h1>Page {id}</h1></body></html>
`,
  );
  const run = await runMeasured(process.execPath, [astroBin, 'build', '--root', project], {
    cwd: project,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    quiet: true,
  });
  if (run.code !== 0) throw new Error('the bare Astro build failed');
  return {
    pages,
    wallSeconds: round(run.wallMs / 1000),
    pagesPerSecond: Math.round(pages / (run.wallMs / 1000)),
    peakMemoryMB: mb(run.peakRssBytes),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scales: { type: 'string', default: 'demo,large' },
      snapshots: { type: 'string', default: path.join(dataDir, 'bench', 'snapshots') },
      keep: { type: 'boolean', default: false },
    },
  });
  // A folder per run: a run that starts while the last one still deletes its output stays apart.
  mkdirSync(path.join(dataDir, 'bench'), { recursive: true });
  const work = mkdtempSync(path.join(dataDir, 'bench', 'work-'));
  const results = [];
  for (const scale of values.scales
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const snapshot = path.join(path.resolve(values.snapshots), scale);
    await ensureGeneratedSnapshot(snapshot, ['--scale', scale]);
    const outDir = path.join(work, `dist-${scale}`);
    const cacheDir = path.join(work, `cache-${scale}`);
    removeCaches(cacheDir);
    process.stderr.write(`\n[bench] ${scale}: npm run build from ${snapshot} (cold cache)…\n`);
    const reportFile = path.join(work, `report-${scale}.json`);
    const run = await runMeasured(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(repoRoot, 'scripts', 'src', 'build-release.ts'),
        '--snapshot',
        snapshot,
        '--out',
        outDir,
        '--report',
        reportFile,
        '--quiet',
      ],
      { cwd: repoRoot, env: { ...process.env, GOVCLUSTER_CACHE_DIR: cacheDir }, quiet: true },
    );
    if (run.code !== 0) throw new Error(`the ${scale} build failed (exit ${run.code})`);
    const build = JSON.parse(readFileSync(reportFile, 'utf8')) as Omit<BuildResult, 'log'>;
    const cluster: Measurement = {
      pages: build.pages,
      wallSeconds: round(run.wallMs / 1000),
      pagesPerSecond: Math.round(build.pages / (run.wallMs / 1000)),
      peakMemoryMB: mb(run.peakRssBytes),
      processes: build.processes,
      astroSeconds: round(build.astroMs / 1000),
      stages: build.stages.map((stage) => ({ name: stage.name, seconds: round(stage.ms / 1000) })),
    };
    process.stderr.write(
      `[bench] ${scale}: ${cluster.wallSeconds} s from start to exit; the build's stages:\n${formatStages(build.stages)}`,
    );
    process.stderr.write(`[bench] ${scale}: bare Astro, ${build.pages} trivial pages…\n`);
    const bare = await bareAstro(work, build.pages);
    const target = targets[scale];
    const result = {
      scale,
      cluster,
      bareAstro: bare,
      ratio: round(cluster.wallSeconds / bare.wallSeconds, 2),
      skippedEntries: build.skipped.length,
      target,
      meetsTarget:
        target === undefined
          ? null
          : cluster.wallSeconds <= target.wallSeconds &&
            (target.peakMemoryMB === undefined || cluster.peakMemoryMB <= target.peakMemoryMB),
    };
    results.push(result);
    process.stdout.write(
      `${scale}: ${cluster.pages} pages in ${cluster.wallSeconds} s = ${cluster.pagesPerSecond} pages/s end to end (Astro processes ${cluster.astroSeconds} s), peak ${cluster.peakMemoryMB} MB (${cluster.processes} Astro processes)` +
        ` | bare Astro ${bare.wallSeconds} s = ${bare.pagesPerSecond} pages/s, peak ${bare.peakMemoryMB} MB | ratio ${result.ratio}` +
        `${target ? ` | target ≤ ${target.wallSeconds} s${target.peakMemoryMB ? `, ≤ ${target.peakMemoryMB} MB` : ''}: ${result.meetsTarget ? 'met' : 'MISSED'}` : ''}\n`,
    );
    if (!values.keep) rmSync(outDir, { recursive: true, force: true });
    removeCaches(cacheDir);
  }
  if (values.keep) process.stderr.write(`[bench] outputs kept in ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGB: round(os.totalmem() / 2 ** 30),
      node: process.version,
      // Other work on the machine skews absolute times; the ratio to bare Astro is measured under the same load.
      loadAverageAtEnd: os.loadavg().map((load) => round(load, 2)),
    },
    measured: 'npm run build -- --snapshot <dir> --out <dir>, whole process, search index included',
    results,
  };
  const file = path.join(dataDir, 'bench', 'build.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nresults: ${path.relative(repoRoot, file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:build failed: ${(error as Error).message}\n`);
  process.exit(1);
});
