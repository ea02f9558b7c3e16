/**
 * The publish gate. One document-service middleware sees every path that publishes — the content
 * manager's publish button, bulk publish, "save and publish", REST and API-token writes with status
 * published, releases, code — and refuses it unless it runs on the trusted path of the review plugin
 * (the final approval, the scheduled publish, an emergency publish, a withdraw). Changes to a draft send
 * an entry under review or approved back to draft. A database lifecycle guard catches raw
 * `strapi.db.query` writes of published rows and any update or delete of the audit log.
 */

import { reviewRoles } from '@govcluster/shared/review';
import type { Core } from '@strapi/strapi';
import { resolveActor } from './actors';
import { forbidden } from './refusal';
import { logUid, type ReviewService, stateUid } from './services/review';
import { trustedContext } from './trust';

/** The document-service middleware context (Strapi 5.54). */
interface DocumentContext {
  uid: string;
  action: string;
  params: {
    documentId?: string;
    locale?: string | string[];
    status?: string;
    data?: Record<string, unknown>;
  } & Record<string, unknown>;
}

const publishRefusal = () =>
  forbidden('publish-needs-review', {
    'zh-CN':
      '内容须经本单位审核、网站管理部门审核和保密审查三级审核（三位不同人员）通过后由系统发布，不能直接发布。请使用“提交审核”',
    en: 'Content is published by the system only after three approvals by three different people (unit, web office, secrecy); it cannot be published directly. Use “Submit for review”',
  });

const unpublishRefusal = () =>
  forbidden('withdraw-needs-reason', {
    'zh-CN': '已发布内容的撤稿须通过审核面板的“撤稿”操作并填写理由，操作将记入审核日志',
    en: 'Published content is taken offline only through the review panel’s “Withdraw”, with a reason that is logged',
  });

const deleteRefusal = () =>
  forbidden('delete-published', {
    'zh-CN': '该内容已发布，不能直接删除；请先通过审核面板撤稿（须填写理由）',
    en: 'This entry is online and cannot be deleted directly; withdraw it first through the review panel (a reason is required)',
  });

const logRefusal = () =>
  forbidden('audit-log-append-only', {
    'zh-CN': '审核日志只能追加，任何角色（包括超级管理员）都不能修改或删除',
    en: 'The review log is append-only: no role, super admin included, can change or delete an entry',
  });

/** The locales a call touches, as a list ('*' and absent mean: look them up). */
function localesOf(params: DocumentContext['params']): string[] | undefined {
  const { locale } = params;
  if (typeof locale === 'string' && locale !== '*') return [locale];
  if (Array.isArray(locale)) return locale;
  return undefined;
}

/** The admin user behind the current request, if any. */
export function requestUserId(strapi: Core.Strapi): number | null {
  const ctx = strapi.requestContext.get() as
    | { state?: { user?: { id?: number }; auth?: { strategy?: { name?: string } } } }
    | undefined;
  const user = ctx?.state?.user;
  return typeof user?.id === 'number' && ctx?.state?.auth?.strategy?.name === 'admin' ? user.id : null;
}

/** Document ids and row ids named by a relation value (`'abc'`, `12`, `{ connect: [...] }`, `{ set: [...] }`…). */
function relationRefs(value: unknown, out: { documentIds: string[]; ids: number[] }): void {
  if (typeof value === 'string') out.documentIds.push(value);
  else if (typeof value === 'number') out.ids.push(value);
  else if (Array.isArray(value)) for (const item of value) relationRefs(item, out);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.documentId === 'string') out.documentIds.push(record.documentId);
    else if (typeof record.id === 'number') out.ids.push(record.id);
    for (const key of ['connect', 'set']) if (key in record) relationRefs(record[key], out);
  }
}

/**
 * Authors and unit reviewers write only for their own sites: a create or update from the admin that
 * puts an entry on another site is refused. (Reading and editing other sites' entries is already kept
 * out by the own-sites RBAC condition; this covers the site relation in the written data.)
 */
