/**
 * Calendar arithmetic for the generator. Days are counted as integers since 1970-01-01 in
 * China Standard Time (UTC+8, no daylight saving), so no clock and no time zone database is read.
 */
import type { Rng } from './prng.ts';

const msPerDay = 86_400_000;

/** The day number of a `YYYY-MM-DD` date. Throws on anything else. */
export function dayOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = ms / msPerDay;
  if (formatDay(day) !== date) throw new Error(`not a valid calendar date: ${date}`);
  return day;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/** Year, month (1–12), day of month and weekday (0 = Sunday) of a day number. */
export function partsOf(day: number): { year: number; month: number; date: number; weekday: number } {
  const d = new Date(day * msPerDay);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    date: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

/** A date-time with the `+08:00` offset, e.g. `2024-03-15T09:30:00+08:00`. */
export function dateTime(day: number, minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  return `${formatDay(day)}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`;
}

/** A plausible office-hours minute of the day (08:30–17:50). */
export function officeMinute(rng: Rng): number {
  return rng.int(8 * 60 + 30, 17 * 60 + 50);
}

/** `3月15日` */
export function zhMonthDay(day: number): string {
  const p = partsOf(day);
  return `${p.month}月${p.date}日`;
}

/** `2024年3月15日` */
export function zhDate(day: number): string {
  const p = partsOf(day);
  return `${p.year}年${p.month}月${p.date}日`;
}

/** Moves a weekend day to the Friday before it (government offices publish on working days). */
export function workday(day: number): number {
  const w = partsOf(day).weekday;
  if (w === 6) return day - 1;
  if (w === 0) return day - 2;
  return day;
}

/**
 * Publication days for `count` items of one column: spread over `spanDays` before `today`,
 * denser towards today, newest first. With `fresh` the newest lands within the last
 * `freshWithin` days; `offsetDays` shifts everything back (a stale column).
 */
export function spreadDays(
  rng: Rng,
  options: { today: number; count: number; spanDays: number; freshWithin: number; offsetDays: number },
): number[] {
  const { today, count, spanDays, freshWithin, offsetDays } = options;
  const days: number[] = [];
  for (let i = 0; i < count; i += 1) {
    // u^1.7 puts more mass near 0 (recent) than near spanDays.
    const age = i === 0 ? rng.int(0, freshWithin) : Math.floor(spanDays * rng.next() ** 1.7);
    days.push(Math.min(today, workday(today - offsetDays - age)));
  }
  return days.sort((a, b) => b - a);
}
