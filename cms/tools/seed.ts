/**
 * `node --import tsx cms/tools/seed.ts --snapshot <dir> [--demo-accounts] [--batch <n>]`
 *
 * Validates the snapshot (nothing is written when it is invalid: every problem is listed with file,
 * line and entry), loads it into the CMS with a progress line and a final count, creates the read-only
 * API token for the static build (cms/.data/build-token) and, with --demo-accounts, the demo logins.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '@govcluster/shared/registry';
import { readSnapshot, validateSnapshot } from '@govcluster/shared/snapshot';
import type { Core } from '@strapi/strapi';
import { ensureBuildToken } from '../src/setup/build-token';
import { bootCms, buildTokenFile, dataDir, destroyQuietly } from './boot';
import { defaultDemoPassword, ensureDemoAccounts } from './demo-accounts';
import { type SeedReport, seedSnapshot } from './seed-snapshot';

/** Options of {@link runSeed}. */
export interface RunSeedOptions {
  snapshot: string;
  demoAccounts: boolean;
  batchSize?: number;
  /** An already loaded Strapi (the start script); otherwise one is booted and destroyed. */
  strapi?: Core.Strapi;
  /** Where to keep the build token (default cms/.data/build-token). */
  tokenFile?: string;
  log?: (line: string) => void;
}

/** What {@link runSeed} reports. */
export interface RunSeedResult extends SeedReport {
  token: string;
  demoAccountsCreated: number;
  databaseBytes: number | undefined;
}

/** Size of the database: the SQLite file or pg_database_size. */
export async function databaseSize(strapi: Core.Strapi): Promise<number | undefined> {
  const client = strapi.config.get<string>('database.connection.client');
  if (client === 'sqlite') {
    const file = strapi.config.get<string>('database.connection.connection.filename');
    return statSync(file).size;
  }
  const result = await strapi.db.connection.raw('select pg_database_size(current_database()) as size');
  return Number(result.rows[0].size);
}

function progressPrinter(total: number, log: (line: string) => void) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let last = 0;
  return (done: number, type: string) => {
    const now = Date.now();
    if (done !== total && now - last < (tty ? 200 : 5000)) return;
    last = now;
    const rate = done / Math.max(0.001, (now - started) / 1000);
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    const line = `[seed] ${done}/${total} (${Math.floor((100 * done) / total)}%) ${type.padEnd(17)} ${rate.toFixed(0)}/s, ${eta}s left`;
    if (tty) process.stderr.write(`\r${line}\u001b[K${done === total ? '\n' : ''}`);
    else log(line);
  };
}

/** Validates, seeds, makes the token and (optionally) the demo accounts. */
export async function runSeed(options: RunSeedOptions): Promise<RunSeedResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dir = resolve(options.snapshot);
  log(`[seed] validating ${dir}`);
  const validation = await validateSnapshot(dir);
  if (validation.problemCount > 0) {
    const shown = validation.problems.slice(0, 50).map(formatProblem);
    const more = validation.problemCount - shown.length;
    throw new Error(
      `the snapshot is invalid, nothing was written (${validation.problemCount} problem${validation.problemCount === 1 ? '' : 's'}):\n  ${shown.join('\n  ')}${more > 0 ? `\n  … and ${more} more` : ''}`,
    );
  }
  const total = Object.entries(validation.counts).reduce(
    (sum, [type, n]) => (type === 'header' ? sum : sum + n),
    0,
  );
  const strapi = options.strapi ?? (await bootCms());
  try {
    const report = await seedSnapshot(strapi, dir, {
      batchSize: options.batchSize,
      onProgress: progressPrinter(total, log),
    });
    const token = await ensureBuildToken(
      strapi,
      options.tokenFile ?? process.env.GOVCLUSTER_BUILD_TOKEN_FILE ?? buildTokenFile,
    );
    let demoAccountsCreated = 0;
    if (options.demoAccounts) {
      const sites: string[] = [];
      for await (const { record } of readSnapshot(dir)) {
        if (record.type === 'site') sites.push(String(record.id));
        else if (record.type !== 'header') break;
      }
      demoAccountsCreated = await ensureDemoAccounts(
        strapi,
        sites,
        process.env.DEMO_PASSWORD || defaultDemoPassword,
      );
    }
    return { ...report, token, demoAccountsCreated, databaseBytes: await databaseSize(strapi) };
  } finally {
    if (!options.strapi) await destroyQuietly(strapi);
  }
}

/** The final count as printed lines. */
export function formatReport(result: RunSeedResult): string[] {
  const lines = [`[seed] ${result.records} records in ${result.seconds.toFixed(1)} s`];
  for (const [type, c] of Object.entries(result.counts)) {
    lines.push(
      `[seed]   ${type.padEnd(18)} ${String(c.created).padStart(6)} created ${String(c.updated).padStart(6)} updated ${String(c.unchanged).padStart(6)} unchanged`,
    );
  }
  if (result.databaseBytes !== undefined)
    lines.push(`[seed] database size ${(result.databaseBytes / 1024 / 1024).toFixed(1)} MB`);
  lines.push(
    `[seed] read-only API token for the build: ${buildTokenFile.replace(`${dataDir}/`, 'cms/.data/')}`,
  );
  if (result.demoAccountsCreated > 0)
    lines.push(`[seed] ${result.demoAccountsCreated} demo accounts created`);
  return lines;
}

async function main() {
  const { values } = parseArgs({
    options: {
      snapshot: { type: 'string' },
      'demo-accounts': { type: 'boolean', default: false },
      batch: { type: 'string' },
    },
  });
  if (!values.snapshot) throw new Error('usage: seed.ts --snapshot <dir> [--demo-accounts] [--batch <n>]');
  process.on('SIGINT', () => {
    process.stderr.write(
      '\n[seed] interrupted: whole batches are kept; run the same command again to finish\n',
    );
    process.exit(130);
  });
  const result = await runSeed({
    snapshot: values.snapshot,
    demoAccounts: values['demo-accounts'] ?? false,
    batchSize: values.batch ? Number(values.batch) : undefined,
  });
  for (const line of formatReport(result)) process.stderr.write(`${line}\n`);
}

if (import.meta.filename === process.argv[1]) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`[seed] error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
