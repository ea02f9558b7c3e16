/**
 * Spare trees (docs/adr/0038-spare-trees.md): a release folder that is no longer served nor kept for
 * rollback — the interim release its complete release superseded, the oldest release pruned — is not
 * removed but kept as a spare, and the next build makes its tree of folders and links in it instead of
 * in a new folder. A publication changes a few dozen files of a tree of about 6,000 folders and 11,000
 * links: reused, the tree needs those few changed, where made anew it needed every folder made and later
 * removed again, the work that grew through a run of publications (ADR 37).
 *
 * Reuse is exact whatever the spare holds (a tree of any age, one half reconciled when a build was
 * killed): a file is kept only when it is the very file (same device and inode) the build would link
 * there, everything else is unlinked, and a file is never written through a link, only unlinked or
 * replaced by `rename(2)`, so no other release sees a change.
 * @module
 */
import { mkdirSync, readdirSync, renameSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { linkInto } from './links.ts';

/** Where a build may take a spare tree from (`BuildOptions.spares`). */
export interface SpareTrees {
  /** Moves a spare tree to `to` (which must not exist); false when there is none. */
  take(to: string): boolean;
}

/** The name prefix of spare trees in the releases folder (a dot folder: never a release, never served). */
const sparePrefix = '.spare-';

/** The spare trees of `dir`, newest (by the id of the release they were) first. */
function spares(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(sparePrefix))
    .sort()
    .reverse();
}

/**
 * The spare trees of a releases folder. `put` moves a folder there (one rename) and removes the
 * oldest beyond `max`; `take` moves the newest one out: the newest is the nearest to the live release,
 * so the fewest files differ.
 */
export function sparePool(dir: string, max = 2): SpareTrees & { put(folder: string): Promise<void> } {
  return {
    take(to: string): boolean {
      for (const name of spares(dir)) {
        try {
          renameSync(path.join(dir, name), to);
          return true;
        } catch {
          // Taken meanwhile by another process of this releases folder: the next one.
        }
      }
      return false;
    },
    async put(folder: string): Promise<void> {
      await rename(folder, path.join(dir, `${sparePrefix}${path.basename(folder)}`));
      for (const name of spares(dir).slice(max))
        await rm(path.join(dir, name), { recursive: true, force: true });
    },
  };
}

/** Whether two paths name the same file (same device and inode). */
function sameFile(a: string, b: string): boolean {
  const first = statSync(a, { throwIfNoEntry: false });
  const second = statSync(b, { throwIfNoEntry: false });
  return first !== undefined && second !== undefined && first.ino === second.ino && first.dev === second.dev;
}

/**
 * Makes the tree `root` hold exactly the files of `wanted` (relative path with `/` → the file to link
 * there) as links, and nothing else: a file of `root` that is the wanted file itself is kept, every
 * other file is unlinked and every folder left empty removed; then what is missing is linked (folders
 * made). Lets the event loop run every hundred folders when `yielding`. Throws the error of a link
 * whose source is missing (ENOENT) for the caller to judge; with `copy`, copies where links cannot be made.
 * @returns how many files were kept as they were.
 */
export async function reconcileTree(
  root: string,
  wanted: ReadonlyMap<string, string>,
  options: { readonly yielding?: boolean; readonly copy?: boolean } = {},
): Promise<number> {
  const kept = new Set<string>();
  let folders = 0;
  const pause = async () => {
    folders += 1;
    if (options.yielding && folders % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  };
  // Depth first, so that a folder is judged after its contents: empty, it goes.
  const visit = async (at: string): Promise<boolean> => {
    let left = 0;
    for (const entry of readdirSync(at === '' ? root : path.join(root, at), { withFileTypes: true })) {
      const relative = at === '' ? entry.name : `${at}/${entry.name}`;
      const full = path.join(root, relative);
      if (entry.isDirectory()) {
        if (await visit(relative)) rmdirSync(full);
        else left += 1;
        continue;
      }
      const source = wanted.get(relative);
      if (source !== undefined && entry.isFile() && sameFile(full, source)) {
        kept.add(relative);
        left += 1;
      } else unlinkSync(full);
    }
    await pause();
    return left === 0;
  };
  await visit('');
  const made = new Set<string>();
  for (const [relative, source] of wanted) {
    if (!kept.has(relative)) linkInto(source, path.join(root, relative), made, options.copy === true);
  }
  return kept.size;
}

/** Every file under `root`, as relative paths with `/`. */
export function filesUnder(root: string, at = '', out: string[] = []): string[] {
  for (const entry of readdirSync(at === '' ? root : path.join(root, at), { withFileTypes: true })) {
    const relative = at === '' ? entry.name : `${at}/${entry.name}`;
    if (entry.isDirectory()) filesUnder(root, relative, out);
    else out.push(relative);
  }
  return out;
}

/** Moves every file of the tree `from` to the same place under `to` (folders made), then removes `from`. */
export async function moveFiles(from: string, to: string): Promise<void> {
  const made = new Set<string>();
  for (const relative of filesUnder(from)) {
    const target = path.join(to, relative);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    renameSync(path.join(from, relative), target);
  }
  await rm(from, { recursive: true, force: true });
}
