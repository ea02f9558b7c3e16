/**
 * The panel's strings in the admin's language (Chinese or English). The admin keeps its language in
 * localStorage; react-intl is not reachable from a local plugin under pnpm, so the plugin reads the
 * same JSON files it registers with the admin and formats `{name}` parameters itself.
 */
import en from './translations/en.json';
import zh from './translations/zh-Hans.json';

/** A key of the plugin's translations. */
export type MessageKey = keyof typeof en;

/** The plugin id, prefix of every key registered with the admin. */
export const pluginId = 'review';

/** Whether the admin runs in Chinese. */
export function isChinese(): boolean {
  const chosen = typeof localStorage === 'undefined' ? null : localStorage.getItem('strapi-admin-language');
  const language = chosen ?? (typeof navigator === 'undefined' ? 'zh' : navigator.language);
  return language.toLowerCase().startsWith('zh');
}

/** The string for a key, with `{name}` parameters filled in. */
export function t(key: MessageKey | string, params: Record<string, string | number> = {}): string {
  const table = (isChinese() ? zh : en) as Record<string, string>;
  const template = table[key] ?? (en as Record<string, string>)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks the Chinese or English side of a bilingual text. */
export function pick(text: { 'zh-CN': string; en: string } | undefined): string {
  if (!text) return '';
  return isChinese() ? text['zh-CN'] : text.en;
}

/** The translations for the admin's registerTrads, keys prefixed with the plugin id. */
export function adminTranslations(locale: string): Record<string, string> {
  const table = (locale.startsWith('zh') ? zh : locale === 'en' ? en : {}) as Record<string, string>;
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [`${pluginId}.${key}`, value]));
}
