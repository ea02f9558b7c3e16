/**
 * A letter whose reply is written is answered (docs/adr/0023-mailbox.md): when a create or update of a
 * letter carries a reply, its handling status becomes `replied` and, unless given, its reply time is
 * now. The office writes the reply only; the public list (replied letters only), the statistics and the
 * writer's status page then agree without anyone having to set two more fields by hand.
 */
import type { Core } from '@strapi/strapi';

const letterUid = 'api::letter.letter';

/** Registers the rule on the document service; call from the app's register(). */
export function markReplies(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== letterUid || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const data = (ctx.params as { data?: Record<string, unknown> }).data;
    if (!data || typeof data.reply !== 'string' || data.reply.trim() === '') return next();
    data.handlingStatus = 'replied';
    if (typeof data.repliedAt !== 'string' || Number.isNaN(Date.parse(data.repliedAt))) {
      const documentId = (ctx.params as { documentId?: string }).documentId;
      const current = documentId
        ? ((await strapi.db.query(letterUid).findOne({
            where: { documentId, publishedAt: null },
            select: ['repliedAt'],
          })) as { repliedAt?: string | null } | null)
        : null;
      data.repliedAt = current?.repliedAt ?? new Date().toISOString();
    }
    return next();
  });
}
