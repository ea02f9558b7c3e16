/**
 * The publish gate: one document-service middleware sees every path that writes content — the content
 * manager's buttons, bulk actions, clone, REST and API-token writes, code — and
 * - refuses publishing, unpublishing and deleting online content unless it runs on the review's trusted
 *   path (the final approval, the scheduled publish, an emergency publish, a withdraw, an import);
 * - tells the review what changed, so that a changed version loses its approvals (the entry written, and
 *   the entries on the other side of the relations it changed), and who changed it;
 * - resets the review of a deleted entry, so that a re-created one starts from draft;
 * - keeps authors and unit reviewers to their own sites (writes, moves and clones);
 * - records every change to the registry (sites, columns, memberships) and to the sensitive words.
 * Query-engine writes that bypass the document service are refused by `guards.ts`.
 */

import { reviewRoles } from '@govcluster/shared/review';
import type { Core } from '@strapi/strapi';
import { requestUserId, resolveActor } from './actors';
import { runDocumentCall } from './call-context';
import { forbidden } from './refusal';
import { logRegistryChange, registryUids } from './registry-log';
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

/** Trusted reasons whose publishing the review service logs itself. */
const reviewReasons = new Set(['final-approval', 'scheduled-publish', 'emergency-publish', 'withdraw']);

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

/** Refusal of any change to the audit log. */
export const logRefusal = () =>
  forbidden('audit-log-append-only', {
    'zh-CN': '审核日志只能追加，任何角色（包括超级管理员）都不能修改或删除',
    en: 'The review log is append-only: no role, super admin included, can change or delete an entry',
  });

/** The locales a call names, as a list (`'*'` and absent: undefined, look them up). */
function localesOf(params: DocumentContext['params']): string[] | undefined {
  const { locale } = params;
  if (typeof locale === 'string' && locale !== '*') return [locale];
  if (Array.isArray(locale)) return locale;
  return undefined;
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

/** The sites a site-scoped person works for, or null when they act cluster-wide (or are not a person). */
async function siteScope(strapi: Core.Strapi): Promise<readonly string[] | null> {
  const userId = requestUserId(strapi);
  if (userId === null) return null;
  const actor = await resolveActor(strapi, { id: userId });
  if (actor.roles.length > 0 && actor.roles.some((role) => reviewRoles[role].scope === 'cluster'))
    return null;
  return actor.sites;
}

const otherSite = (sites: readonly string[], foreign: readonly string[]) =>
  forbidden('other-site', {
    'zh-CN': `您只能为本单位站点（${sites.join('、') || '无'}）撰写内容，不能写入站点“${foreign.join('、')}”`,
    en: `You write only for your own sites (${sites.join(', ') || 'none'}), not for “${foreign.join(', ')}”`,
  });

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
  const scope = await siteScope(strapi);
  if (scope === null) return;
  const refs = { documentIds: [] as string[], ids: [] as number[] };
  relationRefs(data.site, refs);
  if (refs.documentIds.length === 0 && refs.ids.length === 0) return;
  const or: Record<string, unknown>[] = [];
  if (refs.documentIds.length > 0) or.push({ documentId: { $in: refs.documentIds } });
  if (refs.ids.length > 0) or.push({ id: { $in: refs.ids } });
  const sites = (await strapi.db
    .query('api::site.site' as never)
    .findMany({ where: { $or: or }, select: ['key'] })) as { key: string }[];
  const foreign = sites.map((site) => site.key).filter((key) => !scope.includes(key));
  if (foreign.length > 0) throw otherSite(scope, foreign);
}

/** A clone copies another entry's draft: only from one's own sites. */
async function checkSiteOfSource(
  strapi: Core.Strapi,
  uid: string,
  documentId: string | undefined,
): Promise<void> {
  const scope = await siteScope(strapi);
  if (scope === null || !documentId) return;
  const rows = (await strapi.db.query(uid as never).findMany({
    where: { documentId },
    populate: { site: { select: ['key'] } },
  })) as { site?: { key?: string } | null }[];
  const foreign = [...new Set(rows.map((row) => row.site?.key ?? '未指定'))].filter(
    (key) => !scope.includes(key),
  );
  if (foreign.length > 0) throw otherSite(scope, foreign);
}

