/**
 * The load of the mailbox benchmark: letters sent at a fixed rate (an open loop: one every 1000/rate ms,
 * whatever the answers take), each as a citizen's browser sends it (challenge, proof of work, JSON post),
 * and the check that nothing acknowledged was lost, read from the database itself.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { challengeBits, challengeInput, leadingZeroBits } from '@govcluster/shared/mailbox';
import { cmsDir } from '../../cms-paths.ts';

/** What happened to one letter. */
export interface Outcome {
  /** HTTP status, or 0 when no answer came (connection refused or reset: not acknowledged). */
  status: number;
  /** Milliseconds of the post (challenge and proof of work not included). */
  ms: number;
  code?: string;
  /** The reason of a refusal, as the CMS gave it. */
  reason?: string;
}

/** Options of {@link runLoad}. */
export interface LoadOptions {
  origin: string;
  sites: readonly string[];
  rate: number;
  seconds: number;
  /** `distinct`: every letter from its own address (as behind the cluster's proxy); `one`: all from one. */
  addresses: 'distinct' | 'one';
  /** Letters in flight at most; beyond it the bench skips (and counts) rather than queue without bound. */
  maxInFlight: number;
  /** Called once, after `at` seconds (the restart). */
  during?: { at: number; run: () => Promise<void> };
}

/** The address of letter `n`: documentation ranges would run out; 10.0.0.0/8 has room for millions. */
const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/**
 * The page's solver (`solveChallenge`) awaits Web Crypto for every try: right for a browser, but at
 * 100 letters a second it kept the bench's own thread busy and the answers it timed late. The same
 * search, synchronous: the answer the page would find.
 */
function solve(token: string): string {
  const bits = challengeBits(token) ?? 0;
  for (let n = 0; ; n++) {
    const digest = createHash('sha256')
      .update(challengeInput(token, String(n)))
      .digest();
    if (leadingZeroBits(digest, bits)) return String(n);
  }
}

async function sendOne(options: LoadOptions, n: number, run: string): Promise<Outcome> {
  const ip = options.addresses === 'one' ? '10.255.255.254' : addressOf(n + 1);
  const headers = { 'x-forwarded-for': ip, accept: 'application/json' };
  try {
    const challenge = await fetch(`${options.origin}/api/mailbox/challenge`, { headers });
    if (challenge.status !== 200) return { status: challenge.status, ms: 0, reason: 'challenge refused' };
    const { token } = (await challenge.json()) as { token: string };
    const solution = solve(token);
    const body = {
      site: options.sites[n % options.sites.length],
      kind: 'suggestion',
      subject: `压力测试来信 ${run} 第${n}封`,
      text: `这是邮箱压力测试的第${n}封信（批次 ${run}），内容各不相同，以免被当作重复来信。`,
      name: '测试用户',
      phone: `13${String(100000000 + ((n * 7919) % 900000000)).slice(-9)}`,
      email: '',
      mayPublish: 'no',
      challenge: token,
      solution,
    };
    const started = performance.now();
    const answer = await fetch(`${options.origin}/api/mailbox/letters`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await answer.text();
    const ms = performance.now() - started;
    let parsed: { code?: string; error?: { message?: string; fields?: Record<string, string> } } = {};
    try {
      parsed = JSON.parse(text);
    } catch {}
    const reason = parsed.error
      ? [parsed.error.message, ...Object.values(parsed.error.fields ?? {})].filter(Boolean).join('; ')
      : undefined;
    return { status: answer.status, ms, code: parsed.code, reason };
  } catch {
    return { status: 0, ms: 0 };
  }
}

/** Sends the letters; returns every outcome and how many the bench itself skipped. */
export async function runLoad(options: LoadOptions): Promise<{ outcomes: Outcome[]; skipped: number }> {
  const run = Date.now().toString(36);
  const total = Math.round(options.rate * options.seconds);
  const outcomes: Promise<Outcome>[] = [];
  let inFlight = 0;
  let skipped = 0;
  const started = performance.now();
  let during: Promise<void> | undefined;
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (options.during && !during && performance.now() - started >= options.during.at * 1000) {
      during = options.during.run();
    }
    if (inFlight >= options.maxInFlight) {
      skipped++;
      continue;
    }
    inFlight++;
    outcomes.push(
      sendOne(options, n, run).finally(() => {
        inFlight--;
      }),
    );
  }
  const done = await Promise.all(outcomes);
  await during;
  return { outcomes: done, skipped };
}

/**
 * The tracking codes in the database: `kept`, every intake (the letter sealed in it or drafted);
 * `drafted`, those whose draft letter exists for the offices.
 */
export async function storedCodes(
  database: { sqlite?: string; postgres?: string },
  which: 'kept' | 'drafted' = 'drafted',
): Promise<Set<string>> {
  const require = createRequire(path.join(cmsDir, 'package.json'));
  const sql =
    which === 'kept'
      ? 'SELECT i.code AS code FROM letter_intakes i'
      : 'SELECT i.code AS code FROM letter_intakes i JOIN letters l ON l.document_id = i.letter WHERE l.published_at IS NULL';
  if (database.postgres) {
    const pg = require('pg') as {
      Client: new (options: {
        connectionString: string;
      }) => {
        connect(): Promise<void>;
        query(sql: string): Promise<{ rows: { code: string }[] }>;
        end(): Promise<void>;
      };
    };
    const client = new pg.Client({ connectionString: database.postgres });
    await client.connect();
    try {
      return new Set((await client.query(sql)).rows.map((row) => row.code));
    } finally {
      await client.end();
    }
  }
  const Database = require('better-sqlite3') as new (
    file: string,
    options: { readonly: boolean },
  ) => { prepare(sql: string): { all(): { code: string }[] }; close(): void };
  const db = new Database(database.sqlite as string, { readonly: true });
  try {
    return new Set(
      db
        .prepare(sql)
        .all()
        .map((row) => row.code),
    );
  } finally {
    db.close();
  }
}

/** The p-th percentile (0–100) of some numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
