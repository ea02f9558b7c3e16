import { describe, expect, it } from 'vitest';
import { MailboxStatisticsSchema } from '../schemas/mailbox-statistics.ts';
import { workingDaysBetween } from './deadlines.ts';
import {
  figureRates,
  figuresByMonth,
  figuresByOffice,
  type LetterFacts,
  mailboxStatistics,
  monthLabel,
  statisticsMonths,
  statisticsSentence,
  sumFigures,
} from './statistics.ts';

// Sunday 6 December 2026; the twelve months are 2026-01 … 2026-12.
const asOf = '2026-12-06T12:00:00+08:00';

const letters: LetterFacts[] = [
  // Monday to Friday: four working days, within the promise of 15.
  {
    site: 'portal',
    office: '市交通运输局',
    submittedAt: '2026-11-02T10:00:00+08:00',
    repliedAt: '2026-11-06T16:00:00+08:00',
    rating: 'satisfied',
  },
  // Promised by 22 October, replied on 30 November: late, but within three months.
  {
    site: 'portal',
    office: '市交通运输局',
    submittedAt: '2026-10-01T09:00:00+08:00',
    repliedAt: '2026-11-30T09:00:00+08:00',
    rating: 'dissatisfied',
  },
  // Never answered, written more than three months ago: due, and beyond the legal limit.
  { site: 'portal', office: '市住房和城乡建设局', submittedAt: '2026-08-20T09:00:00+08:00' },
  // Written this week: not due yet.
  { site: 'portal', office: '市住房和城乡建设局', submittedAt: '2026-12-01T09:00:00+08:00', repliedAt: null },
  // Replied after the legal limit (1 September).
  {
    site: 'portal',
    office: '市住房和城乡建设局',
    submittedAt: '2026-06-01T09:00:00+08:00',
    repliedAt: '2026-09-15T09:00:00+08:00',
  },
  // Older than the twelve months: left out.
  {
    site: 'portal',
    office: '市交通运输局',
    submittedAt: '2025-12-31T09:00:00+08:00',
    repliedAt: '2026-01-05T09:00:00+08:00',
  },
  // 17:00 UTC on 30 November is 1 December in China: a December letter.
  { site: 'fgw', office: '市发展和改革委员会', submittedAt: '2026-11-30T17:00:00Z' },
];

describe('mailbox statistics', () => {
  const all = mailboxStatistics(letters, { asOf, promiseWorkingDays: 15, sites: ['portal', 'fgw', 'jtj'] });
  const portal = all.find((statistics) => statistics.site === 'portal');
  if (!portal) throw new Error('no portal statistics');

  it('counts working days and months in China time', () => {
    expect(workingDaysBetween('2026-11-02T10:00:00+08:00', '2026-11-06T16:00:00+08:00')).toBe(4);
    // Friday to the Monday after: one working day; a reply on the day itself: none.
    expect(workingDaysBetween('2026-12-04T10:00:00+08:00', '2026-12-07T09:00:00+08:00')).toBe(1);
    expect(workingDaysBetween('2026-12-04T10:00:00+08:00', '2026-12-04T18:00:00+08:00')).toBe(0);
    expect(workingDaysBetween('2026-12-04T10:00:00+08:00', '2026-12-03T18:00:00+08:00')).toBe(0);
    // Three whole weeks and two days from a Monday.
    expect(workingDaysBetween('2026-11-02', '2026-11-25')).toBe(17);
    expect(monthLabel('2026-03')).toBe('2026年3月');
    expect(statisticsMonths('2026-02-10', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(portal.months).toEqual(statisticsMonths(asOf));
    expect(portal.months).toHaveLength(12);
  });

  it('gives every listed site figures, and schema-valid ones', () => {
    expect(all.map((statistics) => statistics.site)).toEqual(['fgw', 'jtj', 'portal']);
    for (const statistics of all) expect(MailboxStatisticsSchema.safeParse(statistics).success).toBe(true);
    expect(portal.asOf).toBe('2026-12-06');
  });

  it('counts received, replied, in time, due, beyond the legal limit and ratings', () => {
    const total = sumFigures(portal.rows);
    expect(total).toEqual({
      received: 5,
      replied: 3,
      repliedInTime: 1,
      // Three replied, and the August letter past its promise; the letter of this week is not due.
      due: 4,
      beyondLegal: 2,
      // The August letter, still unanswered; the June one was answered late.
      unansweredBeyondLegal: 1,
      // 4 + 42 (1 Oct to 30 Nov) + 76 (1 Jun to 15 Sep)
      replyWorkingDays: 4 + 42 + 76,
      satisfied: 1,
      fair: 0,
      dissatisfied: 1,
    });
    const rates = figureRates(total);
    expect(rates.inTime).toBe(1 / 4);
    expect(rates.averageWorkingDays).toBeCloseTo(122 / 3);
    expect(rates.satisfaction).toBe(1 / 2);
    expect(statisticsSentence(portal)).toBe(
      '近12个月共收到来信5件，已答复3件，按期答复率25%，平均40.7个工作日答复，满意率50%；其中2件超过三个月法定期限。',
    );
  });

  it('groups by month of receipt and by office', () => {
    const months = figuresByMonth(portal);
    expect(months).toHaveLength(12);
    expect(months.find((line) => line.label === '2026-11')?.figures.received).toBe(1);
    expect(months.find((line) => line.label === '2026-10')?.figures.repliedInTime).toBe(0);
    expect(months.find((line) => line.label === '2026-01')?.figures.received).toBe(0);
    expect(figuresByOffice(portal).map((line) => [line.label, line.figures.received])).toEqual([
      ['市住房和城乡建设局', 3],
      ['市交通运输局', 2],
    ]);
    const fgw = all.find((statistics) => statistics.site === 'fgw');
    expect(fgw?.rows.map((row) => row.month)).toEqual(['2026-12']);
  });

  it('says plainly when nothing was replied, nothing is due or nothing was rated', () => {
    const fgw = all.find((statistics) => statistics.site === 'fgw');
    const jtj = all.find((statistics) => statistics.site === 'jtj');
    if (!fgw || !jtj) throw new Error('missing statistics');
    expect(figureRates(sumFigures(fgw.rows))).toEqual({
      inTime: null,
      averageWorkingDays: null,
      satisfaction: null,
      rated: 0,
    });
    expect(statisticsSentence(fgw)).toBe(
      '近12个月共收到来信1件，已答复0件，尚无到答复期限的来信，尚无满意度评价。',
    );
    expect(statisticsSentence(jtj)).toBe('近12个月共收到来信0件，已答复0件。');
    // Replied in time but unrated: a rate in time, an average, no satisfaction.
    const [unrated] = mailboxStatistics(
      [
        {
          site: 'a',
          office: 'x',
          submittedAt: '2026-12-01T09:00:00+08:00',
          repliedAt: '2026-12-01T10:00:00+08:00',
        },
      ],
      { asOf },
    );
    expect(unrated && statisticsSentence(unrated)).toBe(
      '近12个月共收到来信1件，已答复1件，按期答复率100%，平均0个工作日答复，尚无满意度评价。',
    );
  });

  it('refuses figures that cannot be true', () => {
    const bad = {
      ...portal,
      rows: [{ ...portal.rows[0], replied: 9, received: 1 }],
    };
    expect(MailboxStatisticsSchema.safeParse(bad).success).toBe(false);
    expect(
      MailboxStatisticsSchema.safeParse({ ...portal, rows: [{ ...portal.rows[0], month: '2020-01' }] })
        .success,
    ).toBe(false);
  });
});
