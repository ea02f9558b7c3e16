/**
 * Policies and their interpretations (政策文件与解读) linked both ways: an interpretation names
 * its policy, and the policy lists the interpretation; a link one way only is a finding.
 * @module
 */
import { type CheckContext, placeOf } from './context.ts';
import type { CheckedRecord } from './data.ts';
import type { Finding } from './finding.ts';

/** The one-way-link findings, per locale. */
export function checkInterpretations(context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const key = (id: unknown, locale: unknown) => `${String(locale)}/${String(id)}`;
  const policies = new Map<string, CheckedRecord>();
  const interpretations = new Map<string, CheckedRecord>();
  for (const record of context.data.records) {
    if (record.type === 'policy') policies.set(key(record.raw.id, record.raw.locale), record);
    if (record.type === 'interpretation') interpretations.set(key(record.raw.id, record.raw.locale), record);
  }
  for (const record of interpretations.values()) {
    const policy = policies.get(key(record.raw.policy, record.raw.locale));
    const listed = Array.isArray(policy?.raw.interpretations) ? policy.raw.interpretations : [];
    if (policy && listed.includes(record.raw.id)) continue;
    findings.push({
      site: String(record.raw.site),
      rule: 'interpretation-one-way',
      severity: 'warning',
      message: policy
        ? `解读“${String(record.raw.title)}”关联政策文件“${String(policy.raw.title)}”，但该文件未链接回本解读`
        : `解读“${String(record.raw.title)}”关联的政策文件“${String(record.raw.policy)}”不存在`,
      ...placeOf(context, record),
    });
  }
  for (const record of policies.values()) {
    const listed = Array.isArray(record.raw.interpretations) ? record.raw.interpretations : [];
    for (const id of listed) {
      const interpretation = interpretations.get(key(id, record.raw.locale));
      if (interpretation && interpretation.raw.policy === record.raw.id) continue;
      findings.push({
        site: String(record.raw.site),
        rule: 'interpretation-one-way',
        severity: 'warning',
        message: interpretation
          ? `政策文件“${String(record.raw.title)}”链接解读“${String(interpretation.raw.title)}”，但该解读关联的是另一文件`
          : `政策文件“${String(record.raw.title)}”链接的解读“${String(id)}”不存在`,
        ...placeOf(context, record),
      });
    }
  }
  return findings;
}
