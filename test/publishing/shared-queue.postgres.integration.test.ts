/**
 * Several publisher processes sharing one queue on this machine's PostgreSQL (issue 12, item 7;
 * ADR 24): three real publisher processes on the fixture snapshot, one releases folder.
 * - one build at a time for the whole group, and a burst of edits gives a handful of builds;
 * - the two Astro parts of a build are rendered by two different publishers;
 * - the publisher that is building is killed (SIGKILL, its Astro workers with it): another one takes
 *   the build over and the edit goes live.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  postgresAdminUrl,
} from '../../cms/src/testing/boot-strapi.ts';
import { repoRoot } from '../../scripts/src/lib/paths.ts';
import type { PublisherStatus } from '../../scripts/src/publisher/publisher.ts';
import {
  listReleases,
  liveFolder,
  type ReleaseInfo,
  type ReleaseLayout,
} from '../../scripts/src/publisher/releases.ts';
import { fixtureSnapshot } from '../site/fixture.ts';

const publisherScript = path.join(repoRoot, 'scripts', 'src', 'start-publisher.ts');
const pagePath = 'about/portal-page-overview/index.html';

interface RunningProcess {
  child: ChildProcess;
  statusUrl: Promise<string>;
  log: string[];
}

let work: string;
let snapshot: string;
let layout: ReleaseLayout;
let database: string;
let publishers: RunningProcess[] = [];

/** Gives the overview page a new title (the zh-CN version). */
function edit(title: string): void {
  const file = path.join(snapshot, 'snapshot.jsonl');
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.includes('"id":"portal-page-overview","locale":"zh-CN"'));
  lines[at] = (lines[at] as string).replace(/"title":"[^"]*"/, `"title":"${title}"`);
  writeFileSync(file, lines.join('\n'));
}

function startPublisher(): RunningProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', publisherScript, '--snapshot', snapshot], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: postgresAdminUrl(database),
      GOVCLUSTER_RELEASES: layout.dir,
      GOVCLUSTER_DIST: layout.live,
      GOVCLUSTER_BUILD_PROCESSES: '2',
      PUBLISHER_PART_CONCURRENCY: '1',
      PUBLISHER_SUPERVISE_SECONDS: '1',
      PUBLISHER_PORT: '0',
      PUBLISHER_SECRET: 'shared-queue-test',
      PUBLISHER_CATCHUP_MS: '1000',
    },
  });
  const log: string[] = [];
  const statusUrl = new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        log.push(line);
        const found = /status: (\S+)/.exec(line);
        if (found) resolve(found[1] as string);
      }
    });
    child.once('exit', (code) => reject(new Error(`publisher exited with ${code}: ${log.join('\n')}`)));
  });
  statusUrl.catch(() => {});
  return { child, statusUrl, log };
}

async function status(publisher: RunningProcess): Promise<PublisherStatus> {
  const response = await fetch(await publisher.statusUrl);
  return (await response.json()) as PublisherStatus;
}

function livePage(): string {
  const folder = liveFolder(layout);
  try {
    return folder ? readFileSync(path.join(folder, pagePath), 'utf8') : '';
  } catch {
    return '';
  }
}

async function until<T>(
  what: string,
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) {
      const logs = publishers.map((p, i) => `publisher ${i}:\n${p.log.slice(-15).join('\n')}`).join('\n');
      throw new Error(`timed out waiting for ${what}\n${logs}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function overlapping(releases: ReleaseInfo[]): [string, string][] {
  const sorted = [...releases].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const pairs: [string, string][] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const before = sorted[i - 1] as ReleaseInfo;
    const after = sorted[i] as ReleaseInfo;
    if (after.startedAt < before.finishedAt) pairs.push([before.id, after.id]);
  }
  return pairs;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'publisher-shared-'));
  snapshot = path.join(work, 'snapshot');
  cpSync(await fixtureSnapshot(), snapshot, { recursive: true });
  layout = { dir: path.join(work, 'releases'), live: path.join(work, 'dist') };
  database = await createPostgresDatabase('govcluster_publisher');
  publishers = [startPublisher(), startPublisher(), startPublisher()];
  await Promise.all(publishers.map((publisher) => publisher.statusUrl));
});

afterAll(async () => {
  for (const publisher of publishers) {
    try {
      process.kill(-(publisher.child.pid as number), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  if (database) await dropPostgresDatabase(database);
  rmSync(work, { recursive: true, force: true });
});

describe('publishers sharing a queue on PostgreSQL', () => {
  it('build one at a time, coalesce a burst, and render a build’s parts on two publishers', async () => {
    await until('the first release', () => livePage().includes('<html'), 180_000);
    const before = listReleases(layout).length;
    for (let round = 1; round <= 10; round += 1) {
      edit(`临江概况 连续修改第${round}版`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await until(
      'the last edit of the burst to be live',
      () => livePage().includes('连续修改第10版'),
      180_000,
    );
    const releases = listReleases(layout);
    const made = releases.length - before;
    process.stderr.write(`[shared queue] a burst of 10 edits gave ${made} release(s)\n`);
    expect(made, 'releases for a burst of 10 edits').toBeGreaterThanOrEqual(1);
    expect(made, 'releases for a burst of 10 edits').toBeLessThanOrEqual(3);
    expect(overlapping(releases), 'builds that ran at the same time').toEqual([]);
    const builders = new Set(releases.map((release) => release.builtBy));
    const split = releases.filter((release) => new Set(release.parts?.map((part) => part.worker)).size === 2);
    expect(split.length, `releases whose two parts ran on two publishers (built by ${[...builders]})`).toBe(
      releases.length,
    );
  }, 420_000);

  it('takes over the build of a publisher that dies while building', async () => {
    await until('a live release', () => livePage().includes('<html'), 180_000);
    edit('临江概况 接管构建版');
    const building = await until(
      'a publisher to start building the edit',
      async () => {
        for (const publisher of publishers) {
          if (publisher.child.exitCode !== null || publisher.child.signalCode !== null) continue;
          const now = await status(publisher).catch(() => null);
          if (now?.building) return publisher;
        }
        return null;
      },
      120_000,
    );
    // Let it get into the build (Astro running), then kill it with its Astro workers.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const killed = building.child.pid as number;
    process.kill(-killed, 'SIGKILL');
    await until('the killed publisher to exit', () => building.child.signalCode !== null, 10_000);
    await until(
      'the edit to go live through another publisher',
      () => livePage().includes('接管构建版'),
      240_000,
    );
    const live = listReleases(layout)[0] as ReleaseInfo;
    expect(live.builtBy, 'the release that went live after the kill').not.toMatch(new RegExp(`:${killed}$`));
    expect(overlapping(listReleases(layout))).toEqual([]);
  }, 420_000);
});
