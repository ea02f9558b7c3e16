import { defaultLocale, type Locale, locales } from '@govcluster/shared/constants';
import type { Core } from '@strapi/strapi';

/** The names Strapi's i18n shows for the cluster's locales, each in its own language. */
const localeNames = {
  'zh-CN': '中文（简体）',
  en: 'English',
  ru: 'Русский',
} as const satisfies Record<Locale, string>;

/** The cluster's locales in Strapi's i18n: the shared list, zh-CN (the default) first. */
export const cmsLocales = locales.map((code) => ({ code, name: localeNames[code] }));

/** The default locale of the cluster: every site and entry has it, URLs without a locale prefix are in it. */
export const clusterDefaultLocale = defaultLocale;

/**
 * Creates the missing locales, names them, and makes zh-CN the default. Other locales an admin added are
 * left alone.
 */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('i18n').service('locales');
  for (const locale of cmsLocales) {
    const found = (await service.findByCode(locale.code)) as { name?: string } | null;
    if (!found) await service.create({ ...locale });
    else if (found.name !== locale.name) {
      await strapi.db
        .query('plugin::i18n.locale')
        .update({ where: { code: locale.code }, data: { name: locale.name } });
    }
  }
  if ((await service.getDefaultLocale()) !== clusterDefaultLocale)
    await service.setDefaultLocale({ code: clusterDefaultLocale });
}
