/**
 * Who may open a preview page (ADR 25). A page opened in a new browser tab carries no admin JWT (the
 * admin keeps it in script-readable storage and sends it as a header), so the admin first asks
 * `POST /review/preview-session` with its JWT and gets an HttpOnly, SameSite=Strict cookie limited to
 * `/review/preview`: the admin user, their admin session and an expiry, signed with a key derived from
 * the admin JWT secret. A preview request is served to the bearer of a valid admin JWT or of that
 * cookie while the admin session it names is still active (logging out ends it) and the user is active;
 * who may see which entry is decided afterwards, per entry, like the diff.
 * @module
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { AdminUser } from './actors';

/** The cookie's name and path. */
export const previewCookie = 'govcluster_preview';
export const previewCookiePath = '/review/preview';
/** How long a preview cookie holds (Strapi's default idle admin session). */
const lifetimeMs = 2 * 60 * 60 * 1000;

type SessionManager = (origin: 'admin') => {
  validateAccessToken(token: string): { isValid: boolean; payload: { userId: string; sessionId: string } };
  isSessionActive(sessionId: string): Promise<boolean>;
};

/** The Koa context as far as this module needs it. */
export interface PreviewContext {
  request: { header: Record<string, string | string[] | undefined>; secure: boolean };
  state: { user?: AdminUser; session?: { id?: string } };
  cookies: {
    get(name: string): string | undefined;
    set(name: string, value: string | null, options?: Record<string, unknown>): void;
  };
}

function key(strapi: Core.Strapi): Buffer {
  const secret = String(strapi.config.get('admin.auth.secret') ?? '');
  if (!secret) throw new Error('admin.auth.secret is not set');
  return createHash('sha256').update(`govcluster-preview\u0000${secret}`).digest();
}

function mac(strapi: Core.Strapi, payload: string): string {
  return createHmac('sha256', key(strapi)).update(payload).digest('base64url');
}

/** Sets the preview cookie for the admin who called (their JWT already checked by the route). */
export function issuePreviewCookie(strapi: Core.Strapi, ctx: PreviewContext): { expiresAt: string } {
  const user = ctx.state.user;
  const session = ctx.state.session?.id;
  if (!user || !session) throw new Error('no admin session on this request');
  const expires = Date.now() + lifetimeMs;
  const payload = `${user.id}.${Buffer.from(session).toString('base64url')}.${expires}`;
  ctx.cookies.set(previewCookie, `${payload}.${mac(strapi, payload)}`, {
    httpOnly: true,
    sameSite: 'strict',
    path: previewCookiePath,
    secure: ctx.request.secure,
    maxAge: lifetimeMs,
    overwrite: true,
  });
  return { expiresAt: new Date(expires).toISOString() };
}

/** The user and admin session a preview cookie names, when it is genuine and not expired. */
function fromCookie(strapi: Core.Strapi, value: string | undefined) {
  const parts = (value ?? '').split('.');
  if (parts.length !== 4) return null;
  const [user, session, expires, given] = parts as [string, string, string, string];
  const payload = `${user}.${session}.${expires}`;
  const expected = Buffer.from(mac(strapi, payload));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  if (!(Number(expires) > Date.now())) return null;
  return { userId: user, sessionId: Buffer.from(session, 'base64url').toString() };
}

/** The user and admin session of a bearer admin JWT. */
function fromBearer(strapi: Core.Strapi, header: string | string[] | undefined) {
  const match = /^bearer\s+(\S+)$/i.exec(typeof header === 'string' ? header.trim() : '');
  const manager = (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;
  if (!match || !manager) return null;
  const result = manager('admin').validateAccessToken(match[1] as string);
  return result.isValid ? { userId: result.payload.userId, sessionId: result.payload.sessionId } : null;
}

/**
 * The admin user a preview request comes from (admin JWT or preview cookie), or null: nobody logged in,
 * a forged or expired cookie, a session that ended, a user no longer active.
 */
export async function previewUser(strapi: Core.Strapi, ctx: PreviewContext): Promise<AdminUser | null> {
  const claim =
    fromBearer(strapi, ctx.request.header.authorization) ??
    fromCookie(strapi, ctx.cookies.get(previewCookie));
  const manager = (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;
  if (!claim || !manager) return null;
  if (!(await manager('admin').isSessionActive(claim.sessionId))) return null;
  const id = Number(claim.userId);
  if (!Number.isInteger(id)) return null;
  const user = (await strapi.db.query('admin::user').findOne({ where: { id }, populate: ['roles'] })) as
    | (AdminUser & { isActive?: boolean })
    | null;
  return user?.isActive === true ? user : null;
}
