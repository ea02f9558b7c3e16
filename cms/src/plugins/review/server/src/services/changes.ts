/**
 * What a change to content does to its review. A version that changed — through an edit, a relation
 * connected from the other side, a replaced media file, a delete and re-create — loses its approvals
 * and goes back to draft, and whoever changed it can no longer approve it. What is online stays online,
 * unchanged, until the new version has passed the review.
 */
import type { Core } from '@strapi/strapi';
import { nameOf } from '../actors';
import type { Version, VersionReader } from '../version';
import { type LogEntry, type ReviewState, type StateStore, systemActor, withMember } from './state-store';

/** The draft and the online version of a document in a locale. */
export type VersionPair = { draft: Version | null; online: Version | null };

/** What the change tracker needs from the rest of the service. */
export interface ChangeContext {
  strapi: Core.Strapi;
  store: StateStore;
  reader: VersionReader;
  /** The draft and online version of a document in a locale. */
  versions(uid: string, documentId: string, locale: string): Promise<VersionPair>;
  /** The locales a document exists in (all of them for an unlocalized type: one, the default). */
  localesOf(uid: string, documentId: string): Promise<string[]>;
}

/** The log fields that name an editor (a user, by name) or the system. */
async function editor(
  strapi: Core.Strapi,
  actorId: number | null,
): Promise<Pick<LogEntry, 'actorId' | 'actorName' | 'actorRole'>> {
  return actorId === null
    ? { actorId: null, actorName: 'system', actorRole: 'system' }
    : { actorId, actorName: await nameOf(strapi, actorId), actorRole: 'editor' };
}

