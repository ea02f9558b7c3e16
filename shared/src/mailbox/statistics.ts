/**
 * The public statistics of the mailboxes (docs/adr/0023-mailbox.md): from letter records, the figures
 * per site, month of receipt and office — received, replied, replied in time, days to reply, ratings —
 * and the words a page says about them. One function for both sides: the CMS counts its letters for
 * `GET /api/mailbox-statistics`, the demo generator counts a snapshot's. Pure and browser-safe.
 * @module
 */
import { calendarDay, type DateValue } from '../dates/index.ts';
import type {
  MailboxFigures,
  MailboxStatistics,
  MailboxStatisticsRow,
} from '../schemas/mailbox-statistics.ts';
import { defaultPromiseWorkingDays, letterDeadlines, workingDaysBetween } from './deadlines.ts';
import type { LetterRating } from './form.ts';

/** How many months the public statistics cover (近12个月). */
export const statisticsMonthCount = 12;

/** What the statistics need of one letter: no writer, no text. */
export interface LetterFacts {
  /** The site whose mailbox received it. */
  site: string;
  /** The office that handles it (承办单位), as the letter names it. */
  office: string;
  /** When it was written. */
  submittedAt: DateValue;
  /** When the reply was given, for a letter whose reply passed the review; absent or null otherwise. */
  repliedAt?: DateValue | null;
  /** The writer's rating of the reply, if any. */
  rating?: LetterRating | null;
}

/** Options of {@link mailboxStatistics}. */
export interface MailboxStatisticsOptions {
  /** The day the figures are for: deadlines are judged on it, the last month is its month. */
  asOf: DateValue;
  /** The city's promise in working days (default 15). */
  promiseWorkingDays?: number;
  /** How many months, the month of `asOf` the last (default 12). */
  months?: number;
  /** Sites that get statistics even without a letter (every site with a mailbox). */
  sites?: Iterable<string>;
}

/** Figures of nothing. */
export function emptyFigures(): MailboxFigures {
  return {
    received: 0,
    replied: 0,
    repliedInTime: 0,
    due: 0,
    beyondLegal: 0,
    unansweredBeyondLegal: 0,
    replyWorkingDays: 0,
    satisfied: 0,
    fair: 0,
    dissatisfied: 0,
  };
}

const figureKeys = Object.keys(emptyFigures()) as (keyof MailboxFigures)[];

/** The sum of figures. */
export function sumFigures(groups: Iterable<MailboxFigures>): MailboxFigures {
  const sum = emptyFigures();
  for (const group of groups) for (const key of figureKeys) sum[key] += group[key];
  return sum;
}

/**
 * The `count` months up to the month of `asOf`, oldest first, `YYYY-MM` in China time.
 * @example statisticsMonths('2026-02-10', 3) // ['2025-12', '2026-01', '2026-02']
 */
export function statisticsMonths(asOf: DateValue, count = statisticsMonthCount): string[] {
  const [year, month] = calendarDay(asOf).split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    months.push(
      `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`,
    );
  }
  return months;
}

/** Adds one letter to its group's figures. */
function count(figures: MailboxFigures, letter: LetterFacts, asOf: string, promise: number): void {
  const deadlines = letterDeadlines(letter.submittedAt, promise);
  figures.received += 1;
  if (letter.repliedAt === undefined || letter.repliedAt === null) {
    if (asOf > deadlines.promisedBy) figures.due += 1;
    if (asOf > deadlines.legalBy) {
      figures.beyondLegal += 1;
      figures.unansweredBeyondLegal += 1;
    }
    return;
  }
  const day = calendarDay(letter.repliedAt);
  figures.replied += 1;
  figures.due += 1;
  if (day <= deadlines.promisedBy && day <= deadlines.legalBy) figures.repliedInTime += 1;
  if (day > deadlines.legalBy) figures.beyondLegal += 1;
  figures.replyWorkingDays += workingDaysBetween(letter.submittedAt, letter.repliedAt);
  if (letter.rating) figures[letter.rating] += 1;
}

/**
 * The statistics of every site's mailbox from its letters: per month of receipt (the last `months`
 * months up to `asOf`; older and later letters are left out) and office. A letter is replied when its
 * reply passed the review (`repliedAt`); in time when that day is within the city's promise and the
 * legal limit; due when replied or its promised day has passed by `asOf` (the base of the rate in time).
 * Sites come sorted by id, rows by month and office.
 */
