/**
 * The review service of the plugin: which content types are under review, the versions of a document,
 * and the pieces that do the work — the state store and log (`state-store.ts`), the actions
 * (`actions.ts`), what a change does to a review (`changes.ts`), publishing (`publisher.ts`), the queue
 * (`queue.ts`), scheduled publishing (`schedule.ts`) and the CSV export (`export-csv.ts`).
 */
import {
  type ReviewRole,
  reviewRoles,
  reviewStageLabels,
  type ScreeningFinding,
} from '@govcluster/shared/review';
import type { Core } from '@strapi/strapi';
import { fieldLabels, typeLabels } from '../../../../../setup/admin-layout';
import { type Actor, type AdminUser, resolveActor } from '../actors';
import { forbidden, notFound } from '../refusal';
import { type DiffPiece, diffText } from '../text-diff';
import { createVersionReader, type Version } from '../version';
import { type Actions, createActions, missing, type UserAction } from './actions';
import { createChangeTracker, type VersionPair } from './changes';
import { exportCsv } from './export-csv';
import { createPublisher } from './publisher';
import { queueFor } from './queue';
import { publishDue } from './schedule';
import { createSensitiveWords } from './sensitive-words';
import { createStateStore, type ReviewState, type StoredLogEntry } from './state-store';

export type { UserAction } from './actions';
export { type LogEntry, logUid, type ReviewState, stateUid, wordUid } from './state-store';

/** Input of {@link ReviewService.act}. */
export interface ActInput {
  uid: string;
  documentId: string;
  locale: string;
  action: UserAction;
  user: AdminUser;
  comment?: string;
  /** ISO date-time: publish no earlier than this (submit or final approval). */
  publishAt?: string;
  /** Secrecy reviewer overrides a secrecy-marking finding (a reason is required). */
  override?: boolean;
  /** The version the person saw; acting on another version is refused. */
  versionHash?: string;
}

/** What a user sees about one entry. */
export interface EntryReview {
  uid: string;
  documentId: string;
  locale: string;
  site: string | null;
  title: string | null;
  stage: ReviewState['stage'];
  stageLabel: { 'zh-CN': string; en: string };
  approvers: number[];
  findings: ScreeningFinding[];
  publishAt: string | null;
  flagged: boolean;
  flagReviews: Partial<Record<'web_reviewer' | 'secrecy_reviewer', number>>;
  hasPublishedVersion: boolean;
  /** The version under review (or online): what an approval is for. */
  versionHash: string | null;
  /** When the version under review was submitted, and by whom. */
  submittedAt: string | null;
  submitterId: number | null;
  /** What the current user may do now (already checked against role, site and separation of duties). */
  actions: UserAction[];
  /** The current user's review roles. */
  roles: ReviewRole[];
  history: StoredLogEntry[];
}

