import { appendFileSync } from 'node:fs';
import type { SkippedEntry } from '@govcluster/shared/snapshot';

/** One entry the build skipped, and why. */
export type { SkippedEntry };

/**
 * Reports an invalid entry: one line on stderr naming site, type, id, locale and the rule broken,
 * and, when `GOVCLUSTER_REPORT` names a file, one JSON line appended there for build-cluster.
 */
export function reportSkipped(entry: SkippedEntry): void {
  const where = `site=${entry.site} type=${entry.type} id=${entry.id}${entry.locale ? ` locale=${entry.locale}` : ''}`;
  process.stderr.write(`[govcluster] invalid entry skipped: ${where}: ${entry.problem}\n`);
  const file = process.env.GOVCLUSTER_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** Turns zod issues into one readable line: `path: message; path: message`. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(entry)'}: ${issue.message}`)
    .join('; ');
}
