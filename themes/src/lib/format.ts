/** Picks a localized registry text; `fallback` is true when zh-CN stood in for the locale. */
export function pickText(
  text: { 'zh-CN': string; en?: string; ru?: string },
  locale: string,
): { text: string; lang: string; fallback: boolean } {
  const value = (text as Record<string, string | undefined>)[locale];
  if (value !== undefined) return { text: value, lang: locale, fallback: false };
  return { text: text['zh-CN'], lang: 'zh-CN', fallback: locale !== 'zh-CN' };
}
