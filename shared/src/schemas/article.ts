import { z } from 'zod';
import { DateTimeSchema, IdSchema, MarkdownSchema, NonBlankSchema } from './common.ts';
import { LocaleSchema } from './locale.ts';
import { AttachmentSchema, MediaRefSchema } from './media.ts';

/**
 * An article (文章): news, notices and single pages. Type key `article`; one record per (id, locale).
 * @example { id: 'fgw-news-0001', locale: 'zh-CN', site: 'fgw', column: 'news', title: '市发展改革委召开2024年重点项目推进会', body: '3月15日……', images: [], attachments: [], source: '市发展和改革委员会', publishedAt: '2024-03-15T09:30:00+08:00', updatedAt: '2024-03-15T09:30:00+08:00' }
 */
export const ArticleSchema = z.object({
  /**
   * Stable id (文章编号), the same in every locale.
   * @example 'fgw-news-0001'
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
   * Slug of the column within the site (所属栏目).
   * @example 'news'
   */
  column: IdSchema,
  /**
   * Title (标题).
   * @example '市发展改革委召开2024年重点项目推进会'
   */
  title: NonBlankSchema,
  /**
   * Summary (摘要), shown in lists and search results.
   * @example '会议部署了全年重点项目建设任务。'
   */
  summary: NonBlankSchema.optional(),
  /**
   * Body in Markdown without raw HTML (正文).
   * @example '3月15日，市发展改革委召开……'
   */
  body: MarkdownSchema,
  /**
   * Images (图片).
   * @example [{ id: 'img-0001' }]
   */
  images: z.array(MediaRefSchema),
  /**
   * Attachments (附件).
   * @example [{ name: '项目清单.pdf', file: 'media/att-0001.pdf', mime: 'application/pdf', size: 182044 }]
   */
  attachments: z.array(AttachmentSchema),
  /**
   * Source (来源).
   * @example '市发展和改革委员会'
   */
  source: NonBlankSchema,
  /**
   * Author (作者).
   * @example '王明'
   */
  author: NonBlankSchema.optional(),
  /**
   * Publication time (发布时间).
   * @example '2024-03-15T09:30:00+08:00'
   */
  publishedAt: DateTimeSchema,
  /**
   * Last update (更新时间).
   * @example '2024-03-16T10:00:00+08:00'
   */
  updatedAt: DateTimeSchema,
});

/** An article. */
export type Article = z.infer<typeof ArticleSchema>;
