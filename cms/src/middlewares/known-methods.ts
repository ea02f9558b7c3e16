/**
 * `global::known-methods`: a request with a method no route of the CMS has (PROPFIND, TRACE, …) is
 * answered 405 with the methods there are, instead of the router's 501: a refused request is the
 * client's error, never the server's.
 * @module
 */

/** The methods Strapi's routers serve. */
const knownMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** What the middleware reads and writes of Koa's context. */
interface MethodContext {
  method: string;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
}

/** Strapi middleware factory (see config/middlewares.ts). */
export default () => async (ctx: MethodContext, next: () => Promise<void>) => {
  if (knownMethods.includes(ctx.method.toUpperCase())) return next();
  ctx.status = 405;
  ctx.set('Allow', knownMethods.join(', '));
  ctx.body = {
    data: null,
    error: {
      status: 405,
      name: 'MethodNotAllowedError',
      message: `The method ${ctx.method} is not served here; use one of ${knownMethods.join(', ')}.`,
      details: {},
    },
  };
};
