/**
 * 征集调查 that have closed (已结束) without the summary of the feedback (意见反馈): the page then
 * tells the public nothing of what became of their opinions, which inspectors score as poor 互动回应.
 * An office gets {@link feedbackDays} days after the last day to sum the opinions up.
 * @module
 */
import { type CheckContext, dayMs, endOfDay, placeOf } from './context.ts';
import type { Finding } from './finding.ts';

/** Days after a consultation's last day by which its feedback summary is due. */
export const feedbackDays = 30;

/** The closed consultations without their feedback summary. */
export function checkConsultations(context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const record of context.data.records) {
    if (record.type !== 'consultation') continue;
    const { opensAt, closesAt, feedback, title } = record.raw;
    if (typeof opensAt !== 'string' || typeof closesAt !== 'string') continue;
    if (context.now <= endOfDay(closesAt) + feedbackDays * dayMs) continue;
    if (typeof feedback === 'string' && /\S/.test(feedback)) continue;
    findings.push({
      site: String(record.raw.site),
      rule: 'consultation-feedback-missing',
      severity: 'warning',
      message: `征集调查“${String(title)}”已于 ${closesAt} 结束，${feedbackDays}天后仍未公布意见反馈情况`,
      ...placeOf(context, record),
    });
  }
  return findings;
}
