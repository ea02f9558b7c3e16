import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollback } from '../rollback.ts';
import { type BuildRequest, createPublisher } from './publisher.ts';
import { listReleases, liveReleaseId, type ReleaseLayout, releaseFile } from './releases.ts';

let root: string;
let layout: ReleaseLayout;
let snapshot: string;

/** A stand-in for the cluster build: writes one page holding the snapshot's text. */
function fakeBuild(options: { ms?: number; fail?: () => boolean; skipped?: () => string[] } = {}) {
  const calls: BuildRequest[] = [];
  const build = async (request: BuildRequest) => {
    calls.push(request);
    await new Promise((resolve) => setTimeout(resolve, options.ms ?? 20));
    const skipped = (options.skipped?.() ?? []).map((id) => ({
      site: 'portal',
      type: 'article',
      id,
      problem: 'title missing',
    }));
    if (options.fail?.()) return { ok: false, pages: 0, skipped, log: 'astro: something broke' };
    mkdirSync(request.outDir);
    writeFileSync(
      path.join(request.outDir, 'index.html'),
      readFileSync(path.join(snapshot, 'snapshot.jsonl')),
    );
    return { ok: true, pages: 1, skipped, log: '' };
  };
  return { build, calls };
}

function changeContent(text: string): void {
  const file = path.join(snapshot, 'snapshot.jsonl');
  writeFileSync(file, text);
  // The snapshot's token is its size and mtime: make sure the mtime moves.
  const stamp = new Date(Date.now() + Math.random() * 1000);
  utimesSync(file, stamp, stamp);
}

/** Makes a folder unwritable, for root too (an immutable folder; chmod does not stop root). */
function setWritable(dir: string, writable: boolean): void {
  if (process.getuid?.() === 0) execFileSync('chattr', [writable ? '-i' : '+i', dir]);
  else chmodSync(dir, writable ? 0o755 : 0o555);
}

/** A publisher of the test's snapshot into its releases (keeping `keep`), started and idle. */
async function started(build: Parameters<typeof createPublisher>[0]['build'], keep?: number) {
  const publisher = createPublisher({
    source: { kind: 'snapshot', dir: snapshot },
    layout,
    build,
    ...(keep === undefined ? {} : { keep }),
    catchUpMs: 0,
    log: () => {},
  });
  await publisher.start();
  await publisher.idle();
  return publisher;
}

const liveText = () => readFileSync(path.join(layout.live, 'index.html'), 'utf8');

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'publisher-'));
  layout = { dir: path.join(root, 'releases'), live: path.join(root, 'dist') };
  snapshot = path.join(root, 'snapshot');
  mkdirSync(snapshot);
  changeContent('v1');
});

afterEach(() => {
  try {
    setWritable(layout.dir, true);
  } catch {}
  rmSync(root, { recursive: true, force: true });
});

