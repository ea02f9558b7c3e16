/**
 * When a letter must be answered (docs/adr/0023-mailbox.md): the city's promise, a number of working
 * days after the day it was written, and the legal limit of three months. Days are China calendar
 * days. Working days are Monday to Friday: public holidays and the weekend days worked instead
 * (调休) are not known here, so a promise over a holiday is shorter than it should be, never longer.
 * Pure and browser-safe.
 * @module
 */
import { calendarDay, type DateValue } from '../dates/index.ts';

/** The city's promise when none is configured: 15 working days (a common 承诺时限). */
export const defaultPromiseWorkingDays = 15;

/** The legal limit, in months (the inspection's single-veto item counts three months too). */
export const legalLimitMonths = 3;

/** A day `YYYY-MM-DD` as a UTC date at midnight (for day arithmetic only). */
const asUtc = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The deadlines of a letter written at `submittedAt`. */
export interface LetterDeadlines {
  /** Last day of the city's promise, `YYYY-MM-DD`. */
  promisedBy: string;
  /** Last day of the legal limit, `YYYY-MM-DD`. */
  legalBy: string;
}

/**
 * The deadlines of a letter: `workingDays` working days after the day it was written (that day not
 * counted), and three months after it (the same day of the month, or the month's last day).
 * @example letterDeadlines('2026-12-04T10:00:00+08:00', 2) // { promisedBy: '2026-12-08', legalBy: '2027-03-04' }
 */
export function letterDeadlines(
  submittedAt: DateValue,
  workingDays = defaultPromiseWorkingDays,
): LetterDeadlines {
  const start = asUtc(calendarDay(submittedAt));
  const promise = new Date(start);
  for (let left = Math.max(0, Math.floor(workingDays)); left > 0; ) {
    promise.setUTCDate(promise.getUTCDate() + 1);
    const weekday = promise.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  const legal = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + legalLimitMonths, 1));
  const lastDay = new Date(Date.UTC(legal.getUTCFullYear(), legal.getUTCMonth() + 1, 0)).getUTCDate();
  legal.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return { promisedBy: dayOf(promise), legalBy: dayOf(legal) };
}

/** Which deadline a letter not yet answered has passed on `today`: the legal one, the promise, or none. */
export function overdue(deadlines: LetterDeadlines, today: DateValue): 'legal' | 'promise' | null {
  const day = calendarDay(today);
  if (day > deadlines.legalBy) return 'legal';
  if (day > deadlines.promisedBy) return 'promise';
  return null;
}

/**
 * Working days (Monday to Friday) after the China day of `from` up to and including the day of `to`:
 * what a reply took by the measure of the city's promise. 0 when `to` is that day or earlier.
 * @example workingDaysBetween('2026-12-04T10:00:00+08:00', '2026-12-08T16:00:00+08:00') // 2
 */
export function workingDaysBetween(from: DateValue, to: DateValue): number {
  const start = asUtc(calendarDay(from));
  const end = asUtc(calendarDay(to));
  const days = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  if (days <= 0) return 0;
  // Whole weeks hold five working days each; the days left over are counted one by one.
  let count = Math.floor(days / 7) * 5;
  for (let day = 1; day <= days % 7; day++) {
    const weekday = (start.getUTCDay() + day) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}
