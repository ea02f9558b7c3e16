/**
 * `node --import tsx scripts/src/bench-review.ts [--reviewers 20] [--rounds 3] [--ops 200] [--database sqlite|postgres]`
 *
 * Measures the review plugin in one run, on a real Strapi (the compiled CMS in cms/dist):
 * 1. submit and approve latency (p50/p95) with `--reviewers` concurrent reviewers at each level: every
 *    round, that many entries are submitted at once, then approved at once by that many unit reviewers,
 *    web-office reviewers and secrecy reviewers (three different people per entry);
 * 2. the gate's overhead on ordinary content-manager reads and writes (list, get one, create a draft,
 *    update a draft), as a ratio against the same CMS with the plugin switched off (a copy of the
 *    compiled app whose config/plugins.js disables `review`), same machine, same run.
 * Each mode runs in its own child process on a fresh database. Writes `.data/bench/review.json`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Summary, type WorkerResult, worker } from './bench/review/worker.ts';
import { cmsDir } from './cms-paths.ts';
import { dataDir } from './lib/paths.ts';
import { ensureAdminBuild } from './start-cms.ts';

/** Copies the compiled CMS and, for `off`, disables the review plugin in the copy's config. */
function prepareDist(mode: 'on' | 'off', root: string): string {
  const source = path.join(cmsDir, 'dist');
  if (!existsSync(path.join(source, 'config', 'plugins.js'))) {
    throw new Error(
      'cms/dist is not compiled: `strapi build` did not write cms/dist/config (see its output above)',
    );
  }
  const target = path.join(root, mode);
  cpSync(path.join(source, 'config'), path.join(target, 'config'), { recursive: true });
  cpSync(path.join(source, 'src'), path.join(target, 'src'), { recursive: true });
  if (mode === 'off') {
    const file = path.join(target, 'config', 'plugins.js');
    const text = readFileSync(file, 'utf8');
    const disabled = text.replace(/review:\s*\{\s*enabled:\s*true/, 'review: { enabled: false');
    if (disabled === text)
      throw new Error('could not switch the review plugin off in the copied config/plugins.js');
    writeFileSync(file, disabled);
  }
  return target;
}

async function main() {
  const { values } = parseArgs({
    options: {
      reviewers: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '3' },
      ops: { type: 'string', default: '200' },
      database: { type: 'string', default: 'sqlite' },
      worker: { type: 'string' },
      dist: { type: 'string' },
    },
  });
  const options = {
    reviewers: Number(values.reviewers),
    rounds: Number(values.rounds),
    ops: Number(values.ops),
    database: values.database === 'postgres' ? 'postgres' : 'sqlite',
  };
  if (values.worker === 'on' || values.worker === 'off') {
    const result = await worker(values.worker, values.dist as string, options);
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
    process.exit(0);
  }
  // `strapi build` compiles the server code into cms/dist as well as the admin panel.
  await ensureAdminBuild((line) => process.stderr.write(`${line}\n`));
  // Inside the cms folder (git-ignored .data), so the copies resolve the CMS's node_modules.
  mkdirSync(path.join(cmsDir, '.data'), { recursive: true });
  const root = mkdtempSync(path.join(cmsDir, '.data', 'bench-review-dist-'));
  const results: Record<string, WorkerResult> = {};
  try {
    for (const mode of ['off', 'on'] as const) {
      const dist = prepareDist(mode, root);
      process.stderr.write(`[bench-review] plugin ${mode}: booting a fresh CMS (${options.database}) …\n`);
      const output = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          '--worker',
          mode,
          '--dist',
          dist,
          ...process.argv.slice(2),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 },
      );
      const line = output.split('\n').find((candidate) => candidate.startsWith('BENCH_RESULT '));
      if (!line) throw new Error(`the ${mode} worker reported nothing`);
      results[mode] = JSON.parse(line.slice('BENCH_RESULT '.length)) as WorkerResult;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const on = results.on as WorkerResult;
  const off = results.off as WorkerResult;
  const overhead = Object.fromEntries(
    Object.keys(on.contentManager).map((op) => {
      const a = on.contentManager[op] as Summary;
      const b = off.contentManager[op] as Summary;
      return [
        op,
        {
          on: a,
          off: b,
          ratioMean: Math.round((a.mean / b.mean) * 100) / 100,
          ratioP50: Math.round((a.p50 / b.p50) * 100) / 100,
        },
      ];
    }),
  );
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    options,
    review: on.review,
    bareUpdate: { on: on.bareUpdate, off: off.bareUpdate },
    contentManagerOverhead: overhead,
  };
  mkdirSync(path.join(dataDir, 'bench'), { recursive: true });
  writeFileSync(path.join(dataDir, 'bench', 'review.json'), `${JSON.stringify(report, null, 2)}\n`);
  const review = on.review;
  if (review) {
    const base = off.bareUpdate.p95;
    const line = (name: string, summary: Summary, target: number) =>
      `  ${name.padEnd(15)} p50 ${String(summary.p50).padStart(7)} ms  p95 ${String(summary.p95).padStart(7)} ms  ` +
      `(n=${summary.count}; p95 ${Math.round((summary.p95 / base) * 10) / 10}× a bare update; target p95 ≤ ${target} ms)\n`;
    process.stdout.write(
      `review with ${review.reviewers} concurrent reviewers per level, ${review.entries} entries (${options.database}):\n` +
        line('submit', review.submit, 100) +
        line('approve (1, 2)', review.approve, 100) +
        line('final approval', review.final, 300) +
        `  bare document-service update of a draft, ${review.reviewers} at once: p50 ${off.bareUpdate.p50} ms  p95 ${base} ms ` +
        `(with the plugin on: p95 ${on.bareUpdate.p95} ms)\n`,
    );
  }
  process.stdout.write(
    'content-manager operations, plugin on vs off (mean ms, ratio of means / of medians):\n',
  );
  for (const [op, row] of Object.entries(overhead)) {
    process.stdout.write(
      `  ${op.padEnd(8)} on ${String(row.on.mean).padStart(6)}  off ${String(row.off.mean).padStart(6)}  ratio ${row.ratioMean} / ${row.ratioP50}\n`,
    );
  }
  process.stdout.write(`written to .data/bench/review.json\n`);
}

await main();
