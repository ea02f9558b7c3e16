/**
 * `npm run bench:mailbox -- [--rate 100] [--seconds 60] [--database sqlite|postgres] [--restart]
 *   [--addresses distinct|one] [--bits 8] [--max-in-flight 400]`
 *
 * The mailbox under load (issue 17, docs/adr/0023-mailbox.md), local only and bounded: a fresh CMS
 * (`npm start`'s, seeded with the fixture city) on SQLite or PostgreSQL; letters posted at `--rate` per
 * second for `--seconds` (at most 200/s and 600 s), each with a solved challenge. Then, from the database:
 * every acknowledged letter (201 with a tracking code) has its intake (the letter kept, sealed), and once
 * drafting has caught up (timed: seconds after the load) its draft letter; every refusal was a 4xx with a
 * reason. Prints the counts and the answer times (p50, p95, max), and writes
 * `.data/bench/mailbox-<database>.json`.
 *
 * `--restart` kills the CMS (SIGKILL, no goodbye) halfway and starts it again on the same database while
 * the load goes on: letters sent while it is down get no answer (counted, not acknowledged), and
 * everything acknowledged before must still be there afterwards.
 *
 * The rate limits: letters come from the loopback address with `X-Forwarded-For`, which the CMS trusts
 * from loopback only (the cluster's own proxy sets it). With `--addresses distinct` (default) each letter
 * has an address of its own, as thousands of citizens behind that proxy would; the limits stay at their
 * defaults and are printed. `--addresses one` sends everything from one address, to see the limits refuse.
 * `--bits` lowers the proof of work (`MAILBOX_CHALLENGE_BITS`, 16 in production) so that the bench's
 * own solving does not eat the two cores the CMS needs; the output says so.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '@govcluster/shared/ports';
import { type Outcome, percentile, runLoad, storedCodes } from './bench/mailbox/load.ts';
import { cmsDir } from './cms-paths.ts';
import { dataDir } from './lib/paths.ts';
import { ensureSnapshot } from './seed-cms.ts';
import { type CmsHandle, startCms } from './start-cms.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
    database: { type: 'string', default: 'sqlite' },
    restart: { type: 'boolean', default: false },
    addresses: { type: 'string', default: 'distinct' },
    bits: { type: 'string', default: '8' },
    'max-in-flight': { type: 'string', default: '400' },
  },
});
const rate = Math.min(200, Math.max(1, Number(values.rate)));
const seconds = Math.min(600, Math.max(1, Number(values.seconds)));
const database = values.database === 'postgres' ? 'postgres' : 'sqlite';
const addresses = values.addresses === 'one' ? 'one' : 'distinct';
const bits = Math.min(20, Math.max(1, Number(values.bits)));

/** The CMS's own reading of the limits (loaded from its source, so the bench prints what the CMS uses). */
const { limitsFromEnv } = (await import(path.join(cmsDir, 'src', 'mailbox', 'limits.ts'))) as {
  limitsFromEnv(env: NodeJS.ProcessEnv): Record<string, { max: number; windowMs: number }>;
};
/** User and system CPU seconds of a process so far, from /proc (Linux); 0 elsewhere or when gone. */
const cpuSeconds = (pid: number | undefined): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
};
const round1 = (value: number) => Math.round(value * 10) / 10;
const log = (line: string) => process.stderr.write(`[bench-mailbox] ${line}\n`);
mkdirSync(path.join(cmsDir, '.data'), { recursive: true });
const work = mkdtempSync(path.join(cmsDir, '.data', 'bench-mailbox-'));
const pgName = `govcluster_bench_mailbox_${randomBytes(4).toString('hex')}`;
const psql = (command: string) =>
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-c', command], { stdio: 'ignore' });
const sqliteFile = path.join(work, 'cms.sqlite');
const pgUrl = `postgres://postgres@127.0.0.1:5432/${pgName}`;
const env: NodeJS.ProcessEnv = {
  PORT: String(await freePort()),
  PUBLIC_DIR: path.join(work, 'public'),
  GOVCLUSTER_BUILD_TOKEN_FILE: path.join(work, 'build-token'),
  MAILBOX_KEY: randomBytes(32).toString('hex'),
  MAILBOX_SECRET: randomBytes(32).toString('hex'),
  MAILBOX_CHALLENGE_BITS: String(bits),
  ...(database === 'postgres'
    ? { DATABASE_URL: pgUrl, DATABASE_FILENAME: '' }
    : { DATABASE_URL: '', DATABASE_FILENAME: sqliteFile }),
};
const cmsLines: string[] = [];
const start = (seed: boolean) =>
  startCms({
    ...(seed ? { snapshot: snapshotPath } : { seedScale: false }),
    env,
    log: (line) => {
      cmsLines.push(line);
      if (cmsLines.length > 40) cmsLines.shift();
    },
  });

