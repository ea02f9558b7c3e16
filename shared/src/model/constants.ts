/**
 * The cluster's fixed lists, as plain constants with no dependency: the locales and the content type
 * keys. The zod schemas, the CMS, the build and the browser bundles (search page) all import them from
 * here, so each list is written once.
 * @module
 */

/**
 * Every locale the cluster can publish in, default first.
 * `zh-CN` is always present; `en` and `ru` serve foreign investors.
 */
export const locales = ['zh-CN', 'en', 'ru'] as const;

/** A locale of the cluster: `'zh-CN' | 'en' | 'ru'`. */
export type Locale = (typeof locales)[number];

/** The default locale (简体中文): every site and every content entry has it. */
export const defaultLocale = 'zh-CN' satisfies Locale;

/** Tells whether a string is one of the cluster's locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The content type keys (the `type` of a snapshot record), in the order the model lists them. */
export const contentTypeKeys = [
  'article',
  'policy',
  'interpretation',
  'serviceGuide',
  'leader',
  'village',
  'investmentProject',
  'letter',
  'interview',
  'consultation',
] as const;

/** A content type key. */
export type ContentTypeKey = (typeof contentTypeKeys)[number];

/** Whether a string is a content type key. */
export function isContentTypeKey(value: unknown): value is ContentTypeKey {
  return typeof value === 'string' && (contentTypeKeys as readonly string[]).includes(value);
}
