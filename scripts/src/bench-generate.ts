/**
 * Benchmarks the demo-city generator: generates each scale in a child process and records wall time
 * and peak memory, then writes the figures to `.data/bench/generate.json`.
 *
 *   node --import tsx scripts/src/bench-generate.ts [--scales demo,large] [--seed N] [--today YYYY-MM-DD]
 *     [--out-root <dir>]
 *
 * Peak memory is the child's own `maxRSS` (from `process.resourceUsage()`), and, when the machine has
 * GNU time (`/usr/bin/time -v`), its "Maximum resident set size" as a cross-check.
 */

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { calendarDay } from '@govcluster/shared/dates';
import { dataDir, repoRoot } from './lib/paths.ts';

/** The figures of one scale. */
export interface GenerateBenchResult {
  scale: string;
  ok: boolean;
  /** Wall time of the child process, in seconds. */
  wallSeconds: number;
  /** Time the generator itself reported, in seconds. */
  generateSeconds: number | null;
  /** Peak resident memory reported by the child (`process.resourceUsage().maxRSS`), bytes. */
  maxRssBytes: number | null;
  /** Peak resident memory reported by `/usr/bin/time -v`, bytes (null without GNU time). */
  timeMaxRssBytes: number | null;
  records: number | null;
  contentEntries: number | null;
  snapshotBytes: number | null;
  mediaBytes: number | null;
  command: string;
}

interface ChildReport {
  seconds: number;
  maxRssBytes: number;
  records: number;
  entries: Record<string, number>;
  snapshotBytes: number;
  mediaBytes: number;
}

function run(
  command: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string; wallMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      // Progress lines of the generator pass through; GNU time's report is kept for parsing.
      for (const line of text.split('\n'))
        if (line.startsWith('[generate]')) process.stderr.write(`${line}\n`);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout, stderr, wallMs: performance.now() - started }),
    );
  });
}

async function benchScale(
  scale: string,
  seed: number,
  today: string,
  outRoot: string,
): Promise<GenerateBenchResult> {
  const script = path.join('scripts', 'src', 'generate-demo.ts');
  const out = path.join(outRoot, scale);
  const nodeArgs = [
    '--import',
    'tsx',
    script,
    '--scale',
    scale,
    '--seed',
    String(seed),
    '--today',
    today,
    '--out',
    path.relative(repoRoot, out) || '.',
    '--json',
  ];
  const gnuTime = existsSync('/usr/bin/time');
  const [command, args] = gnuTime
    ? ['/usr/bin/time', ['-v', process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  process.stderr.write(`[bench] ${scale}: ${['node', ...nodeArgs].join(' ')}\n`);
  const result = await run(command, args as string[]);
  let report: ChildReport | undefined;
  const jsonLine = result.stdout.trim().split('\n').pop();
  try {
    report = jsonLine ? (JSON.parse(jsonLine) as ChildReport) : undefined;
  } catch {
    report = undefined;
  }
  const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
  if (result.code !== 0) process.stderr.write(result.stderr);
  return {
    scale,
    ok: result.code === 0 && report !== undefined,
    wallSeconds: Math.round(result.wallMs) / 1000,
    generateSeconds: report ? Math.round(report.seconds * 100) / 100 : null,
    maxRssBytes: report?.maxRssBytes ?? null,
    timeMaxRssBytes: timeRss ? Number(timeRss) * 1024 : null,
    records: report?.records ?? null,
    contentEntries: report
      ? Object.entries(report.entries)
          .filter(([type]) => type !== 'site' && type !== 'media')
          .reduce((sum, [, n]) => sum + n, 0)
      : null,
    snapshotBytes: report?.snapshotBytes ?? null,
    mediaBytes: report?.mediaBytes ?? null,
    command: `node ${nodeArgs.join(' ')}`,
  };
}

const mb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      scales: { type: 'string', default: 'demo,large' },
      seed: { type: 'string', default: '20261121' },
      today: { type: 'string' },
      'out-root': { type: 'string' },
    },
    strict: true,
  });
  const scales = values.scales.split(',').filter(Boolean);
  const seed = Number(values.seed);
  const today = values.today ?? calendarDay(new Date());
  const outRoot = path.resolve(values['out-root'] ?? path.join(dataDir, 'bench', 'snapshots'));
  const results: GenerateBenchResult[] = [];
  for (const scale of scales) results.push(await benchScale(scale, seed, today, outRoot));
  const report = {
    benchmark: 'generate',
    date: new Date().toISOString(),
    seed,
    today,
    node: process.version,
    cpus: os.cpus().length,
    memoryBytes: os.totalmem(),
    results,
  };
  const file = path.join(dataDir, 'bench', 'generate.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`scale   ok   wall      peak RSS   records   entries   snapshot\n`);
  for (const r of results) {
    process.stdout.write(
      `${r.scale.padEnd(7)} ${r.ok ? 'yes' : 'NO '}  ${`${r.wallSeconds.toFixed(1)} s`.padEnd(9)} ${mb(r.maxRssBytes).padEnd(10)} ${String(r.records ?? '—').padEnd(9)} ${String(r.contentEntries ?? '—').padEnd(9)} ${mb(r.snapshotBytes)}\n`,
    );
  }
  process.stdout.write(`written to ${path.relative(repoRoot, file)}\n`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

await main();
