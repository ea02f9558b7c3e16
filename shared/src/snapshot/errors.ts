import type { z } from 'zod';
import {
  formatProblem,
  isAbsent,
  kebabCase,
  type Problem,
  ruleParam,
  valueAt,
} from '../registry/problems.ts';
import { serviceGuideRequiredElements } from '../schemas/service-guide.ts';

/** A problem in a snapshot: a `Problem` whose `file` ends in `:<line>`, with the entry's parts. */
export interface SnapshotProblem extends Problem {
  /** The line of `snapshot.jsonl` (1-based); 0 for a problem of the whole file. */
  readonly line: number;
  /** The record type, when known. */
  readonly type?: string;
  /** The entry's id, when known. */
  readonly id?: string;
  /** The entry's locale, when it has one. */
  readonly locale?: string;
}

/**
 * An entry the build left out because it is invalid (a snapshot record or a CMS answer that fails its
 * schema), and why: what the sites' loaders report and the build, the publisher and the admin show.
 */
export interface SkippedEntry {
  site: string;
  type: string;
  id: string;
  locale?: string;
  problem: string;
}

/** Where an entry is, for problems found after its line was read. */
export interface EntryAt {
  readonly line: number;
  readonly locale: string | undefined;
}

/** The location part of a problem of the record at `line`. */
export type LocateProblem = (
  line: number,
  type: unknown,
  id: unknown,
  locale: unknown,
) => Pick<SnapshotProblem, 'file' | 'line' | 'entry' | 'type' | 'id' | 'locale'>;

/** Counts a problem and keeps it while under the limit. */
export type ReportProblem = (problem: SnapshotProblem) => void;

/** Thrown when a snapshot cannot be written or read; the message lists every problem, one per line. */
export class SnapshotError extends Error {
  /** Every problem found. */
  readonly problems: readonly SnapshotProblem[];

  /** Builds the error from the problems found. */
  constructor(problems: readonly SnapshotProblem[], heading = 'The snapshot is invalid') {
    super(
      `${heading} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'SnapshotError';
    this.problems = problems;
  }
}

/** Names an entry for a reader: `policy "p-1" (zh-CN)`, `site "fgw"`, `header`. */
export function entryName(type: unknown, id: unknown, locale: unknown): string {
  if (type === 'header') return 'header';
  const kind = typeof type === 'string' ? type : 'record';
  const name = typeof id === 'string' && id !== '' ? `${kind} "${id}"` : kind;
  return typeof locale === 'string' ? `${name} (${locale})` : name;
}

/** The service guide's required elements, for `issueRule()`. */
const requiredElements: ReadonlySet<string> = new Set(serviceGuideRequiredElements);

/**
 * The rule id of a schema issue of a record: the issue's `params.rule`, `service-guide-required-element`
 * for the eight elements of a service guide, else `<field>-required` when the value is absent and
 * `<field>-invalid` otherwise (e.g. `published-at-invalid`).
 */
export function issueRule(type: unknown, issue: z.core.$ZodIssue, fields: unknown): string {
  const custom = ruleParam(issue);
  if (custom !== undefined) return custom;
  const first = issue.path[0];
  if (type === 'serviceGuide' && typeof first === 'string' && requiredElements.has(first)) {
    return 'service-guide-required-element';
  }
  const absent = isAbsent(valueAt(fields, issue.path));
  return `${kebabCase(String(first ?? 'record'))}-${absent ? 'required' : 'invalid'}`;
}

/** A zod issue as a message: `<path>: <message>`. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return `${issue.path.map(String).join('.') || '(record)'}: ${issue.message}`;
}
