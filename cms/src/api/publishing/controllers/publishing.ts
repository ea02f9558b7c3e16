import type { Core } from '@strapi/strapi';
import { syncToken } from '../../../publishing/sync-token';

/** The sync token of what is published now. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { body: unknown; set(name: string, value: string): void }) {
    ctx.set('cache-control', 'no-store');
    ctx.body = { token: await syncToken(strapi), at: new Date().toISOString() };
  },
});
