/**
 * How a build puts a file of an earlier release into its own tree: a hard link (a copy where the file
 * system refuses one). Nothing writes into a release once it is complete and a build writes only files
 * it created itself, so a link is as good as a copy and costs no data (ADR 16, ADR 38).
 * @module
 */
import { constants, copyFileSync, linkSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** Why a link can fail where a copy stands in: another file system, one without hard links, too many links. */
const refusedLink = new Set(['EXDEV', 'EPERM', 'EMLINK']);

/**
 * Links `source` at `target`, making `target`'s folder first unless `made` holds it (synchronous calls:
 * thousands of files one after another, where a promise per call through libuv's pool costs several
 * times the calls). Where the file system refuses the link, copies — never over an existing `target` —
 * when `copy`, else throws. Other errors (EEXIST, ENOENT for a missing source) are the caller's to judge.
 */
export function linkInto(source: string, target: string, made: Set<string>, copy: boolean): void {
  const folder = path.dirname(target);
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  try {
    linkSync(source, target);
  } catch (error) {
    if (!copy || !refusedLink.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(source, target, constants.COPYFILE_EXCL);
  }
}
