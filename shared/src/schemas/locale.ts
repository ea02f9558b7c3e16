import { z } from 'zod';
import { isLocale, type Locale, locales } from '../model/constants.ts';
import { NonBlankSchema } from './common.ts';

export { defaultLocale, isLocale, type Locale, locales } from '../model/constants.ts';

/**
 * A locale of the cluster (语言).
 * @example 'zh-CN'
 */
export const LocaleSchema = z.enum(locales);

/** Each locale's own name, as shown in the language switch (语言切换). */
export const localeNames: Readonly<Record<Locale, string>> = {
  'zh-CN': '简体中文',
  en: 'English',
  ru: 'Русский',
};

/**
 * A text in several locales (多语言文本); `zh-CN` is required, the others optional.
 * Used only in the registry (site names, column names, footer facts) and media alt texts:
 * content entries are separate records per locale instead.
 * @example { 'zh-CN': '临江市人民政府', en: 'Linjiang Municipal People\'s Government', ru: 'Народное правительство города Линьцзян' }
 */
export const LocalizedTextSchema = z.object({
  /**
   * 简体中文 (required).
   * @example '临江市人民政府'
   */
  'zh-CN': NonBlankSchema,
  /**
   * English.
   * @example 'Linjiang Municipal People\'s Government'
   */
  en: NonBlankSchema.optional(),
  /**
   * Русский (Russian).
   * @example 'Народное правительство города Линьцзян'
   */
  ru: NonBlankSchema.optional(),
});

/** A text in several locales; `zh-CN` required. */
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * Picks the text for a locale, falling back to zh-CN when that locale has none.
 * `fallback` tells the caller whether the fallback happened (so the page can say so).
 */
export function localize(text: LocalizedText, locale: Locale): { text: string; fallback: boolean } {
  const value = text[locale];
  return value === undefined
    ? { text: text['zh-CN'], fallback: locale !== 'zh-CN' }
    : { text: value, fallback: false };
}
