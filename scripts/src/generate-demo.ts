/**
 * Generates the demo city (临江市) as a snapshot folder: `snapshot.jsonl` + `media/`.
 *
 *   node --import tsx scripts/src/generate-demo.ts [--scale fixture|demo|large] [--seed N]
 *     [--today YYYY-MM-DD] [--out <dir>] [--json]
 *
 * Defaults: scale `demo`, seed 1, today = the current date in Asia/Shanghai, out `.data/snapshots/<scale>`.
 * Progress goes to stderr, the summary to stdout (`--json`: one JSON object instead). The result is
 * validated before it replaces any previous snapshot; an invalid or failed run leaves none behind.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DemoGenerationError,
  type DemoScale,
  type GenerateDemoResult,
  type GenerateProgress,
  generateDemoCity,
  scaleConfigs,
} from '@govcluster/demo';
import { locales } from '@govcluster/shared/constants';
import { calendarDay } from '@govcluster/shared/dates';
import { dataDir } from './lib/paths.ts';

/** The parsed command line. */
export interface GenerateArgs {
  /** Scale. */
  scale: DemoScale;
  /** PRNG seed. */
  seed: number;
  /** Day generated for. */
  today: string;
  /** Output folder (absolute). */
  out: string;
  /** Print the result as JSON. */
  json: boolean;
}

/** Parses and checks the command line; throws with a usage message on bad input. */
export function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const scale = values.scale as DemoScale;
  if (!Object.hasOwn(scaleConfigs, scale)) {
    throw new Error(`--scale must be one of ${Object.keys(scaleConfigs).join(', ')}, got "${values.scale}"`);
  }
  if (!/^\d+$/.test(values.seed))
    throw new Error(`--seed must be a non-negative integer, got "${values.seed}"`);
  const seed = Number(values.seed);
  const today = values.today ?? calendarDay(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`--today must be YYYY-MM-DD, got "${today}"`);
  const out = path.resolve(values.out ?? path.join(dataDir, 'snapshots', scale));
  return { scale, seed, today, out, json: values.json };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The human-readable summary: counts per type and locale, time, size, stale columns. */
export function formatSummary(args: GenerateArgs, result: GenerateDemoResult, seconds: number): string {
  const types = Object.keys(result.counts);
  const width = Math.max(...types.map((t) => t.length), 4);
  const lines = [
    `Generated the ${args.scale} city (seed ${args.seed}, today ${args.today}) in ${seconds.toFixed(1)} s`,
    `  ${result.outDir}`,
    '',
    `  ${'type'.padEnd(width)}  ${locales.map((l) => l.padStart(7)).join('')}  entries`,
    ...types.map((type) => {
      const byLocale = result.counts[type] ?? {};
      return `  ${type.padEnd(width)}  ${locales.map((l) => String(byLocale[l] ?? 0).padStart(7)).join('')}  ${String(result.entries[type] ?? 0).padStart(7)}`;
    }),
    '',
    `  records ${result.records}, content entries ${Object.entries(result.entries)
      .filter(([type]) => type !== 'site' && type !== 'media')
      .reduce((sum, [, n]) => sum + n, 0)}`,
    `  snapshot.jsonl ${megabytes(result.snapshotBytes)}, media ${megabytes(result.mediaBytes)} in ${result.mediaFiles} files`,
    `  peak memory ${megabytes(process.resourceUsage().maxRSS * 1024)}`,
  ];
  if (result.stale.length > 0) {
    lines.push(
      `  stale on purpose: ${result.stale.map((s) => `${s.site}/${s.column} (newest ${s.newest})`).join(', ')}`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  let args: GenerateArgs;
  try {
    args = parseGenerateArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate-demo: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  let lastLine = 0;
  const onProgress = (p: GenerateProgress) => {
    const now = performance.now();
    if (p.phase === 'content' && now - lastLine < 500 && p.sitesDone < p.sitesTotal) return;
    lastLine = now;
    const where =
      p.phase === 'content' ? ` ${p.sitesDone}/${p.sitesTotal} sites${p.site ? ` (${p.site})` : ''}` : '';
    process.stderr.write(
      `[generate] ${p.phase}${where}, ${p.records} records, ${((now - started) / 1000).toFixed(1)} s\n`,
    );
  };
  try {
    const result = await generateDemoCity({
      seed: args.seed,
      scale: args.scale,
      today: args.today,
      outDir: args.out,
      onProgress,
    });
    const seconds = (performance.now() - started) / 1000;
    if (args.json) {
      process.stdout.write(
        `${JSON.stringify({ ...args, ...result, seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
      );
    } else {
      process.stdout.write(`${formatSummary(args, result, seconds)}\n`);
    }
  } catch (error) {
    if (error instanceof DemoGenerationError) {
      process.stderr.write(`generate-demo: ${error.message}\n`);
    } else {
      process.stderr.write(`generate-demo: failed: ${(error as Error).stack ?? String(error)}\n`);
    }
    process.stderr.write('generate-demo: no snapshot was written (any previous one is untouched)\n');
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
