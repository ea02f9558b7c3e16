import type { Core } from '@strapi/strapi';
import { mailboxStatisticsOf } from '../../../mailbox/statistics';

/** The statistics of every site's mailbox today: `{ data: MailboxStatistics[] }`. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { body: unknown; set(name: string, value: string): void }) {
    ctx.set('cache-control', 'no-store');
    ctx.body = { data: await mailboxStatisticsOf(strapi) };
  },
});
