/**
 * The publisher (ADR 15): turns change notices and catch-up checks into releases. One build at a time;
 * what arrives while a build runs is gathered into the next one (coalescing). A build goes into a new
 * release folder and is switched live only when complete; a failed build leaves the live release as
 * it was and is recorded with its reason.
 *
 * Long on purpose (about 430 lines): the queue, the running build, the catch-up timer, the retry and the
 * shared queue's hand-offs are one state machine over the same few variables; split, each part would
 * reach into the others' state.
 * @module
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FailedBuild, PublisherStatus } from '@govcluster/shared/publishing';
import type { PagesFirst } from '../build/pages-first.ts';
import { type SpareTrees, sparePool } from '../build/spare-trees.ts';
import { type PartRunner, runPartHere } from '../lib/partitioned-build.ts';
import type { HealthChecker } from './health.ts';
import { tryLock, unlock } from './publisher-lock.ts';
import {
  listReleases,
  liveFolder,
  liveReleaseId,
  markComplete,
  migrateDist,
  newReleaseId,
  pruneReleases,
  type ReleaseInfo,
  type ReleaseLayout,
  readRelease,
  removeIncomplete,
  type SkippedEntry,
  switchLive,
} from './releases.ts';
import type { PartRun, SharedQueue } from './shared-queue.ts';
import { describeSource, type Source, syncToken } from './source.ts';

/** What a build function is given. */
export interface BuildRequest {
  /** The new release folder (must not exist; created only when the build succeeds). */
  outDir: string;
  /** The live release folder, for copying unchanged pages. */
  previous: string | null;
  source: Source;
  /** With the shared queue: runs the build's Astro parts on whichever publisher takes them. */
  runPart?: PartRunner;
  /**
   * Where the build may put an interim release (its pages, the live release's search index) before it
   * indexes, and what switches it live (ADR 30); a build may ignore it.
   */
  pagesFirst?: PagesFirst;
  /** Superseded release folders the build may make its trees in (ADR 38); a build may ignore them. */
  spares?: SpareTrees;
}

/** What a build function reports (the fields of `BuildResult` the publisher reads). */
export interface BuildOutcome {
  ok: boolean;
  pages: number;
  skipped: SkippedEntry[];
  log: string;
  /** One line on what the build did (full or incremental, files rendered, time by stage), for the log. */
  summary?: string;
}

export type { FailedBuild, PublisherStatus };

/** Options of {@link createPublisher}. */
export interface PublisherOptions {
  source: Source;
  layout: ReleaseLayout;
  /** Builds one release (default: `buildCluster`). */
  build: (request: BuildRequest) => Promise<BuildOutcome>;
  /** Complete releases kept besides the live one (default 5). */
  keep?: number;
  /** How often the sync token is compared with the live release's (default 30 s; 0: only at start). */
  catchUpMs?: number;
  /**
   * How long changes are gathered before a build starts (default 50 ms): the notices of one
   * transaction are sent together on commit and arrive within milliseconds; whatever arrives while a
   * build runs is gathered into the next one anyway. Every millisecond here is in a publication's wait.
   */
  gatherMs?: number;
  /** Let a release go live although it skips entries the live release did not (default false). */
  allowNewSkips?: boolean;
  /**
   * Let a publication's pages go live in an interim release while its search index is built (ADR 30;
   * default true).
   */
  pagesFirst?: boolean;
  /**
   * Keep superseded interim releases and pruned releases as spare trees, for the next builds to make
   * their trees in (ADR 38; default true). False: they are removed.
   */
  spareTrees?: boolean;
  /**
   * The publishers' shared queue (PostgreSQL, ADR 24): builds and their parts are taken by any
   * publisher of the group. Absent: this process queues its own builds and a lock folder keeps other
   * processes on this machine out.
   */
  shared?: SharedQueue;
  /** Inspects each release after it went live (ADR 29); absent: releases are not inspected. */
  health?: HealthChecker;
  log?: (line: string) => void;
}

/** Change notices kept for the next build; older ones are dropped. */
const maxChanges = 300;

/** Entries the new build skipped that the live release did not. */
function newSkips(now: SkippedEntry[], before: SkippedEntry[]): SkippedEntry[] {
  const key = (entry: SkippedEntry) => `${entry.type}\u0000${entry.id}\u0000${entry.locale ?? ''}`;
  const old = new Set(before.map(key));
  return now.filter((entry) => !old.has(key(entry)));
}

/** Describes a skipped entry in one line. */
export function describeSkip(entry: SkippedEntry): string {
  return `${entry.type} ${entry.id}${entry.locale ? ` (${entry.locale})` : ''} of site ${entry.site}: ${entry.problem}`;
}

