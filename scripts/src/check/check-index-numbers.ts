/**
 * 索引号 (docs/adr/0027-open-information.md) that cannot be right: one whose body code is not its
 * site's, or one given to two documents of the cluster. The registry does not hold a body's code, so a
 * site's code is the one most of its documents carry (more than half); a document carrying another
 * site's code, or any other code while its site has one, is a finding.
 * @module
 */
import { parseIndexNumber } from '@govcluster/shared/schemas';
import { type CheckContext, placeOf } from './context.ts';
import type { CheckedRecord } from './data.ts';
import type { Finding } from './finding.ts';

/** One record per policy id (its zh-CN record when there is one): translations share the 索引号. */
function policiesById(context: CheckContext): CheckedRecord[] {
  const byId = new Map<string, CheckedRecord>();
  for (const record of context.data.records) {
    if (record.type !== 'policy' || typeof record.raw.indexNumber !== 'string') continue;
    const id = String(record.raw.id);
    if (!byId.has(id) || record.raw.locale === 'zh-CN') byId.set(id, record);
  }
  return [...byId.values()];
}

/** The body code most of a site's documents carry (more than half), per site. */
function siteCodes(policies: readonly CheckedRecord[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const record of policies) {
    const parts = parseIndexNumber(String(record.raw.indexNumber));
    if (!parts) continue;
    const site = String(record.raw.site);
    const codes = counts.get(site) ?? new Map<string, number>();
    codes.set(parts.code, (codes.get(parts.code) ?? 0) + 1);
    counts.set(site, codes);
  }
  const owned = new Map<string, string>();
  for (const [site, codes] of counts) {
    const total = [...codes.values()].reduce((sum, n) => sum + n, 0);
    for (const [code, n] of codes) if (n * 2 > total) owned.set(site, code);
  }
  return owned;
}

/** The 索引号 findings of the cluster. */
export function checkIndexNumbers(context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const policies = policiesById(context);
  const owned = siteCodes(policies);
  const ownerOf = new Map<string, string>();
  for (const [site, code] of owned) ownerOf.set(code, site);
  const siteName = (id: string) => context.sites.get(id)?.name['zh-CN'] ?? id;
  const holders = new Map<string, CheckedRecord[]>();
  for (const record of policies) {
    const indexNumber = String(record.raw.indexNumber);
    holders.set(indexNumber, [...(holders.get(indexNumber) ?? []), record]);
    const parts = parseIndexNumber(indexNumber);
    if (!parts) continue;
    const site = String(record.raw.site);
    const own = owned.get(site);
    const owner = ownerOf.get(parts.code);
    if (own === parts.code || (own === undefined && (owner === undefined || owner === site))) continue;
    findings.push({
      site,
      rule: 'index-number-foreign',
      severity: 'warning',
      message:
        owner !== undefined && owner !== site
          ? `政策文件“${String(record.raw.title)}”的索引号 ${indexNumber} 使用了${siteName(owner)}的机构代码，本站文件的机构代码为 ${own ?? '（未定）'}`
          : `政策文件“${String(record.raw.title)}”的索引号 ${indexNumber} 中的机构代码不是本站的（本站文件的机构代码为 ${own}）`,
      ...placeOf(context, record),
    });
  }
  for (const [indexNumber, records] of holders) {
    if (records.length < 2) continue;
    for (const record of records) {
      const others = records
        .filter((other) => other !== record)
        .map((other) => `“${String(other.raw.title)}”（${siteName(String(other.raw.site))}）`);
      findings.push({
        site: String(record.raw.site),
        rule: 'index-number-duplicate',
        severity: 'warning',
        message: `政策文件“${String(record.raw.title)}”的索引号 ${indexNumber} 与${others.join('、')}重复`,
        ...placeOf(context, record),
      });
    }
  }
  return findings;
}
