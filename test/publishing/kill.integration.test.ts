/**
 * The publisher killed with SIGKILL at random moments (issue 12): a real publisher process building
 * the fixture snapshot, killed — with its whole process group, Astro workers included — somewhere
 * between its start and well after its build would have finished, at least 20 times, each time after
 * an edit of the content. After every kill the live release is a complete one: byte-identical to what
 * was live before, or a new complete release with the edit. The next start finishes the work.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/src/lib/paths.ts';
import {
  liveFolder,
  liveReleaseId,
  type ReleaseLayout,
  readRelease,
} from '../../scripts/src/publisher/releases.ts';
import { fixtureSnapshot } from '../site/fixture.ts';

const rounds = Number(process.env.PUBLISHER_KILL_ROUNDS ?? 20);
const publisherScript = path.join(repoRoot, 'scripts', 'src', 'start-publisher.ts');
const pagePath = 'about/portal-page-overview/index.html';

let work: string;
let snapshot: string;
let layout: ReleaseLayout;

/** Every file of a folder → its SHA-256. */
function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else
        out.set(
          rel,
          createHash('sha256')
            .update(readFileSync(path.join(dir, rel)))
            .digest('hex'),
        );
    }
  };
  walk('');
  return out;
}

/** Gives the overview page a new title (the zh-CN version). */
function edit(round: number): string {
  const file = path.join(snapshot, 'snapshot.jsonl');
  const title = `临江概况 第${round}版`;
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.includes('"id":"portal-page-overview","locale":"zh-CN"'));
  lines[at] = lines[at]!.replace(/"title":"[^"]*"/, `"title":"${title}"`);
  writeFileSync(file, lines.join('\n'));
  return title;
}

function startPublisher(args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', publisherScript, '--snapshot', snapshot, ...args], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      GOVCLUSTER_RELEASES: layout.dir,
      GOVCLUSTER_DIST: layout.live,
      PUBLISHER_PORT: '0',
      PUBLISHER_SECRET: 'kill-test',
      PUBLISHER_CATCHUP_MS: '0',
    },
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'publisher-kill-'));
  snapshot = path.join(work, 'snapshot');
  cpSync(await fixtureSnapshot(), snapshot, { recursive: true });
  layout = { dir: path.join(work, 'releases'), live: path.join(work, 'dist') };
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the publisher killed mid-build', () => {
  it(
    `leaves a complete live release after each of ${rounds} kills, and the next start finishes the work`,
    async () => {
      const firstStarted = Date.now();
      const first = startPublisher(['--once']);
      expect(await exited(first)).toBe(0);
      // A publisher's whole run (start, full build, switch, exit): kills are spread over a little more
      // than that, so some land before the switch and some after, however fast the build is.
      const window = (Date.now() - firstStarted) * 1.2;
      const seen = new Map<string, Map<string, string>>();
      let liveId = liveReleaseId(layout) as string;
      seen.set(liveId, digest(liveFolder(layout) as string));
      expect(seen.get(liveId)?.size, 'files in the first live release').toBeGreaterThan(0);
      const outcomes = { unchanged: 0, newRelease: 0 };
      let title = '';
      for (let round = 1; round <= rounds; round += 1) {
        title = edit(round);
        const child = startPublisher();
        // Spread over the whole run, from before the build starts to after the switch, in an order that
        // jumps around.
        const wait = (((round * 0.618034) % 1) * 0.9 + Math.random() * 0.1) * window;
        await new Promise((resolve) => setTimeout(resolve, wait));
        process.kill(-(child.pid as number), 'SIGKILL');
        await exited(child);
        const nowId = liveReleaseId(layout) as string;
        const folder = liveFolder(layout) as string;
        expect(
          readRelease(layout, nowId),
          `round ${round}: live release ${nowId} is complete`,
        ).not.toBeNull();
        const files = digest(folder);
        if (nowId === liveId) {
          expect(
            files,
            `round ${round} (killed after ${wait.toFixed(0)} ms): live release unchanged`,
          ).toEqual(seen.get(nowId));
          outcomes.unchanged += 1;
        } else {
          // A new release: the same pages as the first one (only a title changed; search index files are
          // named by their content, so only their number is compared) and the edit in it.
          const reference = seen.values().next().value as Map<string, string>;
          const shape = (names: Iterable<string>) => {
            const list = [...names];
            const index = list.filter((name) => name.startsWith('pagefind/'));
            return { pages: list.filter((name) => !index.includes(name)).sort(), indexFiles: index.length };
          };
          expect(shape(files.keys())).toEqual(shape(reference.keys()));
          expect(readFileSync(path.join(folder, pagePath), 'utf8')).toContain(title);
          seen.set(nowId, files);
          liveId = nowId;
          outcomes.newRelease += 1;
        }
      }
      process.stderr.write(
        `[kill test] ${rounds} kills: ${outcomes.unchanged} left the live release as it was, ${outcomes.newRelease} after a new release went live\n`,
      );
      expect(outcomes.unchanged).toBeGreaterThan(0);
      expect(outcomes.newRelease).toBeGreaterThan(0);
      const last = startPublisher(['--once']);
      expect(await exited(last)).toBe(0);
      const folder = liveFolder(layout) as string;
      expect(readFileSync(path.join(folder, pagePath), 'utf8')).toContain(title);
      const leftovers = readdirSync(layout.dir).filter(
        (name) => name !== '.publisher.lock' && !readRelease(layout, name),
      );
      expect(leftovers).toEqual([]);
      expect(existsSync(path.join(layout.dir, '.publisher.lock'))).toBe(false);
    },
    (rounds * 30 + 120) * 1000,
  );
});