/** Registers the gate; returns nothing. Call from the plugin's register(). */
export function registerGate(strapi: Core.Strapi, review: () => ReviewService): void {
  /** The documents on the other side of the relations of `uid` named in `fields`, for a draft or all rows. */
  const relatedOf = async (
    uid: string,
    documentId: string,
    fields: readonly string[],
    locales?: readonly string[],
  ) => {
    if (fields.length === 0) return [];
    const service = review();
    const relations = service.reader
      .relationsTo(uid, service.isGoverned)
      .filter((r) => fields.includes(r.field));
    if (relations.length === 0) return [];
    const rows = (await strapi.db.query(uid as never).findMany({
      where: {
        documentId,
        ...(locales && service.isLocalized(uid) ? { locale: { $in: [...locales] } } : {}),
      },
      populate: Object.fromEntries(relations.map((r) => [r.field, { select: ['documentId'] }])),
    })) as Record<string, unknown>[];
    return relations.map((relation) => ({
      uid: relation.target,
      documentIds: rows.flatMap((row) => {
        const value = row[relation.field];
        return (Array.isArray(value) ? value : value ? [value] : []).map(
          (item) => (item as { documentId: string }).documentId,
        );
      }),
    }));
  };
  const governedFields = (uid: string, data: Record<string, unknown> | undefined) => {
    const service = review();
    return service.reader
      .relationsTo(uid, service.isGoverned)
      .map((relation) => relation.field)
      .filter((field) => data !== undefined && field in data);
  };

  const middleware = async (context: unknown, next: () => Promise<unknown>) => {
    const ctx = context as unknown as DocumentContext;
    const run = () => runDocumentCall({ uid: ctx.uid, action: ctx.action }, next);
    const readOnly = ['findMany', 'findFirst', 'findOne', 'count'].includes(ctx.action);
    if (ctx.uid === logUid && !readOnly && ctx.action !== 'create') throw logRefusal();
    if (ctx.uid === stateUid && !readOnly && !trustedContext()) {
      // Review states are written by the plugin through the query engine, never through documents().
      throw forbidden('review-state-internal', {
        'zh-CN': '审核状态只能通过审核操作改变',
        en: 'The review state changes only through review actions',
      });
    }
    if (readOnly) return run();
    if (registryUids.has(ctx.uid)) return logRegistryChange(strapi, review(), ctx, run);
    const service = review();
    if (!service.isGoverned(ctx.uid)) return run();
    const trusted = trustedContext();
    const { action, params } = ctx;
    const actorId = requestUserId(strapi);
    const documentId = params.documentId;
    // An import (trusted, but not the review itself) is logged: nothing goes online unrecorded.
    const imported = async (what: string, locales: readonly string[] | undefined, id = documentId) => {
      if (!trusted || reviewReasons.has(trusted.reason) || !id) return;
      await service.imported(
        ctx.uid,
        id,
        locales ?? (await service.localesOf(ctx.uid, id)),
        what,
        trusted.reason,
      );
    };
    switch (action) {
      case 'publish':
      case 'unpublish': {
        if (!trusted) throw action === 'publish' ? publishRefusal() : unpublishRefusal();
        const result = await run();
        await imported(action, localesOf(params));
        return result;
      }
      case 'create': {
        if (params.status === 'published' && !trusted) throw publishRefusal();
        if (!trusted) await checkSiteOfData(strapi, params.data);
        const result = (await run()) as { documentId?: string; locale?: string } | null;
        const created = result?.documentId;
        if (created) {
          const locale = result?.locale ?? (await service.defaultLocale());
          if (params.status === 'published') await imported('publish', [locale], created);
          else await service.touched(ctx.uid, created, [locale], actorId);
          // An import changes the other side of its relations on purpose; the final hash check still guards.
          const fields = trusted ? [] : governedFields(ctx.uid, params.data);
          await service.relatedTouched(await relatedOf(ctx.uid, created, fields, [locale]), actorId, {
            uid: ctx.uid,
            documentId: created,
          });
        }
        return result;
      }
      case 'update': {
        if (params.status === 'published' && !trusted) throw publishRefusal();
        if (!trusted) await checkSiteOfData(strapi, params.data);
        const locale = typeof params.locale === 'string' ? params.locale : await service.defaultLocale();
        const fields = documentId && !trusted ? governedFields(ctx.uid, params.data) : [];
        const before = documentId ? await relatedOf(ctx.uid, documentId, fields, [locale]) : [];
        const result = await run();
        if (documentId) {
          // A trusted write with status published put the new version online itself (the importer).
          if (params.status === 'published') await imported('publish', [locale]);
          else await service.touched(ctx.uid, documentId, [locale], actorId);
          const after = await relatedOf(ctx.uid, documentId, fields, [locale]);
          await service.relatedTouched([...before, ...after], actorId, { uid: ctx.uid, documentId });
        }
        return result;
      }
      case 'clone': {
        if (!trusted) {
          await checkSiteOfSource(strapi, ctx.uid, documentId);
          await checkSiteOfData(strapi, params.data);
        }
        const result = (await run()) as { documentId?: string; entries?: { locale?: string }[] } | null;
        if (result?.documentId) {
          const locales = (result.entries ?? []).map((entry) => entry.locale ?? '').filter(Boolean);
          const cloned = locales.length > 0 ? locales : [await service.defaultLocale()];
          await service.touched(ctx.uid, result.documentId, cloned, actorId);
          const fields = service.reader.relationsTo(ctx.uid, service.isGoverned).map((r) => r.field);
          await service.relatedTouched(await relatedOf(ctx.uid, result.documentId, fields), actorId, {
            uid: ctx.uid,
            documentId: result.documentId,
          });
        }
        return result;
      }
      case 'discardDraft': {
        const result = await run();
        if (documentId) {
          const locales = localesOf(params) ?? (await service.localesWithState(ctx.uid, documentId));
          await service.discarded(ctx.uid, documentId, locales);
        }
        return result;
      }
      case 'delete': {
        const locales = localesOf(params);
        if (!trusted && documentId) {
          const online = await strapi.db.query(ctx.uid as never).count({
            where: {
              documentId,
              publishedAt: { $notNull: true },
              ...(locales && service.isLocalized(ctx.uid) ? { locale: { $in: locales } } : {}),
            },
          });
          if (online > 0) throw deleteRefusal();
        }
        const fields = service.reader.relationsTo(ctx.uid, service.isGoverned).map((r) => r.field);
        const before = documentId ? await relatedOf(ctx.uid, documentId, fields, locales) : [];
        const result = await run();
        if (documentId) {
          await imported('delete', locales);
          await service.deleted(ctx.uid, documentId, locales, actorId);
          await service.relatedTouched(before, actorId, { uid: ctx.uid, documentId });
        }
        return result;
      }
      default:
        return run();
    }
  };
  strapi.documents.use(middleware as never);
}
