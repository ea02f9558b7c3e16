/** The admin controller of the review: validates input, calls the service, maps refusals to statuses. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { healthReport, healthReportPolicy } from '../../../../../publishing/health';
import {
  decoratePreview,
  previewAsset,
  previewPolicy,
  requestPreview,
} from '../../../../../publishing/preview';
import { entryPublication, publicOrigin, publisherStatus } from '../../../../../publishing/status';
import type { AdminUser } from '../actors';
import { entryDefaults } from '../entry-defaults';
import { assignLetter, officesFor } from '../letter-assign';
import { lettersFor, viewLetterContact } from '../letter-contact';
import { issuePreviewCookie, type PreviewContext, previewCookiePath, previewUser } from '../preview-access';
import type { ReviewService, UserAction } from '../services/review';
import { parseExportQuery, parseReviewRequest } from '../validation';

/** The Koa context as far as the controller needs it. */
interface Context {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user?: AdminUser };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

/** HTTP status of an error thrown by the service. */
function statusOf(error: unknown): number | undefined {
  if (error instanceof errors.ForbiddenError) return 403;
  if (error instanceof errors.NotFoundError) return 404;
  if (error instanceof errors.ValidationError) return 400;
  if (error instanceof errors.ApplicationError)
    return (error as { name: string }).name === 'ConflictError' ? 409 : 400;
  return undefined;
}

/** Runs a handler and turns review refusals into `{ data: null, error }` with the right status. */
async function respond(ctx: Context, handler: () => Promise<unknown>): Promise<void> {
  try {
    const data = await handler();
    if (data !== undefined) ctx.body = { data };
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined) throw error;
    const { name, message, details } = error as { name: string; message: string; details?: unknown };
    ctx.status = status;
    ctx.body = { data: null, error: { status, name, message, details: details ?? {} } };
  }
}

