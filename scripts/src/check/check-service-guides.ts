/**
 * Service guides (办事指南) missing one of the eight required elements. The schema refuses such
 * a guide, so the build leaves it out: the public sees a service with no guide at all.
 * @module
 */
import { serviceGuideElementLabels, serviceGuideRequiredElements } from '@govcluster/shared/schemas';
import { type CheckContext, placeOf } from './context.ts';
import type { Finding } from './finding.ts';

function present(value: unknown): boolean {
  if (typeof value === 'string') return /\S/.test(value);
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null;
}

/** The missing-element findings of every service guide. */
export function checkServiceGuides(context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const record of context.data.records) {
    if (record.type !== 'serviceGuide') continue;
    const missing = serviceGuideRequiredElements.filter((element) => !present(record.raw[element]));
    if (missing.length === 0) continue;
    findings.push({
      site: String(record.raw.site),
      rule: 'guide-element-missing',
      severity: 'warning',
      message: `办事指南“${String(record.raw.title ?? record.raw.id)}”缺少要素：${missing.map((e) => serviceGuideElementLabels[e]).join('、')}`,
      ...placeOf(context, record),
    });
  }
  return findings;
}
