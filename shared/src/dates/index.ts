/**
 * Dates as the cluster shows them: every instant is read on the calendar of China Standard Time, whatever
 * offset it was written with (the CMS answers in UTC). No dependencies: browser bundles, the CMS and the
 * scripts import it alike.
 * @module
 */

/** The cluster's time zone. China has had no daylight saving time since 1991: a fixed UTC+8. */
export const clusterTimeZone = 'Asia/Shanghai';

/** The cluster's offset from UTC, in minutes. */
const clusterOffsetMinutes = 8 * 60;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The offset as RFC 822 writes it: `+0800`. */
const rfc822Offset = `+${pad(Math.floor(clusterOffsetMinutes / 60))}${pad(clusterOffsetMinutes % 60)}`;

/** What the functions read: an ISO 8601 date or date-time, an instant as a Date, or ms since the epoch. */
export type DateValue = string | number | Date;

/** The fields of a value on the cluster's calendar; `time` is absent for a bare calendar date. */
interface ClusterDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly time?: { readonly hour: number; readonly minute: number; readonly second: number };
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The China-time fields of an instant. */
function fieldsOfInstant(time: number): ClusterDate {
  const shifted = new Date(time + clusterOffsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    time: { hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: shifted.getUTCSeconds() },
  };
}

/** Minutes east of UTC of an ISO offset (`Z`, `+08:00`, `-0500`). */
function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return offset.startsWith('-') ? -minutes : minutes;
}

/** The value on the cluster's calendar, or `undefined` when it is not an ISO 8601 date or date-time. */
function read(value: DateValue): ClusterDate | undefined {
  if (value instanceof Date || typeof value === 'number') {
    const time = value instanceof Date ? value.getTime() : value;
    return Number.isFinite(time) ? fieldsOfInstant(time) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const match = isoPattern.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const midnight = new Date(Date.UTC(year, month - 1, day));
  if (midnight.getUTCMonth() !== month - 1 || midnight.getUTCDate() !== day) return undefined;
  if (match[4] === undefined) return { year, month, day };
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = match[7];
  // A date-time without an offset is a wall-clock time in China: its day is the day written.
  if (offset === undefined) return { year, month, day, time: { hour, minute, second } };
  const minutes = offsetMinutes(offset);
  if (Math.abs(minutes) > 18 * 60) return undefined;
  return fieldsOfInstant(midnight.getTime() + ((hour * 60 + minute - minutes) * 60 + second) * 1000);
}

/** The value on the cluster's calendar; throws a RangeError naming the value when it is not a date. */
function readOrThrow(value: DateValue): ClusterDate {
  const date = read(value);
  if (!date) {
    const shown =
      value instanceof Date
        ? 'an invalid Date'
        : typeof value === 'number'
          ? String(value)
          : JSON.stringify(value);
    throw new RangeError(`not an ISO 8601 date or date-time: ${shown}`);
  }
  return date;
}

/**
 * Whether a value is a date or date-time the functions of this module accept (they throw otherwise).
 * @example isDateValue('2024-03-15') // true
 * @example isDateValue('') // false
 */
export function isDateValue(value: unknown): value is DateValue {
  return (
    (typeof value === 'string' || typeof value === 'number' || value instanceof Date) &&
    read(value) !== undefined
  );
}

/**
 * The instant a value names, in ms since the epoch: what orders publication times, which the CMS writes
 * in UTC and a snapshot may write with `+08:00`, so that their text does not sort them. A date-time
 * without an offset and a bare date are China time (a bare date its midnight).
 * @example instant('2024-03-15T17:30:00.000Z') === instant('2024-03-16T01:30:00+08:00') // true
 */
export function instant(value: DateValue): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  // The common case, an ISO date-time with `Z` or `±HH:MM`: the engine's own parser (a cluster sorts
  // 100,000 of them).
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value)) {
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  const { year, month, day, time = { hour: 0, minute: 0, second: 0 } } = readOrThrow(value);
  const fraction = /T[\d:]+[.,](\d{1,3})/.exec(value)?.[1];
  return (
    Date.UTC(year, month - 1, day, time.hour, time.minute, time.second) -
    clusterOffsetMinutes * 60_000 +
    (fraction === undefined ? 0 : Number(fraction.padEnd(3, '0')))
  );
}

/**
 * The calendar day of a value in China time, `YYYY-MM-DD`; a bare date stays that day.
 * @example calendarDay('2024-12-31T17:30:00.000Z') // '2025-01-01'
 * @example calendarDay('2024-03-15') // '2024-03-15'
 */
export function calendarDay(value: DateValue): string {
  const { year, month, day } = readOrThrow(value);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * The year of a value in China time, as the search's year filter has it: `YYYY`.
 * @example calendarYear('2024-12-31T16:00:00Z') // '2025'
 */
export function calendarYear(value: DateValue): string {
  return pad(readOrThrow(value).year, 4);
}

/**
 * The day and minute of a value in China time, 24-hour, as Chinese offices write a time (the admin's
 * history, queue and schedule); a bare date is its midnight.
 * @example calendarMinute('2024-12-31T17:30:00.000Z') // '2025-01-01 01:30'
 */
export function calendarMinute(value: DateValue): string {
  const { year, month, day, time = { hour: 0, minute: 0, second: 0 } } = readOrThrow(value);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(time.hour)}:${pad(time.minute)}`;
}

/**
 * The day of a value in China time for readers of a locale (`en` reads British English).
 * @example formatDate('zh-CN', '2024-03-15') // '2024年3月15日'
 * @example formatDate('en', '2024-03-15T09:30:00+08:00') // '15 March 2024'
 */
export function formatDate(locale: string, value: DateValue): string {
  const { year, month, day } = readOrThrow(value);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The RFC 822 date-time of a value in China time, as RSS `pubDate` has it; a bare date is its midnight.
 * @example rfc822DateTime('2024-12-31T17:30:00.000Z') // 'Wed, 01 Jan 2025 01:30:00 +0800'
 */
export function rfc822DateTime(value: DateValue): string {
  const { year, month, day, time = { hour: 0, minute: 0, second: 0 } } = readOrThrow(value);
  const weekday = weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const clock = `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
  return `${weekday}, ${pad(day)} ${months[month - 1]} ${pad(year, 4)} ${clock} ${rfc822Offset}`;
}
