/**
 * The admin's Chinese strings against Strapi's own English tables: every key still exists (an upgrade
 * that renames one would silently bring the English back), every string is Chinese and none says Strapi.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhHans } from './zh-hans';

const require = createRequire(path.resolve(import.meta.dirname, '../../../package.json'));

/** Strapi's English table of one admin package, keys prefixed the way the admin merges them. */
function englishTable(pkg: string, dir: string, prefix: string): Record<string, string> {
  const pkgDir = path.dirname(realpathSync(require.resolve(`${pkg}/package.json`)));
  const module = { exports: {} as { default?: Record<string, string> } };
  new Function('module', 'exports', readFileSync(path.join(pkgDir, dir, 'en.json.js'), 'utf8'))(
    module,
    module.exports,
  );
  const table = module.exports.default ?? (module.exports as Record<string, string>);
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [`${prefix}${key}`, value]));
}

const english = {
  ...englishTable('@strapi/admin', 'dist/admin/admin/src/translations', ''),
  ...englishTable('@strapi/content-manager', 'dist/admin/translations', 'content-manager.'),
  ...englishTable('@strapi/upload', 'dist/admin/translations', 'upload.'),
  ...englishTable('@strapi/i18n', 'dist/admin/translations', 'i18n.'),
};

describe('the admin in Chinese', () => {
  it('translates only keys that Strapi 5.54 has', () => {
    // Ids Strapi's code uses with only a default message, in no English table (the content manager's
    // menu search box, its name in the menu, the Markdown toolbar's list buttons).
    const defaultOnly = new Set([
      'search.placeholder',
      'content-manager.plugin.name',
      'components.Blocks.blocks.bulletList',
      'components.Blocks.blocks.numberList',
    ]);
    expect(Object.keys(zhHans).filter((key) => !(key in english) && !defaultOnly.has(key))).toEqual([]);
  });

  it('says everything in Chinese and never names Strapi', () => {
    // A string made only of placeholders and ICU syntax (`{lastname}{firstname}`) has nothing to translate.
    const withoutPlaceholders = (value: string): string => {
      let rest = value;
      for (let before = ''; before !== rest; ) {
        before = rest;
        rest = rest.replace(/\{[^{}]*\}/g, '');
      }
      return rest.replace(/[\s，。、：；（）·]/g, '');
    };
    const notChinese = Object.entries(zhHans).filter(([, value]) => {
      const words = withoutPlaceholders(value);
      return (words !== '' && !/\p{Script=Han}/u.test(words)) || /strapi/i.test(value);
    });
    expect(notChinese).toEqual([]);
  });
});
