import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../registry/problems.ts';
import { locales } from '../schemas/locale.ts';
import {
  availableUiLocales,
  placeholdersOf,
  t,
  translator,
  UiStringsSchema,
  uiKeyParams,
  uiKeys,
  uiStrings,
  validateUiStrings,
} from './index.ts';

/** A translations file as it is on disk. */
async function translationsFile(locale: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(`../../translations/${locale}.json`, import.meta.url), 'utf8'));
}

describe('translations files', () => {
  it.each(locales)(
    '%s.json holds exactly the UI keys, each non-empty with the right placeholders',
    async (locale) => {
      const strings = await translationsFile(locale);
      expect(UiStringsSchema.safeParse(strings).success).toBe(true);
      expect(validateUiStrings(strings, { file: `translations/${locale}.json` })).toEqual([]);
    },
  );

  it('cover the public pages with a manageable number of keys', () => {
    expect(uiKeys.length).toBeGreaterThanOrEqual(120);
    // 政务服务's 17 topics and the 互动交流 pages (ADR 28), 政府信息公开 (ADR 27) and the investor pages
    // (ADR 26) took it past 220.
    expect(uiKeys.length).toBeLessThanOrEqual(400);
    expect(new Set(uiKeys).size).toBe(uiKeys.length);
    for (const key of [
      'nav.home',
      'footer.siteCode',
      'search.label',
      'a11y.skipLink',
      'elder.toggle',
      'locale.missingNotice',
      'pagination.next',
      'policy.indexNumber',
      'serviceGuide.materials',
      'village.committee',
      'error.notFound',
    ]) {
      expect(uiKeys).toContain(key);
    }
  });

  it('say the national furniture in Chinese as the rules word it', () => {
    expect(t('zh-CN', 'footer.sponsor')).toBe('主办单位');
    expect(t('zh-CN', 'footer.organizer')).toBe('承办单位');
    expect(t('zh-CN', 'footer.siteCode')).toBe('网站标识码');
    expect(t('zh-CN', 'footer.icp')).toBe('ICP备案号');
    expect(t('zh-CN', 'footer.publicSecurity')).toBe('公安备案号');
    expect(t('zh-CN', 'footer.partyGovBadge')).toBe('党政机关标识');
    expect(t('zh-CN', 'footer.reportError')).toBe('我为政府网站找错');
    expect(t('zh-CN', 'elder.toggle')).toBe('适老化');
    expect(t('zh-CN', 'search.scopeSite')).toBe('本站');
    expect(t('zh-CN', 'search.scopeAll')).toBe('全站');
  });

  it('never show Chinese on an English or Russian page', () => {
    for (const key of uiKeys) {
      expect(uiStrings.en[key], `en ${key}`).not.toMatch(/\p{Script=Han}/u);
      expect(uiStrings.ru[key], `ru ${key}`).not.toMatch(/\p{Script=Han}/u);
      expect(uiStrings.ru[key], `ru ${key}`).toMatch(
        /\p{Script=Cyrillic}|^[^\p{L}]*$|RSS|JavaScript|ICP|WCAG/u,
      );
    }
  });
});

describe('validateUiStrings', () => {
  it('reports a locale file missing a key, naming the file, the key and the rule', async () => {
    const { 'search.label': _removed, ...strings } = (await translationsFile('ru')) as Record<string, string>;
    expect(validateUiStrings(strings, { file: 'translations/ru.json' }).map(formatProblem)).toEqual([
      'translations/ru.json: key "search.label": ui-key-missing: the string for "search.label" is missing',
    ]);
  });

  it('reports unknown keys, empty strings and wrong placeholders', async () => {
    const strings = {
      ...((await translationsFile('en')) as Record<string, string>),
      'search.lable': 'Search',
      'nav.home': ' ',
      'search.resultCount': '{total} results',
    };
    expect(validateUiStrings(strings, { file: 'translations/en.json' }).map(formatProblem)).toEqual([
      'translations/en.json: key "nav.home": ui-string-empty: the string for "nav.home" must not be empty',
      'translations/en.json: key "search.lable": ui-key-unknown: "search.lable" is not a UI key (see uiKeys)',
      'translations/en.json: key "search.resultCount": ui-placeholders: uses placeholders {total} but must use {count}',
    ]);
  });
});

describe('t()', () => {
  it('fills placeholders per locale', () => {
    expect(t('zh-CN', 'search.resultCount', { count: 12 })).toBe('共找到12条结果');
    expect(t('en', 'search.resultCount', { count: 12 })).toBe('Results found: 12');
    expect(t('ru', 'search.resultCount', { count: 12 })).toBe('Найдено результатов: 12');
    expect(t('en', 'pagination.pageOf', { page: 2, total: 9 })).toBe('Page 2 of 9');
    expect(translator('ru')('nav.home')).toBe('Главная');
  });

  it('is typed by key', () => {
    // @ts-expect-error: an unknown key does not compile
    t('en', 'nav.nowhere');
    // @ts-expect-error: a parameterized key needs its parameters
    t('en', 'search.resultCount');
    expect(
      Object.keys(uiKeyParams).every((key) => placeholdersOf(uiStrings['zh-CN'][key] ?? '').length > 0),
    ).toBe(true);
  });

  it('is available in every locale the cluster has', () => {
    expect(availableUiLocales).toEqual(['zh-CN', 'en', 'ru']);
  });
});
