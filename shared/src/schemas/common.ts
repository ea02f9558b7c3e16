import { z } from 'zod';

/**
 * A non-blank text: at least one character that is not white space.
 * @example '临江市发展和改革委员会'
 */
export const NonBlankSchema = z.string().regex(/\S/, 'must not be empty or blank');

/**
 * A stable identifier (标识): lower-case letters, digits and hyphens, starting with a letter or digit.
 * Unique per entity type; the same in the CMS, the snapshot, URLs and tests.
 * @example 'jiangning-town'
 */
export const IdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    'must be lower-case letters, digits and hyphens (pattern ^[a-z0-9][a-z0-9-]*$)',
  );

/** A stable identifier, pattern `^[a-z0-9][a-z0-9-]*$`. */
export type Id = z.infer<typeof IdSchema>;

/**
 * A calendar date (日期), ISO 8601 `YYYY-MM-DD`, e.g. 成文日期.
 * @example '2024-03-15'
 */
export const CalendarDateSchema = z.iso.date({ error: 'must be a calendar date YYYY-MM-DD' });

/**
 * A point in time (时间), ISO 8601 date-time with an offset, e.g. `publishedAt`/`updatedAt`.
 * The cluster writes `+08:00` (China Standard Time).
 * @example '2024-03-15T09:30:00+08:00'
 */
export const DateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with offset, e.g. 2024-03-15T09:30:00+08:00',
});

/** Finds raw HTML tags or comments in Markdown; autolinks such as `<https://…>` are not tags. */
const rawHtmlPattern = /<!--|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/;

/**
 * A Markdown body (正文). Raw HTML is not allowed: the build renders Markdown only,
 * so nothing an editor pastes can inject markup or scripts into a public page.
 * @example '## 一、总体要求\n\n坚持以人民为中心……'
 */
export const MarkdownSchema = z
  .string()
  .regex(/\S/, 'must not be empty or blank')
  .refine((value) => !rawHtmlPattern.test(value), 'must be Markdown without raw HTML tags');

/**
 * A path of a file relative to the snapshot folder: forward slashes, no leading slash, no `..`.
 * @example 'media/img-0001.jpg'
 */
export const RelativeFileSchema = z
  .string()
  .regex(
    /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[^\\\0]+$/,
    'must be a path relative to the snapshot folder (no leading slash, no "..")',
  );

/** The pattern of a telephone number as printed: digits with optional `+`, hyphens, spaces and parentheses. */
export const phonePattern = /^\+?[0-9(][0-9 ()-]{2,}[0-9]$/;

/** The message for a malformed telephone number. */
export const phoneMessage = 'must be a telephone number such as 0871-63123456 or 12345';

/**
 * A telephone number as printed (电话).
 * @example '0871-63123456'
 */
export const PhoneSchema = z.string().regex(phonePattern, phoneMessage);

/**
 * An e-mail address (电子邮箱).
 * @example 'fgw@linjiang.gov.cn'
 */
export const EmailSchema = z.email({ error: 'must be an e-mail address' });

/**
 * An https address (网址): where a service is done online, a certificate, an account page.
 * @example 'https://zwfw.linjiang.gov.cn/item/rsj-0001'
 */
export const HttpsUrlSchema = z.url({ protocol: /^https$/, error: 'must be an https:// address' });
