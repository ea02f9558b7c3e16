/**
 * `npm run bench:publish [-- --scale demo|large|fixture] [--count 20] [--burst 50]`: how long a
 * publish takes to reach the public, through the real publisher, releases and static server.
 *
 * Source: the scale's snapshot (copied to a temporary folder), read by the same build the CMS source
 * uses. A "publish" appends a new, newest article to the portal's news column and sends the signed
 * change notice the CMS sends after a final approval; the time runs from that notice's HTTP response
 * to the moment the static server answers the article's page AND the news listing shows its title.
 * Then a burst of `--burst` publishes 50 ms apart, until all are live; then a rollback. Prints p50/p95
 * and their ratio to the full build measured at the start of the same run, and how long each single
 * publish took until the release with its search index was live (later, with pages first: ADR 30).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sign, signatureHeader } from '@govcluster/shared/publishing';
import { serveStatic } from './lib/static-server.ts';
import { liveReleaseId, readRelease } from './publisher/releases.ts';
import { rollback } from './rollback.ts';
import { ensureSnapshot, type SeedScale, seedScales } from './seed-cms.ts';
import { startPublisher } from './start-publisher.ts';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'demo' },
      count: { type: 'string', default: '20' },
      burst: { type: 'string', default: '50' },
    },
  });
  const scale = values.scale as SeedScale;
  if (!seedScales.includes(scale))
    throw new Error(`--scale ${values.scale}: one of ${seedScales.join(', ')}`);
  const count = Number(values.count);
  const burst = Number(values.burst);
  const work = mkdtempSync(path.join(tmpdir(), 'bench-publish-'));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const snapshot = path.join(work, 'snapshot');
    cpSync(await ensureSnapshot(scale), snapshot, { recursive: true });
    const file = path.join(snapshot, 'snapshot.jsonl');
    const template = readFileSync(file, 'utf8')
      .split('\n')
      .find((line) => line.includes('"type":"article"') && line.includes('"site":"portal","column":"news"'));
    if (!template) throw new Error(`no portal news article in ${file} to model new ones on`);
    const model = JSON.parse(template) as Record<string, unknown>;
    const secret = randomUUID();
    process.env.PUBLISHER_SECRET = secret;
    const layout = { dir: path.join(work, 'releases'), live: path.join(work, 'dist') };
    say(
      `bench:publish at ${scale} scale (snapshot path), load average ${loadavg()[0]?.toFixed(2)}, ` +
        `pages first ${process.env.PUBLISHER_PAGES_FIRST === '0' ? 'off' : 'on'} (PUBLISHER_PAGES_FIRST)`,
    );
    const publisher = await startPublisher({
      source: { kind: 'snapshot', dir: snapshot },
      layout,
      port: 0,
      catchUpMs: 0,
      // The publisher's own lines (why a build rendered what it did) with BENCH_PUBLISH_LOG=1.
      log: process.env.BENCH_PUBLISH_LOG
        ? (line: string) => process.stderr.write(`[publisher] ${line}\n`)
        : () => {},
    });
    await publisher.publisher.idle();
    const first = readRelease(layout, liveReleaseId(layout) ?? '');
    if (!first)
      throw new Error(`the first build failed: ${publisher.publisher.status().failures[0]?.reason}`);
    const fullSeconds = first.durationMs / 1000;
    say(`full build: ${first.pages} pages in ${fullSeconds.toFixed(1)} s`);
    const site = await serveStatic(layout.live, { port: 0 });
    let serial = 0;
    // After the newest entry of the snapshot, so that each new article heads the listing's first page.
    let clock = 0;
    for (const found of readFileSync(file, 'utf8').matchAll(/"publishedAt":"([^"]+)"/g)) {
      clock = Math.max(clock, Date.parse(found[1] ?? ''));
    }
    const publish = async (): Promise<{ url: string; title: string }> => {
      serial += 1;
      clock += 60_000;
      const id = `bench-news-${serial}`;
      const title = `基准测试发布第${serial}条 ${randomUUID().slice(0, 8)}`;
      const at = new Date(clock).toISOString();
      appendFileSync(file, `${JSON.stringify({ ...model, id, title, publishedAt: at, updatedAt: at })}\n`);
      const body = JSON.stringify({
        id: randomUUID(),
        event: 'publish',
        at: new Date().toISOString(),
        documentId: id,
      });
      const response = await fetch(`${publisher.server.url}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [signatureHeader]: sign(secret, body) },
        body,
      });
      if (response.status !== 202) throw new Error(`the publisher answered ${response.status}`);
      return { url: `/news/${id}/`, title };
    };
    const live = async (entry: { url: string; title: string }, listed: boolean) => {
      const page = await fetch(`${site.url}${entry.url}`);
      if (!(await page.text()).includes(entry.title)) return false;
      return !listed || (await (await fetch(`${site.url}/news/`)).text()).includes(entry.title);
    };
    // Every page must be served; the listing's first page shows the newest entries, so the newest
    // one must be on it (older ones of a burst move on to later pages).
    const waitLive = async (entries: { url: string; title: string }[], started: number) => {
      const pending = new Set(entries);
      const newest = entries.at(-1);
      while (pending.size > 0) {
        for (const entry of [...pending]) if (await live(entry, entry === newest)) pending.delete(entry);
        if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        if (performance.now() - started > 600_000) throw new Error('not live after 10 minutes');
      }
      return (performance.now() - started) / 1000;
    };
    const singles: number[] = [];
    // Until the release with the publication's search index is live (later than the page with pages first).
    const completes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const entry = await publish();
      const started = performance.now();
      singles.push(await waitLive([entry], started));
      await publisher.publisher.idle();
      completes.push((performance.now() - started) / 1000);
      say(
        `  publish ${i + 1}/${count}: ${singles.at(-1)?.toFixed(2)} s, search index ${completes.at(-1)?.toFixed(2)} s`,
      );
    }
    const buildsBefore = publisher.publisher.builds;
    const burstStart = performance.now();
    const entries = [];
    for (let i = 0; i < burst; i += 1) {
      entries.push(await publish());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const burstSeconds = await waitLive(entries, burstStart);
    await publisher.publisher.idle();
    const burstBuilds = publisher.publisher.builds - buildsBefore;
    const rollbackStart = performance.now();
    await rollback(layout);
    const rollbackMs = performance.now() - rollbackStart;
    await site.close();
    await publisher.stop();
    const p50 = percentile(singles, 50);
    const p95 = percentile(singles, 95);
    say('');
    say(`scale ${scale}: ${first.pages} pages; full build ${fullSeconds.toFixed(1)} s`);
    say(
      `single publishes (${count}): p50 ${p50.toFixed(2)} s, p95 ${p95.toFixed(2)} s (${((p50 / fullSeconds) * 100).toFixed(0)}% / ${((p95 / fullSeconds) * 100).toFixed(0)}% of a full build)`,
    );
    say(
      `  with their search index: p50 ${percentile(completes, 50).toFixed(2)} s, p95 ${percentile(completes, 95).toFixed(2)} s`,
    );
    say(`burst of ${burst}: all live in ${burstSeconds.toFixed(1)} s, ${burstBuilds} builds`);
    say(`rollback: ${rollbackMs.toFixed(0)} ms`);
    say(`load average at the end: ${loadavg()[0]?.toFixed(2)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:publish: ${(error as Error).message}\n`);
  process.exit(1);
});
