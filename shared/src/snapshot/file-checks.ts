/**
 * The rules on the snapshot folder's files: every media record's file and every attachment a record
 * refers to exists (`media-file-exists`, `attachment-file-exists`).
 * @module
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocateProblem, ReportProblem, SnapshotProblem } from './errors.ts';

/** A media record's file. */
export interface MediaFileRef {
  readonly line: number;
  readonly id: unknown;
  readonly file: string;
}

/** The first record that refers to an attachment file. */
export interface AttachmentFileRef {
  readonly line: number;
  readonly type: string;
  readonly id: unknown;
  readonly locale: unknown;
  readonly path: string;
}

/** Checks that the files exist in `dir`, a few at a time; problems are reported in file order. */
export async function checkFiles(
  dir: string,
  mediaFiles: readonly MediaFileRef[],
  attachmentFiles: ReadonlyMap<string, AttachmentFileRef>,
  at: LocateProblem,
  report: ReportProblem,
): Promise<void> {
  const checks: (() => Promise<SnapshotProblem | undefined>)[] = [
    ...mediaFiles.map(
      ({ line, id, file: path }) =>
        async () =>
          (await exists(join(dir, path)))
            ? undefined
            : {
                ...at(line, 'media', id, undefined),
                rule: 'media-file-exists',
                message: `file "${path}" is missing from the snapshot folder`,
                path: 'file',
              },
    ),
    ...[...attachmentFiles].map(
      ([path, ref]) =>
        async () =>
          (await exists(join(dir, path)))
            ? undefined
            : {
                ...at(ref.line, ref.type, ref.id, ref.locale),
                rule: 'attachment-file-exists',
                message: `${ref.path} refers to file "${path}", which is missing from the snapshot folder`,
                path: ref.path,
              },
    ),
  ];
  // A few checks at a time; problems are reported in file order.
  for (let start = 0; start < checks.length; start += 64) {
    const found = await Promise.all(checks.slice(start, start + 64).map((check) => check()));
    for (const problem of found) if (problem !== undefined) report(problem);
  }
}

/** Whether a file exists. */
async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
