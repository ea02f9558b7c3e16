/**
 * A request body that cannot be parsed — a multipart body without its boundary, cut short, or JSON
 * that does not parse — is the client's error: koa-body (Strapi's `strapi::body`) would otherwise
 * pass the parser's error on as a 500 and log it as the server's. Given to `strapi::body` as its
 * `onError` in config/middlewares.ts, for every route, before any route is matched.
 * @module
 */

/** The parts of a parser's error that tell whose fault it was. */
interface ParserError {
  message: string;
  status?: number;
  statusCode?: number;
  /** formidable's status for the error (400 for a malformed body, 413 for a too large one). */
  httpCode?: number;
}

/** Throws a 4xx (413 for a body too large, 400 otherwise) naming what could not be read. */
export function refuseUnreadableBody(
  error: ParserError,
  ctx: { throw(status: number, message: string): never },
): never {
  const status = error.status ?? error.statusCode ?? error.httpCode ?? 400;
  ctx.throw(
    status >= 400 && status < 500 ? status : 400,
    `The request body cannot be read: ${error.message}`,
  );
}
