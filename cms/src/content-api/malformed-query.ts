/**
 * A content-API read whose query Strapi's validation lets through in a shape its query builder
 * cannot run (`_q[]=x`, `sort=createdAt.updatedAt`, `filters[title][key][$eq]`, `$between` with one
 * value, …) throws deep in the database layer, which Strapi answers 500 and logs as its own failure.
 *
 * On Strapi's content-API router, around every read: when the read fails with an error that is not
 * one of Strapi's own answers (those keep their status), the database is asked a trivial query. If
 * it answers, the failure was the request's own shape: 400, with a message that names the
 * parameters to check and shows nothing of the SQL. If it does not, the error stands (a 5xx is then
 * the truth). The error is logged as a warning either way.
 * @module
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** What the wrapper reads and writes of Koa's context. */
interface ReadContext {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/** Whether Strapi (or Koa) already made an answer of this error: a validation error, a 404, … */
function isAnswer(error: unknown): boolean {
  if (error instanceof errors.ApplicationError) return true;
  const status = (error as { status?: unknown; expose?: unknown } | null)?.status;
  return typeof status === 'number' && status < 500;
}

/** Puts the wrapper on the content-API router; call in `register()`, before the other guards. */
export function answerMalformedReads(strapi: Core.Strapi): void {
  strapi.server.api('content-api').use(async (ctx: ReadContext, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    try {
      await next();
    } catch (error) {
      if (isAnswer(error)) throw error;
      const databaseAnswers = await strapi.db.connection.raw('select 1').then(
        () => true,
        () => false,
      );
      strapi.log.warn(
        `[govcluster] content-API read ${ctx.path} failed: ${(error as Error)?.message ?? error}`,
      );
      if (!databaseAnswers) throw error;
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message:
            'The query cannot be answered as written: check the shape of filters, sort, fields, populate, pagination and _q.',
          details: {},
        },
      };
    }
  });
}