/** The review service of the plugin. */
export function createReviewService({ strapi }: { strapi: Core.Strapi }) {
  let governed: Set<string> | undefined;
  const reader = createVersionReader(strapi);
  const store = createStateStore(strapi);
  const publisher = createPublisher(strapi, reader);
  const sensitiveWords = createSensitiveWords(strapi);

  const governedTypes = (): Set<string> => {
    governed ??= new Set(
      Object.entries(strapi.contentTypes)
        .filter(([uid, model]) => uid.startsWith('api::') && model.options?.draftAndPublish === true)
        .map(([uid]) => uid),
    );
    return governed;
  };
  const isGoverned = (uid: string) => governedTypes().has(uid);

  const defaultLocale = async (): Promise<string> => {
    const locales = strapi.plugin('i18n')?.service('locales') as
      | { getDefaultLocale?: () => Promise<string> }
      | undefined;
    return (await locales?.getDefaultLocale?.()) ?? 'zh-CN';
  };

  /** The draft and online version of a document in a locale (404 for a type not under review). */
  const versions = async (uid: string, documentId: string, locale: string): Promise<VersionPair> => {
    if (!isGoverned(uid)) {
      throw notFound('not-reviewed-type', {
        'zh-CN': `内容类型“${uid}”不在审核范围内`,
        en: `“${uid}” is not a content type under review`,
      });
    }
    const [draft, online] = await Promise.all([
      reader.read(uid, documentId, locale),
      reader.read(uid, documentId, locale, true),
    ]);
    return { draft, online };
  };

  /** The draft version of a document in a locale (404 for a type not under review). */
  const draftOf = async (uid: string, documentId: string, locale: string) => {
    if (!isGoverned(uid)) return (await versions(uid, documentId, locale)).draft;
    return reader.read(uid, documentId, locale);
  };

  /** Whether a document has an online version in a locale. */
  const isOnline = async (uid: string, documentId: string, locale: string) =>
    (await strapi.db.query(uid as never).count({
      where: { documentId, publishedAt: { $notNull: true }, ...(reader.isLocalized(uid) ? { locale } : {}) },
    })) > 0;

  /** The locales a document has a draft in. */
  const localesOf = async (uid: string, documentId: string): Promise<string[]> => {
    if (!reader.isLocalized(uid)) return [await defaultLocale()];
    const rows = (await strapi.db.query(uid as never).findMany({
      where: { documentId, publishedAt: null },
      select: ['locale'],
    })) as { locale: string }[];
    return [...new Set(rows.map((row) => row.locale))];
  };

  const changes = createChangeTracker({ strapi, store, reader, versions, localesOf });
  const actions: Actions = createActions({
    strapi,
    store,
    changes,
    publisher,
    versions,
    draft: draftOf,
    sensitiveWords,
  });

  /** Refuses reading another site's review to someone who works only for their own sites. */
  const checkReader = (actor: Actor, site: string | null) => {
    if (actor.roles.some((role) => reviewRoles[role].scope === 'cluster')) return;
    if (actor.roles.length > 0 && site !== null && actor.sites.includes(site)) return;
    throw forbidden('other-site', {
      'zh-CN': `您只能查看本单位站点（${actor.sites.join('、') || '无'}）内容的审核情况`,
      en: `You may see the review of your own sites' entries only (${actor.sites.join(', ') || 'none'})`,
    });
  };

  const service = {
    governedTypes,
    isGoverned,
    defaultLocale,
    versions,
    localesOf,
    reader,

    /** Whether the content type is localized. */
    isLocalized: (uid: string) => reader.isLocalized(uid),

    /** The locales of a document that have a review state. */
    async localesWithState(uid: string, documentId: string): Promise<string[]> {
      return (await store.findAll(uid, documentId)).map((state) => state.targetLocale);
    },

    /** Takes a review action for a user; returns the new state as the user sees it. */
    async act(input: ActInput): Promise<EntryReview> {
      const actor = await resolveActor(strapi, input.user);
      const { draft } = await actions.act({ ...input, actor });
      return service.describe(input.uid, input.documentId, input.locale, input.user, actor, draft);
    },

    /** Stage, findings, history and the current user's actions for one document version. */
    async describe(
      uid: string,
      documentId: string,
      locale: string,
      user: AdminUser,
      known?: Actor,
      knownDraft?: Version,
    ): Promise<EntryReview> {
      const [actor, draft, stored, history, online] = await Promise.all([
        known ?? resolveActor(strapi, user),
        knownDraft ?? draftOf(uid, documentId, locale),
        store.find(uid, documentId, locale),
        store.history(uid, documentId, locale),
        isOnline(uid, documentId, locale),
      ]);
      if (!draft) throw missing(documentId, locale);
      checkReader(actor, draft.site);
      const state: ReviewState = stored ?? {
        id: 0,
        targetUid: uid,
        targetDocumentId: documentId,
        targetLocale: locale,
        site: draft.site,
        title: draft.title,
        stage: online ? 'published' : 'draft',
        authorId: null,
        approvers: [],
        findings: [],
        publishAt: null,
        flagged: false,
        flagReviews: {},
        hasPublishedVersion: online,
        version: 0,
        versionHash: null,
        contributors: [],
        submittedAt: null,
      };
      return {
        uid,
        documentId,
        locale,
        site: draft.site,
        title: draft.title,
        stage: state.stage,
        stageLabel: reviewStageLabels[state.stage],
        approvers: state.approvers ?? [],
        findings: state.findings ?? [],
        publishAt: state.publishAt,
        flagged: state.flagged === true,
        flagReviews: state.flagReviews ?? {},
        hasPublishedVersion: online,
        versionHash: state.versionHash,
        submittedAt: state.submittedAt,
        submitterId: state.authorId,
        actions: actions.allowed(actor, state, draft.site, draft),
        roles: [...actor.roles],
        history,
      };
    },

    /**
     * What the draft changes against the online version, field by field, for the reviewers of an entry
     * that is online and came back for review (who may see its review may see this). No online version:
     * `online: false` and no changes (everything is new).
     */
    async diff(uid: string, documentId: string, locale: string, user: AdminUser): Promise<EntryDiff> {
      const [actor, { draft, online }] = await Promise.all([
        resolveActor(strapi, user),
        versions(uid, documentId, locale),
      ]);
      if (!draft) throw missing(documentId, locale);
      checkReader(actor, draft.site);
      if (!online) return { online: false, changes: [] };
      const changes = Object.keys(draft.fields)
        .filter((field) => (draft.fields[field] ?? '') !== (online.fields[field] ?? ''))
        .map((field) => ({
          field,
          label: typeLabels[uid]?.[field] ?? fieldLabels[field] ?? field,
          pieces: diffText(online.fields[field] ?? '', draft.fields[field] ?? ''),
        }));
      return { online: true, changes };
    },

    /**
     * The draft version a preview shows (ADR 25), when the user may see it: the same rule as the diff
     * (the entry's site's people and the cluster-wide reviewers).
     */
    async previewable(
      uid: string,
      documentId: string,
      locale: string,
      user: AdminUser,
    ): Promise<{ hash: string; title: string | null }> {
      const [actor, draft] = await Promise.all([
        resolveActor(strapi, user),
        versions(uid, documentId, locale).then((pair) => pair.draft),
      ]);
      if (!draft) throw missing(documentId, locale);
      checkReader(actor, draft.site);
      return { hash: draft.hash, title: draft.title };
    },

    /** What waits for the current user, with counts per stage. */
    async queue(user: AdminUser, limit = 200) {
      const queue = await queueFor(store, await resolveActor(strapi, user), limit);
      // Reviewers know sites by name, not by key: the stored label (河西镇), the key where none is stored.
      const keys = [...new Set(queue.items.map((item) => item.site).filter((key) => key !== null))];
      const rows: { key: string; label: string | null }[] =
        keys.length === 0
          ? []
          : await strapi.db
              .query('api::site.site')
              .findMany({ where: { key: { $in: keys } }, select: ['key', 'label'] });
      const names = new Map(rows.filter((row) => row.label).map((row) => [row.key, row.label as string]));
      return {
        ...queue,
        items: queue.items.map((item) => ({
          ...item,
          siteName: (item.site && names.get(item.site)) ?? item.site,
        })),
      };
    },

    touched: changes.touched,
    relatedTouched: changes.relatedTouched,
    deleted: changes.deleted,
    discarded: changes.discarded,
    imported: changes.imported,

    /** Writes one log entry. */
    log: store.log,

    /** Publishes every approved entry whose publish time has come; returns how many. */
    publishDue: (now = new Date()) => publishDue({ strapi, store, publisher, changes }, now),

    /** The log as CSV, filtered by site and date range. */
    exportCsv: (filter: { site?: string; from?: Date; to?: Date }) => exportCsv(strapi, filter),
  };
  return service;
}

/** The review service type. */
export type ReviewService = ReturnType<typeof createReviewService>;

/** What a draft changes against the online version of its entry. */
export interface EntryDiff {
  /** Whether the entry has an online version to compare with. */
  readonly online: boolean;
  /** The fields that differ, in the order of the content type, each as pieces of old and new text. */
  readonly changes: readonly { field: string; label: string; pieces: readonly DiffPiece[] }[];
}
