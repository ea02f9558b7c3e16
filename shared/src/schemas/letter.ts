import { z } from 'zod';
import { DateTimeSchema, EmailSchema, IdSchema, NonBlankSchema, PhoneSchema } from './common.ts';
import { LocaleSchema } from './locale.ts';

/** The handling states of a letter with their zh-CN labels. */
export const letterStatuses = {
  /** 已受理 */
  received: '已受理',
  /** 办理中 */
  processing: '办理中',
  /** 已答复 */
  replied: '已答复',
} as const;

/**
 * The handling state of a letter (办理状态).
 * @example 'replied'
 */
export const LetterStatusSchema = z.enum(['received', 'processing', 'replied']);

/** The handling state of a letter. */
export type LetterStatus = z.infer<typeof LetterStatusSchema>;

/**
 * The writer of a letter (来信人). PRIVATE: never in a public page, a snapshot for the build or a search index.
 * @example { name: '陈女士', phone: '13800138000', email: 'chen@example.com' }
 */
export const LetterWriterSchema = z.object({
  /**
   * Name (姓名).
   * @example '陈女士'
   */
  name: NonBlankSchema,
  /**
   * Telephone (联系电话).
   * @example '13800138000'
   */
  phone: PhoneSchema,
  /**
   * E-mail (电子邮箱).
   * @example 'chen@example.com'
   */
  email: EmailSchema.optional(),
  /**
   * Resident identity card number (身份证号码).
   * @example '11010519491231002X'
   */
  idNumber: z
    .string()
    .regex(/^\d{17}[\dX]$/, 'must be an 18-character resident ID number')
    .optional(),
});

/** The writer of a letter (private). */
export type LetterWriter = z.infer<typeof LetterWriterSchema>;

/** The public fields of a letter, shared by `LetterSchema` and `PublicLetterSchema`. */
const publicLetterShape = {
  /**
   * Stable id (信件编号).
   * @example 'letter-000123'
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
   * @example 'letters'
   */
  column: IdSchema,
  /**
   * Subject (信件标题).
   * @example '关于桥头村道路维修的建议'
   */
  title: NonBlankSchema,
  /**
   * The question as published (来信内容).
   * @example '桥头村至镇区道路破损严重，建议尽快维修。'
   */
  question: NonBlankSchema,
  /**
   * Category (信件类别).
   * @example '城乡建设'
   */
  category: NonBlankSchema,
  /**
   * When it was written (来信时间).
   * @example '2024-03-01T10:12:00+08:00'
   */
  submittedAt: DateTimeSchema,
  /**
   * Handling state (办理状态).
   * @example 'replied'
   */
  status: LetterStatusSchema,
  /**
   * The body that handles it (承办单位).
   * @example '临江市交通运输局'
   */
  handlingUnit: NonBlankSchema,
  /**
   * Id of the site whose office handles it (承办单位的站点), when the web office assigned it to an office
   * of the cluster; absent means the office of `site` (docs/adr/0023-mailbox.md).
   * @example 'jtj'
   */
  office: IdSchema.optional(),
  /**
   * The reply (答复内容); required once replied.
   * @example '经现场核查，该路段已列入2024年维修计划……'
   */
  reply: NonBlankSchema.optional(),
  /**
   * When it was replied (答复时间); required once replied.
   * @example '2024-03-08T16:00:00+08:00'
   */
  repliedAt: DateTimeSchema.optional(),
  /**
   * Publication time (发布时间).
   * @example '2024-03-09T09:00:00+08:00'
   */
  publishedAt: DateTimeSchema,
  /**
   * Last update (更新时间).
   * @example '2024-03-09T09:00:00+08:00'
   */
  updatedAt: DateTimeSchema,
};

/** A replied letter must carry its reply and the time of the reply. */
function checkReply(
  letter: { status: LetterStatus; reply?: string; repliedAt?: string },
  ctx: z.RefinementCtx,
): void {
  if (letter.status !== 'replied') return;
  if (letter.reply === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['reply'],
      message: 'a replied letter must carry its reply (答复内容)',
    });
  }
  if (letter.repliedAt === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['repliedAt'],
      message: 'a replied letter must carry repliedAt (答复时间)',
    });
  }
}

/**
 * A letter to a mailbox (领导信箱 / 市民心声), with the writer's private data. Type key `letter`.
 * Only the CMS holds this; the build uses `PublicLetterSchema`.
 * @example { id: 'letter-000123', locale: 'zh-CN', site: 'portal', column: 'letters', title: '关于桥头村道路维修的建议', question: '……', category: '城乡建设', submittedAt: '2024-03-01T10:12:00+08:00', status: 'replied', handlingUnit: '临江市交通运输局', reply: '……', repliedAt: '2024-03-08T16:00:00+08:00', writer: { name: '陈女士', phone: '13800138000' }, publishedAt: '2024-03-09T09:00:00+08:00', updatedAt: '2024-03-09T09:00:00+08:00' }
 */
export const LetterSchema = z
  .object({
    ...publicLetterShape,
    /**
     * The writer (来信人). PRIVATE. Absent on letters written through the mailbox: their contact data is
     * sealed in the CMS's letter intake (docs/adr/0023-mailbox.md).
     * @example { name: '陈女士', phone: '13800138000' }
     */
    writer: LetterWriterSchema.optional(),
  })
  .superRefine(checkReply);

/** A letter with the writer's private data. */
export type Letter = z.infer<typeof LetterSchema>;

/**
 * A letter as the public may see it: every field but `writer` (parsing strips it).
 * The build only ever uses this schema, and only replied letters (`isPublicLetter`) are public.
 * @example { id: 'letter-000123', locale: 'zh-CN', site: 'portal', column: 'letters', title: '关于桥头村道路维修的建议', question: '……', category: '城乡建设', submittedAt: '2024-03-01T10:12:00+08:00', status: 'replied', handlingUnit: '临江市交通运输局', reply: '……', repliedAt: '2024-03-08T16:00:00+08:00', publishedAt: '2024-03-09T09:00:00+08:00', updatedAt: '2024-03-09T09:00:00+08:00' }
 */
export const PublicLetterSchema = z.object(publicLetterShape).superRefine(checkReply);

/** A letter without the writer's data. */
export type PublicLetter = z.infer<typeof PublicLetterSchema>;

/** Tells whether a letter may be shown to the public: only replied letters are. */
export function isPublicLetter(letter: Pick<PublicLetter, 'status'>): boolean {
  return letter.status === 'replied';
}
