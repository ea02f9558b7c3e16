import { z } from 'zod';
import { DateTimeSchema, IdSchema, MarkdownSchema, NonBlankSchema } from './common.ts';
import { LocaleSchema } from './locale.ts';
import { MediaRefSchema } from './media.ts';

/**
 * A leader of a site's body (领导信息). Type key `leader`; one record per (id, locale); not in a column.
 * @example { id: 'fgw-leader-01', locale: 'zh-CN', site: 'fgw', name: '李华', position: '党组书记、主任', bio: '李华，男，汉族，1972年出生……', responsibilities: '主持委全面工作。', order: 1, publishedAt: '2024-01-05T09:00:00+08:00', updatedAt: '2024-01-05T09:00:00+08:00' }
 */
export const LeaderSchema = z.object({
  /**
   * Stable id (领导编号).
   * @example 'fgw-leader-01'
   */
  id: IdSchema,
  /**
   * Locale of this record (语言).
   * @example 'zh-CN'
   */
  locale: LocaleSchema,
  /**
   * Id of the site (所属站点).
   * @example 'fgw'
   */
  site: IdSchema,
  /**
   * Name (姓名).
   * @example '李华'
   */
  name: NonBlankSchema,
  /**
   * Position (职务).
   * @example '党组书记、主任'
   */
  position: NonBlankSchema,
  /**
   * Portrait (照片).
   * @example { id: 'img-0101' }
   */
  portrait: MediaRefSchema.optional(),
  /**
   * Curriculum vitae in Markdown (简历).
   * @example '李华，男，汉族，1972年出生，研究生学历……'
   */
  bio: MarkdownSchema,
  /**
   * Responsibilities (工作分工).
   * @example '主持委全面工作。'
   */
  responsibilities: NonBlankSchema,
  /**
   * Position in the list, ascending (排序).
   * @example 1
   */
  order: z.number().int(),
  /**
   * Publication time (发布时间).
   * @example '2024-01-05T09:00:00+08:00'
   */
  publishedAt: DateTimeSchema,
  /**
   * Last update (更新时间).
   * @example '2024-01-05T09:00:00+08:00'
   */
  updatedAt: DateTimeSchema,
});

/** A leader of a site's body. */
export type Leader = z.infer<typeof LeaderSchema>;
