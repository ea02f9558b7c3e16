/**
 * The cross-record rule between policy documents and their interpretations: each names the other
 * (`interpretation-exists`, `policy-exists`, `policy-interpretation-backlink`), checked after the whole
 * snapshot was read.
 * @module
 */
import type { EntryAt, LocateProblem, ReportProblem } from './errors.ts';

/** Checks that policies and interpretations name each other, in the locale of the record when it has one. */
export function checkPolicyLinks(
  policies: ReadonlyMap<string, readonly (EntryAt & { readonly interpretations: readonly string[] })[]>,
  interpretations: ReadonlyMap<string, readonly (EntryAt & { readonly policy: string | undefined })[]>,
  at: LocateProblem,
  report: ReportProblem,
): void {
  const sameLocaleOrAll = <T extends EntryAt>(
    records: readonly T[],
    locale: string | undefined,
  ): readonly T[] => {
    const same = records.filter((record) => record.locale === locale);
    return same.length > 0 ? same : records;
  };
  for (const [policyId, records] of policies) {
    for (const record of records) {
      for (const interpretationId of record.interpretations) {
        const targets = interpretations.get(interpretationId);
        if (targets === undefined) {
          report({
            ...at(record.line, 'policy', policyId, record.locale),
            rule: 'interpretation-exists',
            message: `lists interpretation "${interpretationId}", which is not in the snapshot`,
            path: 'interpretations',
          });
          continue;
        }
        for (const target of sameLocaleOrAll(targets, record.locale)) {
          if (target.policy !== policyId) {
            report({
              ...at(record.line, 'policy', policyId, record.locale),
              rule: 'policy-interpretation-backlink',
              message: `lists interpretation "${interpretationId}", but that interpretation (line ${target.line}) names policy "${target.policy ?? ''}" instead of "${policyId}"`,
              path: 'interpretations',
            });
          }
        }
      }
    }
  }
  for (const [interpretationId, records] of interpretations) {
    for (const record of records) {
      if (record.policy === undefined) continue;
      const targets = policies.get(record.policy);
      if (targets === undefined) {
        report({
          ...at(record.line, 'interpretation', interpretationId, record.locale),
          rule: 'policy-exists',
          message: `interprets policy "${record.policy}", which is not in the snapshot`,
          path: 'policy',
        });
        continue;
      }
      for (const target of sameLocaleOrAll(targets, record.locale)) {
        if (!target.interpretations.includes(interpretationId)) {
          report({
            ...at(record.line, 'interpretation', interpretationId, record.locale),
            rule: 'policy-interpretation-backlink',
            message: `interprets policy "${record.policy}", but that policy (line ${target.line}) does not list it in its interpretations`,
            path: 'policy',
          });
        }
      }
    }
  }
}
