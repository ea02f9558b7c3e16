/**
 * Severe errors (严重错误) in published text: wrong words from the maintained list, leaders' names
 * mis-written next to their position (checked against the leader records), secrecy markings, and
 * dates in the future.
 * @module
 */
import { calendarDay } from '@govcluster/shared/dates';
import { type CheckContext, placeOf, publishedAt } from './context.ts';
import { type CheckedRecord, isPublished } from './data.ts';
import type { Finding } from './finding.ts';
import { excerpt, publishedText } from './published-text.ts';
import { secrecyMarkings, wrongWords } from './wordlist.ts';

interface LeaderName {
  readonly name: string;
  readonly position: string;
  /** Position then name, and name then position or 同志, each capturing a name of the same length. */
  readonly patterns: readonly RegExp[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The zh-CN leader records by site. */
function leadersBySite(records: readonly CheckedRecord[]): Map<string, LeaderName[]> {
  const bySite = new Map<string, LeaderName[]>();
  for (const record of records) {
    if (record.type !== 'leader' || record.raw.locale !== 'zh-CN') continue;
    const { name, position } = record.raw;
    if (typeof name !== 'string' || typeof position !== 'string') continue;
    if (!/^\p{Script=Han}{2,4}$/u.test(name)) continue;
    const n = name.length;
    const title = escapeRegExp(position);
    const patterns = [
      new RegExp(`${title}(\\p{Script=Han}{${n}})`, 'gu'),
      new RegExp(`(\\p{Script=Han}{${n}})(?:${title}|同志)`, 'gu'),
    ];
    const site = String(record.raw.site);
    bySite.set(site, [...(bySite.get(site) ?? []), { name, position, patterns }]);
  }
  return bySite;
}

function differsByOne(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) differences += 1;
  return differences === 1;
}

/**
 * A name written next to a leader's position that is one character off the leader's name. A
 * match that is the start (or, before the position, the end) of any leader's name is no error:
 * "副局长王强英" names 王强英, not a mis-written 王强.
 */
function misspeltLeaders(text: string, leaders: readonly LeaderName[], known: readonly string[]) {
  const found: { wrong: string; leader: LeaderName; index: number }[] = [];
  for (const leader of leaders) {
    const [after, before] = leader.patterns;
    for (const match of text.matchAll(after as RegExp)) {
      const candidate = match[1] ?? '';
      const start = (match.index ?? 0) + leader.position.length;
      if (!differsByOne(candidate, leader.name)) continue;
      if (known.some((name) => text.startsWith(name, start))) continue;
      found.push({ wrong: candidate, leader, index: match.index ?? 0 });
    }
    for (const match of text.matchAll(before as RegExp)) {
      const candidate = match[1] ?? '';
      const end = (match.index ?? 0) + candidate.length;
      if (!differsByOne(candidate, leader.name)) continue;
      if (known.some((name) => text.startsWith(name, end - name.length))) continue;
      found.push({ wrong: candidate, leader, index: match.index ?? 0 });
    }
  }
  return found;
}

/** The severe-error findings of every published record. */
export function checkSevereErrors(context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const leaders = leadersBySite(context.data.records);
  const known = [...new Set([...leaders.values()].flat().map((leader) => leader.name))];
  // A page names the leaders of its own body and of the city government (the portal's).
  const portal = context.data.sites.find((site) => site.kind === 'portal')?.id;
  const leadersOf = (site: string) => [
    ...(leaders.get(site) ?? []),
    ...(site === portal || portal === undefined ? [] : (leaders.get(portal) ?? [])),
  ];
  for (const record of context.data.records) {
    if (!isPublished(record)) continue;
    const site = String(record.raw.site);
    const place = placeOf(context, record);
    const time = publishedAt(record);
    if (time !== undefined && time > context.now) {
      findings.push({
        site,
        rule: 'future-date',
        severity: 'veto',
        message: `发布日期 ${calendarDay(time)} 晚于检查日 ${calendarDay(context.now)}`,
        ...place,
      });
    }
    const written = record.raw.writtenDate;
    if (typeof written === 'string' && Date.parse(`${written}T00:00:00+08:00`) > context.now) {
      findings.push({
        site,
        rule: 'future-date',
        severity: 'veto',
        message: `成文日期 ${written} 晚于检查日 ${calendarDay(context.now)}`,
        ...place,
      });
    }
    if (record.raw.locale !== 'zh-CN') continue;
    const text = publishedText(record);
    for (const [wrong, right] of Object.entries(wrongWords)) {
      const index = text.indexOf(wrong);
      if (index >= 0) {
        findings.push({
          site,
          rule: 'wrong-word',
          severity: 'veto',
          message: `“${wrong}”应为“${right}”：${excerpt(text, index, wrong.length)}`,
          ...place,
        });
      }
    }
    for (const { wrong, leader, index } of misspeltLeaders(text, leadersOf(site), known)) {
      findings.push({
        site,
        rule: 'leader-name',
        severity: 'veto',
        message: `“${wrong}”疑为${leader.position}“${leader.name}”之误：${excerpt(text, index, leader.position.length + wrong.length)}`,
        ...place,
      });
    }
    for (const marking of secrecyMarkings) {
      const index = text.indexOf(marking);
      if (index >= 0) {
        findings.push({
          site,
          rule: 'secrecy-marking',
          severity: 'veto',
          message: `公开信息中出现密级标志“${marking}”：${excerpt(text, index, marking.length)}`,
          ...place,
        });
      }
    }
  }
  return findings;
}
