/**
 * The 互动交流 content types beside the mailbox: 在线访谈 (`interview`) and 征集调查 (`consultation`).
 * Both sit in a site's columns of type `interaction`.
 * @module
 */
import { z } from 'zod';
import { calendarDay, type DateValue } from '../dates/index.ts';
import { CalendarDateSchema, DateTimeSchema, IdSchema, MarkdownSchema, NonBlankSchema } from './common.ts';
import { LocaleSchema } from './locale.ts';
import { AttachmentSchema, MediaRefSchema } from './media.ts';

/**
 * A guest of an interview (访谈嘉宾).
 * @example { name: '王建国', role: '临江市人力资源和社会保障局局长' }
 */
export const InterviewGuestSchema = z.object({
  /**
   * Name (姓名).
   * @example '王建国'
   */
  name: NonBlankSchema,
  /**
   * Position or role (职务).
   * @example '临江市人力资源和社会保障局局长'
   */
  role: NonBlankSchema,
});

/** A guest of an interview. */
export type InterviewGuest = z.infer<typeof InterviewGuestSchema>;

/**
 * An online interview (在线访谈): guests of a government body answer the public's questions at a
 * given time; the page shows the guests, the time, the photos and the transcript (文字实录).
 * Type key `interview`; one record per (id, locale).
 * @example { id: 'portal-interview-001', locale: 'zh-CN', site: 'portal', column: 'interviews', title: '稳就业惠民生：解读2026年就业创业政策', heldAt: '2026-03-12T09:30:00+08:00', guests: [{ name: '王建国', role: '市人力资源社会保障局局长' }], transcript: '**主持人：** 各位网友好……', photos: [], publishedAt: '2026-03-12T17:00:00+08:00', updatedAt: '2026-03-12T17:00:00+08:00' }
 */
export const InterviewSchema = z.object({
  /**
   * Stable id (访谈编号).
   * @example 'portal-interview-001'
   */
  id: IdSchema,
  /**
   * Locale of this record (语言).
   * @example 'zh-CN'
   */
  locale: LocaleSchema,
  /**
   * Id of the site (所属站点).
   * @example 'portal'
   */
  site: IdSchema,
  /**
   * Slug of the column (所属栏目), a column of type `interaction`.
   * @example 'interviews'
   */
  column: IdSchema,
  /**
   * Subject of the interview (访谈主题).
   * @example '稳就业惠民生：解读2026年就业创业政策'
   */
  title: NonBlankSchema,
  /**
   * When the interview took place (访谈时间).
   * @example '2026-03-12T09:30:00+08:00'
   */
  heldAt: DateTimeSchema,
  /**
   * Guests with their roles (访谈嘉宾), at least one.
   * @example [{ name: '王建国', role: '市人力资源社会保障局局长' }]
   */
  guests: z.array(InterviewGuestSchema).min(1, 'must name at least one guest'),
  /**
   * Short introduction (访谈简介).
   * @example '市人力资源社会保障局负责同志在线解答就业创业政策。'
   */
  summary: NonBlankSchema.optional(),
  /**
   * Transcript (文字实录), Markdown.
   * @example '**主持人：** 各位网友，大家好！\n\n**王建国：** 大家好……'
   */
  transcript: MarkdownSchema,
  /**
   * Photos of the interview (图片), references to media items.
   * @example [{ id: 'img-0007' }]
   */
  photos: z.array(MediaRefSchema),
  /**
   * Publication time (发布时间).
   * @example '2026-03-12T17:00:00+08:00'
   */
  publishedAt: DateTimeSchema,
  /**
   * Last update (更新时间).
   * @example '2026-03-12T17:00:00+08:00'
   */
  updatedAt: DateTimeSchema,
});

/** An online interview. */
export type Interview = z.infer<typeof InterviewSchema>;

/**
 * A public consultation (征集调查 / 意见征集): a draft put to the public for a period, and after it
 * closes the summary of the feedback (意见采纳情况). Type key `consultation`; one record per (id, locale).
 * @example { id: 'portal-consultation-001', locale: 'zh-CN', site: 'portal', column: 'consultations', title: '关于《临江市养犬管理规定（征求意见稿）》公开征求意见的公告', opensAt: '2026-03-01', closesAt: '2026-03-31', document: '第一条 为了规范养犬行为……', publishedAt: '2026-03-01T09:00:00+08:00', updatedAt: '2026-03-01T09:00:00+08:00' }
 */
export const ConsultationSchema = z
  .object({
    /**
     * Stable id (征集编号).
     * @example 'portal-consultation-001'
     */
    id: IdSchema,
    /**
     * Locale of this record (语言).
     * @example 'zh-CN'
     */
    locale: LocaleSchema,
    /**
     * Id of the site (所属站点).
     * @example 'portal'
     */
    site: IdSchema,
    /**
     * Slug of the column (所属栏目), a column of type `interaction`.
     * @example 'consultations'
     */
    column: IdSchema,
    /**
     * Title (标题).
     * @example '关于《临江市养犬管理规定（征求意见稿）》公开征求意见的公告'
     */
    title: NonBlankSchema,
    /**
     * What is asked and how to answer (征集说明).
     * @example '请于2026年3月31日前通过电子邮件或信函提出意见。'
     */
    summary: NonBlankSchema.optional(),
    /**
     * First day of the period (征集开始日期), China time, inclusive.
     * @example '2026-03-01'
     */
    opensAt: CalendarDateSchema,
    /**
     * Last day of the period (征集截止日期), China time, inclusive.
     * @example '2026-03-31'
     */
    closesAt: CalendarDateSchema,
    /**
     * The document under consultation (征求意见稿), Markdown.
     * @example '第一条 为了规范养犬行为，保障公民健康和人身安全……'
     */
    document: MarkdownSchema,
    /**
     * Attachments (附件): the draft as a file, explanations.
     * @example [{ name: '征求意见稿.pdf', file: 'media/doc-0001.pdf', size: 102400, mime: 'application/pdf' }]
     */
    attachments: z.array(AttachmentSchema).optional(),
    /**
     * Summary of the feedback and what was adopted (意见反馈), Markdown; shown only once the period
     * has closed.
     * @example '征集期间共收到意见42条，采纳11条……'
     */
    feedback: MarkdownSchema.optional(),
    /**
     * Publication time (发布时间).
     * @example '2026-03-01T09:00:00+08:00'
     */
    publishedAt: DateTimeSchema,
    /**
     * Last update (更新时间).
     * @example '2026-04-10T09:00:00+08:00'
     */
    updatedAt: DateTimeSchema,
  })
  .refine((value) => value.closesAt >= value.opensAt, {
    path: ['closesAt'],
    message: 'must not be before opensAt (征集截止日期早于开始日期)',
  });

/** A public consultation. */
export type Consultation = z.infer<typeof ConsultationSchema>;

/** Where a consultation stands on a day: `upcoming` 未开始, `open` 征集中, `closed` 已结束. */
export type ConsultationState = 'upcoming' | 'open' | 'closed';

/**
 * Where a consultation stands at a moment, by the China-time day (both period days included).
 * @example consultationState({ opensAt: '2026-03-01', closesAt: '2026-03-31' }, '2026-03-31T23:30:00+08:00') // 'open'
 */
export function consultationState(
  consultation: Pick<Consultation, 'opensAt' | 'closesAt'>,
  now: DateValue,
): ConsultationState {
  const today = calendarDay(now);
  if (today < consultation.opensAt) return 'upcoming';
  return today > consultation.closesAt ? 'closed' : 'open';
}