async function checkSiteOfData(
  strapi: Core.Strapi,
  data: Record<string, unknown> | undefined,
): Promise<void> {
  if (!data || !('site' in data)) return;
  const userId = requestUserId(strapi);
  if (userId === null) return;
  const actor = await resolveActor(strapi, { id: userId });
  if (actor.roles.length === 0 || actor.roles.some((role) => reviewRoles[role].scope === 'cluster')) return;
  const refs = { documentIds: [] as string[], ids: [] as number[] };
  relationRefs(data.site, refs);
  if (refs.documentIds.length === 0 && refs.ids.length === 0) return;
  const or: Record<string, unknown>[] = [];
  if (refs.documentIds.length > 0) or.push({ documentId: { $in: refs.documentIds } });
  if (refs.ids.length > 0) or.push({ id: { $in: refs.ids } });
  const sites = (await strapi.db
    .query('api::site.site' as never)
    .findMany({ where: { $or: or }, select: ['key'] })) as { key: string }[];
  const foreign = sites.map((site) => site.key).filter((key) => !actor.sites.includes(key));
  if (foreign.length > 0) {
    throw forbidden('other-site', {
      'zh-CN': `您只能为本单位站点（${actor.sites.join('、') || '无'}）撰写内容，不能写入站点“${foreign.join('、')}”`,
      en: `You write only for your own sites (${actor.sites.join(', ') || 'none'}), not for “${foreign.join(', ')}”`,
    });
  }
}

/** Registers the gate; returns nothing. Call from the plugin's register(). */
export function registerGate(strapi: Core.Strapi, review: () => ReviewService): void {
  strapi.documents.use(async (context, next) => {
    const ctx = context as unknown as DocumentContext;
    if (ctx.uid === logUid && !['findMany', 'findFirst', 'findOne', 'count', 'create'].includes(ctx.action)) {
      throw logRefusal();
    }
    if (
      ctx.uid === stateUid &&
      !['findMany', 'findFirst', 'findOne', 'count'].includes(ctx.action) &&
      !trustedContext()
    ) {
      // Review states are written by the plugin through the query engine, never through documents().
      throw forbidden('review-state-internal', {
        'zh-CN': '审核状态只能通过审核操作改变',
        en: 'The review state changes only through review actions',
      });
    }
    const service = review();
    if (!service.isGoverned(ctx.uid)) return next();
    const trusted = trustedContext() !== undefined;
    const { action, params } = ctx;
    switch (action) {
      case 'publish':
        if (!trusted) throw publishRefusal();
        return next();
      case 'unpublish':
        if (!trusted) throw unpublishRefusal();
        return next();
      case 'create':
        if (params.status === 'published' && !trusted) throw publishRefusal();
        if (!trusted) await checkSiteOfData(strapi, params.data);
        return next();
      case 'update': {
        if (params.status === 'published' && !trusted) throw publishRefusal();
        if (!trusted) await checkSiteOfData(strapi, params.data);
        const result = await next();
        // A trusted write with status published put the new version online itself (the importer).
        if (params.documentId && params.status !== 'published') {
          const locale = typeof params.locale === 'string' ? params.locale : await service.defaultLocale();
          await service.draftChanged(ctx.uid, params.documentId, [locale], requestUserId(strapi));
        }
        return result;
      }
      case 'discardDraft': {
        const result = await next();
        if (params.documentId) {
          const locales = localesOf(params) ?? (await service.localesWithState(ctx.uid, params.documentId));
          await service.draftDiscarded(ctx.uid, params.documentId, locales);
        }
        return result;
      }
      case 'delete': {
        if (!trusted && params.documentId) {
          const locales = localesOf(params);
          const online = await strapi.db.query(ctx.uid as never).count({
            where: {
              documentId: params.documentId,
              publishedAt: { $notNull: true },
              ...(locales && service.isLocalized(ctx.uid) ? { locale: { $in: locales } } : {}),
            },
          });
          if (online > 0) throw deleteRefusal();
        }
        return next();
      }
      default:
        return next();
    }
  });
}

/** Database lifecycle guard: raw query-engine writes that would bypass the document service. */
export function subscribeGuards(strapi: Core.Strapi, review: () => ReviewService): void {
  strapi.db.lifecycles.subscribe({
    models: [logUid],
    beforeUpdate() {
      throw logRefusal();
    },
    beforeUpdateMany() {
      throw logRefusal();
    },
    beforeDelete() {
      throw logRefusal();
    },
    beforeDeleteMany() {
      throw logRefusal();
    },
  } as never);
  strapi.db.lifecycles.subscribe(
    (event: { model: { uid: string }; action: string; params: { data?: Record<string, unknown> } }) => {
      if (event.action !== 'beforeCreate' && event.action !== 'beforeCreateMany') return;
      if (!review().isGoverned(event.model.uid) || trustedContext()) return;
      const rows = Array.isArray(event.params.data) ? event.params.data : [event.params.data ?? {}];
      if (rows.some((row) => row.publishedAt !== null && row.publishedAt !== undefined))
        throw publishRefusal();
    },
  );
}