/** The change tracker of the review service. */
export function createChangeTracker(context: ChangeContext) {
  const { store } = context;

  /** Sends a state back to draft (approvals void), with the editor as a contributor, and logs why. */
  async function backToDraft(
    state: ReviewState,
    actorId: number | null,
    details: Record<string, unknown>,
  ): Promise<boolean> {
    const moved = await store.move(state, {
      stage: 'draft',
      approvers: [],
      publishAt: null,
      contributors: withMember(state.contributors, actorId),
    });
    if (!moved) return false;
    await store.log({
      ...(await editor(context.strapi, actorId)),
      action: 'edit',
      fromStage: state.stage,
      toStage: 'draft',
      comment: null,
      targetUid: state.targetUid,
      targetDocumentId: state.targetDocumentId,
      targetLocale: state.targetLocale,
      site: state.site,
      title: state.title,
      details,
    });
    return true;
  }

  /** Records `actorId` as a contributor of a draft, once. */
  async function addContributor(state: ReviewState, actorId: number | null): Promise<void> {
    if (actorId === null || (state.contributors ?? []).includes(actorId)) return;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current =
        attempt === 0 ? state : await store.find(state.targetUid, state.targetDocumentId, state.targetLocale);
      if (!current || (current.contributors ?? []).includes(actorId)) return;
      if (await store.move(current, { contributors: withMember(current.contributors, actorId) })) return;
    }
  }

  const tracker = {
    /**
     * The draft of a document version may have changed (an edit, a new locale version, a shared field
     * copied from another locale, a related entry or a media file changed). When its content differs
     * from the version under review (or online), the approvals are void and it goes back to draft;
     * whoever changed it becomes a contributor and cannot approve it.
     */
    async touched(
      uid: string,
      documentId: string,
      locales: readonly string[],
      actorId: number | null,
      details: Record<string, unknown> = {
        reason: 'content changed after submission; the published version, if any, stays online',
      },
    ): Promise<void> {
      for (const locale of locales) {
        let pair: VersionPair | undefined;
        const read = async () => {
          pair ??= await context.versions(uid, documentId, locale);
          return pair;
        };
        const state = await store.ensure(uid, documentId, locale, read);
        if (state.stage === 'draft') {
          await addContributor(state, actorId);
          continue;
        }
        const { draft } = await read();
        if (draft && state.versionHash !== null && draft.hash === state.versionHash) continue;
        await backToDraft(state, actorId, details);
      }
    },

    /** Documents related to a written one may have changed with it (a relation set from the other side). */
    async relatedTouched(
      targets: readonly { uid: string; documentIds: readonly string[] }[],
      actorId: number | null,
      cause: { uid: string; documentId: string },
    ): Promise<void> {
      for (const { uid, documentIds } of targets) {
        for (const documentId of new Set(documentIds)) {
          if (uid === cause.uid && documentId === cause.documentId) continue;
          const locales = await context.localesOf(uid, documentId);
          await tracker.touched(uid, documentId, locales, actorId, {
            reason: 'a relation was changed from the other side; the published version, if any, stays online',
            via: { uid: cause.uid, documentId: cause.documentId },
          });
        }
      }
    },

    /**
     * A document (or some of its locale versions) was deleted: its review starts over. A new version
     * created later under the same document id has no stage, approvals or publish time from the old one.
     */
    async deleted(
      uid: string,
      documentId: string,
      locales: readonly string[] | undefined,
      actorId: number | null,
    ) {
      const states = (await store.findAll(uid, documentId)).filter(
        (state) => locales === undefined || locales.includes(state.targetLocale),
      );
      for (const state of states) {
        const fresh: Partial<ReviewState> = {
          stage: 'draft',
          approvers: [],
          contributors: [],
          findings: [],
          versionHash: null,
          publishAt: null,
          flagged: false,
          flagReviews: {},
          hasPublishedVersion: false,
          authorId: null,
          submittedAt: null,
        };
        if (!(await store.move(state, fresh))) continue;
        await store.log({
          ...(await editor(context.strapi, actorId)),
          action: 'delete',
          fromStage: state.stage,
          toStage: 'draft',
          comment: null,
          targetUid: uid,
          targetDocumentId: documentId,
          targetLocale: state.targetLocale,
          site: state.site,
          title: state.title,
          details: { reason: 'the entry was deleted; its review starts over' },
        });
      }
    },

    /** The draft was reset to the published version (discard changes): the entry is back at `published`. */
    async discarded(uid: string, documentId: string, locales: readonly string[]): Promise<void> {
      for (const locale of locales) {
        const state = await store.find(uid, documentId, locale);
        if (!state || !state.hasPublishedVersion || state.stage === 'published') continue;
        const { online } = await context.versions(uid, documentId, locale);
        const moved = await store.move(state, {
          stage: 'published',
          approvers: [],
          publishAt: null,
          contributors: [],
          versionHash: online?.hash ?? state.versionHash,
        });
        if (!moved) continue;
        await store.log({
          ...systemActor,
          action: 'discard',
          fromStage: state.stage,
          toStage: 'published',
          targetUid: uid,
          targetDocumentId: documentId,
          targetLocale: locale,
          site: state.site,
          title: state.title,
        });
      }
    },

    /**
     * Content put online or taken offline by an import on the trusted path (content already approved
     * elsewhere, e.g. the demo city's snapshot): logged, and the review state follows what is online.
     */
    async imported(
      uid: string,
      documentId: string,
      locales: readonly string[],
      what: string,
      via: string,
    ): Promise<void> {
      for (const locale of locales) {
        const state = await store.find(uid, documentId, locale);
        let named: { site: string | null; title: string | null } | null;
        if (state) {
          const { draft, online } = await context.versions(uid, documentId, locale);
          named = online ?? draft;
          await store.move(
            state,
            online
              ? {
                  stage: 'published',
                  approvers: [],
                  contributors: [],
                  publishAt: null,
                  flagged: false,
                  hasPublishedVersion: true,
                  versionHash: online.hash,
                }
              : {
                  stage: 'draft',
                  approvers: [],
                  publishAt: null,
                  hasPublishedVersion: false,
                  versionHash: null,
                },
          );
        } else {
          // Without a state there is nothing to align: name the entry cheaply (imports are large).
          named = await context.reader.label(uid, documentId, locale);
        }
        await store.log({
          ...systemActor,
          action: 'import',
          fromStage: state?.stage ?? null,
          toStage: what === 'publish' ? 'published' : 'draft',
          targetUid: uid,
          targetDocumentId: documentId,
          targetLocale: locale,
          site: named?.site ?? state?.site ?? null,
          title: named?.title ?? state?.title ?? null,
          details: { what, via },
        });
      }
    },

    backToDraft,
  };
  return tracker;
}

/** The change tracker type. */
export type ChangeTracker = ReturnType<typeof createChangeTracker>;