if (database === 'postgres') psql(`CREATE DATABASE ${pgName}`);
const snapshotPath = await ensureSnapshot('fixture', log);
const sites = readFileSync(path.join(snapshotPath, 'snapshot.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { type: string; id: string; columns?: { type: string }[] })
  .filter(
    (record) => record.type === 'site' && record.columns?.some((column) => column.type === 'interaction'),
  )
  .map((site) => site.id);
let cms: CmsHandle | undefined;
try {
  log(`starting the CMS on ${database} (fixture city; sites with a mailbox: ${sites.join(', ')}) …`);
  cms = await start(true);
  const origin = new URL(cms.apiUrl).origin;
  let downSeconds = 0;
  const restart = async () => {
    const down = performance.now();
    log('restart: killing the CMS (SIGKILL) …');
    const child = (cms as CmsHandle).child;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    cms = await start(false);
    downSeconds = Math.round((performance.now() - down) / 100) / 10;
    log(`restart: the CMS answers again after ${downSeconds} s`);
  };
  log(`sending ${rate} letters/s for ${seconds} s (${addresses} addresses, proof of work ${bits} bits) …`);
  const wall = performance.now();
  const cpuAtStart = cpuSeconds(cms.child.pid);
  const { outcomes, skipped } = await runLoad({
    origin,
    sites,
    rate,
    seconds,
    addresses,
    maxInFlight: Number(values['max-in-flight']),
    ...(values.restart ? { during: { at: seconds / 2, run: restart } } : {}),
  });
  const wallSeconds = (performance.now() - wall) / 1000;
  const cpuDuringLoad = cpuSeconds(cms.child.pid) - cpuAtStart;
  const where = database === 'postgres' ? { postgres: pgUrl } : { sqlite: sqliteFile };
  const accepted = outcomes.filter((o) => o.status === 201 && o.code);
  // Acknowledged means kept: the intake holds the letter sealed. Drafting follows, one after another.
  const kept = await storedCodes(where, 'kept');
  const lost = accepted.filter((o) => !kept.has(o.code as string)).map((o) => o.code);
  const drainStart = performance.now();
  let drafted = await storedCodes(where, 'drafted');
  const undrafted = () => accepted.filter((o) => !drafted.has(o.code as string)).length;
  const waitingAtEnd = undrafted();
  while (undrafted() > 0 && performance.now() - drainStart < 600_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    drafted = await storedCodes(where, 'drafted');
  }
  const drainSeconds = Math.round((performance.now() - drainStart) / 100) / 10;
  const cpuUntilDrafted = cpuSeconds(cms.child.pid) - cpuAtStart;
  const neverDrafted = undrafted();
  const refused = outcomes.filter((o) => o.status >= 400 && o.status < 500);
  const unexplained = refused.filter((o) => !o.reason);
  const errors = outcomes.filter(
    (o) => o.status >= 500 || (o.status !== 0 && o.status < 400 && o.status !== 201),
  );
  const unanswered = outcomes.filter((o) => o.status === 0).length;
  const answered = outcomes.filter((o) => o.status !== 0).map((o) => o.ms);
  const byStatus: Record<string, number> = {};
  for (const o of outcomes) byStatus[String(o.status)] = (byStatus[String(o.status)] ?? 0) + 1;
  const reasons: Record<string, number> = {};
  for (const o of refused) reasons[`${o.status} ${o.reason}`] = (reasons[`${o.status} ${o.reason}`] ?? 0) + 1;
  const times = (list: number[]) => ({
    p50: Math.round(percentile(list, 50)),
    p95: Math.round(percentile(list, 95)),
    max: Math.round(percentile(list, 100)),
  });
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    options: { rate, seconds, database, restart: values.restart, addresses, challengeBits: bits },
    limits: limitsFromEnv(env),
    sent: outcomes.length,
    skippedByBench: skipped,
    achievedRate: Math.round((outcomes.length / wallSeconds) * 10) / 10,
    accepted: accepted.length,
    stored: accepted.length - lost.length,
    lost,
    waitingToBeDraftedAtEnd: waitingAtEnd,
    draftedWithinSecondsAfterLoad: drainSeconds,
    neverDrafted,
    refused: refused.length,
    refusedWithoutReason: unexplained.length,
    serverErrors: errors.length,
    unanswered,
    restartDownSeconds: values.restart ? downSeconds : null,
    byStatus,
    reasons,
    // The restart starts another process: its CPU is not comparable, so none is given.
    cmsCpuSeconds: values.restart
      ? null
      : { duringLoad: round1(cpuDuringLoad), untilDrafted: round1(cpuUntilDrafted) },
    cmsCpuMsPerLetter:
      values.restart || !accepted.length ? null : round1((cpuUntilDrafted * 1000) / accepted.length),
    answerMs: times(answered),
    acceptedMs: times(accepted.map((o: Outcome) => o.ms)),
  };
  mkdirSync(path.join(dataDir, 'bench'), { recursive: true });
  const out = path.join(dataDir, 'bench', `mailbox-${database}${values.restart ? '-restart' : ''}.json`);
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  const limitLine = Object.entries(report.limits)
    .map(([name, limit]) => `${name} ${limit.max}/${Math.round(limit.windowMs / 60_000)} min`)
    .join(', ');
  process.stdout.write(
    `mailbox load on ${database}${values.restart ? ' with a restart' : ''}: ${rate}/s asked for ${seconds} s, ${report.achievedRate}/s sent (${outcomes.length} letters, ${skipped} skipped by the bench at ${values['max-in-flight']} in flight)\n` +
      `  accepted ${accepted.length}, of which in the database ${report.stored}, lost ${lost.length}\n` +
      `  drafted for the offices: ${waitingAtEnd} still waiting when the load ended, all drafted ${drainSeconds} s later${neverDrafted ? ` except ${neverDrafted}` : ''}\n` +
      `  refused ${refused.length} (4xx; ${unexplained.length} without a reason), server errors ${errors.length}, unanswered (CMS down) ${unanswered}\n` +
      (report.cmsCpuSeconds && report.cmsCpuMsPerLetter
        ? `  CMS process CPU: ${report.cmsCpuSeconds.duringLoad} s during the load, ${report.cmsCpuSeconds.untilDrafted} s until all were drafted: ${report.cmsCpuMsPerLetter} ms a letter (challenge, post and draft), about ${Math.floor(1000 / report.cmsCpuMsPerLetter)} letters/s for a whole core\n`
        : '') +
      `  answer time of the post: p50 ${report.answerMs.p50} ms, p95 ${report.answerMs.p95} ms, max ${report.answerMs.max} ms\n` +
      `  statuses ${JSON.stringify(byStatus)}${refused.length ? `; reasons ${JSON.stringify(reasons)}` : ''}\n` +
      `  limits in force (defaults unless MAILBOX_LIMITS): ${limitLine}; ${addresses === 'distinct' ? 'each letter from its own address via X-Forwarded-For from loopback' : 'every letter from one address'}; proof of work ${bits} bits (production 16)\n` +
      `  report: ${path.relative(process.cwd(), out)}\n`,
  );
  process.exitCode =
    lost.length === 0 && neverDrafted === 0 && unexplained.length === 0 && errors.length === 0 ? 0 : 1;
} catch (error) {
  log(`failed: ${(error as Error).message}\n${cmsLines.join('\n')}`);
  process.exitCode = 2;
} finally {
  await cms?.stop();
  if (database === 'postgres') {
    try {
      psql(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    } catch {}
  }
  rmSync(work, { recursive: true, force: true });
}
