import { describe, expect, it } from 'vitest';
import {
  calendarDay,
  calendarMinute,
  calendarYear,
  clusterTimeZone,
  formatDate,
  instant,
  isDateValue,
  rfc822DateTime,
} from './index.ts';

describe('calendarDay()', () => {
  it('reads an instant on the calendar of China time, whatever offset it was written with', () => {
    // 01:30 in Beijing on 16 March is 17:30 UTC on 15 March: the CMS answers the latter.
    expect(calendarDay('2024-03-15T17:30:00.000Z')).toBe('2024-03-16');
    expect(calendarDay('2024-03-16T01:30:00+08:00')).toBe('2024-03-16');
    expect(calendarDay('2024-03-15T12:30:00-05:00')).toBe('2024-03-16');
    expect(calendarDay(new Date('2024-03-15T17:30:00Z'))).toBe('2024-03-16');
    expect(calendarDay(Date.parse('2024-03-15T17:30:00Z'))).toBe('2024-03-16');
  });

  it('keeps 23:59:59 China time on its day and moves at midnight', () => {
    expect(calendarDay('2024-03-15T15:59:59Z')).toBe('2024-03-15');
    expect(calendarDay('2024-03-15T23:59:59+08:00')).toBe('2024-03-15');
    expect(calendarDay('2024-03-15T16:00:00Z')).toBe('2024-03-16');
  });

  it('keeps a bare calendar date, and a date-time without an offset, on the day written', () => {
    expect(calendarDay('2024-03-15')).toBe('2024-03-15');
    expect(calendarDay('2024-03-15T23:30:00')).toBe('2024-03-15');
  });

  it('agrees with the time zone database for the cluster zone', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: clusterTimeZone, dateStyle: 'short' });
    for (let time = Date.UTC(1992, 0, 1); time < Date.UTC(2040, 0, 1); time += 7 * 3_600_000 * 97) {
      expect(calendarDay(new Date(time))).toBe(zone.format(time));
    }
  });

  it('rejects what is not an ISO 8601 date with an error naming the value', () => {
    for (const bad of ['', '15/03/2024', '2024-02-30', '2024-13-01', '2024-03-15T24:00:00Z', 'yesterday']) {
      expect(isDateValue(bad), bad).toBe(false);
      expect(() => calendarDay(bad), bad).toThrow(
        `not an ISO 8601 date or date-time: ${JSON.stringify(bad)}`,
      );
    }
    expect(() => calendarDay(new Date(Number.NaN))).toThrow(
      'not an ISO 8601 date or date-time: an invalid Date',
    );
    expect(() => calendarDay(Number.NaN)).toThrow('not an ISO 8601 date or date-time: NaN');
    expect(isDateValue(undefined)).toBe(false);
    expect(isDateValue('2024-02-29')).toBe(true);
  });
});

describe('calendarYear()', () => {
  it('puts the first hours of New Year in China in the new year', () => {
    expect(calendarYear('2024-12-31T15:59:59Z')).toBe('2024');
    expect(calendarYear('2024-12-31T16:00:00Z')).toBe('2025');
    expect(calendarYear('2024-12-31T17:30:00.000Z')).toBe('2025');
    expect(calendarYear('2024-12-31T23:59:59+08:00')).toBe('2024');
    expect(calendarYear('2024-12-31')).toBe('2024');
  });
});

describe('calendarMinute()', () => {
  it('writes the China-time day and minute, 24-hour', () => {
    expect(calendarMinute('2024-12-31T17:30:00.000Z')).toBe('2025-01-01 01:30');
    expect(calendarMinute('2024-03-15T09:05:59+08:00')).toBe('2024-03-15 09:05');
    expect(calendarMinute(Date.parse('2024-03-15T13:00:00Z'))).toBe('2024-03-15 21:00');
    expect(calendarMinute('2024-03-15')).toBe('2024-03-15 00:00');
  });

  it('agrees with the time zone database for the cluster zone', () => {
    for (
      let time = Date.parse('2023-12-31T12:00:00Z');
      time < Date.parse('2024-01-02T00:00:00Z');
      time += 47 * 60_000
    )
      expect(calendarMinute(time)).toBe(
        new Date(time).toLocaleString('sv-SE', { timeZone: clusterTimeZone, hour12: false }).slice(0, 16),
      );
  });
});

describe('formatDate()', () => {
  it('writes the China-time day the way each locale reads it', () => {
    expect(formatDate('zh-CN', '2024-03-15')).toBe('2024年3月15日');
    expect(formatDate('en', '2024-03-15')).toBe('15 March 2024');
    expect(formatDate('ru', '2024-03-15')).toBe('15 марта 2024 г.');
    expect(formatDate('en', '2024-12-31T23:30:00+08:00')).toBe('31 December 2024');
    expect(formatDate('zh-CN', '2024-12-31T17:30:00.000Z')).toBe('2025年1月1日');
  });
});

describe('rfc822DateTime()', () => {
  it('writes the China-time date-time with its offset, as RSS has it', () => {
    expect(rfc822DateTime('2024-12-31T17:30:00.000Z')).toBe('Wed, 01 Jan 2025 01:30:00 +0800');
    expect(rfc822DateTime('2024-03-15T09:05:07+08:00')).toBe('Fri, 15 Mar 2024 09:05:07 +0800');
    expect(rfc822DateTime('2024-03-15')).toBe('Fri, 15 Mar 2024 00:00:00 +0800');
    // The same instant as the UTC form, read back by Date.
    expect(Date.parse(rfc822DateTime('2024-12-31T17:30:00.000Z'))).toBe(Date.parse('2024-12-31T17:30:00Z'));
  });
});

describe('instant()', () => {
  it('orders times written with different offsets by when they happened, not by their text', () => {
    // 15:00 UTC is 23:00 in Beijing: later than 22:59 there, although its text sorts first.
    const utc = '2026-12-08T15:00:00.000Z';
    const beijing = '2026-12-08T22:59:00+08:00';
    expect(utc < beijing).toBe(true);
    expect(instant(utc)).toBeGreaterThan(instant(beijing));
    expect(instant(utc) - instant(beijing)).toBe(60_000);
    expect(instant('2024-03-16T01:30:00+08:00')).toBe(Date.parse('2024-03-15T17:30:00Z'));
    expect(instant('2024-03-15T12:30:00.250-05:00')).toBe(Date.parse('2024-03-15T17:30:00.250Z'));
  });

  it('reads a time without an offset and a bare date as China time', () => {
    expect(instant('2024-03-16T01:30:00')).toBe(Date.parse('2024-03-15T17:30:00Z'));
    expect(instant('2024-03-16')).toBe(Date.parse('2024-03-15T16:00:00Z'));
    expect(instant(new Date('2024-03-15T17:30:00Z'))).toBe(Date.parse('2024-03-15T17:30:00Z'));
  });
});
