/**
 * Entries the build skips because they do not validate: the public never sees them, so a web
 * office should know. Service guides missing an element have their own rule.
 * @module
 */
import { type CheckContext, placeOf } from './context.ts';
import type { Finding } from './finding.ts';

/** One warning per invalid entry. */
export function checkInvalidEntries(context: CheckContext): Finding[] {
  return context.data.records
    .filter((record) => record.entry === undefined)
    .map((record) => ({
      site: String(record.raw.site),
      rule: 'invalid-entry' as const,
      severity: 'warning' as const,
      message: `${record.where}: ${record.problem ?? 'invalid'}`,
      ...placeOf(context, record),
    }));
}
