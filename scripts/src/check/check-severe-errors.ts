/**
 * Severe errors (严重错误) in published text: wrong words from the maintained list, leaders' names
 * mis-written next to their position (checked against the leader records), secrecy markings, and
 * dates in the future.
 * @module
 */
import { type CheckContext, placeOf, publishedAt, shanghaiDay } from './context.ts';
import { type CheckedRecord, isPublished } from './data.ts';
import type { Finding } from './finding.ts';
import { excerpt, publishedText } from './published-text.ts';
import { secrecyMarkings, wrongWords } from './wordlist.ts';

interface LeaderName {
  readonly name: string;
  readonly position: string;
}

function leaderNames(records: readonly CheckedRecord[]): LeaderName[] {
  const seen = new Map<string, LeaderName>();
  for (const record of records) {
    if (record.type !== 'leader' || record.raw.locale !== 'zh-CN') continue;
    const { name, position } = record.raw;
    if (typeof name !== 'string' || typeof position !== 'string') continue;
    if (!/^\p{Script=Han}{2,4}$/u.test(name)) continue;
    seen.set(`${position}/${name}`, { name, position });
  }
  return [...seen.values()];
}

function differsByOne(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) differences += 1;
  return differences === 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name written next to a leader's position that is one character off the leader's name. */
function misspeltLeaders(text: string, leaders: readonly LeaderName[], known: ReadonlySet<string>) {
  const found: { wrong: string; leader: LeaderName; index: number }[] = [];
  for (const leader of leaders) {
    const n = leader.name.length;
    const position = escapeRegExp(leader.position);
    const patterns = [
      new RegExp(`${position}(\\p{Script=Han}{${n}})`, 'gu'),
      new RegExp(`(\\p{Script=Han}{${n}})(?:${position}|同志)`, 'gu'),
    ];
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const candidate = match[1] ?? '';
        if (!known.has(candidate) && differsByOne(candidate, leader.name)) {
          found.push({ wrong: candidate, leader, index: match.index ?? 0 });
        }
      }
    }
  }
  return found;
}

/** The severe-error findings of every published record. */
export function checkSevereErrors(context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const leaders = leaderNames(context.data.records);
  const known = new Set(leaders.map((leader) => leader.name));
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
        message: `发布日期 ${shanghaiDay(time)} 晚于检查日 ${shanghaiDay(context.now)}`,
        ...place,
      });
    }
    const written = record.raw.writtenDate;
    if (typeof written === 'string' && Date.parse(`${written}T00:00:00+08:00`) > context.now) {
      findings.push({
        site,
        rule: 'future-date',
        severity: 'veto',
        message: `成文日期 ${written} 晚于检查日 ${shanghaiDay(context.now)}`,
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
    for (const { wrong, leader, index } of misspeltLeaders(text, leaders, known)) {
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
