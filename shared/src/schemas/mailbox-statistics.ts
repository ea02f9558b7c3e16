import { z } from 'zod';
import { CalendarDateSchema, IdSchema, NonBlankSchema } from './common.ts';

const count = z.number().int().nonnegative();

/**
 * The figures of a group of letters (one month and one office, or a sum of such groups). Counts only:
 * no letter, no writer, no text (docs/adr/0023-mailbox.md).
 * @example { received: 12, replied: 10, repliedInTime: 9, due: 11, beyondLegal: 0, unansweredBeyondLegal: 0, replyWorkingDays: 61, satisfied: 5, fair: 2, dissatisfied: 1 }
 */
export const MailboxFiguresSchema = z.object({
  /**
   * Letters received (收到来信).
   * @example 12
   */
  received: count,
  /**
   * Of those, letters replied (已答复): the reply passed the review.
   * @example 10
   */
  replied: count,
  /**
   * Of the replied ones, replied by the city's promise and within the legal limit (按期答复).
   * @example 9
   */
  repliedInTime: count,
  /**
   * Letters that had to be answered by the day of the figures: replied, or their promised day passed
   * (应答复); the base of the rate of replies in time.
   * @example 11
   */
  due: count,
  /**
   * Letters replied after the legal limit of three months, or still unanswered past it (超过法定期限).
   * @example 0
   */
  beyondLegal: count,
  /**
   * Of those, letters still unanswered past the legal limit on the day of the figures (超期未答复): a
   * single-veto item of the inspection, which the published letters cannot show.
   * @example 0
   */
  unansweredBeyondLegal: count,
  /**
   * Working days from receipt to reply, summed over the replied letters (the average is this over `replied`).
   * @example 61
   */
  replyWorkingDays: count,
  /**
   * Replies the writers rated 满意.
   * @example 5
   */
  satisfied: count,
  /**
   * Replies rated 基本满意.
   * @example 2
   */
  fair: count,
  /**
   * Replies rated 不满意.
   * @example 1
   */
  dissatisfied: count,
});

/** The figures of a group of letters. */
export type MailboxFigures = z.infer<typeof MailboxFiguresSchema>;

/**
 * A month of letters, `YYYY-MM` in China time.
 * @example '2026-11'
 */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/**
 * The figures of the letters one office (承办单位) handled of those received in one month.
 * @example { month: '2026-11', office: '临江市交通运输局', received: 3, replied: 3, repliedInTime: 3, due: 3, beyondLegal: 0, unansweredBeyondLegal: 0, replyWorkingDays: 14, satisfied: 1, fair: 0, dissatisfied: 0 }
 */
export const MailboxStatisticsRowSchema = MailboxFiguresSchema.extend({
  /**
   * The month the letters were received (来信月份).
   * @example '2026-11'
   */
  month: MonthSchema,
  /**
   * The office that handles them (承办单位), as the letters name it.
   * @example '临江市交通运输局'
   */
  office: NonBlankSchema,
});

/** The figures of one office in one month. */
export type MailboxStatisticsRow = z.infer<typeof MailboxStatisticsRowSchema>;

/**
 * The public statistics of one site's mailbox (信箱统计): per month of receipt and office, for the last
 * months up to a day. What the CMS answers the build at `GET /api/mailbox-statistics` and what a
 * snapshot carries as records of type `mailboxStatistics`; both are made by `mailboxStatistics()` of
 * `@govcluster/shared/mailbox` from letter records.
 * @example { site: 'portal', asOf: '2026-12-06', promiseWorkingDays: 15, months: ['2026-11', '2026-12'], rows: [] }
 */
export const MailboxStatisticsSchema = z
  .object({
    /**
     * The site whose mailbox received the letters (所属站点).
     * @example 'portal'
     */
    site: IdSchema,
    /**
     * The day the figures are for (统计截至), China time: deadlines are judged on it.
     * @example '2026-12-06'
     */
    asOf: CalendarDateSchema,
    /**
     * The city's promise in working days the figures were judged by (承诺答复时限).
     * @example 15
     */
    promiseWorkingDays: z.number().int().positive(),
    /**
     * The months covered, oldest first, the last one the month of `asOf`.
     * @example ['2026-11', '2026-12']
     */
    months: z.array(MonthSchema).min(1).max(36),
    /**
     * One row per month and office that received letters; months and offices without letters have none.
     * @example []
     */
    rows: z.array(MailboxStatisticsRowSchema),
  })
  .superRefine((statistics, ctx) => {
    const months = new Set(statistics.months);
    for (const [index, row] of statistics.rows.entries()) {
      const wrong = (message: string) => ctx.addIssue({ code: 'custom', path: ['rows', index], message });
      if (!months.has(row.month)) wrong(`month ${row.month} is not among the months covered`);
      if (row.replied > row.received) wrong('more letters replied than received');
      if (row.repliedInTime > row.replied) wrong('more letters replied in time than replied');
      if (row.due > row.received || row.due < row.replied)
        wrong('letters due must lie between replied and received');
      if (row.satisfied + row.fair + row.dissatisfied > row.replied) wrong('more ratings than replies');
      if (row.unansweredBeyondLegal > Math.min(row.beyondLegal, row.received - row.replied))
        wrong('more letters unanswered past the legal limit than beyond it, or than unanswered');
    }
  });

/** The public statistics of one site's mailbox. */
export type MailboxStatistics = z.infer<typeof MailboxStatisticsSchema>;
