/**
 * The Astro build of the cluster, split over several processes: Astro renders pages one after the
 * other in one thread, so on a machine with cores to spare a large cluster runs several Astro
 * processes, each rendering its share of every route (`GOVCLUSTER_PARTITION`,
 * sites/src/lib/partition.ts), and the outputs are merged.
 * See docs/adr/0009-partitioned-build.md.
 */

import { existsSync, readFileSync } from 'node:fs';
import { cp, lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SkippedEntry } from '@govcluster/shared/snapshot';
import { type MeasuredCommand, runMeasuredGroup } from './measure.ts';
import { astroBin, sitesDir } from './paths.ts';

/** Memory one Astro process may need at large scale (2.1 GB measured at 100,000 pages), with headroom. */
const memoryPerProcess = 4 * 2 ** 30;

/** What the default process count depends on. */
export interface BuildMachine {
  cores: number;
  memoryBytes: number;
}

/**
 * How many Astro processes a build runs: `GOVCLUSTER_BUILD_PROCESSES`, or one per core, at most four,
 * and no more than the machine's memory holds. Measured on two cores at 105,606 pages: one process
 * 121–127 s, two 85 s; at 4,336 pages one 9 s, two 11 s (ADR 9).
 */
export function buildProcesses(
  env: NodeJS.ProcessEnv = process.env,
  machine: BuildMachine = { cores: os.availableParallelism(), memoryBytes: os.totalmem() },
): number {
  const asked = env.GOVCLUSTER_BUILD_PROCESSES;
  if (asked !== undefined && asked !== '') {
    const count = Number(asked);
    if (!Number.isInteger(count) || count < 1 || count > 16) {
      throw new Error(`GOVCLUSTER_BUILD_PROCESSES must be a whole number from 1 to 16, not “${asked}”`);
    }
    return count;
  }
  const byMemory = Math.floor(machine.memoryBytes / memoryPerProcess);
  return Math.max(1, Math.min(machine.cores, 4, byMemory));
}

/** One timed stage of a build: what it did and how long it took, wall clock. */
export interface BuildStage {
  name: string;
  ms: number;
}

/** What {@link runAstroBuild} did. */
export interface AstroBuildRun {
  ok: boolean;
  processes: number;
  /** The Astro processes alone, from the first start to the last exit. */
  wallMs: number;
  peakRssBytes: number;
  /** Copying the project for the other processes, the processes, merging their outputs. */
  stages: BuildStage[];
  /** Entries the loaders skipped (read from partition 0's report: every partition loads everything). */
  skipped: SkippedEntry[];
}

/**
 * One Astro process's share of a build: which partition, the project copy it runs in, where it writes.
 * Plain data, so that another publisher process can run it (ADR 24).
 */
export interface PartSpec {
  index: number;
  count: number;
  outDir: string;
  cacheDir: string;
  report: string;
  /** The build's own settings (GOVCLUSTER_*, MEILI_*, CMS_URL…): a runner adds its own environment. */
  env: Record<string, string>;
  quiet: boolean;
}

/** What running a part gave. */
export interface PartResult {
  code: number;
  wallMs: number;
  peakRssBytes: number;
}

/** Runs parts elsewhere (the publishers' shared queue); absent, they run here side by side. */
export type PartRunner = (part: PartSpec, onOutput: (chunk: string) => void) => Promise<PartResult>;

/** The variables of a build that a part needs; the CMS token and other secrets stay with each runner. */
export function partEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (/^(GOVCLUSTER_|MEILI_|ASTRO_)/.test(name) || name === 'CMS_URL' || name === 'NODE_OPTIONS') {
      kept[name] = value;
    }
  }
  return kept;
}

/** The project folder a part runs in: `sites/` for the first, a copy for each other one. */
function partRoot(index: number): string {
  return index === 0 ? sitesDir : path.join(partitionRoots, String(index));
}

/** The command that runs one part on this machine. */
function partCommand(
  part: PartSpec,
  onOutput: (chunk: string) => void,
  base: NodeJS.ProcessEnv,
): MeasuredCommand {
  const root = partRoot(part.index);
  return {
    command: process.execPath,
    // Astro logs a line per page; at 100,000 pages that costs seconds. Errors still print.
    args: [astroBin, 'build', '--root', root, ...(part.count > 1 ? ['--silent'] : [])],
    options: {
      // Astro keeps its intermediate server build under `<cwd>/.astro/`: one per process.
      cwd: root,
      env: {
        ...base,
        ...part.env,
        GOVCLUSTER_OUT_DIR: part.outDir,
        GOVCLUSTER_CACHE_DIR: part.cacheDir,
        GOVCLUSTER_REPORT: part.report,
        ...(part.count > 1 ? { GOVCLUSTER_PARTITION: `${part.index}/${part.count}` } : {}),
      },
      quiet: part.quiet,
      onOutput,
    },
  };
}

