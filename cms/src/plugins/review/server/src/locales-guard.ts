/**
 * The locales of the cluster are configuration of the project (zh-CN, en, ru; ADR 3), created at boot.
 * Through the i18n plugin's service (whatever calls it: the admin's settings page, its API, code):
 * deleting a locale that content exists in is refused, since it would take every entry in that locale
 * offline at once with no withdrawal, reason or log; changing the default locale is refused, since URLs
 * and the public API depend on it; every other change of the locale list is recorded in the audit log.
 */
import type { Core } from '@strapi/strapi';
import { clusterDefaultLocale } from '../../../../setup/locales';
import { changedBy, requestUserId, resolveActor } from './actors';
import { forbidden } from './refusal';
import type { ReviewService } from './services/review';

/** The i18n plugin's `locales` service, as far as it is guarded (Strapi 5.54). */
interface LocalesService {
  findById(id: unknown): Promise<{ id: number; code: string; name?: string } | null>;
  getDefaultLocale(): Promise<unknown>;
  create(locale: Record<string, unknown>, options?: { isDefault?: boolean }): Promise<unknown>;
  update(params: Record<string, unknown>, updates: Record<string, unknown>): Promise<unknown>;
  delete(params: { id: unknown }): Promise<unknown>;
  setDefaultLocale(params: { code: string }): Promise<unknown>;
}

/** Wraps the i18n `locales` service; call from the plugin's register(). */
export function guardLocales(strapi: Core.Strapi, review: () => ReviewService): void {
  const services = strapi.get('services') as {
    extend(uid: string, extend: (service: LocalesService) => LocalesService): void;
  };
  const record = async (action: string, code: string, details: Record<string, unknown>) => {
    const userId = requestUserId(strapi);
    const actor = userId === null ? null : await resolveActor(strapi, { id: userId });
    await review().log({
      action: `locale-${action}`,
      fromStage: null,
      toStage: null,
      comment: null,
      ...changedBy(actor),
      targetUid: 'plugin::i18n.locale',
      targetDocumentId: code,
      targetLocale: code,
      site: null,
      title: code,
      details,
    });
  };
  services.extend('plugin::i18n.locales', (locales) => ({
    ...locales,
    async create(locale, options) {
      const result = await locales.create(locale, options);
      await record('create', String(locale.code), { name: locale.name ?? null });
      return result;
    },
    async update(params, updates) {
      const result = await locales.update(params, updates);
      await record('update', String((result as { code?: string })?.code ?? '?'), { updates });
      return result;
    },
    async delete(params) {
      const locale = await locales.findById(params.id);
      if (locale) {
        const service = review();
        const counts = await Promise.all(
          [...service.governedTypes()]
            .filter((uid) => service.isLocalized(uid))
            .map((uid) => strapi.db.query(uid as never).count({ where: { locale: locale.code } })),
        );
        const entries = counts.reduce((sum, count) => sum + count, 0);
        if (entries > 0) {
          throw forbidden('locale-in-use', {
            'zh-CN': `语言“${locale.code}”下还有 ${entries} 条内容，不能删除；请先逐条撤稿并删除这些内容（撤稿须填写理由并记入审核日志）`,
            en: `Locale “${locale.code}” still has ${entries} entries and cannot be deleted; withdraw and delete them first (each withdrawal needs a logged reason)`,
          });
        }
        await record('delete', locale.code, { name: locale.name ?? null });
      }
      return locales.delete(params);
    },
    async setDefaultLocale(params) {
      if (params.code !== clusterDefaultLocale) {
        throw forbidden('default-locale-fixed', {
          'zh-CN': `默认语言是“${clusterDefaultLocale}”，由网站集群的配置决定，不能更改`,
          en: `The default locale is “${clusterDefaultLocale}”, fixed by the cluster's configuration`,
        });
      }
      if ((await locales.getDefaultLocale()) !== params.code) await record('default', params.code, {});
      return locales.setDefaultLocale(params);
    },
  }));
}
