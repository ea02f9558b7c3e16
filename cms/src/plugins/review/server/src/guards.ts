/**
 * Guards below the document service, on the query engine's lifecycles:
 * - the audit log accepts new rows only;
 * - reviewed content, the registry and the sensitive words are written only through the document
 *   service (where the gate sees and records every write) or on the trusted path: a raw query-engine
 *   create, update or delete (or their `Many` forms) is refused;
 * - a media file that online content uses is immutable in place: replacing its file, changing its alt
 *   text or caption, or deleting it is refused (upload a new file and put it in the entry, which then
 *   goes through review); changing a file only drafts use sends those drafts back to draft.
 */
import type { Core } from '@strapi/strapi';
import { requestUserId } from './actors';
import { documentCall } from './call-context';
import { logRefusal } from './gate';
import { forbidden } from './refusal';
import { registryUids } from './registry-log';
import { logUid, type ReviewService } from './services/review';
import { trustedContext } from './trust';

/** The media library's file type. */
export const fileUid = 'plugin::upload.file';

/** File fields whose change does not change what a page shows (moving a file between folders). */
const placementFields = new Set(['folder', 'folderPath', 'updatedAt', 'updatedBy']);

/** A query-engine lifecycle event, as far as the guards read it. */
interface LifecycleEvent {
  action: string;
  model: { uid: string };
  params: { where?: Record<string, unknown>; data?: Record<string, unknown> | Record<string, unknown>[] };
  state: Record<string, unknown>;
}

const rawWriteRefusal = (uid: string) =>
  forbidden('raw-write', {
    'zh-CN': `“${uid}”的内容只能通过内容管理和审核流程写入，不能直接写数据库`,
    en: `“${uid}” is written only through the document service and the review, not by raw queries`,
  });

const mediaInUse = (names: readonly string[]) =>
  forbidden('media-in-use', {
    'zh-CN': `文件“${names.join('、')}”正被已发布的内容使用，不能直接替换、修改或删除；请上传新文件，在条目中替换后提交审核`,
    en: `“${names.join(', ')}” is used by published content and cannot be replaced, edited or deleted in place; upload a new file, put it in the entry and submit that for review`,
  });

/** Subscribes the guards; call from the plugin's register(). */
export function subscribeGuards(strapi: Core.Strapi, review: () => ReviewService): void {
  /** Where media files are used: every media attribute of every reviewed type. */
  const mediaFields = () => {
    const service = review();
    return [...service.governedTypes()].flatMap((uid) =>
      Object.entries(
        (strapi.getModel(uid as never) as { attributes: Record<string, { type: string }> }).attributes,
      )
        .filter(([, attribute]) => attribute.type === 'media')
        .map(([field]) => ({ uid, field })),
    );
  };

  /** The documents (with locale) that use any of the files, online or as drafts. */
  const usersOf = async (fileIds: readonly number[], online: boolean) => {
    const found: { uid: string; documentId: string; locale: string | null; title: string }[] = [];
    for (const { uid, field } of mediaFields()) {
      const rows = (await strapi.db.query(uid as never).findMany({
        where: { publishedAt: online ? { $notNull: true } : null, [field]: { id: { $in: [...fileIds] } } },
        select: ['documentId', ...(review().isLocalized(uid) ? ['locale'] : [])],
      })) as { documentId: string; locale?: string }[];
      for (const row of rows)
        found.push({ uid, documentId: row.documentId, locale: row.locale ?? null, title: row.documentId });
    }
    return found;
  };

  const filesOf = async (where: Record<string, unknown> | undefined) =>
    (await strapi.db.query(fileUid as never).findMany({ where: where ?? {}, select: ['id', 'name'] })) as {
      id: number;
      name: string;
    }[];

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

  strapi.db.lifecycles.subscribe((async (event: LifecycleEvent) => {
    const { uid } = event.model;
    const write = /^(before|after)(Create|Update|Delete)(Many)?$/.exec(event.action);
    if (!write) return;
    const [, when, kind] = write;
    if (uid === fileUid) {
      if (kind === 'Create' || trustedContext()) return;
      if (when === 'before') {
        const data = (Array.isArray(event.params.data) ? event.params.data[0] : event.params.data) ?? {};
        if (kind === 'Update' && Object.keys(data).every((field) => placementFields.has(field))) return;
        const files = await filesOf(event.params.where);
        if (files.length === 0) return;
        const ids = files.map((file) => file.id);
        if ((await usersOf(ids, true)).length > 0) throw mediaInUse(files.map((file) => file.name));
        event.state.draftUsers = await usersOf(ids, false);
      } else {
        const users = (event.state.draftUsers ?? []) as Awaited<ReturnType<typeof usersOf>>;
        const byType = new Map<string, string[]>();
        for (const user of users) byType.set(user.uid, [...(byType.get(user.uid) ?? []), user.documentId]);
        await review().relatedTouched(
          [...byType].map(([target, documentIds]) => ({ uid: target, documentIds })),
          requestUserId(strapi),
          { uid: fileUid, documentId: '-' },
        );
      }
      return;
    }
    if (when !== 'before') return;
    if (!review().isGoverned(uid) && !registryUids.has(uid)) return;
    if (documentCall() || trustedContext()) return;
    throw rawWriteRefusal(uid);
  }) as never);
}
