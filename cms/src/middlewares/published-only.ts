import type { Core } from '@strapi/strapi';

/**
 * Strapi 5 hands drafts to any caller with `find` who adds `?status=draft` (strapi/strapi#25326).
 * Readers of the content API (the public, the build's read-only token) get published content only:
 * a read under `/api/` asking for another status is refused with 403 and a reason.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  return async (ctx: any, next: () => Promise<void>) => {
    const isRead = ctx.method === 'GET' || ctx.method === 'HEAD';
    if (isRead && (ctx.path === prefix || ctx.path.startsWith(`${prefix}/`))) {
      const status = ctx.query?.status;
      if (status !== undefined && status !== 'published') {
        ctx.status = 403;
        ctx.body = {
          data: null,
          error: {
            status: 403,
            name: 'ForbiddenError',
            message: 'Drafts are not available through the content API; only published content can be read.',
            details: {},
          },
        };
        return;
      }
    }
    await next();
  };
};
