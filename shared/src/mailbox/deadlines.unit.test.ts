import { describe, expect, it } from 'vitest';
import { letterDeadlines, overdue } from './deadlines.ts';

describe('letter deadlines', () => {
  it('counts working days after the China day the letter was written, skipping weekends', () => {
    // Friday 4 December 2026, 10:00 China time: Monday and Tuesday are the two working days.
    expect(letterDeadlines('2026-12-04T10:00:00+08:00', 2).promisedBy).toBe('2026-12-08');
    // 23:30 UTC on Friday is already Saturday in China: the count starts on Monday.
    expect(letterDeadlines('2026-12-04T23:30:00Z', 1).promisedBy).toBe('2026-12-07');
    expect(letterDeadlines('2026-12-04T23:30:00Z', 2).promisedBy).toBe('2026-12-08');
    expect(letterDeadlines('2026-12-07T09:00:00+08:00', 15).promisedBy).toBe('2026-12-28');
  });

  it('gives three months by the calendar, ending on the month’s last day when the day does not exist', () => {
    expect(letterDeadlines('2026-12-04T10:00:00+08:00').legalBy).toBe('2027-03-04');
    expect(letterDeadlines('2026-11-30T10:00:00+08:00').legalBy).toBe('2027-02-28');
    expect(letterDeadlines('2027-11-30T10:00:00+08:00').legalBy).toBe('2028-02-29');
  });

  it('says which deadline has passed', () => {
    const deadlines = letterDeadlines('2026-12-04T10:00:00+08:00', 2);
    expect(overdue(deadlines, '2026-12-08T23:00:00+08:00')).toBeNull();
    expect(overdue(deadlines, '2026-12-09T00:30:00+08:00')).toBe('promise');
    expect(overdue(deadlines, '2027-03-05T08:00:00+08:00')).toBe('legal');
  });
});
