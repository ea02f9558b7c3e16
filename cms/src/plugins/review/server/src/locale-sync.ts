/**
 * Fields shared by every locale version of a document (attributes with `i18n.localized: false`: key,
 * dates, media…). After a create, update, discard or publish, Strapi's i18n plugin copies them from the
 * locale version just written onto the document's other locale versions in the same status, straight
 * through the query engine (`syncNonLocalizedAttributes` of its `localizations` service), where the
 * publish gate does not see it. For content under review the plugin wraps that service:
 * - a copy onto the other versions' drafts changes those drafts: every version whose draft it changed
 *   goes back to draft, logged like any other edit;
 * - nothing is copied onto published rows. Strapi does so after a publish when the new version's shared
 *   values differ from the first row of the document it reads (on PostgreSQL usually another locale's
 *   published row, so the final approval of zh-CN would rewrite the online en version). A locale's online
 *   version changes only through its own publish: its draft already holds the new shared values (copied
 *   when they were edited) and takes them online once it has passed its own three levels.
 */
import type { Core } from '@strapi/strapi';
import { requestUserId } from './actors';
import type { ReviewService } from './services/review';

/** The entry the i18n plugin copies from (populated with the shared attributes). */
interface SyncSource {
  documentId: string;
  locale: string;
  publishedAt?: unknown;
}

/** The model the i18n plugin passes along. */
interface SyncModel {
  uid: string;
}

/** The i18n plugin's `localizations` service (Strapi 5.54). */
interface Localizations {
  syncNonLocalizedAttributes(source: SyncSource, model: SyncModel): Promise<void>;
}

/** The parts of the i18n plugin's `content-types` service used here. */
interface I18nContentTypes {
  copyNonLocalizedAttributes(model: SyncModel, entry: unknown): Record<string, unknown>;
  getNestedPopulateOfNonLocalizedAttributes(uid: string): string[];
}

/** The shared values of every other locale version's draft, by locale. */
async function sharedValuesOfOtherDrafts(
  strapi: Core.Strapi,
  model: SyncModel,
  source: SyncSource,
): Promise<Map<string, Record<string, unknown>>> {
  const i18n = strapi.plugin('i18n').service('content-types') as I18nContentTypes;
  const rows = (await strapi.db.query(model.uid as never).findMany({
    where: { documentId: source.documentId, publishedAt: null, locale: { $ne: source.locale } },
    populate: i18n.getNestedPopulateOfNonLocalizedAttributes(model.uid),
  })) as { locale: string }[];
  return new Map(rows.map((row) => [row.locale, i18n.copyNonLocalizedAttributes(model, row)]));
}

/** Wraps the i18n plugin's copy of shared fields; call from the plugin's register(). */
export function guardLocaleSync(strapi: Core.Strapi, review: () => ReviewService): void {
  const services = strapi.get('services') as {
    extend(uid: string, extend: (service: Localizations) => Localizations): void;
  };
  services.extend('plugin::i18n.localizations', (localizations) => ({
    ...localizations,
    async syncNonLocalizedAttributes(source, model) {
      if (!review().isGoverned(model.uid)) return localizations.syncNonLocalizedAttributes(source, model);
      if (source.publishedAt) return;
      const before = await sharedValuesOfOtherDrafts(strapi, model, source);
      // No other locale has a draft (a new document, a document in one language): nothing to copy onto.
      if (before.size === 0) return;
      await localizations.syncNonLocalizedAttributes(source, model);
      const after = await sharedValuesOfOtherDrafts(strapi, model, source);
      const actorId = requestUserId(strapi);
      for (const [locale, values] of after) {
        const old = before.get(locale) ?? {};
        const fields = Object.keys(values).filter(
          (field) => JSON.stringify(values[field]) !== JSON.stringify(old[field]),
        );
        if (fields.length === 0) continue;
        await review().touched(model.uid, source.documentId, [locale], actorId, {
          reason: `fields shared by every language were changed through the ${source.locale} version; the published version, if any, stays online`,
          via: source.locale,
          fields,
        });
      }
    },
  }));
}
