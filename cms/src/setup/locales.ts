import type { Core } from '@strapi/strapi';

/** The cluster's locales in Strapi's i18n: zh-CN (the default), en, ru. Mirrors `locales` in shared. */
export const cmsLocales = [
  { code: 'zh-CN', name: 'Chinese (China) (zh-CN)' },
  { code: 'en', name: 'English (en)' },
  { code: 'ru', name: 'Russian (ru)' },
] as const;

/** The default locale of the cluster: every site and entry has it, URLs without a locale prefix are in it. */
export const clusterDefaultLocale = 'zh-CN';

/** Creates the missing locales and makes zh-CN the default. Other locales an admin added are left alone. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('i18n').service('locales');
  for (const locale of cmsLocales) {
    if (!(await service.findByCode(locale.code))) await service.create({ ...locale });
  }
  if ((await service.getDefaultLocale()) !== clusterDefaultLocale)
    await service.setDefaultLocale({ code: clusterDefaultLocale });
}
