import { factories } from '@strapi/strapi';

/** The intake of letters written through the mailbox (docs/adr/0023-mailbox.md). */
const intakeUid = 'api::letter-intake.letter-intake';

/**
 * The REST controller of `api::letter.letter`: the core one, except that a letter whose writer did not
 * agree to publication is never read through the content API (so neither the public nor the build sees
 * it), even once its reply has passed the review and is online for the writer's tracking page.
 */
export default factories.createCoreController('api::letter.letter', ({ strapi }) => {
  /** Document ids of letters whose writers said no to publication. */
  const private_ = async (): Promise<string[]> =>
    (
      (await strapi.db.query(intakeUid as never).findMany({
        where: { mayPublish: false, letter: { $notNull: true } },
        select: ['letter'],
      })) as { letter: string }[]
    ).map((row) => row.letter);

  return {
    async find(ctx) {
      const hidden = await private_();
      if (hidden.length > 0) {
        const filters = ctx.query.filters;
        const withheld = { documentId: { $notIn: hidden } };
        ctx.query = { ...ctx.query, filters: filters ? { $and: [filters, withheld] } : withheld };
      }
      return super.find(ctx);
    },
    async findOne(ctx) {
      if ((await private_()).includes(String(ctx.params.id))) return ctx.notFound();
      return super.findOne(ctx);
    },
  };
});