/** A running publisher. */
export interface Publisher {
  /**
   * Cleans up after a crash, migrates a real `dist/`, queues the first check (a build, with `force`)
   * and starts the catch-up loop.
   */
  start(options?: { force?: boolean }): Promise<void>;
  /**
   * Queues a build for these changes (coalesced with whatever is queued or running). With `force`, the
   * build runs even when the live release has the source's sync token.
   */
  request(change: string, force?: boolean): void;
  /** Checks the source's sync token now and queues a build when the live release is behind. */
  checkNow(reason?: string): Promise<void>;
  status(): PublisherStatus;
  /** Resolves when nothing is queued or building. */
  idle(): Promise<void>;
  /** Number of builds started. */
  readonly builds: number;
  stop(): Promise<void>;
}

/** Creates a publisher. */
export function createPublisher(options: PublisherOptions): Publisher {
  const { layout, source } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`[publisher] ${line}\n`));
  const keep = options.keep ?? 5;
  const gatherMs = options.gatherMs ?? 50;
  const catchUpMs = options.catchUpMs ?? 30_000;
  let pending: string[] = [];
  let running: Promise<void> | null = null;
  let building: PublisherStatus['building'] = null;
  let failures: FailedBuild[] = [];
  let reachable = true;
  let problem: string | null = null;
  let lastCheckAt: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryMs = 1_000;
  let stopped = false;
  let builds = 0;
  let idleWaiters: (() => void)[] = [];
  let force = false;
  let failedToken: string | null = null;
  const shared = options.shared;
  const worker = shared?.worker ?? `${os.hostname()}:${process.pid}`;
  /** The shared queue's waiting builds, as last read (status is answered without a query). */
  let sharedQueued: string[] = [];
  /** Requests on their way into the shared queue. */
  const sending = new Set<Promise<unknown>>();

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // Superseded interim releases and pruned releases are kept as spare trees for the next builds (ADR 38).
  const spares = options.spareTrees === false ? undefined : sparePool(layout.dir);
  const retire = (folder: string) =>
    spares ? spares.put(folder) : rm(folder, { recursive: true, force: true });

  function noteReachable(ok: boolean, why: string | null): void {
    if (ok !== reachable)
      log(ok ? `${describeSource(source)} answers again` : `cannot read ${describeSource(source)}: ${why}`);
    reachable = ok;
    problem = why;
  }

  function recordFailure(failure: FailedBuild): void {
    failures = [failure, ...failures].slice(0, 20);
    log(`build not published: ${failure.reason}`);
  }

  function scheduleRetry(): void {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      kick();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, 60_000);
  }

  function sendShared(changes: string[], forceBuild: boolean, delaySeconds = 0): void {
    if (!shared) return;
    const sent = shared
      .requestBuild({ changes: changes.slice(-maxChanges), force: forceBuild }, delaySeconds)
      .then(() => shared.queued())
      .then((jobs) => {
        sharedQueued = jobs.flatMap((job) => job.changes).slice(-maxChanges);
      })
      .catch((error: unknown) => log(`cannot reach the shared queue: ${(error as Error).message}`))
      .finally(() => sending.delete(sent));
    sending.add(sent);
  }

  async function buildOnce(changes: string[], forced: boolean): Promise<void> {
    let token: string;
    try {
      token = await syncToken(source);
      noteReachable(true, null);
      retryMs = 1_000;
    } catch (error) {
      noteReachable(false, (error as Error).message);
      if (shared) {
        // Back into the shared queue, later: any publisher may take it then.
        sendShared(changes, forced, Math.round(retryMs / 1_000));
        retryMs = Math.min(retryMs * 2, 60_000);
        return;
      }
      pending = [...changes, ...pending].slice(-maxChanges);
      scheduleRetry();
      return;
    }
    lastCheckAt = new Date().toISOString();
    const liveId = liveReleaseId(layout);
    const live = liveId ? readRelease(layout, liveId) : null;
    // A build that failed stays failed until the content changes: catch-up does not repeat it.
    const catchUpOnly = changes.every((change) => change.startsWith('catch-up'));
    if (!forced && catchUpOnly && token === failedToken) return;
    if (live && live.syncToken === token && !forced) {
      if (changes.some((change) => !change.startsWith('catch-up'))) {
        log(`nothing to publish: the live release ${live.id} is up to date (${changes.length} notices)`);
      }
      return;
    }
    try {
      // With the shared queue, its one active build is the lock, on every machine.
      while (!shared && !tryLock(layout.dir)) {
        if (stopped) return;
        await sleep(500);
      }
    } catch (error) {
      recordFailure({
        at: new Date().toISOString(),
        durationMs: 0,
        reason: `cannot write to the releases folder ${layout.dir}; the live release stays ${liveId ?? '(none)'}: ${(error as Error).message}`,
        skipped: [],
        changes,
      });
      return;
    }
    // Both ids from one reading of the clock: the interim release sorts just before the complete one
    // and is never the same folder (read twice, a millisecond apart, they once were, and removing the
    // superseded interim release removed the live one).
    const startedAt = new Date();
    const id = newReleaseId(startedAt);
    building = { id, startedAt: startedAt.toISOString(), changes };
    builds += 1;
    const parts: PartRun[] = [];
    const runPart: PartRunner | undefined = shared
      ? async (part) => {
          const run = await shared.runPart(part, id);
          parts.push(run);
          return run;
        }
      : undefined;
    const interimId = newReleaseId(new Date(startedAt.getTime() - 1));
    let interimLive = false;
    const pagesFirst: PagesFirst = {
      outDir: path.join(layout.dir, interimId),
      ready: async ({ pages, skipped }) => {
        const added = live ? newSkips(skipped, live.skipped) : [];
        // Refused, the interim output is removed when the build ends (the build goes on from its files).
        if (added.length > 0 && !options.allowNewSkips)
          throw new Error(`it skips ${added.length} new invalid entries`);
        await markComplete(layout, {
          id: interimId,
          startedAt: startedAt.toISOString(),
          finishedAt: new Date().toISOString(),
          durationMs: Date.now() - startedAt.getTime(),
          pages,
          skipped,
          changes: changes.slice(0, maxChanges),
          // Not up to date until its search index is: a catch-up after a crash builds again.
          syncToken: null,
          source: describeSource(source),
          previous: liveId,
          builtBy: worker,
          searchFollows: id,
        });
        await switchLive(layout, interimId);
        interimLive = true;
        log(`release ${interimId} is live with the pages of ${id}; its search index follows`);
      },
    };
    const stays = () =>
      interimLive ? `${interimId} (the new pages, the search index of ${liveId})` : (liveId ?? '(none)');
    try {
      await removeIncomplete(layout);
      const previous = liveFolder(layout);
      log(`building release ${id} (${changes.length} change${changes.length === 1 ? '' : 's'})`);
      let outcome: BuildOutcome;
      try {
        outcome = await options.build({
          outDir: path.join(layout.dir, id),
          previous,
          source,
          runPart,
          ...(spares ? { spares } : {}),
          ...(options.pagesFirst === false ? {} : { pagesFirst }),
        });
      } catch (error) {
        outcome = { ok: false, pages: 0, skipped: [], log: (error as Error).stack ?? String(error) };
      }
      const durationMs = Date.now() - startedAt.getTime();
      const failed = (reason: string) => {
        failedToken = token;
        recordFailure({ at: startedAt.toISOString(), durationMs, reason, skipped: outcome.skipped, changes });
      };
      if (!outcome.ok || !existsSync(path.join(layout.dir, id))) {
        // The line that says what failed, then the last lines of the build's output.
        const lines = outcome.log.trim().split('\n');
        const cause = lines.findLast((line) => /failed|error/i.test(line) && !/^\s+at /.test(line));
        const tail = [...(cause ? [cause.trim()] : []), ...lines.slice(-4)].join(' | ');
        failed(`the build failed; the live release stays ${stays()}: ${tail || 'no output'}`);
        rmSync(path.join(layout.dir, id), { recursive: true, force: true });
        return;
      }
      const added = live ? newSkips(outcome.skipped, live.skipped) : [];
      if (added.length > 0 && !options.allowNewSkips) {
        failed(
          `the build found ${added.length} invalid entr${added.length === 1 ? 'y' : 'ies'} it must render; the live release stays ${stays()}: ${added.map(describeSkip).join('; ')}`,
        );
        rmSync(path.join(layout.dir, id), { recursive: true, force: true });
        return;
      }
      const info: ReleaseInfo = {
        id,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        durationMs,
        pages: outcome.pages,
        skipped: outcome.skipped,
        changes: changes.slice(0, maxChanges),
        syncToken: token,
        source: describeSource(source),
        previous: liveId,
        builtBy: worker,
        ...(parts.length > 0
          ? {
              parts: parts
                .map(({ index, worker: by, wallMs }) => ({ index, worker: by, wallMs: Math.round(wallMs) }))
                .sort((a, b) => a.index - b.index),
            }
          : {}),
      };
      await markComplete(layout, info);
      await switchLive(layout, id);
      failedToken = null;
      log(
        `release ${id} is live: ${info.pages} pages in ${(durationMs / 1000).toFixed(1)} s${outcome.summary ? `; ${outcome.summary}` : ''}`,
      );
      // The interim release is superseded: rollback goes to the release before it, as without it. Its
      // tree is the nearest to the live release's: the next build makes its own in it.
      if (interimLive) await retire(path.join(layout.dir, interimId));
      // After the switch and not awaited: the inspection never delays or fails a release.
      options.health?.schedule(id);
      const removed = await pruneReleases(layout, keep, spares);
      if (removed.length > 0) log(`removed old releases ${removed.join(', ')}`);
    } catch (error) {
      recordFailure({
        at: startedAt.toISOString(),
        durationMs: Date.now() - startedAt.getTime(),
        reason: `the release could not be written; the live release stays ${stays()}: ${(error as Error).message}`,
        skipped: [],
        changes,
      });
      rmSync(path.join(layout.dir, id), { recursive: true, force: true });
    } finally {
      // An interim output that did not go live is no release: nobody may roll back to it.
      if (!interimLive) rmSync(path.join(layout.dir, interimId), { recursive: true, force: true });
      building = null;
      if (!shared) unlock(layout.dir);
    }
  }

  async function loop(): Promise<void> {
    while (pending.length > 0 && !stopped) {
      await sleep(gatherMs);
      const changes = pending;
      pending = [];
      const forced = force;
      force = false;
      await buildOnce(changes, forced);
      if (retryTimer) break;
    }
  }

  function kick(): void {
    if (running || stopped) return;
    running = loop().finally(() => {
      running = null;
      if (pending.length > 0 && !retryTimer) kick();
      else if (!retryTimer) {
        for (const wake of idleWaiters) wake();
        idleWaiters = [];
      }
    });
  }

  return {
    async start(startOptions = {}) {
      mkdirSync(layout.dir, { recursive: true });
      if (shared) {
        // Leftovers of a crash are removed when a build starts: another publisher may be building now.
        try {
          const migrated = await migrateDist(layout);
          if (migrated) log(`moved the existing dist/ folder into ${path.join(layout.dir, migrated)}`);
        } catch (error) {
          log(`dist/ was not moved (another publisher may have done it): ${(error as Error).message}`);
        }
        let tail = '';
        await shared.workParts((part) =>
          runPartHere(part, (chunk) => {
            tail = (tail + chunk).slice(-4_000);
          }),
        );
        await shared.workBuilds(async (job) => {
          if (stopped) throw new Error('this publisher is stopping');
          running = buildOnce(job.changes, job.force);
          try {
            await running;
          } finally {
            running = null;
          }
        });
      } else if (tryLock(layout.dir)) {
        try {
          const migrated = await migrateDist(layout);
          if (migrated) log(`moved the existing dist/ folder into ${path.join(layout.dir, migrated)}`);
          const removed = await removeIncomplete(layout);
          if (removed.length > 0) log(`removed incomplete releases left by a crash: ${removed.join(', ')}`);
        } finally {
          unlock(layout.dir);
        }
      }
      this.request('start', startOptions.force);
      if (catchUpMs > 0) {
        timer = setInterval(() => this.request('catch-up'), catchUpMs);
        timer.unref();
      }
    },
    request(change: string, forceBuild = false) {
      if (stopped) return;
      if (shared) {
        sendShared([change], forceBuild);
        return;
      }
      if (forceBuild) force = true;
      if (!(change.startsWith('catch-up') && pending.length > 0)) pending.push(change);
      if (pending.length > maxChanges) pending = pending.slice(-maxChanges);
      kick();
    },
    async checkNow(reason = 'catch-up') {
      this.request(reason);
      await this.idle();
    },
    status() {
      return {
        source: describeSource(source),
        sourceReachable: reachable,
        sourceProblem: problem,
        live: liveReleaseId(layout),
        queue: shared ? [...sharedQueued] : [...pending],
        building,
        releases: listReleases(layout).slice(0, keep + 1),
        failures,
        lastCheckAt,
        ...(options.health ? { health: options.health.status() } : {}),
      };
    },
    async idle() {
      if (shared) {
        // Nothing on its way, nothing waiting in the group's queue, nothing building here.
        for (;;) {
          await Promise.all(sending);
          if (!running && (await shared.queued()).length === 0 && sending.size === 0) return;
          await sleep(200);
        }
      }
      if (!running && pending.length === 0 && !retryTimer) return;
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    get builds() {
      return builds;
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (retryTimer) clearTimeout(retryTimer);
      await running;
      await options.health?.stop();
      for (const wake of idleWaiters) wake();
      idleWaiters = [];
    },
  };
}
