/**
 * Policy documents no longer in force (已废止, 已修改, 已失效) tell the reader when and what replaced
 * them (docs/adr/0027-open-information.md): one without its day, or naming a replacement the data does
 * not hold, is a finding — its notice would be missing the day or the link.
 * @module
 */
import { type CheckContext, placeOf } from './context.ts';
import type { Finding } from './finding.ts';

const statusLabel: Readonly<Record<string, string>> = {
  amended: '已修改',
  repealed: '已废止',
  expired: '已失效',
};

/** The validity findings of every policy document. */
export function checkValidity(context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const policyIds = new Set(
    context.data.records.filter((record) => record.type === 'policy').map((record) => String(record.raw.id)),
  );
  for (const record of context.data.records) {
    if (record.type !== 'policy') continue;
    const { title, validity, validityDate, replacedBy } = record.raw;
    const status = statusLabel[String(validity)];
    if (status !== undefined && validityDate === undefined) {
      findings.push({
        site: String(record.raw.site),
        rule: 'validity-undated',
        severity: 'warning',
        message: `政策文件“${String(title)}”标为${status}，但未注明${status.slice(1)}日期`,
        ...placeOf(context, record),
      });
    }
    if (replacedBy !== undefined && !policyIds.has(String(replacedBy))) {
      findings.push({
        site: String(record.raw.site),
        rule: 'replacement-missing',
        severity: 'warning',
        message: `政策文件“${String(title)}”的替代文件“${String(replacedBy)}”不存在`,
        ...placeOf(context, record),
      });
    }
  }
  return findings;
}
