/**
 * The mailbox's endpoints: JSON for scripts and tests, HTML pages for a form sent by a browser (with or
 * without JavaScript). A form that fails is shown again with what was typed and a reason per field; an
 * accepted letter is answered `303 See Other` to a confirmation page that shows the code and password
 * once. The pages are made by `@govcluster/shared/mailbox` and carry their own strict headers.
 */
import { createHash } from 'node:crypto';
import {
  elderModeScript,
  type FormErrors,
  mailboxUrl,
  renderConfirmation,
  renderLetterForm,
  renderLetterStatus,
  renderMailboxPage,
  renderTrackForm,
} from '@govcluster/shared/mailbox';
import { fixedPaths } from '@govcluster/shared/urls';
import type { Core } from '@strapi/strapi';
import { type MailboxSite, mailboxOf } from '../../../mailbox/service';

/** The Koa context as these handlers use it. */
interface Context {
  request: {
    body?: unknown;
    headers: Record<string, string | string[] | undefined>;
    is(...types: string[]): string | false | null;
  };
  req: { socket: { remoteAddress?: string } };
  query: Record<string, unknown>;
  status: number;
  body: unknown;
  type: string;
  set(name: string, value: string): void;
  accepts(...types: string[]): string | false;
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The writer's address: the socket's, or — when the request comes through the cluster's own proxy on
 * this machine (the static server, nginx) — the last `X-Forwarded-For` entry, which that proxy sets.
 */
export function clientIp(ctx: Context): string {
  const remote = ctx.req.socket.remoteAddress ?? '';
  const trusted = new Set([
    ...loopback,
    ...(process.env.MAILBOX_TRUSTED_PROXIES ?? '').split(',').filter(Boolean),
  ]);
  const forwarded = ctx.request.headers['x-forwarded-for'];
  if (trusted.has(remote) && typeof forwarded === 'string' && forwarded.trim() !== '') {
    return forwarded.split(',').pop()?.trim().slice(0, 64) ?? remote;
  }
  return remote;
}

/** Whether the caller wants an HTML page (a browser's form post) rather than JSON. */
function wantsHtml(ctx: Context): boolean {
  return Boolean(ctx.request.is('urlencoded', 'multipart')) && ctx.accepts('html', 'json') === 'html';
}

/** The submitted form as a plain object (anything else: empty). */
function formOf(ctx: Context): Record<string, unknown> {
  const body = ctx.request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Sends a page made of the shared HTML, never cached, scripts limited to the elder-mode line. */
function page(
  ctx: Context,
  status: number,
  options: { title: string; site: MailboxSite | null; body: string },
) {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set(
    'Content-Security-Policy',
    `default-src 'none'; script-src ${sha256(elderModeScript)}; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  );
  const site = options.site;
  ctx.body = renderMailboxPage({
    title: options.title,
    siteName: site?.name ?? '领导信箱',
    kind: site?.kind,
    homeUrl: site?.basePath ?? '/',
    mailboxUrl: site ? `${site.basePath}${site.columnSlug}/` : undefined,
    body: options.body,
  });
}

/** Sends JSON; errors as `{ error: { status, message, fields } }`. */
function json(ctx: Context, status: number, body: unknown) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
}

function refusal(ctx: Context, status: number, errors: FormErrors, retryAfter?: number) {
  if (retryAfter) ctx.set('Retry-After', String(retryAfter));
  const { form, ...fields } = errors;
  json(ctx, status, { error: { status, message: form ?? '提交的内容有误', fields } });
}

/** The values to show again in a form: the strings that were sent, never the honeypot. */
function typed(form: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    if (typeof value === 'string' && key !== 'website' && key !== 'password')
      values[key] = value.slice(0, 5000);
  }
  return values;
}

/** The mailbox controller. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async challenge(ctx: Context) {
    json(ctx, 200, mailboxOf(strapi).challenge());
  },

  async submit(ctx: Context) {
    const mailbox = mailboxOf(strapi);
    const form = formOf(ctx);
    const result = await mailbox.submit(form, clientIp(ctx));
    if (!wantsHtml(ctx)) {
      if (!result.ok) return refusal(ctx, result.status, result.errors, result.retryAfter);
      return json(ctx, 201, { code: result.value.code, password: result.value.password });
    }
    if (result.ok) {
      ctx.status = 303;
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Location', `${mailboxUrl('done')}?ticket=${result.value.ticket}`);
      ctx.body = '';
      return;
    }
    if (result.retryAfter) ctx.set('Retry-After', String(result.retryAfter));
    const site = await mailbox.site(form.site);
    page(ctx, result.status, {
      title: '我要写信',
      site,
      body: renderLetterForm({
        site: site?.key ?? '',
        mailbox: site?.mailbox ?? '信箱',
        values: typed(form),
        errors: result.errors,
      }),
    });
  },

  async done(ctx: Context) {
    const mailbox = mailboxOf(strapi);
    const ticket = mailbox.takeTicket(ctx.query.ticket);
    const site = ticket ? await mailbox.site(ticket.site) : null;
    if (!ticket) {
      return page(ctx, 404, {
        title: '信件已提交',
        site: null,
        body: '<p>此页面只能查看一次，或已过期。如已记下查询编号和密码，请到信件查询页面查询。</p>',
      });
    }
    page(ctx, 200, {
      title: '信件已提交',
      site,
      body: renderConfirmation({
        code: ticket.code,
        password: ticket.password,
        mailbox: site?.mailbox ?? '信箱',
        trackUrl: `${site?.basePath ?? '/'}${fixedPaths.mailboxTrack}`,
      }),
    });
  },

  async track(ctx: Context) {
    const mailbox = mailboxOf(strapi);
    const form = formOf(ctx);
    const result = await mailbox.track(form, clientIp(ctx));
    if (!wantsHtml(ctx)) {
      if (!result.ok) return refusal(ctx, result.status, result.errors, result.retryAfter);
      return json(ctx, 200, { letter: result.value.view });
    }
    if (!result.ok) {
      if (result.retryAfter) ctx.set('Retry-After', String(result.retryAfter));
      const site = await mailbox.site(form.site);
      return page(ctx, result.status, {
        title: '信件查询',
        site,
        body: renderTrackForm({ site: site?.key, values: typed(form), errors: result.errors }),
      });
    }
    page(ctx, 200, {
      title: '信件查询',
      site: await mailbox.site(result.value.intake.site),
      body: renderLetterStatus(result.value.view, {
        site: result.value.intake.site,
        password: typeof form.password === 'string' ? form.password : '',
      }),
    });
  },

  async rate(ctx: Context) {
    const mailbox = mailboxOf(strapi);
    const form = formOf(ctx);
    const result = await mailbox.rate(form, clientIp(ctx));
    if (!wantsHtml(ctx)) {
      if (!result.ok) return refusal(ctx, result.status, result.errors, result.retryAfter);
      return json(ctx, 200, { letter: result.value.view });
    }
    if (!result.ok && result.errors.rating) {
      // No rating chosen: the letter again, with the reason at the choice.
      const tracked = await mailbox.track(form, clientIp(ctx));
      if (tracked.ok) {
        return page(ctx, result.status, {
          title: '满意度评价',
          site: await mailbox.site(tracked.value.intake.site),
          body: renderLetterStatus(tracked.value.view, {
            site: tracked.value.intake.site,
            password: typeof form.password === 'string' ? form.password : '',
            errors: result.errors,
          }),
        });
      }
    }
    if (!result.ok) {
      const site = await mailbox.site(form.site);
      return page(ctx, result.status, {
        title: '满意度评价',
        site,
        body: renderTrackForm({ site: site?.key, values: typed(form), errors: result.errors }),
      });
    }
    page(ctx, 200, {
      title: '满意度评价',
      site: await mailbox.site(result.value.site),
      body: renderLetterStatus(result.value.view),
    });
  },
});
