/**
 * `pnpm seed [--scale demo|large|fixture] [--snapshot <dir>] [--demo-accounts | --no-demo-accounts]`
 *
 * Loads the demo city into the CMS: generates the snapshot of the scale into `.data/snapshots/<scale>/`
 * when it is missing or its generator changed, then runs the CMS seeder (`cms/tools/seed.ts`), which validates it, writes it
 * through Strapi's document service with a progress line, and prints the final count. Idempotent and
 * resumable. Demo accounts are created for the demo and fixture scales unless `--no-demo-accounts`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cmsDir, cmsTools, snapshotDir } from './cms-paths.ts';
import { type MeasuredRun, runMeasured } from './lib/measure.ts';
import { ensureGeneratedSnapshot } from './lib/snapshots.ts';

/** The scales of the demo generator. */
export const seedScales = ['fixture', 'demo', 'large'] as const;

/** A scale of the demo city. */
export type SeedScale = (typeof seedScales)[number];

/** Makes sure the snapshot of a scale exists and was generated from the current sources. */
export async function ensureSnapshot(
  scale: SeedScale,
  log: (line: string) => void = console.error,
): Promise<string> {
  const dir = snapshotDir(scale);
  await ensureGeneratedSnapshot(dir, ['--scale', scale], (line) => log(`[seed] ${line}`));
  return dir;
}

/** Options of {@link seedCms}. */
export interface SeedCmsOptions {
  scale: SeedScale;
  /** A snapshot folder instead of the scale's default one. */
  snapshot?: string;
  /** Create the demo logins (default: for demo and fixture). */
  demoAccounts?: boolean;
}

/** Seeds the CMS in a child process; returns its exit code, wall time and peak memory. */
export async function seedCms(options: SeedCmsOptions): Promise<MeasuredRun> {
  const snapshot = options.snapshot ? path.resolve(options.snapshot) : await ensureSnapshot(options.scale);
  const demoAccounts = options.demoAccounts ?? options.scale !== 'large';
  const args = [
    '--import',
    'tsx',
    cmsTools.seed,
    '--snapshot',
    snapshot,
    ...(demoAccounts ? ['--demo-accounts'] : []),
  ];
  return runMeasured(process.execPath, args, { cwd: cmsDir, env: process.env });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'demo' },
      snapshot: { type: 'string' },
      'demo-accounts': { type: 'boolean' },
      'no-demo-accounts': { type: 'boolean' },
    },
  });
  const scale = values.scale as SeedScale;
  if (!seedScales.includes(scale))
    throw new Error(`unknown scale "${values.scale}"; use ${seedScales.join(', ')}`);
  const demoAccounts = values['no-demo-accounts'] ? false : values['demo-accounts'];
  const run = await seedCms({ scale, snapshot: values.snapshot, demoAccounts });
  console.error(
    `[seed] ${(run.wallMs / 1000).toFixed(1)} s, peak memory ${(run.peakRssBytes / 1024 ** 3).toFixed(2)} GB`,
  );
  process.exitCode = run.code;
}

if (import.meta.filename === process.argv[1]) {
  main().catch((error) => {
    console.error(`[seed] error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