export function mailboxStatistics(
  letters: Iterable<LetterFacts>,
  options: MailboxStatisticsOptions,
): MailboxStatistics[] {
  const asOf = calendarDay(options.asOf);
  const promise = options.promiseWorkingDays ?? defaultPromiseWorkingDays;
  const months = statisticsMonths(asOf, options.months);
  const covered = new Set(months);
  const bySite = new Map<string, Map<string, MailboxStatisticsRow>>();
  for (const site of options.sites ?? []) bySite.set(site, new Map());
  for (const letter of letters) {
    let rows = bySite.get(letter.site);
    if (!rows) {
      rows = new Map();
      bySite.set(letter.site, rows);
    }
    const month = calendarDay(letter.submittedAt).slice(0, 7);
    if (!covered.has(month)) continue;
    const office = letter.office.trim() || '—';
    const key = `${month}\u0000${office}`;
    let row = rows.get(key);
    if (!row) {
      row = { month, office, ...emptyFigures() };
      rows.set(key, row);
    }
    count(row, letter, asOf, promise);
  }
  return [...bySite.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([site, rows]) => ({
      site,
      asOf,
      promiseWorkingDays: promise,
      months,
      rows: [...rows.values()].sort(
        (a, b) => a.month.localeCompare(b.month) || a.office.localeCompare(b.office),
      ),
    }));
}

/** One line of a statistics table: its label (a month or an office) and its figures. */
export interface FiguresLine {
  label: string;
  figures: MailboxFigures;
}

/** The figures per month, every month covered (oldest first), months without letters as zeros. */
export function figuresByMonth(statistics: MailboxStatistics): FiguresLine[] {
  return statistics.months.map((month) => ({
    label: month,
    figures: sumFigures(statistics.rows.filter((row) => row.month === month)),
  }));
}

/** The figures per office over all months covered, the office with most letters first. */
export function figuresByOffice(statistics: MailboxStatistics): FiguresLine[] {
  const offices = new Map<string, MailboxStatisticsRow[]>();
  for (const row of statistics.rows) offices.set(row.office, [...(offices.get(row.office) ?? []), row]);
  return [...offices.entries()]
    .map(([office, rows]) => ({ label: office, figures: sumFigures(rows) }))
    .sort((a, b) => b.figures.received - a.figures.received || a.label.localeCompare(b.label, 'zh-CN'));
}

/** The rates a page shows; null where there is nothing to measure. */
export interface FigureRates {
  /** Replied in time of the letters due, 0–1. */
  inTime: number | null;
  /** Average working days to a reply. */
  averageWorkingDays: number | null;
  /** 满意 and 基本满意 of the ratings given, 0–1. */
  satisfaction: number | null;
  /** Ratings given. */
  rated: number;
}

/** The rates of figures. */
export function figureRates(figures: MailboxFigures): FigureRates {
  const rated = figures.satisfied + figures.fair + figures.dissatisfied;
  return {
    inTime: figures.due > 0 ? figures.repliedInTime / figures.due : null,
    averageWorkingDays: figures.replied > 0 ? figures.replyWorkingDays / figures.replied : null,
    satisfaction: rated > 0 ? (figures.satisfied + figures.fair) / rated : null,
    rated,
  };
}

/** A number with at most one decimal, no trailing `.0`. */
const oneDecimal = (value: number) => String(Math.round(value * 10) / 10);

/**
 * A rate as a percentage with at most one decimal; `—` for none.
 * @example formatRate(0.9634) // '96.3%'
 */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${oneDecimal(rate * 100)}%`;
}

/**
 * Working days with at most one decimal; `—` for none.
 * @example formatDays(6.25) // '6.3'
 */
export function formatDays(days: number | null): string {
  return days === null ? '—' : oneDecimal(days);
}

/**
 * The statistics in one plain sentence, as the page says it above the tables; letters past the legal
 * limit of three months (replied late or not at all) are named at its end.
 * @example statisticsSentence(statistics) // '近12个月共收到来信120件，已答复112件，按期答复率96.5%，平均6.2个工作日答复，满意率91%。'
 */
export function statisticsSentence(statistics: MailboxStatistics): string {
  const total = sumFigures(statistics.rows);
  const rates = figureRates(total);
  const parts = [
    `近${statistics.months.length}个月共收到来信${total.received}件`,
    `已答复${total.replied}件`,
  ];
  if (total.received > 0) {
    parts.push(rates.inTime === null ? '尚无到答复期限的来信' : `按期答复率${formatRate(rates.inTime)}`);
    if (rates.averageWorkingDays !== null)
      parts.push(`平均${formatDays(rates.averageWorkingDays)}个工作日答复`);
    parts.push(rates.satisfaction === null ? '尚无满意度评价' : `满意率${formatRate(rates.satisfaction)}`);
  }
  // The legal limit is an inspection's single-veto line: a letter past it is said, never averaged away.
  const beyond = total.beyondLegal > 0 ? `；其中${total.beyondLegal}件超过三个月法定期限` : '';
  return `${parts.join('，')}${beyond}。`;
}

/**
 * A month `YYYY-MM` as a Chinese page writes it.
 * @example monthLabel('2026-03') // '2026年3月'
 */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-');
  return `${year}年${Number(number)}月`;
}
