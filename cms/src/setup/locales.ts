import { defaultLocale, type Locale, locales } from '@govcluster/shared/constants';
import type { Core } from '@strapi/strapi';

/** The names Strapi's i18n shows for the cluster's locales. */
const localeNames = {
  'zh-CN': 'Chinese (China) (zh-CN)',
  en: 'English (en)',
  ru: 'Russian (ru)',
} as const satisfies Record<Locale, string>;

/** The cluster's locales in Strapi's i18n: the shared list, zh-CN (the default) first. */
export const cmsLocales = locales.map((code) => ({ code, name: localeNames[code] }));

/** The default locale of the cluster: every site and entry has it, URLs without a locale prefix are in it. */
export const clusterDefaultLocale = defaultLocale;

/** Creates the missing locales and makes zh-CN the default. Other locales an admin added are left alone. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('i18n').service('locales');
  for (const locale of cmsLocales) {
    if (!(await service.findByCode(locale.code))) await service.create({ ...locale });
  }
  if ((await service.getDefaultLocale()) !== clusterDefaultLocale)
    await service.setDefaultLocale({ code: clusterDefaultLocale });
}