/** A page the editor's browser shows in the preview tab when there is no preview to show. */
function previewProblem(ctx: Context, status: number, message: string): void {
  const text = message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  ctx.status = status;
  ctx.set('Content-Type', 'text/html; charset=utf-8');
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Robots-Tag', 'noindex, nofollow');
  ctx.body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><title>无法预览</title></head><body><h1>无法预览</h1><p>${text}</p></body></html>`;
}

/** The controller factory. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('review').service('review') as ReviewService;
  const user = (ctx: Context) => ctx.state.user as AdminUser;
  const act = (action: UserAction) => async (ctx: Context) =>
    respond(ctx, async () => {
      const request = parseReviewRequest(ctx.params, ctx.request.body);
      return service().act({ ...request, action, user: user(ctx) });
    });
  return {
    submit: act('submit'),
    approve: act('approve'),
    reject: act('reject'),
    emergencyPublish: act('emergency_publish'),
    withdraw: act('withdraw'),
    confirm: act('confirm'),
    /** GET /review/:uid/:documentId?locale= */
    async find(ctx: Context) {
      await respond(ctx, async () => {
        const request = parseReviewRequest(ctx.params, ctx.query);
        return service().describe(request.uid, request.documentId, request.locale, user(ctx));
      });
    },
    /** GET /review/:uid/:documentId/diff?locale=: the draft against the online version. */
    async diff(ctx: Context) {
      await respond(ctx, async () => {
        const request = parseReviewRequest(ctx.params, ctx.query);
        return service().diff(request.uid, request.documentId, request.locale, user(ctx));
      });
    },
    /** POST /review/preview-session: the cookie that lets a new tab open previews (preview-access.ts). */
    async previewSession(ctx: Context) {
      await respond(ctx, async () => {
        ctx.set('Cache-Control', 'no-store');
        return issuePreviewCookie(strapi, ctx as unknown as PreviewContext);
      });
    },
    /**
     * GET /review/preview/:uid/:documentId?locale=: the draft's page as the public will see it, built by
     * the publisher (ADR 25), for its site's people and the cluster-wide reviewers (the diff's rule).
     */
    async preview(ctx: Context) {
      const who = await previewUser(strapi, ctx as unknown as PreviewContext);
      if (!who) {
        previewProblem(ctx, 401, '请先登录管理后台，再从编辑页或“待我审核”打开预览。');
        return;
      }
      let request: { uid: string; documentId: string; locale: string };
      let version: { hash: string };
      try {
        request = parseReviewRequest(ctx.params, ctx.query);
        version = await service().previewable(request.uid, request.documentId, request.locale, who);
      } catch (error) {
        const status = statusOf(error);
        if (status === undefined) throw error;
        previewProblem(ctx, status, (error as Error).message);
        return;
      }
      const outcome = await requestPreview(strapi, { ...request, version: version.hash });
      if (!outcome.ok) {
        previewProblem(ctx, outcome.status, outcome.reason);
        return;
      }
      const { preview } = outcome;
      const origin = publicOrigin();
      ctx.set('Content-Type', 'text/html; charset=utf-8');
      ctx.set('Cache-Control', 'no-store, private');
      ctx.set('X-Robots-Tag', 'noindex, nofollow');
      ctx.set('Referrer-Policy', 'no-referrer');
      const html = decoratePreview(preview.html, `${previewCookiePath}/${preview.id}`, origin);
      ctx.set('Content-Security-Policy', previewPolicy(origin, html));
      ctx.set('X-Preview-Build-Ms', String(preview.builtMs));
      ctx.set('X-Preview-Url', preview.url);
      ctx.body = html;
    },
    /** GET /review/preview/:previewId/_astro/:name: a preview page's script or image. */
    async previewAsset(ctx: Context) {
      const who = await previewUser(strapi, ctx as unknown as PreviewContext);
      const id = String(ctx.params.previewId ?? '');
      const name = String(ctx.params.name ?? '');
      if (!who) {
        ctx.status = 401;
        return;
      }
      const file =
        /^[0-9a-f]{20}$/.test(id) && /^[A-Za-z0-9._@-]{1,200}$/.test(name)
          ? await previewAsset(strapi, id, name)
          : null;
      if (!file) {
        ctx.status = 404;
        return;
      }
      ctx.set('Content-Type', file.type);
      ctx.set('Cache-Control', 'private, max-age=3600');
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.body = file.body;
    },
    /** GET /review/letters/:documentId/contact: the writer's contact data (logged; see letter-contact.ts). */
    async letterContact(ctx: Context) {
      await respond(ctx, async () => {
        ctx.set('Cache-Control', 'no-store');
        const documentId = String(ctx.params.documentId ?? '');
        if (!/^[a-z0-9]{1,64}$/.test(documentId))
          throw new errors.ValidationError('documentId is not a document id');
        return viewLetterContact(strapi, user(ctx), documentId);
      });
    },
    /** GET /review/letters/offices: the offices the web office may assign a letter to. */
    async letterOffices(ctx: Context) {
      await respond(ctx, async () => officesFor(strapi, user(ctx)));
    },
    /** POST /review/letters/:documentId/assign `{ office, note? }`: 交办/转办 (web office; logged). */
    async assignLetter(ctx: Context) {
      await respond(ctx, async () => {
        const documentId = String(ctx.params.documentId ?? '');
        const body = (ctx.request.body ?? {}) as { office?: unknown; note?: unknown };
        if (!/^[a-z0-9]{1,64}$/.test(documentId))
          throw new errors.ValidationError('documentId is not a document id');
        if (typeof body.office !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(body.office))
          throw new errors.ValidationError('office must be the key of a site（请选择承办单位）');
        if (body.note !== undefined && (typeof body.note !== 'string' || body.note.length > 500))
          throw new errors.ValidationError('note must be text of at most 500 characters');
        return assignLetter(
          strapi,
          user(ctx),
          documentId,
          body.office,
          (body.note as string | undefined) ?? '',
        );
      });
    },
    /** GET /review/letters/queue: 待我办理, the most urgent first, overdue ones flagged. */
    async letterQueue(ctx: Context) {
      await respond(ctx, async () => lettersFor(strapi, user(ctx)));
    },
    /** GET /review/defaults/:uid: the site and column a new entry of this type starts with. */
    async defaults(ctx: Context) {
      await respond(ctx, async () => {
        const uid = String(ctx.params.uid ?? '');
        if (!/^api::[a-z0-9-]+\.[a-z0-9-]+$/.test(uid))
          throw new errors.ValidationError('uid is not a content type');
        return entryDefaults(strapi, user(ctx), uid);
      });
    },
    /** GET /review/queue */
    async queue(ctx: Context) {
      await respond(ctx, async () => service().queue(user(ctx)));
    },
    /** GET /review/publishing: the publisher's status (发布状态; web office, secrecy, site admins). */
    async publishing(ctx: Context) {
      await respond(ctx, async () => publisherStatus());
    },
    /** GET /review/health-report: the last inspection's HTML report (ADR 29), from the publisher. */
    async healthReport(ctx: Context) {
      const html = await healthReport(strapi);
      ctx.set('Cache-Control', 'no-store, private');
      if (html === null) {
        ctx.status = 404;
        ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: '尚无检查报告' } };
        return;
      }
      ctx.set('Content-Type', 'text/html; charset=utf-8');
      ctx.set('Content-Security-Policy', healthReportPolicy);
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('X-Robots-Tag', 'noindex, nofollow');
      ctx.set('Referrer-Policy', 'no-referrer');
      ctx.body = html;
    },
    /** GET /review/publishing/:uid/:documentId?locale=: whether the entry is live, and where. */
    async publication(ctx: Context) {
      await respond(ctx, async () => {
        const request = parseReviewRequest(ctx.params, ctx.query);
        // Only someone who may see the entry's review may ask (the same check as GET /review/…).
        await service().describe(request.uid, request.documentId, request.locale, user(ctx));
        const { status } = await publisherStatus();
        return entryPublication(strapi, status, request.uid, request.documentId, request.locale);
      });
    },
    /** GET /review/log.csv?site=&from=&to= */
    async exportLog(ctx: Context) {
      await respond(ctx, async () => {
        const filter = parseExportQuery(ctx.query);
        const csv = await service().exportCsv(filter);
        const name = `review-log${filter.site ? `-${filter.site}` : ''}.csv`;
        ctx.set('Content-Type', 'text/csv; charset=utf-8');
        ctx.set('Content-Disposition', `attachment; filename="${name}"`);
        ctx.body = csv;
        return undefined;
      });
    },
  };
};