describe('publisher', () => {
  it('builds at start, switches dist to the release, and does nothing while the content is unchanged', async () => {
    const { build, calls } = fakeBuild();
    const publisher = await started(build);
    expect(liveText()).toBe('v1');
    expect(readlinkSync(layout.live)).toMatch(/^releases\//);
    await publisher.checkNow();
    expect(calls).toHaveLength(1);
    changeContent('v2');
    await publisher.checkNow();
    expect(liveText()).toBe('v2');
    expect(calls[1]?.previous).toBe(
      path.join(layout.dir, calls[0]?.outDir ? path.basename(calls[0].outDir) : ''),
    );
    await publisher.stop();
  });

  it('gathers a burst of 50 notices that arrive during a build into a handful of builds, never two at once', async () => {
    let running = 0;
    let most = 0;
    const inner = fakeBuild({ ms: 150 });
    const build = async (request: BuildRequest) => {
      running += 1;
      most = Math.max(most, running);
      try {
        return await inner.build(request);
      } finally {
        running -= 1;
      }
    };
    const publisher = createPublisher({
      source: { kind: 'snapshot', dir: snapshot },
      layout,
      build,
      catchUpMs: 0,
      log: () => {},
    });
    await publisher.start();
    for (let i = 0; i < 50; i += 1) {
      changeContent(`v${i + 2}`);
      publisher.request(`publish article doc${i}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await publisher.idle();
    expect(liveText()).toBe('v51');
    expect(most).toBe(1);
    expect(publisher.builds).toBeLessThanOrEqual(6);
    await publisher.stop();
  });

  it('keeps the live release byte-identical when a build fails, and says why', async () => {
    let fail = false;
    const { build } = fakeBuild({ fail: () => fail });
    const publisher = await started(build);
    const live = liveReleaseId(layout);
    fail = true;
    changeContent('v2');
    await publisher.checkNow();
    expect(liveReleaseId(layout)).toBe(live);
    expect(liveText()).toBe('v1');
    expect(publisher.status().failures[0]?.reason).toContain('astro: something broke');
    await publisher.stop();
  });

  it('refuses a release that skips an entry the live one rendered, naming the entry and the problem', async () => {
    let skipped: string[] = [];
    const { build } = fakeBuild({ skipped: () => skipped });
    const publisher = await started(build);
    skipped = ['doc-broken'];
    changeContent('v2');
    await publisher.checkNow();
    expect(liveText()).toBe('v1');
    expect(publisher.status().failures[0]?.reason).toMatch(
      /invalid entry.*article doc-broken of site portal: title missing/,
    );
    await publisher.stop();
  });

  it('says clearly when the releases folder is not writable, and leaves the live release alone', async () => {
    const { build } = fakeBuild();
    const publisher = await started(build);
    const live = liveReleaseId(layout);
    setWritable(layout.dir, false);
    changeContent('v2');
    await publisher.checkNow();
    setWritable(layout.dir, true);
    expect(liveReleaseId(layout)).toBe(live);
    expect(liveText()).toBe('v1');
    expect(publisher.status().failures[0]?.reason).toMatch(
      /^cannot write to the releases folder .*(EACCES|EPERM)/,
    );
    await publisher.stop();
  });

  it('keeps the newest releases, and rolls back to the previous one', async () => {
    const { build } = fakeBuild({ ms: 5 });
    const publisher = await started(build, 3);
    for (let i = 2; i <= 6; i += 1) {
      changeContent(`v${i}`);
      await publisher.checkNow();
    }
    await publisher.stop();
    expect(listReleases(layout).map((release) => release.pages)).toHaveLength(3);
    expect(liveText()).toBe('v6');
    await rollback(layout);
    expect(liveText()).toBe('v5');
    const newest = listReleases(layout)[0]?.id as string;
    await rollback(layout, newest);
    expect(liveText()).toBe('v6');
    await expect(rollback(layout, 'nope')).rejects.toThrow(/no complete release nope/);
  });

  it('moves a real dist/ folder into the releases once, and removes incomplete releases at start', async () => {
    mkdirSync(layout.live);
    writeFileSync(path.join(layout.live, 'index.html'), 'old build');
    mkdirSync(path.join(layout.dir, '20261205T000000000Z-1'), { recursive: true });
    const { build } = fakeBuild();
    const publisher = await started(build);
    await publisher.stop();
    const releases = listReleases(layout);
    expect(releases).toHaveLength(2);
    expect(releases[1]?.changes[0]).toMatch(/migrated/);
    expect(readFileSync(path.join(layout.dir, releases[1]?.id as string, 'index.html'), 'utf8')).toBe(
      'old build',
    );
    expect(liveText()).toBe('v1');
    expect(() => readFileSync(path.join(layout.dir, '20261205T000000000Z-1', releaseFile))).toThrow();
  });

  it('serves the pages of a publication from an interim release while its search index is built, then only the complete release', async () => {
    let failIndex = false;
    let seenDuringIndex: { live: string; text: string; token: unknown } | undefined;
    const build = async (request: BuildRequest) => {
      const pages = readFileSync(path.join(snapshot, 'snapshot.jsonl'), 'utf8');
      if (request.previous && request.pagesFirst) {
        mkdirSync(request.pagesFirst.outDir);
        writeFileSync(path.join(request.pagesFirst.outDir, 'index.html'), `${pages} (old index)`);
        await request.pagesFirst.ready({ pages: 1, skipped: [] });
        const live = liveReleaseId(layout) ?? '';
        const info = JSON.parse(readFileSync(path.join(layout.dir, live, releaseFile), 'utf8'));
        seenDuringIndex = { live, text: liveText(), token: info.syncToken };
      }
      if (failIndex) return { ok: false, pages: 0, skipped: [], log: 'search indexing failed: disk full' };
      mkdirSync(request.outDir);
      writeFileSync(path.join(request.outDir, 'index.html'), pages);
      return { ok: true, pages: 1, skipped: [], log: '' };
    };
    const publisher = await started(build);
    const first = liveReleaseId(layout);
    changeContent('v2');
    await publisher.checkNow();
    // While indexing, the interim release was live, with the new pages and no sync token.
    expect(seenDuringIndex?.text).toBe('v2 (old index)');
    expect(seenDuringIndex?.token).toBeNull();
    // Then the complete release, and the interim one is gone: rollback returns to the release before.
    expect(liveText()).toBe('v2');
    expect(listReleases(layout).map((release) => release.id)).not.toContain(seenDuringIndex?.live);
    expect(listReleases(layout)[0]?.previous).toBe(first);
    // An index that fails leaves the interim release live, and says so.
    failIndex = true;
    changeContent('v3');
    await publisher.checkNow();
    expect(liveText()).toBe('v3 (old index)');
    expect(publisher.status().failures[0]?.reason).toMatch(/the new pages, the search index of .*disk full/);
    await publisher.stop();
  });

  it('keeps superseded interim releases and pruned releases as spare trees (at most two) for the next builds to make their trees in', async () => {
    const found: string[] = [];
    const build = async (request: BuildRequest) => {
      const pages = readFileSync(path.join(snapshot, 'snapshot.jsonl'), 'utf8');
      const write = (dir: string, text: string) => {
        // A spare tree's files are shared with other releases: replaced, never written through.
        rmSync(path.join(dir, 'index.html'), { force: true });
        writeFileSync(path.join(dir, 'index.html'), text);
      };
      if (request.previous && request.pagesFirst) {
        const interim = request.pagesFirst.outDir;
        if (request.spares?.take(interim)) found.push(readFileSync(path.join(interim, 'index.html'), 'utf8'));
        else mkdirSync(interim);
        write(interim, `${pages} (old index)`);
        await request.pagesFirst.ready({ pages: 1, skipped: [] });
      }
      if (request.spares?.take(request.outDir))
        found.push(readFileSync(path.join(request.outDir, 'index.html'), 'utf8'));
      else mkdirSync(request.outDir);
      write(request.outDir, pages);
      return { ok: true, pages: 1, skipped: [], log: '' };
    };
    const publisher = await started(build, 2);
    for (let i = 2; i <= 6; i += 1) {
      changeContent(`v${i}`);
      await publisher.checkNow();
    }
    await publisher.stop();
    // The publication's interim output is made in the interim release before it (the nearest tree), the
    // complete output in a pruned release.
    expect(found).toContain('v2 (old index)');
    expect(found).toContain('v1');
    expect(liveText()).toBe('v6');
    expect(listReleases(layout)).toHaveLength(2);
    const spareTrees = readdirSync(layout.dir).filter((name) => name.startsWith('.spare-'));
    expect(spareTrees.length).toBeGreaterThan(0);
    expect(spareTrees.length).toBeLessThanOrEqual(2);
    await rollback(layout);
    expect(liveText()).toBe('v5');
  });

  it('never gives the interim release the id of its complete release, whatever the clock does between them', async () => {
    // Each reading of the clock is a millisecond later: the publisher once named the complete release
    // at one reading and dated the build at the next, so that "one millisecond before the start" (the
    // interim release's id) was the complete release's own id; removing the superseded interim release
    // then removed the live one (dist dangling, every page 404, the next build a full one).
    const RealDate = Date;
    let now = RealDate.now();
    class SteppingDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) {
          now += 1;
          super(now);
        } else super(...(args as [number]));
      }
      static override now(): number {
        now += 1;
        return now;
      }
    }
    globalThis.Date = SteppingDate as DateConstructor;
    try {
      const build = async (request: BuildRequest) => {
        const pages = readFileSync(path.join(snapshot, 'snapshot.jsonl'), 'utf8');
        if (request.previous && request.pagesFirst) {
          mkdirSync(request.pagesFirst.outDir);
          writeFileSync(path.join(request.pagesFirst.outDir, 'index.html'), `${pages} (old index)`);
          await request.pagesFirst.ready({ pages: 1, skipped: [] });
        }
        // As buildCluster does: a temporary folder renamed into place, whatever was there moved aside.
        const temporary = `${request.outDir}.building`;
        mkdirSync(temporary);
        writeFileSync(path.join(temporary, 'index.html'), pages);
        rmSync(request.outDir, { recursive: true, force: true });
        renameSync(temporary, request.outDir);
        return { ok: true, pages: 1, skipped: [], log: '' };
      };
      const publisher = await started(build);
      for (const text of ['v2', 'v3', 'v4']) {
        changeContent(text);
        await publisher.checkNow();
        expect(liveText()).toBe(text);
        expect(publisher.status().failures).toEqual([]);
      }
      await publisher.stop();
    } finally {
      globalThis.Date = RealDate;
    }
  });
});
