import { z } from 'zod';
import { IdSchema, NonBlankSchema, RelativeFileSchema } from './common.ts';
import { LocalizedTextSchema } from './locale.ts';

/**
 * A reference to a media record (媒体引用) by id; the media record itself is not per locale.
 * @example { id: 'img-0001' }
 */
export const MediaRefSchema = z.object({
  /**
   * Id of the media record (媒体编号).
   * @example 'img-0001'
   */
  id: IdSchema,
});

/** A reference to a media record. */
export type MediaRef = z.infer<typeof MediaRefSchema>;

/**
 * An image (图片) shared by every locale; type key `media` in the snapshot.
 * @example { id: 'img-0001', file: 'media/img-0001.jpg', width: 1200, height: 800, mime: 'image/jpeg', alt: { 'zh-CN': '临江市政务服务中心外景' } }
 */
export const MediaSchema = z.object({
  /**
   * Stable id (媒体编号).
   * @example 'img-0001'
   */
  id: IdSchema,
  /**
   * File path relative to the snapshot folder (文件).
   * @example 'media/img-0001.jpg'
   */
  file: RelativeFileSchema,
  /**
   * Width in pixels (宽度).
   * @example 1200
   */
  width: z.number().int().positive(),
  /**
   * Height in pixels (高度).
   * @example 800
   */
  height: z.number().int().positive(),
  /**
   * MIME type (文件类型).
   * @example 'image/jpeg'
   */
  mime: z.string().regex(/^image\/[a-z0-9.+-]+$/, 'must be an image MIME type such as image/jpeg'),
  /**
   * Alternative text per locale (替代文本), read by screen readers.
   * @example { 'zh-CN': '临江市政务服务中心外景', en: 'The Linjiang government service centre' }
   */
  alt: LocalizedTextSchema,
});

/** An image shared by every locale. */
export type Media = z.infer<typeof MediaSchema>;

/**
 * A downloadable attachment (附件) of an article or policy document.
 * @example { name: '临江市2024年重点项目清单.pdf', file: 'media/att-0001.pdf', mime: 'application/pdf', size: 182044 }
 */
export const AttachmentSchema = z.object({
  /**
   * File name as shown to readers (附件名称).
   * @example '临江市2024年重点项目清单.pdf'
   */
  name: NonBlankSchema,
  /**
   * File path relative to the snapshot folder (文件).
   * @example 'media/att-0001.pdf'
   */
  file: RelativeFileSchema,
  /**
   * MIME type (文件类型).
   * @example 'application/pdf'
   */
  mime: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'must be a MIME type such as application/pdf'),
  /**
   * Size in bytes (文件大小).
   * @example 182044
   */
  size: z.number().int().nonnegative(),
});

/** A downloadable attachment. */
export type Attachment = z.infer<typeof AttachmentSchema>;
