/**
 * The review itself: state per document and locale, the actions of DESIGN.md "Review before publish",
 * separation of duties, site scope, screening, emergency publish, withdraw, scheduled publishing and the
 * append-only log. Stages and transitions come from `@govcluster/shared/review`; this service adds who
 * the people are, where the content belongs and what is stored.
 */

import {
  checkDistinctReviewer,
  nextStage,
  type ReviewAction,
  type ReviewActor,
  type ReviewRole,
  type ReviewStage,
  requiresComment,
  reviewActionInfo,
  reviewRoles,
  reviewStageLabels,
  type ScreeningFinding,
  screenText,
} from '@govcluster/shared/review';
import type { Core } from '@strapi/strapi';
import { type Actor, type AdminUser, resolveActor } from '../actors';
import { conflict, forbidden, invalid, notFound } from '../refusal';
import { runTrusted } from '../trust';

/** Content type uids of the plugin. */
export const stateUid = 'plugin::review.review-state';
/** The append-only log. */
export const logUid = 'plugin::review.review-log';
/** The sensitive-word list. */
export const wordUid = 'plugin::review.sensitive-word';

/** The actions a person may take through the API (publish is the system's own). */
export type UserAction = Exclude<ReviewAction, 'publish'> | 'confirm';

/** A stored review state (one per document and locale). */
export interface ReviewState {
  id: number;
  targetUid: string;
  targetDocumentId: string;
  targetLocale: string;
  site: string | null;
  title: string | null;
  stage: ReviewStage;
  authorId: number | null;
  approvers: number[] | null;
  findings: ScreeningFinding[] | null;
  publishAt: string | null;
  flagged: boolean | null;
  flagReviews: Partial<Record<'web_reviewer' | 'secrecy_reviewer', number>> | null;
  hasPublishedVersion: boolean | null;
  version: number | null;
}

/** One entry of the log. */
export interface LogEntry {
  action: string;
  fromStage: ReviewStage | null;
  toStage: ReviewStage | null;
  comment?: string | null;
  actorId: number | null;
  actorName: string;
  actorEmail?: string | null;
  actorRole: ReviewActor | 'editor' | 'system';
  targetUid: string;
  targetDocumentId: string;
  targetLocale: string;
  site: string | null;
  title: string | null;
  details?: Record<string, unknown> | null;
}

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
  /** Secrecy reviewer overrides a secrecy-marking finding (comment required). */
  override?: boolean;
}

/** What a user sees about one entry. */
export interface EntryReview {
  uid: string;
  documentId: string;
  locale: string;
  site: string | null;
  title: string | null;
  stage: ReviewStage;
  stageLabel: { 'zh-CN': string; en: string };
  approvers: number[];
  findings: ScreeningFinding[];
  publishAt: string | null;
  flagged: boolean;
  flagReviews: Partial<Record<'web_reviewer' | 'secrecy_reviewer', number>>;
  hasPublishedVersion: boolean;
  /** What the current user may do now (already checked against role, site and separation of duties). */
  actions: UserAction[];
  /** Why other actions are not available to this user (for the panel's hints). */
  roles: ReviewRole[];
  history: (LogEntry & { id: number; at: string })[];
}

const systemActor = { actorId: null, actorName: 'system', actorEmail: null, actorRole: 'system' as const };

/** Attribute types whose text the screening reads. */
const textTypes = new Set(['string', 'text', 'richtext', 'email']);

/** Every string inside a component or dynamic-zone value. */
function stringsIn(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key !== 'id' && key !== '__component') stringsIn(item, out);
    }
  }
}

