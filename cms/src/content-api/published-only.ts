/**
 * The content API serves published content only, decided by the route and not by how its path is
 * spelled: the guard sits on Strapi's content-API router, so it runs for every route registered as
 * `content-api` — the app's own APIs and the plugins' (upload, i18n, users-permissions) — whichever
 * spelling of the path (`/API/…`, `/api/articles/`, `/api//articles`) the router matched.
 *
 * Strapi 5 hands a draft to anyone allowed to read who asks for one (strapi/strapi#25326): any
 * `status` other than the exact string `published` selects drafts, and `publicationFilter` and
 * `hasPublishedVersion` select published entries by their unpublished versions. A read asking for
 * either is refused with 403 and the reason, before authentication, for every caller.
 * @module
 */
import type { Core } from '@strapi/strapi';

/** Query parameters that select entries by their unpublished versions. */
const unpublishedSelectors = ['publicationFilter', 'hasPublishedVersion'] as const;

/** A refusal: the parameter at fault and the message the caller reads. */
export interface Refusal {
  param: string;
  message: string;
}

/**
 * Why a content-API read with this (parsed) query must not be answered, or `null` when it may be.
 * Only `status` absent or exactly `published` passes: Strapi reads every other value, `PUBLISHED`,
 * `status[]=published` and an empty string included, as drafts.
 */
export function refuseUnpublished(query: Record<string, unknown>): Refusal | null {
  if (Object.hasOwn(query, 'status') && query.status !== 'published') {
    return {
      param: 'status',
      message:
        'Drafts are not available through the content API; only published content can be read (status=published or no status).',
    };
  }
  for (const param of unpublishedSelectors) {
    if (Object.hasOwn(query, param)) {
      return {
        param,
        message: `The content API serves published content only: "${param}" selects entries by their unpublished versions and is not accepted.`,
      };
    }
  }
  return null;
}

/** What the guard reads and writes of Koa's context. */
interface ReadContext {
  method: string;
  query?: Record<string, unknown>;
  status: number;
  body: unknown;
}

/** Methods that read: the guard applies to them (writes are the review gate's). */
const readMethods = new Set(['GET', 'HEAD']);

/**
 * Puts the guard on the content-API router. Call in `register()`: a middleware added there comes
 * before every route that Strapi adds to that router at bootstrap.
 */
export function guardContentApiReads(strapi: Core.Strapi): void {
  strapi.server.api('content-api').use(async (ctx: ReadContext, next: () => Promise<void>) => {
    const refusal = readMethods.has(ctx.method) ? refuseUnpublished(ctx.query ?? {}) : null;
    if (!refusal) return next();
    ctx.status = 403;
    ctx.body = {
      data: null,
      error: {
        status: 403,
        name: 'ForbiddenError',
        message: refusal.message,
        details: { param: refusal.param },
      },
    };
  });
}
