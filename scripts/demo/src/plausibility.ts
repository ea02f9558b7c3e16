/**
 * What makes a generated city read false, found in its records: the same title twice in one column
 * and year, village accounts that do not add up (实缴 more than 应缴, a part larger than its whole),
 * and a topic written in a year it does not belong to (疫情防控常态化 in 2026). The generator's test runs
 * it over every snapshot it makes; each finding is one line naming the record.
 * @module
 */

/** A record of a snapshot, as far as the checks read it. */
export interface CheckedRecord {
  type: string;
  id?: string;
  site?: string;
  column?: string;
  locale?: string;
  title?: string;
  name?: string;
  slug?: string;
  summary?: string;
  body?: string;
  question?: string;
  publishedAt?: string;
  affairs?: { title: string; date: string; category: string; body: string }[];
  [field: string]: unknown;
}

/**
 * Topics that belong to some years only: a text naming one outside them reads false. Years are China
 * calendar years, both ends included.
 */
export const topicYears: readonly { phrase: string; from?: number; to?: number }[] = [
  // Covid rules ended in December 2022 (国务院联防联控机制 “新十条” and 乙类乙管 from 2023-01-08).
  { phrase: '疫情防控常态化', to: 2022 },
  { phrase: '常态化疫情防控', to: 2022 },
  { phrase: '核酸检测', to: 2022 },
  { phrase: '健康码', to: 2022 },
  // 脱贫攻坚 was declared complete in February 2021; 防止返贫 monitoring followed it.
  { phrase: '脱贫攻坚', to: 2021 },
  { phrase: '防止返贫', from: 2021 },
  // The 14th five-year plan covers 2021–2025; the 15th starts in 2026.
  { phrase: '“十四五”', from: 2020, to: 2025 },
  { phrase: '“十五五”', from: 2025 },
];

/** The China calendar year of a date or date-time string (`+08:00` or `Z`). */
function chinaYear(value: string): number {
  const instant = Date.parse(value.length === 10 ? `${value}T00:00:00+08:00` : value);
  return new Date(instant + 8 * 3_600_000).getUTCFullYear();
}

/**
 * Titles used twice in one site, column (or type), locale and year; investment projects in the whole
 * city (the portal and the bureau offer the same projects: one name is one project, one set of figures).
 */
function duplicateTitles(records: readonly CheckedRecord[]): string[] {
  const seen = new Map<string, string>();
  const findings: string[] = [];
  const note = (key: string, what: string) => {
    const first = seen.get(key);
    if (first) findings.push(`duplicate title: ${what} (first ${first})`);
    else seen.set(key, what);
  };
  for (const record of records) {
    // A letter belongs to the year it was written; anything else to the year it was published.
    const date = typeof record.submittedAt === 'string' ? record.submittedAt : record.publishedAt;
    if (record.title && date) {
      const year = chinaYear(date);
      const where =
        record.type === 'investmentProject'
          ? `city|investmentProject|${record.locale}`
          : `${record.site}|${record.column ?? record.type}|${record.locale}|${year}`;
      note(`${where}|${record.title}`, `${record.type} ${record.id} “${record.title}” in ${where}`);
    }
    for (const affair of record.affairs ?? []) {
      const where = `${record.site}|village ${record.slug}|${record.locale}|${chinaYear(affair.date)}`;
      note(`${where}|${affair.title}`, `村务公开 “${affair.title}” in ${where}`);
    }
  }
  return findings;
}

const number = (text: string | undefined) => Number(text);

/** A 村务公开 item whose figures do not agree with each other. */
export function affairFigureProblems(body: string): string[] {
  const problems: string[] = [];
  const due = /应缴党费(\d+)元/.exec(body);
  const paid = /实缴党费(\d+)元/.exec(body);
  if (due && paid && number(paid[1]) > number(due[1]))
    problems.push(`实缴党费 ${paid[1]} more than 应缴 ${due[1]}`);
  const expected = /应到代表(\d+)人/.exec(body);
  const present = /实到(\d+)人/.exec(body);
  if (expected && present && number(present[1]) > number(expected[1]))
    problems.push(`实到 ${present[1]} more than 应到 ${expected[1]}`);
  // A table of amounts: each 其中 row is part of the row above it that is not a 其中.
  let whole: { label: string; amount: number } | undefined;
  for (const row of body.matchAll(/^\|\s*([^|]+?)\s*\|\s*(-?[\d.]+)\s*\|$/gm)) {
    const label = row[1] as string;
    const amount = number(row[2]);
    if (!label.startsWith('其中')) whole = { label, amount };
    else if (whole && amount > whole.amount)
      problems.push(`${label} ${amount} more than ${whole.label} ${whole.amount}`);
  }
  return problems;
}

/** Village accounts that do not add up. */
function figureProblems(records: readonly CheckedRecord[]): string[] {
  return records.flatMap((record) =>
    (record.affairs ?? []).flatMap((affair) =>
      affairFigureProblems(affair.body).map(
        (problem) => `village figures: ${record.id} “${affair.title}”: ${problem}`,
      ),
    ),
  );
}

/** Texts naming a topic outside its years. */
function topicProblems(records: readonly CheckedRecord[]): string[] {
  const findings: string[] = [];
  const check = (what: string, date: string, text: string) => {
    const year = chinaYear(date);
    for (const topic of topicYears) {
      if (!text.includes(topic.phrase)) continue;
      if ((topic.from !== undefined && year < topic.from) || (topic.to !== undefined && year > topic.to))
        findings.push(`topic out of its years: ${what} (${year}) names ${topic.phrase}`);
    }
  };
  for (const record of records) {
    const date = record.publishedAt;
    if (date) {
      const text = [record.title, record.summary, record.body, record.question].filter(Boolean).join('\n');
      check(`${record.type} ${record.id}`, date, text);
    }
    for (const affair of record.affairs ?? [])
      check(`${record.id} “${affair.title}”`, affair.date, `${affair.title}\n${affair.body}`);
  }
  return findings;
}

/** Everything in the records that reads false, one line each; empty when the city reads true. */
export function implausibilities(records: readonly CheckedRecord[]): string[] {
  return [...duplicateTitles(records), ...figureProblems(records), ...topicProblems(records)];
}
