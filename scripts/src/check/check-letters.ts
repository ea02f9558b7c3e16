/**
 * Letters (领导信箱 / 市民心声) submitted more than three months before the check and still
 * without a reply (留言办理: 超过3个月未回复), a single-veto item. A snapshot holds every letter; a CMS
 * publishes only answered ones, so there the mailbox's statistics (counts per site, at most a day old)
 * tell how many wait past the limit.
 * @module
 */
import { calendarDay } from '@govcluster/shared/dates';
import { mailboxColumn } from '@govcluster/shared/mailbox';
import { type CheckContext, editUrl } from './context.ts';
import { recordName } from './data.ts';
import type { Finding } from './finding.ts';

/** Months a letter may wait for its reply. */
export const replyMonths = 3;

/** The instant `months` calendar months after `time`. */
function addMonths(time: number, months: number): number {
  const date = new Date(time);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

/** The unanswered-letter findings. */
export function checkLetters(context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const record of context.data.records) {
    if (record.type !== 'letter' || record.raw.status === 'replied') continue;
    const submitted = Date.parse(String(record.raw.submittedAt));
    if (Number.isNaN(submitted) || addMonths(submitted, replyMonths) >= context.now) continue;
    const site = context.sites.get(String(record.raw.site));
    findings.push({
      site: String(record.raw.site),
      rule: 'letter-unanswered',
      severity: 'veto',
      message: `信件“${String(record.raw.title)}”于 ${calendarDay(submitted)} 提交，超过 ${replyMonths} 个月仍未答复（${String(record.raw.handlingUnit)}）`,
      // An unanswered letter has no public page: its place is the mailbox column.
      url: site ? `${context.siteUrl ?? ''}${site.basePath}${String(record.raw.column)}/` : undefined,
      editUrl: editUrl(context, record),
      entry: recordName(record),
    });
  }
  for (const statistics of context.data.mailboxStatistics ?? []) {
    const waiting = statistics.rows.reduce((sum, row) => sum + row.unansweredBeyondLegal, 0);
    const named = findings.filter((finding) => finding.site === statistics.site).length;
    if (waiting <= named) continue;
    const site = context.sites.get(statistics.site);
    const mailbox = site ? mailboxColumn(site.columns) : undefined;
    findings.push({
      site: statistics.site,
      rule: 'letter-unanswered',
      severity: 'veto',
      message: `信箱统计（截至 ${statistics.asOf}）：${waiting - named} 件来信超过 ${replyMonths} 个月仍未答复`,
      url: site && mailbox ? `${context.siteUrl ?? ''}${site.basePath}${mailbox.slug}/` : undefined,
    });
  }
  return findings;
}