/** Where a finding sits is less useful to reviewers than what it is: keep kind and match, drop duplicates. */
function uniqueFindings(findings: ScreeningFinding[]): ScreeningFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.kind}\u0000${finding.match}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The review service of the plugin. */
export function createReviewService({ strapi }: { strapi: Core.Strapi }) {
  let governed: Set<string> | undefined;
  const states = () => strapi.db.query(stateUid as never);
  const logs = () => strapi.db.query(logUid as never);

  const service = {
    /** Content types under review: every `api::` type with draft & publish. */
    governedTypes(): Set<string> {
      if (!governed) {
        governed = new Set(
          Object.entries(strapi.contentTypes)
            .filter(([uid, model]) => uid.startsWith('api::') && model.options?.draftAndPublish === true)
            .map(([uid]) => uid),
        );
      }
      return governed;
    },

    /** Whether a content type is under review. */
    isGoverned(uid: string): boolean {
      return service.governedTypes().has(uid);
    },

    /** The default locale of the i18n plugin (zh-CN in this cluster). */
    async defaultLocale(): Promise<string> {
      const locales = strapi.plugin('i18n')?.service('locales') as
        | { getDefaultLocale?: () => Promise<string> }
        | undefined;
      return (await locales?.getDefaultLocale?.()) ?? 'zh-CN';
    },

    /** The locales of a document that have a review state. */
    async localesWithState(uid: string, documentId: string): Promise<string[]> {
      const rows = (await states().findMany({
        where: { targetUid: uid, targetDocumentId: documentId },
        select: ['targetLocale'],
      })) as {
        targetLocale: string;
      }[];
      return rows.map((row) => row.targetLocale);
    },

    /** Whether the content type is localized. */
    isLocalized(uid: string): boolean {
      const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
        | { pluginOptions?: { i18n?: { localized?: boolean } } }
        | undefined;
      return model?.pluginOptions?.i18n?.localized === true;
    },

    /** The draft row of a document in a locale, with its site key, and whether a published version exists. */
    async loadDocument(uid: string, documentId: string, locale: string) {
      if (!service.isGoverned(uid)) {
        throw notFound('not-reviewed-type', {
          'zh-CN': `内容类型“${uid}”不在审核范围内`,
          en: `“${uid}” is not a content type under review`,
        });
      }
      const localeWhere = service.isLocalized(uid) ? { locale } : {};
      const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as {
        attributes: Record<string, { type: string }>;
      };
      const hasSite = model.attributes.site?.type === 'relation';
      const draft = await strapi.db.query(uid as never).findOne({
        where: { documentId, publishedAt: null, ...localeWhere },
        populate: hasSite
          ? { site: { select: ['key'] }, updatedBy: { select: ['id'] } }
          : { updatedBy: { select: ['id'] } },
      });
      if (!draft) {
        throw notFound('no-such-document', {
          'zh-CN': `找不到文档 ${documentId}（语言 ${locale}）`,
          en: `No document ${documentId} in locale ${locale}`,
        });
      }
      const published = await strapi.db.query(uid as never).count({
        where: { documentId, publishedAt: { $notNull: true }, ...localeWhere },
      });
      const title = (draft.title ?? draft.name ?? draft.key ?? null) as string | null;
      return {
        draft: draft as Record<string, unknown> & { id: number; updatedBy?: { id: number } | null },
        site: ((draft.site as { key?: string } | null)?.key ?? null) as string | null,
        title,
        hasPublished: published > 0,
      };
    },

    /** The text the screening reads: every text field of the draft, components included. */
    async textOf(uid: string, documentId: string, locale: string): Promise<string> {
      const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as {
        attributes: Record<string, { type: string }>;
      };
      const fields = Object.entries(model.attributes);
      const populate = Object.fromEntries(
        fields
          .filter(([, attr]) => attr.type === 'component' || attr.type === 'dynamiczone')
          .map(([name]) => [name, { populate: '*' }]),
      );
      const row = await strapi.db.query(uid as never).findOne({
        where: { documentId, publishedAt: null, ...(service.isLocalized(uid) ? { locale } : {}) },
        populate,
      });
      const parts: string[] = [];
      for (const [name, attr] of fields) {
        if (name === 'key' || name === 'locale') continue;
        const value = row?.[name];
        if (textTypes.has(attr.type) && typeof value === 'string') parts.push(value);
        else if (attr.type === 'blocks' || attr.type === 'component' || attr.type === 'dynamiczone')
          stringsIn(value, parts);
      }
      return parts.join('\n');
    },

    /** The sensitive words the web office maintains. */
    async sensitiveWords(): Promise<string[]> {
      const rows = (await strapi.db
        .query(wordUid as never)
        .findMany({ select: ['word'], limit: 100000 })) as { word: string }[];
      return rows.map((row) => row.word);
    },

    /** Screens a document's draft (markings, ID and phone numbers, sensitive words). */
    async screen(uid: string, documentId: string, locale: string): Promise<ScreeningFinding[]> {
      const text = await service.textOf(uid, documentId, locale);
      return uniqueFindings(screenText(text, await service.sensitiveWords()));
    },

    /** The stored state of a document version, if any. */
    async findState(uid: string, documentId: string, locale: string): Promise<ReviewState | null> {
      return (await states().findOne({
        where: { targetUid: uid, targetDocumentId: documentId, targetLocale: locale },
      })) as ReviewState | null;
    },

    /** The state, created on first use: `published` when the document is online, `draft` otherwise. */
    async ensureState(uid: string, documentId: string, locale: string): Promise<ReviewState> {
      const found = await service.findState(uid, documentId, locale);
      if (found) return found;
      const document = await service.loadDocument(uid, documentId, locale);
      try {
        return await service.createState(uid, documentId, locale, document);
      } catch (error) {
        // Someone else created it a moment ago (unique index on the target): use theirs.
        const raced = await service.findState(uid, documentId, locale);
        if (raced) return raced;
        throw error;
      }
    },

    /** Creates the state row of a document version. */
    async createState(
      uid: string,
      documentId: string,
      locale: string,
      document: { site: string | null; title: string | null; hasPublished: boolean },
    ): Promise<ReviewState> {
      return (await states().create({
        data: {
          targetUid: uid,
          targetDocumentId: documentId,
          targetLocale: locale,
          site: document.site,
          title: document.title,
          stage: document.hasPublished ? 'published' : 'draft',
          approvers: [],
          findings: [],
          flagged: false,
          flagReviews: {},
          hasPublishedVersion: document.hasPublished,
          version: 0,
        },
      })) as ReviewState;
    },

    /** Writes one log entry (the only write the log accepts). */
    async log(entry: LogEntry): Promise<void> {
      await logs().create({ data: { ...entry, at: new Date() } });
    },

    /**
     * Moves a state on, but only if nobody else did since it was read (optimistic lock on `version`).
     * Returns false when another action came first.
     */
    async moveState(state: ReviewState, data: Partial<ReviewState>): Promise<boolean> {
      const result = (await states().updateMany({
        where: { id: state.id, version: state.version ?? 0 },
        data: { ...data, version: (state.version ?? 0) + 1 },
      })) as { count: number };
      return result.count === 1;
    },

    /** Publishes a document version on the trusted path. */
    async publishTrusted(reason: string, uid: string, documentId: string, locale: string): Promise<void> {
      await runTrusted(reason, async () => {
        await strapi
          .documents(uid as never)
          .publish({ documentId, ...(service.isLocalized(uid) ? { locale } : {}) } as never);
      });
    },

    /** Unpublishes a document version on the trusted path (withdraw). */
    async unpublishTrusted(reason: string, uid: string, documentId: string, locale: string): Promise<void> {
      await runTrusted(reason, async () => {
        await strapi
          .documents(uid as never)
          .unpublish({ documentId, ...(service.isLocalized(uid) ? { locale } : {}) } as never);
      });
    },

    /**
     * The role an actor acts in for an action at a stage: the first of their roles the transition allows,
     * or a refusal in the words of the shared model.
     */
    roleFor(actor: Actor, stage: ReviewStage, action: ReviewAction): ReviewRole {
      const candidates = actor.roles.filter((role) => nextStage(stage, action, role).ok);
      if (candidates.length > 0) return candidates[0] as ReviewRole;
      const probe = nextStage(stage, action, actor.roles[0] ?? 'author');
      if (probe.ok) throw new Error('unreachable');
      if (actor.roles.length === 0) {
        throw forbidden('no-review-role', {
          'zh-CN': '您没有审核角色，不能执行审核操作',
          en: 'You have no review role and cannot take review actions',
        });
      }
      if (probe.code === 'action-not-allowed-here') throw conflict(probe.code, probe.reason);
      throw forbidden(probe.code, probe.reason);
    },

    /** Refuses a site-scoped role acting on another site's content. */
    checkSite(actor: Actor, role: ReviewRole, site: string | null): void {
      if (reviewRoles[role].scope !== 'site') return;
      if (site !== null && actor.sites.includes(site)) return;
      throw forbidden('other-site', {
        'zh-CN': `您只能处理本单位站点（${actor.sites.join('、') || '无'}）的内容，此内容属于站点“${site ?? '未指定'}”`,
        en: `You act only on your own sites (${actor.sites.join(', ') || 'none'}); this entry belongs to “${site ?? 'no site'}”`,
      });
    },

    /** Takes a review action for a user; returns the new state as the user sees it. */
    async act(input: ActInput): Promise<EntryReview> {
      const { uid, documentId, locale, action, user } = input;
      const comment = input.comment?.trim() ?? '';
      const actor = await resolveActor(strapi, user);
      const document = await service.loadDocument(uid, documentId, locale);
      await service.ensureState(uid, documentId, locale);
      await strapi.db.transaction(async () => {
        const state = (await service.findState(uid, documentId, locale)) as ReviewState;
        const from = state.stage;
        if (action === 'confirm') {
          await service.confirmEmergency(actor, state, document, comment);
          return;
        }
        const role = service.roleFor(actor, from, action);
        service.checkSite(actor, role, document.site);
        const moved = nextStage(from, action, role);
        if (!moved.ok) throw forbidden(moved.code, moved.reason);
        if (requiresComment(action) && comment === '') {
          const label = reviewActionInfo[action].label;
          throw invalid('comment-required', {
            'zh-CN': `“${label['zh-CN']}”必须填写意见或理由`,
            en: `“${label.en}” needs a comment or reason`,
          });
        }
        let publishAt = state.publishAt;
        if (input.publishAt !== undefined) {
          if (action !== 'submit' && !(action === 'approve' && from === 'secrecy_review')) {
            throw invalid('publish-time-not-here', {
              'zh-CN': '定时发布时间只能在提交或保密审查通过时设置',
              en: 'A publish time can be set only when submitting or at the final approval',
            });
          }
          publishAt = input.publishAt;
        }
        const approvers = [...(state.approvers ?? [])];
        const base = {
          comment: comment || null,
          actorId: actor.id,
          actorName: actor.name,
          actorEmail: actor.email,
          actorRole: role,
          targetUid: uid,
          targetDocumentId: documentId,
          targetLocale: locale,
          site: document.site,
          title: document.title,
        };
        const lost = () =>
          conflict('changed-meanwhile', {
            'zh-CN': '该内容刚被他人处理，请刷新后重试',
            en: 'Someone else acted on this entry just now; reload and try again',
          });
        if (action === 'submit') {
          const findings = await service.screen(uid, documentId, locale);
          const ok = await service.moveState(state, {
            stage: moved.to,
            authorId: actor.id,
            approvers: [],
            findings,
            publishAt,
            site: document.site,
            title: document.title,
          });
          if (!ok) throw lost();
          await service.log({
            ...base,
            action,
            fromStage: from,
            toStage: moved.to,
            details: { findings, publishAt },
          });
          return;
        }
        if (action === 'approve') {
          const authors = [state.authorId, document.draft.updatedBy?.id].filter(
            (id): id is number => typeof id === 'number',
          );
          for (const author of authors.length > 0 ? authors : [-1]) {
            const duty = checkDistinctReviewer({ author, approvers, actor: actor.id });
            if (!duty.ok) throw forbidden(duty.code, duty.reason);
          }
          const markings = (state.findings ?? []).filter((finding) => finding.kind === 'secrecy-marking');
          if (from === 'secrecy_review' && markings.length > 0) {
            if (input.override !== true || comment === '') {
              throw forbidden('secrecy-marking', {
                'zh-CN': `内容含密级标志（${markings.map((m) => m.match).join('、')}），不得发布；确属误报的，须选择“忽略”并填写理由`,
                en: `The entry carries a secrecy marking (${markings.map((m) => m.match).join(', ')}); approve only with an override and a written reason`,
              });
            }
          }
          approvers.push(actor.id);
          const due =
            moved.to === 'approved' && (publishAt === null || new Date(publishAt).getTime() <= Date.now());
          const ok = await service.moveState(state, {
            stage: due ? 'published' : moved.to,
            approvers,
            publishAt,
            ...(due ? { hasPublishedVersion: true } : {}),
          });
          if (!ok) throw lost();
          await service.log({
            ...base,
            action,
            fromStage: from,
            toStage: moved.to,
            details: input.override ? { override: markings.map((m) => m.match), publishAt } : { publishAt },
          });
          if (due) {
            await service.publishTrusted('final-approval', uid, documentId, locale);
            await service.log({
              ...base,
              ...systemActor,
              comment: null,
              action: 'publish',
              fromStage: 'approved',
              toStage: 'published',
            });
          }
          return;
        }
        if (action === 'reject') {
          if (!(await service.moveState(state, { stage: moved.to, approvers: [] }))) throw lost();
          await service.log({ ...base, action, fromStage: from, toStage: moved.to });
          return;
        }
        if (action === 'emergency_publish') {
          const findings = await service.screen(uid, documentId, locale);
          const ok = await service.moveState(state, {
            stage: 'published',
            approvers: [],
            findings,
            flagged: true,
            flagReviews: {},
            hasPublishedVersion: true,
          });
          if (!ok) throw lost();
          await service.publishTrusted('emergency-publish', uid, documentId, locale);
          await service.log({
            ...base,
            action,
            fromStage: from,
            toStage: 'published',
            details: { flagged: true, findings },
          });
          return;
        }
        if (action === 'withdraw') {
          const ok = await service.moveState(state, {
            stage: 'draft',
            approvers: [],
            hasPublishedVersion: false,
            flagged: false,
          });
          if (!ok) throw lost();
          await service.unpublishTrusted('withdraw', uid, documentId, locale);
          await service.log({ ...base, action, fromStage: from, toStage: 'draft' });
        }
      });
      return service.describe(uid, documentId, locale, user, actor);
    },

    /**
     * Review after an emergency publish: the web-office and the secrecy reviewer each confirm; the flag
     * clears when both have.
     */
    async confirmEmergency(
      actor: Actor,
      state: ReviewState,
      document: { site: string | null; title: string | null },
      comment: string,
    ): Promise<void> {
      if (!state.flagged) {
        throw conflict('not-flagged', {
          'zh-CN': '该内容没有待事后审核的紧急发布',
          en: 'This entry has no emergency publish awaiting review',
        });
      }
      const role = (['web_reviewer', 'secrecy_reviewer'] as const).find((candidate) =>
        actor.roles.includes(candidate),
      );
      if (!role) {
        throw forbidden('role-not-allowed', {
          'zh-CN': '紧急发布的事后审核只能由网站管理部门审核人和保密审查人执行',
          en: 'Only the web-office and the secrecy reviewer review an emergency publish afterwards',
        });
      }
      const reviews = { ...(state.flagReviews ?? {}), [role]: actor.id };
      const cleared = reviews.web_reviewer !== undefined && reviews.secrecy_reviewer !== undefined;
      if (!(await service.moveState(state, { flagReviews: reviews, flagged: !cleared }))) {
        throw conflict('changed-meanwhile', {
          'zh-CN': '该内容刚被他人处理，请刷新后重试',
          en: 'Someone else acted on this entry just now; reload and try again',
        });
      }
      await service.log({
        action: 'confirm',
        fromStage: state.stage,
        toStage: state.stage,
        comment: comment || null,
        actorId: actor.id,
        actorName: actor.name,
        actorEmail: actor.email,
        actorRole: role,
        targetUid: state.targetUid,
        targetDocumentId: state.targetDocumentId,
        targetLocale: state.targetLocale,
        site: document.site,
        title: document.title,
        details: { flagCleared: cleared },
      });
    },

    /** The actions a user may take on a state (role, site scope and separation of duties checked). */
    actionsFor(
      actor: Actor,
      state: ReviewState,
      site: string | null,
      updatedBy: number | null,
    ): UserAction[] {
      const candidates: UserAction[] = ['submit', 'approve', 'reject', 'emergency_publish', 'withdraw'];
      const allowed = candidates.filter((action) => {
        const role = actor.roles.find(
          (candidate) => nextStage(state.stage, action as ReviewAction, candidate).ok,
        );
        if (!role) return false;
        if (reviewRoles[role].scope === 'site' && (site === null || !actor.sites.includes(site)))
          return false;
        if (action === 'approve') {
          for (const author of [state.authorId, updatedBy]) {
            if (
              typeof author === 'number' &&
              !checkDistinctReviewer({ author, approvers: state.approvers ?? [], actor: actor.id }).ok
            )
              return false;
          }
          if ((state.approvers ?? []).includes(actor.id)) return false;
        }
        return true;
      });
      if (state.flagged) {
        const role = (['web_reviewer', 'secrecy_reviewer'] as const).find((candidate) =>
          actor.roles.includes(candidate),
        );
        if (role && state.flagReviews?.[role] === undefined) allowed.push('confirm');
      }
      return allowed;
    },

    /** Stage, findings, history and the current user's actions for one document version. */
    async describe(
      uid: string,
      documentId: string,
      locale: string,
      user: AdminUser,
      /** The user's actor when the caller has resolved it already (an action just taken). */
      known?: Actor,
    ): Promise<EntryReview> {
      const document = await service.loadDocument(uid, documentId, locale);
      const actor = known ?? (await resolveActor(strapi, user));
      const stored = await service.findState(uid, documentId, locale);
      const state: ReviewState = stored ?? {
        id: 0,
        targetUid: uid,
        targetDocumentId: documentId,
        targetLocale: locale,
        site: document.site,
        title: document.title,
        stage: document.hasPublished ? 'published' : 'draft',
        authorId: null,
        approvers: [],
        findings: [],
        publishAt: null,
        flagged: false,
        flagReviews: {},
        hasPublishedVersion: document.hasPublished,
        version: 0,
      };
      const history = (await logs().findMany({
        where: { targetUid: uid, targetDocumentId: documentId, targetLocale: locale },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        limit: 1000,
      })) as (LogEntry & { id: number; at: string })[];
      return {
        uid,
        documentId,
        locale,
        site: document.site,
        title: document.title,
        stage: state.stage,
        stageLabel: reviewStageLabels[state.stage],
        approvers: state.approvers ?? [],
        findings: state.findings ?? [],
        publishAt: state.publishAt,
        flagged: state.flagged === true,
        flagReviews: state.flagReviews ?? {},
        hasPublishedVersion: document.hasPublished,
        actions: service.actionsFor(actor, state, document.site, document.draft.updatedBy?.id ?? null),
        roles: [...actor.roles],
        history,
      };
    },

    /** What waits for the current user, with counts per stage. */
    async queue(user: AdminUser, limit = 200) {
      const actor = await resolveActor(strapi, user);
      const waiting: ReviewStage[] = [];
      if (actor.roles.includes('unit_reviewer')) waiting.push('unit_review');
      if (actor.roles.includes('web_reviewer')) waiting.push('web_review');
      if (actor.roles.includes('secrecy_reviewer')) waiting.push('secrecy_review');
      const clusterStages = waiting.filter((stage) => stage !== 'unit_review');
      const or: Record<string, unknown>[] = [];
      if (clusterStages.length > 0) or.push({ stage: { $in: clusterStages } });
      if (waiting.includes('unit_review'))
        or.push({ stage: 'unit_review', site: { $in: actor.sites.length ? [...actor.sites] : ['\u0000'] } });
      const flagRoles = (['web_reviewer', 'secrecy_reviewer'] as const).filter((role) =>
        actor.roles.includes(role),
      );
      if (flagRoles.length > 0 || actor.roles.includes('site_admin')) or.push({ flagged: true });
      if (actor.roles.includes('author')) or.push({ stage: 'draft', authorId: actor.id });
      if (or.length === 0) return { items: [], counts: {} as Record<string, number>, roles: actor.roles };
      const rows = (await states().findMany({
        where: { $or: or },
        orderBy: { updatedAt: 'asc' },
        limit: 5000,
      })) as (ReviewState & {
        updatedAt: string;
      })[];
      const items = rows
        .filter((row) => {
          if (row.flagged && flagRoles.length > 0)
            return (
              flagRoles.some((role) => row.flagReviews?.[role] === undefined) || waiting.includes(row.stage)
            );
          if (row.stage === 'draft') {
            // Authors see their own entries that came back from review.
            return (
              row.authorId === actor.id &&
              (row.approvers ?? []).length === 0 &&
              row.version !== null &&
              row.version > 0
            );
          }
          return true;
        })
        .filter((row) => row.stage === 'draft' || row.flagged || !(row.approvers ?? []).includes(actor.id))
        .filter((row) => row.stage === 'draft' || row.flagged || row.authorId !== actor.id);
      const counts: Record<string, number> = {};
      for (const row of items) {
        const key =
          row.flagged && !waiting.includes(row.stage)
            ? 'flagged'
            : row.stage === 'draft'
              ? 'returned'
              : row.stage;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return {
        roles: actor.roles,
        counts,
        items: items.slice(0, limit).map((row) => ({
          uid: row.targetUid,
          documentId: row.targetDocumentId,
          locale: row.targetLocale,
          site: row.site,
          title: row.title,
          stage: row.stage,
          stageLabel: reviewStageLabels[row.stage],
          flagged: row.flagged === true,
          findings: (row.findings ?? []).length,
          since: row.updatedAt,
        })),
      };
    },

    /**
     * The draft of a document version changed (or a new locale version appeared): an entry under review
     * or approved goes back to draft, an online entry keeps its published version but needs review again.
     */
    async draftChanged(
      uid: string,
      documentId: string,
      locales: string[],
      actorId: number | null,
      details: Record<string, unknown> = {
        reason: 'content changed after submission; the published version, if any, stays online',
      },
    ): Promise<void> {
      for (const locale of locales) {
        // Content that went online before it had a state (imported, seeded) gets one now: `published`
        // when it is online, so that this edit moves it to draft like any other.
        const state = await service.ensureState(uid, documentId, locale);
        if (state.stage === 'draft') continue;
        const ok = await service.moveState(state, { stage: 'draft', approvers: [], publishAt: null });
        if (!ok) continue;
        await service.log({
          action: 'edit',
          fromStage: state.stage,
          toStage: 'draft',
          comment: null,
          actorId,
          actorName: actorId === null ? 'system' : `#${actorId}`,
          actorRole: 'editor',
          targetUid: uid,
          targetDocumentId: documentId,
          targetLocale: locale,
          site: state.site,
          title: state.title,
          details,
        });
      }
    },

    /** The draft was reset to the published version (discard changes): the entry is back at `published`. */
    async draftDiscarded(uid: string, documentId: string, locales: string[]): Promise<void> {
      for (const locale of locales) {
        const state = await service.findState(uid, documentId, locale);
        if (!state || !state.hasPublishedVersion || state.stage === 'published') continue;
        if (await service.moveState(state, { stage: 'published', approvers: [], publishAt: null })) {
          await service.log({
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
      }
    },

    /** Publishes every approved entry whose publish time has come; returns how many. */
    async publishDue(now = new Date()): Promise<number> {
      const due = (await states().findMany({
        where: { stage: 'approved', publishAt: { $lte: now.toISOString() } },
        limit: 500,
      })) as ReviewState[];
      let done = 0;
      for (const state of due) {
        try {
          await strapi.db.transaction(async () => {
            if (!(await service.moveState(state, { stage: 'published', hasPublishedVersion: true }))) return;
            await service.publishTrusted(
              'scheduled-publish',
              state.targetUid,
              state.targetDocumentId,
              state.targetLocale,
            );
            await service.log({
              ...systemActor,
              action: 'publish',
              fromStage: 'approved',
              toStage: 'published',
              targetUid: state.targetUid,
              targetDocumentId: state.targetDocumentId,
              targetLocale: state.targetLocale,
              site: state.site,
              title: state.title,
              details: { scheduledFor: state.publishAt },
            });
            done += 1;
          });
        } catch (error) {
          strapi.log.error(
            `[review] scheduled publish of ${state.targetUid} ${state.targetDocumentId} (${state.targetLocale}) failed: ${(error as Error).message}`,
          );
        }
      }
      return done;
    },

    /** The log as CSV (UTF-8 with BOM for spreadsheet programs), filtered by site and date range. */
    async exportCsv(filter: { site?: string; from?: Date; to?: Date }): Promise<string> {
      const where: Record<string, unknown> = {};
      if (filter.site) where.site = filter.site;
      if (filter.from || filter.to) {
        where.at = {
          ...(filter.from ? { $gte: filter.from.toISOString() } : {}),
          ...(filter.to ? { $lt: filter.to.toISOString() } : {}),
        };
      }
      const columns = [
        'at',
        'site',
        'targetUid',
        'targetDocumentId',
        'targetLocale',
        'title',
        'action',
        'fromStage',
        'toStage',
        'actorId',
        'actorName',
        'actorEmail',
        'actorRole',
        'comment',
      ] as const;
      const cell = (value: unknown) => {
        const text =
          value === null || value === undefined
            ? ''
            : value instanceof Date
              ? value.toISOString()
              : String(value);
        // Neutralise spreadsheet formulas and quote every cell.
        const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
        return `"${safe.replace(/"/g, '""')}"`;
      };
      const lines = [columns.join(',')];
      let offset = 0;
      for (;;) {
        const rows = (await logs().findMany({
          where,
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
          offset,
          limit: 1000,
        })) as Record<string, unknown>[];
        for (const row of rows) {
          const at = row.at instanceof Date ? row.at.toISOString() : new Date(String(row.at)).toISOString();
          lines.push(columns.map((column) => cell(column === 'at' ? at : row[column])).join(','));
        }
        if (rows.length < 1000) break;
        offset += rows.length;
      }
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    },
  };
  return service;
}

/** The review service type. */
export type ReviewService = ReturnType<typeof createReviewService>;
