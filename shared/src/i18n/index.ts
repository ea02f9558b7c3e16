/**
 * Public UI strings per locale: one key schema, the translations, and a typed `t()`.
 * @module
 */
import { z } from 'zod';
import en from '../../translations/en.json' with { type: 'json' };
import ru from '../../translations/ru.json' with { type: 'json' };
import zhCN from '../../translations/zh-CN.json' with { type: 'json' };
import type { Problem } from '../registry/problems.ts';
import { defaultLocale, type Locale } from '../schemas/locale.ts';
import { type UiKey, uiKeyParams, uiKeys } from './keys.ts';

export { type UiKey, uiKeyParams, uiKeys } from './keys.ts';

/**
 * The schema of a translations file: exactly the keys of `uiKeys`, each a non-empty string.
 * A missing key, an unknown key or an empty string is an error naming the key.
 */
export const UiStringsSchema = z.strictObject(
  Object.fromEntries(uiKeys.map((key) => [key, z.string().regex(/\S/, 'must not be empty')])) as Record<
    UiKey,
    z.ZodString
  >,
);

/** The UI strings of one locale. */
export type UiStrings = z.infer<typeof UiStringsSchema>;

/** The UI strings of every locale, as loaded from `translations/<locale>.json` (checked by the unit tests). */
export const uiStrings: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': zhCN,
  en,
  ru,
};

/** The locales that have UI strings; a site may only declare these (checked by `validateRegistry`). */
export const availableUiLocales: readonly Locale[] = Object.keys(uiStrings) as Locale[];

/** The keys that take parameters. */
type ParamKey = keyof typeof uiKeyParams;

/** The parameters a key takes: named values for its placeholders. */
export type UiParams<K extends UiKey> = K extends ParamKey
  ? Record<(typeof uiKeyParams)[K][number], string | number>
  : Record<string, never>;

/**
 * The UI string for a key in a locale, with `{name}` placeholders filled from `params`.
 * Falls back to zh-CN when the locale lacks the key (the tests make sure none does).
 * @example t('en', 'search.resultCount', { count: 12 }) // 'Results found: 12'
 */
export function t<K extends UiKey>(
  locale: Locale,
  key: K,
  ...params: K extends ParamKey ? [params: UiParams<K>] : [params?: UiParams<K>]
): string {
  const template = uiStrings[locale][key] ?? uiStrings[defaultLocale][key] ?? key;
  const values = (params[0] ?? {}) as Record<string, string | number>;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}

/** The placeholder names a UI string uses, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
}

/** A `t()` bound to one locale. */
export function translator(
  locale: Locale,
): <K extends UiKey>(
  key: K,
  ...params: K extends ParamKey ? [params: UiParams<K>] : [params?: UiParams<K>]
) => string {
  return (key, ...params) => t(locale, key, ...params);
}

/**
 * Checks a translations file against the key schema and the placeholders of `uiKeyParams`.
 * Rules: `ui-strings-object`, `ui-key-missing`, `ui-key-unknown`, `ui-string-empty`, `ui-placeholders`.
 * The entry of each problem is the key, e.g. `key "search.label"`.
 * @example validateUiStrings(JSON.parse(text), { file: 'translations/ru.json' })
 */
export function validateUiStrings(strings: unknown, options: { readonly file: string }): Problem[] {
  const { file } = options;
  if (strings === null || typeof strings !== 'object' || Array.isArray(strings)) {
    return [
      {
        file,
        entry: 'translations',
        rule: 'ui-strings-object',
        message: 'a translations file is one JSON object of strings',
      },
    ];
  }
  const problems: Problem[] = [];
  const result = UiStringsSchema.safeParse(strings);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({
            file,
            entry: `key "${key}"`,
            rule: 'ui-key-unknown',
            message: `"${key}" is not a UI key (see uiKeys)`,
          });
        }
        continue;
      }
      const key = String(issue.path[0]);
      const value = (strings as Record<string, unknown>)[key];
      problems.push(
        value === undefined
          ? {
              file,
              entry: `key "${key}"`,
              rule: 'ui-key-missing',
              message: `the string for "${key}" is missing`,
            }
          : {
              file,
              entry: `key "${key}"`,
              rule: 'ui-string-empty',
              message: `the string for "${key}" ${issue.message}`,
            },
      );
    }
  }
  for (const key of uiKeys) {
    const value = (strings as Record<string, unknown>)[key];
    if (typeof value !== 'string') continue;
    const expected = [...((uiKeyParams as Partial<Record<UiKey, readonly string[]>>)[key] ?? [])].sort();
    const actual = [...new Set(placeholdersOf(value))].sort();
    if (expected.join() !== actual.join()) {
      problems.push({
        file,
        entry: `key "${key}"`,
        rule: 'ui-placeholders',
        message: `uses placeholders {${actual.join('}, {')}} but must use {${expected.join('}, {')}}`.replace(
          '{}',
          '(none)',
        ),
      });
    }
  }
  return problems;
}
