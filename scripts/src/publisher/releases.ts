/**
 * Releases (ADR 15): every build goes into its own folder `releases/<id>/`; `dist` is a symlink to the
 * live one, switched atomically (a new symlink renamed over the old one), so the static server and
 * nginx see either the old release or the new one, never a mix. A release is complete when its
 * `release.json` exists: it is written last, by rename.
 * @module
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReleaseInfo } from '@govcluster/shared/publishing';
import type { SkippedEntry } from '@govcluster/shared/snapshot';
import { distDir, repoRoot } from '../lib/paths.ts';

/** The file that marks a release as complete and says what it holds. */
export const releaseFile = 'release.json';

export type { ReleaseInfo, SkippedEntry };

/** Where releases live and where the live pointer is. */
export interface ReleaseLayout {
  /** The folder of release folders (default `releases/` at the repository root, or GOVCLUSTER_RELEASES). */
  readonly dir: string;
  /** The live symlink (default `dist` at the repository root, or GOVCLUSTER_DIST). */
  readonly live: string;
}

/** The layout from the environment. */
export function defaultLayout(env: NodeJS.ProcessEnv = process.env): ReleaseLayout {
  return {
    dir: path.resolve(env.GOVCLUSTER_RELEASES ?? path.join(repoRoot, 'releases')),
    live: path.resolve(env.GOVCLUSTER_DIST ?? distDir),
  };
}

/** A new release id: sortable by time, unique across processes. */
export function newReleaseId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${stamp}-${process.pid}`;
}

const idPattern = /^\d{8}T\d{9}Z-\d+$/;

/** Whether a folder name is a release id. */
export function isReleaseId(name: string): boolean {
  return idPattern.test(name);
}

/** Reads a release's `release.json`, or null when the release is incomplete or missing. */
export function readRelease(layout: ReleaseLayout, id: string): ReleaseInfo | null {
  try {
    return JSON.parse(readFileSync(path.join(layout.dir, id, releaseFile), 'utf8')) as ReleaseInfo;
  } catch {
    return null;
  }
}

/** Complete releases, newest first. */
export function listReleases(layout: ReleaseLayout): ReleaseInfo[] {
  if (!existsSync(layout.dir)) return [];
  return readdirSync(layout.dir)
    .filter(isReleaseId)
    .sort()
    .reverse()
    .map((id) => readRelease(layout, id))
    .filter((info): info is ReleaseInfo => info !== null);
}

/** The id of the live release, or null when `dist` is missing, not a symlink or points elsewhere. */
export function liveReleaseId(layout: ReleaseLayout): string | null {
  try {
    if (!lstatSync(layout.live).isSymbolicLink()) return null;
    const target = path.resolve(path.dirname(layout.live), readlinkSync(layout.live));
    if (path.dirname(target) !== layout.dir) return null;
    return path.basename(target);
  } catch {
    return null;
  }
}

/**
 * Makes `id` the live release: a symlink made under a temporary name and renamed over `dist`, one
 * atomic step for every reader. Refuses an incomplete release.
 */
export async function switchLive(layout: ReleaseLayout, id: string): Promise<void> {
  if (!readRelease(layout, id)) {
    throw new Error(`release ${id} is not a complete release in ${layout.dir} (no readable ${releaseFile})`);
  }
  const temp = `${layout.live}.switch-${process.pid}-${Date.now()}`;
  const target = path.relative(path.dirname(layout.live), path.join(layout.dir, id));
  await symlink(target, temp, 'dir');
  try {
    await rename(temp, layout.live);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes `release.json` last and atomically: from then on the release counts as complete. */
export async function markComplete(layout: ReleaseLayout, info: ReleaseInfo): Promise<void> {
  const file = path.join(layout.dir, info.id, releaseFile);
  await writeFile(`${file}.tmp`, `${JSON.stringify(info, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}

/**
 * Moves a real `dist/` folder (from before releases existed) into the releases folder and makes it
 * live, once. Returns the new release's id, or null when there was nothing to migrate.
 */
export async function migrateDist(layout: ReleaseLayout): Promise<string | null> {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(layout.live);
  } catch {
    return null;
  }
  if (stat.isSymbolicLink() || !stat.isDirectory()) return null;
  await mkdir(layout.dir, { recursive: true });
  const id = newReleaseId(stat.mtime);
  await rename(layout.live, path.join(layout.dir, id));
  const at = stat.mtime.toISOString();
  await markComplete(layout, {
    id,
    startedAt: at,
    finishedAt: at,
    durationMs: 0,
    pages: 0,
    skipped: [],
    changes: ['migrated from a dist/ folder built before releases'],
    syncToken: null,
    source: 'dist/',
    previous: null,
  });
  await switchLive(layout, id);
  return id;
}

/**
 * Removes what a crash left behind: release folders without `release.json` and the build's temporary
 * folders, except `keep` (a build under way in this process).
 */
export async function removeIncomplete(
  layout: ReleaseLayout,
  keep: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  if (!existsSync(layout.dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(layout.dir)) {
    if (keep.has(name)) continue;
    const temporary = name.startsWith('.') && /-(building|old)-/.test(name);
    if (temporary || (isReleaseId(name) && !readRelease(layout, name))) {
      await rm(path.join(layout.dir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * Keeps the newest `keep` complete releases (and always the live one); removes the others, or hands
 * the newest of them to `spares` (ADR 38), which keeps it for a build to make its tree in.
 */
export async function pruneReleases(
  layout: ReleaseLayout,
  keep: number,
  spares?: { put(folder: string): Promise<void> },
): Promise<string[]> {
  const live = liveReleaseId(layout);
  const removed: string[] = [];
  for (const [index, release] of listReleases(layout).entries()) {
    if (index < keep || release.id === live) continue;
    const folder = path.join(layout.dir, release.id);
    if (spares && removed.length === 0) await spares.put(folder);
    else await rm(folder, { recursive: true, force: true });
    removed.push(release.id);
  }
  return removed;
}

/** The live release's folder, resolved (for reading its files). */
export function liveFolder(layout: ReleaseLayout): string | null {
  try {
    return realpathSync(layout.live);
  } catch {
    return null;
  }
}
