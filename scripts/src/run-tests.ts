/**
 * `npm test`: lint and format check, type check, then every Vitest project (unit, integration
 * against a real Strapi, browser tests in Chromium). Ends with one line `N passed, N failed, N skipped`
 * that counts the static checks and every test.
 *
 * Arguments after `--` go to Vitest, e.g. `npm test -- shared` runs the shared project's files only.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { repoRoot } from './lib/paths.ts';

interface Outcome {
  passed: number;
  failed: number;
  skipped: number;
}

interface VitestJsonReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  success: boolean;
}

function runStep(label: string, command: string, args: string[]): Promise<number> {
  process.stderr.write(`\n── ${label}: ${command} ${args.join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', (error) => {
      process.stderr.write(`${label}: could not start ${command}: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

/** A step's exit code and what it printed (stdout and stderr as they came). */
function runQuiet(label: string, command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', (error) =>
      resolve({ code: 1, output: `${label}: could not start ${command}: ${error.message}\n` }),
    );
    child.on('close', (code, signal) => resolve({ code: signal ? 1 : (code ?? 1), output }));
  });
}

/**
 * The static checks, `atOnce` at a time (each is one single-threaded process): each one's output is
 * printed whole when it ends, under its label. Returns how many passed and failed.
 */
async function runChecks(steps: Array<[string, string, string[]]>, atOnce: number): Promise<Outcome> {
  const outcome: Outcome = { passed: 0, failed: 0, skipped: 0 };
  const waiting = [...steps];
  const next = async (): Promise<void> => {
    for (let step = waiting.shift(); step; step = waiting.shift()) {
      const [label, command, args] = step;
      const started = Date.now();
      const { code, output } = await runQuiet(label, command, args);
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stderr.write(`\n── ${label}: ${command} ${args.join(' ')} (${seconds} s)\n${output}`);
      if (code === 0) outcome.passed += 1;
      else {
        outcome.failed += 1;
        process.stderr.write(`${label} failed (exit ${code})\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, atOnce) }, next));
  return outcome;
}

/**
 * Test files at a time: one per core, at most four (each integration file holds a Strapi, a build or
 * a Chromium: 1–3 GB). `GOVCLUSTER_TEST_WORKERS` overrides.
 */
function workers(): number {
  const asked = Number(process.env.GOVCLUSTER_TEST_WORKERS);
  return Number.isInteger(asked) && asked > 0 ? asked : Math.min(4, availableParallelism());
}

async function runVitest(extraArgs: string[]): Promise<Outcome> {
  const reportDir = path.join(repoRoot, '.data', 'test-results');
  const reportFile = path.join(reportDir, 'vitest.json');
  await mkdir(reportDir, { recursive: true });
  await rm(reportFile, { force: true });
  const exitCode = await runStep('tests', 'vitest', [
    'run',
    // Vitest's projects take their worker count from the command line, not from the root config.
    `--maxWorkers=${workers()}`,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...extraArgs,
  ]);
  let report: VitestJsonReport;
  try {
    report = JSON.parse(await readFile(reportFile, 'utf8')) as VitestJsonReport;
  } catch {
    process.stderr.write(`tests: Vitest exited with ${exitCode} and wrote no report\n`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  // A suite that fails to load (syntax error, failing beforeAll) has no failed test of its own.
  if (report.numTotalTests === 0) {
    // A filter that matches nothing (`npm test -- <typo>`) tested nothing: that is not a pass.
    process.stderr.write(
      `tests: no test ran${extraArgs.length > 0 ? ` for “${extraArgs.join(' ')}”` : ''}\n`,
    );
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const suiteOnlyFailure = report.numFailedTests === 0 && (exitCode !== 0 || report.numFailedTestSuites > 0);
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (suiteOnlyFailure ? 1 : 0),
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

async function main(): Promise<void> {
  const separator = process.argv.indexOf('--');
  const vitestArgs = separator === -1 ? process.argv.slice(2) : process.argv.slice(separator + 1);
  const started = Date.now();
  const total: Outcome = { passed: 0, failed: 0, skipped: 0 };
  // The longest first, so that the shorter ones fill the other cores.
  const staticChecks: Array<[string, string, string[]]> = [
    ['type check (shared, scripts)', 'tsc', ['-b']],
    ['type check (cms)', 'tsc', ['-p', 'cms', '--noEmit']],
    ['type check (tests)', 'tsc', ['-p', 'test']],
    ['lint and format', 'biome', ['check', '.']],
  ];
  const checks = await runChecks(staticChecks, Math.min(staticChecks.length, availableParallelism()));
  total.passed += checks.passed;
  total.failed += checks.failed;
  const tests = await runVitest(vitestArgs);
  total.passed += tests.passed;
  total.failed += tests.failed;
  total.skipped += tests.skipped;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stderr.write(`\nlint, type check and tests took ${seconds} s\n`);
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
  process.stdout.write(`${total.passed} passed, ${total.failed} failed${skipped}\n`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

await main();
