import type { z } from 'zod';

/**
 * One problem found in data: which file, which entry, which rule, and what is wrong.
 * `rule` is a stable kebab-case id (e.g. `unique-base-path`) that tests and tools can match on.
 */
export interface Problem {
  /** The file the data came from (with `:<line>` for line-based files). */
  readonly file: string;
  /** The entry, as a reader would name it, e.g. `site "fgw"` or `policy "p-1" (zh-CN)`. */
  readonly entry: string;
  /** Stable kebab-case id of the rule broken. */
  readonly rule: string;
  /** What is wrong, for a person. */
  readonly message: string;
  /** The dotted path of the offending field inside the entry, when there is one. */
  readonly path?: string;
}

/** One line per problem: `<file>: <entry>: <rule>: <message>`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.entry}: ${problem.rule}: ${problem.message}`;
}

/** Turns `siteCode` or `publicSecurity` into `site-code` or `public-security`. */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The value at a zod issue path inside some input, or `undefined`. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** Whether a required value is absent: missing, `null` where a value is expected, or blank text. */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The dotted form of a zod path: `footer.contact.phone`, `columns.2.slug`. */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The rule a zod issue carries in `params.rule`, if any. */
export function ruleParam(issue: z.core.$ZodIssue): string | undefined {
  const params = (issue as { params?: { rule?: unknown } }).params;
  return typeof params?.rule === 'string' ? params.rule : undefined;
}
