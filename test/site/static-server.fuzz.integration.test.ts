/**
 * Fuzz test of the static server over the built fixture cluster: at least 10,000 generated requests
 * (test/lib/fuzz-requests.ts, seeded) for its real paths, mangled, encoded and sent up and out of
 * the root. The cluster is served through a `dist` link to a release, as the publisher will serve
 * it, with a file beside the release and a dot file inside it that must never be sent. No 5xx, no
 * request without an answer, nothing from outside the root, not the server's nginx.conf, and the
 * server still answers afterwards.
 *
 * `GOVCLUSTER_FUZZ_SEED` and `GOVCLUSTER_FUZZ_COUNT` override the seed and the number of requests.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import { runFuzz, staticRequests } from '../lib/fuzz-requests.ts';
import { fixtureBuild, htmlPages } from './fixture.ts';

const seed = Number(process.env.GOVCLUSTER_FUZZ_SEED ?? 20261205);
const count = Number(process.env.GOVCLUSTER_FUZZ_COUNT ?? 10_000);
/** Text that only files the server must never send hold. */
const secrets = ['FZOUTSIDEROOT', 'FZDOTFILE', 'gzip_types'];

describe('static server fuzz', () => {
  let base: string;
  let server: StaticServer;
  let paths: string[];

  beforeAll(async () => {
    const fixture = await fixtureBuild();
    base = mkdtempSync(path.join(tmpdir(), 'govcluster-static-fuzz-'));
    const release = path.join(base, 'releases', 'r1');
    mkdirSync(path.dirname(release), { recursive: true });
    // A copy by hard links: the shared fixture build is never written to.
    const copied = spawnSync('cp', ['-al', fixture.dist, release]);
    expect(copied.status, copied.stderr?.toString()).toBe(0);
    writeFileSync(path.join(base, 'outside.txt'), secrets[0]!);
    writeFileSync(path.join(base, 'releases', 'outside.txt'), secrets[0]!);
    writeFileSync(path.join(release, '.env'), secrets[1]!);
    symlinkSync(release, path.join(base, 'dist'));
    paths = htmlPages(release).slice(0, 400);
    expect(paths.length).toBeGreaterThan(20);
    server = await serveStatic(path.join(base, 'dist'));
  });

  afterAll(async () => {
    await server?.close();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it(`answers ${count} generated requests with no 5xx and nothing from outside the site`, {
    timeout: 300_000,
  }, async () => {
    const requests = staticRequests(
      [...paths, '/sites.json', '/robots.txt', '/pagefind/pagefind.js'],
      seed,
      count,
    );
    const report = await runFuzz(
      server.url,
      requests,
      (_request, answer) => {
        const shown = secrets.filter((secret) => answer.body.includes(secret));
        return shown.length > 0 ? `sends ${shown.join(', ')}` : null;
      },
      16,
    );
    process.stdout.write(
      `static server fuzz: ${report.sent} requests in ${report.seconds.toFixed(1)} s (seed ${seed}); statuses ${JSON.stringify(report.statuses)}\n`,
    );
    expect(report.problems).toEqual([]);
    expect(report.sent).toBeGreaterThanOrEqual(count);
    // Many requests were for real pages and got them (whole, in part, or as not modified).
    const served = (report.statuses[200] ?? 0) + (report.statuses[206] ?? 0) + (report.statuses[304] ?? 0);
    expect(served).toBeGreaterThan(count / 10);
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
  });
});
