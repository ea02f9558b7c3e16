/**
 * The one place where the review puts a version online or takes it offline, on the gate's trusted path.
 * Publishing checks, under a row lock where the database has them, that the draft is still exactly the
 * version that was approved: a change that slipped in after the last check fails the publish and rolls
 * the whole action back.
 */
import type { Core } from '@strapi/strapi';
import { conflict } from '../refusal';
import { runTrusted } from '../trust';
import type { VersionReader } from '../version';

/** The publisher of the review service. */
export function createPublisher(strapi: Core.Strapi, reader: VersionReader) {
  const localeParams = (uid: string, locale: string) => (reader.isLocalized(uid) ? { locale } : {});

  /** Locks the draft row until the surrounding transaction ends (PostgreSQL; SQLite writes one at a time). */
  async function lockDraft(uid: string, documentId: string, locale: string): Promise<void> {
    if (strapi.db.dialect.client !== 'postgres') return;
    const table = strapi.db.metadata.get(uid).tableName;
    await strapi.db.transaction(async ({ trx }) => {
      const query = trx(table).where({ document_id: documentId }).whereNull('published_at');
      if (reader.isLocalized(uid)) query.andWhere({ locale });
      await query.forUpdate().select('id');
    });
  }

  return {
    /**
     * Publishes a version that has passed the review (or an emergency publish), when its draft still has
     * `expectedHash`; throws `changed-since-submit` otherwise.
     */
    async publish(
      reason: string,
      uid: string,
      documentId: string,
      locale: string,
      expectedHash: string | null,
    ): Promise<void> {
      await lockDraft(uid, documentId, locale);
      const draft = await reader.read(uid, documentId, locale);
      if (!draft || draft.hash !== expectedHash) {
        throw conflict('changed-since-submit', {
          'zh-CN': '内容在审核通过前刚被修改，未发布；请刷新后重新提交审核',
          en: 'The entry changed just before it was published, so it was not; reload and submit it again',
        });
      }
      await runTrusted(reason, async () => {
        await strapi.documents(uid as never).publish({ documentId, ...localeParams(uid, locale) } as never);
      });
    },

    /** Takes a version offline (withdraw). */
    async unpublish(reason: string, uid: string, documentId: string, locale: string): Promise<void> {
      await runTrusted(reason, async () => {
        await strapi.documents(uid as never).unpublish({ documentId, ...localeParams(uid, locale) } as never);
      });
    },
  };
}

/** The publisher type. */
export type Publisher = ReturnType<typeof createPublisher>;