/** Runs one part on this machine (what a publisher does with a part from the shared queue). */
export async function runPartHere(
  part: PartSpec,
  onOutput: (chunk: string) => void,
  base: NodeJS.ProcessEnv = process.env,
): Promise<PartResult> {
  if (part.index > 0) await copyProject(partRoot(part.index));
  const group = await runMeasuredGroup([partCommand(part, onOutput, base)]);
  return { code: group.codes[0] ?? 1, wallMs: group.wallMs, peakRssBytes: group.peakRssBytes };
}

/**
 * Runs the Astro build into `outDir` with `processes` processes side by side and merges their
 * outputs there. `env` is the build's environment; each process gets its own output, cache and
 * report next to `outDir`, removed afterwards. With `runPart`, the parts run wherever it sends them.
 */
export async function runAstroBuild(options: {
  outDir: string;
  env: NodeJS.ProcessEnv;
  processes: number;
  quiet?: boolean;
  onOutput: (chunk: string) => void;
  runPart?: PartRunner;
}): Promise<AstroBuildRun> {
  const { outDir, processes } = options;
  const cacheBase = options.env.GOVCLUSTER_CACHE_DIR ?? path.join(sitesDir, 'node_modules', '.astro');
  const parts: PartSpec[] = Array.from({ length: processes }, (_, index) => ({
    index,
    count: processes,
    outDir: index === 0 ? outDir : `${outDir}-part-${index}`,
    cacheDir: index === 0 ? cacheBase : `${cacheBase}-part-${index}`,
    report: `${outDir}-report-${index}.jsonl`,
    env: partEnv(options.env),
    // One process's output is enough to follow a build; all of them are kept for the log.
    quiet: Boolean(options.quiet) || index > 0,
  }));
  let results: PartResult[];
  let wallMs: number;
  let peakRssBytes: number;
  const stages: BuildStage[] = [];
  if (options.runPart) {
    const started = performance.now();
    const runPart = options.runPart;
    results = await Promise.all(parts.map((part) => runPart(part, options.onOutput)));
    wallMs = performance.now() - started;
    // Parts on several machines: the largest share is what one machine needed.
    peakRssBytes = Math.max(...results.map((result) => result.peakRssBytes));
    stages.push({ name: `astro: render (${processes} parts, shared queue)`, ms: wallMs });
  } else {
    const copying = performance.now();
    for (const part of parts.slice(1)) await copyProject(partRoot(part.index));
    stages.push({ name: 'astro: copy the project per process', ms: performance.now() - copying });
    const group = await runMeasuredGroup(
      parts.map((part) => partCommand(part, options.onOutput, options.env)),
    );
    results = group.codes.map((code) => ({ code, wallMs: group.wallMs, peakRssBytes: 0 }));
    ({ wallMs, peakRssBytes } = group);
    stages.push({ name: `astro: render (${processes} processes)`, ms: wallMs });
  }
  const first = parts[0];
  const skipped =
    first && existsSync(first.report)
      ? readFileSync(first.report, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
      : [];
  const ok = results.every((result) => result.code === 0);
  const merging = performance.now();
  try {
    if (ok) for (const part of parts.slice(1)) await mergeInto(part.outDir, outDir);
  } finally {
    for (const part of parts) await rm(part.report, { force: true });
    for (const part of parts.slice(1)) await rm(part.outDir, { recursive: true, force: true });
    await rm(partitionRoots, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    stages.push({ name: 'astro: merge the outputs', ms: performance.now() - merging });
  }
  return { ok, processes, wallMs, peakRssBytes, skipped, stages };
}

/**
 * Where the other processes' copies of the Astro project live. Astro writes generated modules (the
 * content assets, the server build) into its project folder, so processes cannot share one; a copy
 * inside `sites/` still resolves the same node_modules.
 */
const partitionRoots = path.join(sitesDir, '.partitions');

async function copyProject(root: string): Promise<void> {
  // A build killed mid-way may leave an Astro process finishing its writes here for a moment: retried.
  await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  await mkdir(root, { recursive: true });
  for (const name of ['src', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    await cp(path.join(sitesDir, name), path.join(root, name), { recursive: true });
  }
}

/**
 * Moves everything of `from` into `into`. Folders present in both are merged; a file present in
 * both (the manifest, robots.txt, the 404 page, hashed assets: every process writes them) must be
 * the same in both, else the partitions disagree and the build fails.
 */
export async function mergeInto(from: string, into: string): Promise<void> {
  for (const name of await readdir(from)) {
    const source = path.join(from, name);
    const target = path.join(into, name);
    const targetStat = await lstat(target).catch(() => undefined);
    if (!targetStat) {
      await rename(source, target);
      continue;
    }
    const sourceStat = await lstat(source);
    if (sourceStat.isDirectory() && targetStat.isDirectory()) {
      await mergeInto(source, target);
    } else if (
      sourceStat.isDirectory() ||
      targetStat.isDirectory() ||
      !readFileSync(source).equals(readFileSync(target))
    ) {
      throw new Error(`The build processes wrote different versions of ${path.relative(into, target)}`);
    }
  }
}
