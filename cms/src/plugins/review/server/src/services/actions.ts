/**
 * The review actions a person takes (DESIGN.md "Review before publish"): submit, approve, reject,
 * emergency publish, withdraw, and the review after an emergency publish. Every approval is for one
 * exact version (its hash, taken at submit): a version that changed since has no approval and goes back
 * to draft. Nobody who wrote or changed the version may approve it, and nobody approves twice.
 * Long on purpose (about 400 lines): the actions share their checks (version, separation of duties,
 * site scope) and are read side by side; the state store, queue, scheduling and CSV export are in files
 * of their own.
 */
import {
  checkDistinctReviewer,
  nextStage,
  type ReviewAction,
  type ReviewRole,
  type ReviewStage,
  reasonProblem,
  requiresComment,
  reviewActionInfo,
  reviewRoles,
  screenText,
} from '@govcluster/shared/review';
import type { Core } from '@strapi/strapi';
import type { Actor } from '../actors';
import { conflict, forbidden, invalid, notFound } from '../refusal';
import type { Version } from '../version';
import type { ChangeTracker, VersionPair } from './changes';
import type { Publisher } from './publisher';
import { type LogEntry, type ReviewState, type StateStore, systemActor } from './state-store';

/** The actions a person may take through the API (publish is the system's own). */
export type UserAction = Exclude<ReviewAction, 'publish'> | 'confirm';

/** Input of an action. */
export interface ActionInput {
  uid: string;
  documentId: string;
  locale: string;
  action: UserAction;
  actor: Actor;
  comment?: string;
  /** ISO date-time: publish no earlier than this (submit or final approval). */
  publishAt?: string;
  /** Secrecy reviewer overrides a secrecy-marking finding (a reason is required). */
  override?: boolean;
  /** The version the person saw (from the review panel); acting on another version is refused. */
  versionHash?: string;
}

/** What the actions need from the rest of the service. */
export interface ActionContext {
  strapi: Core.Strapi;
  store: StateStore;
  changes: ChangeTracker;
  publisher: Publisher;
  versions(uid: string, documentId: string, locale: string): Promise<VersionPair>;
  /** The draft version alone (what an action is about). */
  draft(uid: string, documentId: string, locale: string): Promise<Version | null>;
  sensitiveWords(): Promise<string[]>;
}

const lost = () =>
  conflict('changed-meanwhile', {
    'zh-CN': '该内容刚被他人处理，请刷新后重试',
    en: 'Someone else acted on this entry just now; reload and try again',
  });

const changedSinceSubmit = () =>
  conflict('changed-since-submit', {
    'zh-CN': '内容在提交审核后又被修改，原有审核意见已失效，已退回草稿；请撰稿人重新提交',
    en: 'The entry changed after it was submitted, so its approvals no longer apply; it is back at draft and must be submitted again',
  });

/** The flag roles: who reviews an emergency publish afterwards. */
const flagRoles = ['web_reviewer', 'secrecy_reviewer'] as const;

/** Where a finding sits matters less to reviewers than what it is: keep kind and match, drop repeats. */
function uniqueFindings<T extends { kind: string; match: string }>(findings: readonly T[]): T[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.kind}\u0000${finding.match}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The review actions. */
export function createActions(context: ActionContext) {
  const { store, publisher } = context;

  /**
   * The role an actor acts in for an action at a stage: the first of their roles the transition allows,
   * or a refusal in the words of the shared model.
   */
  function roleFor(actor: Actor, stage: ReviewStage, action: ReviewAction): ReviewRole {
    const candidate = actor.roles.find((role) => nextStage(stage, action, role).ok);
    if (candidate) return candidate;
    if (actor.roles.length === 0) {
      throw forbidden('no-review-role', {
        'zh-CN': '您没有审核角色，不能执行审核操作',
        en: 'You have no review role and cannot take review actions',
      });
    }
    const probe = nextStage(stage, action, actor.roles[0] as ReviewRole);
    if (probe.ok) throw new Error('unreachable');
    if (probe.code === 'action-not-allowed-here') throw conflict(probe.code, probe.reason);
    throw forbidden(probe.code, probe.reason);
  }

  /** Refuses a site-scoped role acting on another site's content. */
  function checkSite(actor: Actor, role: ReviewRole, site: string | null): void {
    if (reviewRoles[role].scope !== 'site') return;
    if (site !== null && actor.sites.includes(site)) return;
    throw forbidden('other-site', {
      'zh-CN': `您只能处理本单位站点（${actor.sites.join('、') || '无'}）的内容，此内容属于站点“${site ?? '未指定'}”`,
      en: `You act only on your own sites (${actor.sites.join(', ') || 'none'}); this entry belongs to “${site ?? 'no site'}”`,
    });
  }

  /** Everyone who may not approve this version: its submitter, its contributors, its last editor. */
  function excludedFromApproval(state: ReviewState, draft: Version | null): number[] {
    return [state.authorId, draft?.updatedBy, ...(state.contributors ?? [])].filter(
      (id): id is number => typeof id === 'number',
    );
  }

  /** Why `actor` may not approve `state` now, or null. */
  function approvalRefusal(actor: Actor, state: ReviewState, draft: Version | null) {
    for (const author of excludedFromApproval(state, draft)) {
      const duty = checkDistinctReviewer({ author, approvers: state.approvers ?? [], actor: actor.id });
      if (!duty.ok) {
        return duty.code === 'author-cannot-review' && author !== state.authorId
          ? {
              code: 'contributor-cannot-review',
              reason: {
                'zh-CN': '您修改过此版本的内容，不能审核它；须由未参与修改的人员审核',
                en: 'You changed this version, so you cannot review it; a reviewer who did not change it must',
              },
            }
          : duty;
      }
    }
    const duty = checkDistinctReviewer({ author: -1, approvers: state.approvers ?? [], actor: actor.id });
    return duty.ok ? null : duty;
  }

  /** Screens a version (markings, ID and phone numbers, sensitive words). */
  async function screen(version: Version) {
    return uniqueFindings(screenText(version.text, await context.sensitiveWords()));
  }

  const actions = {
    roleFor,
    checkSite,

    /** The actions a user may take on a state (role, site scope and separation of duties checked). */
    allowed(actor: Actor, state: ReviewState, site: string | null, draft: Version | null): UserAction[] {
      const candidates: UserAction[] = ['submit', 'approve', 'reject', 'emergency_publish', 'withdraw'];
      const allowed = candidates.filter((action) => {
        const role = actor.roles.find(
          (candidate) => nextStage(state.stage, action as ReviewAction, candidate).ok,
        );
        if (!role) return false;
        if (reviewRoles[role].scope === 'site' && (site === null || !actor.sites.includes(site)))
          return false;
        if (action === 'approve') return approvalRefusal(actor, state, draft) === null;
        return true;
      });
      if (state.flagged) {
        const role = flagRoles.find((candidate) => actor.roles.includes(candidate));
        if (role && state.flagReviews?.[role] === undefined) allowed.push('confirm');
      }
      return allowed;
    },

    /**
     * Takes one action. Returns the state afterwards and the versions read, or throws a refusal. A version
     * that changed since it was submitted is sent back to draft (committed) before the refusal is thrown.
     */
    async act(input: ActionInput): Promise<{ draft: Version }> {
      const { uid, documentId, locale, action, actor } = input;
      const comment = input.comment?.trim() ?? '';
      const draft = await context.draft(uid, documentId, locale);
      if (!draft) throw missing(documentId, locale);
      let stale = false;
      await store.ensure(uid, documentId, locale, () => context.versions(uid, documentId, locale));
      await context.strapi.db.transaction(async () => {
        const state = (await store.find(uid, documentId, locale)) as ReviewState;
        const from = state.stage;
        if (action === 'confirm') {
          await actions.confirmEmergency(actor, state, draft, comment);
          return;
        }
        const decides = action === 'approve' || action === 'reject';
        if (decides && input.versionHash !== undefined && input.versionHash !== state.versionHash) {
          throw conflict('stale-view', {
            'zh-CN': '您看到的不是当前待审核的版本（内容已被修改或重新提交），请刷新后再审核',
            en: 'What you saw is not the version now under review (it was changed or submitted again); reload and review it',
          });
        }
        const role = roleFor(actor, from, action);
        checkSite(actor, role, draft.site);
        const moved = nextStage(from, action, role);
        if (!moved.ok) throw forbidden(moved.code, moved.reason);
        if (requiresComment(action)) {
          const problem = reasonProblem(comment);
          if (problem) {
            const label = reviewActionInfo[action].label;
            throw invalid('comment-required', {
              'zh-CN': `“${label['zh-CN']}”${problem.reason['zh-CN']}`,
              en: `“${label.en}”: ${problem.reason.en}`,
            });
          }
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
        const base: Omit<LogEntry, 'action' | 'fromStage' | 'toStage'> = {
          comment: comment || null,
          actorId: actor.id,
          actorName: actor.name,
          actorEmail: actor.email,
          actorRole: role,
          targetUid: uid,
          targetDocumentId: documentId,
          targetLocale: locale,
          site: draft.site,
          title: draft.title,
        };
        if (action === 'submit') {
          const findings = await screen(draft);
          const ok = await store.move(state, {
            stage: moved.to,
            authorId: actor.id,
            approvers: [],
            findings,
            publishAt,
            site: draft.site,
            title: draft.title,
            versionHash: draft.hash,
            submittedAt: new Date().toISOString(),
          });
          if (!ok) throw lost();
          await store.log({
            ...base,
            action,
            fromStage: from,
            toStage: moved.to,
            details: { findings, publishAt },
          });
          return;
        }
        if (action === 'approve') {
          if (draft.hash !== state.versionHash) {
            stale = true;
            await context.changes.backToDraft(state, null, {
              reason: 'the content changed after submission; its approvals were void at the next approval',
            });
            return;
          }
          const refusal = approvalRefusal(actor, state, draft);
          if (refusal) throw forbidden(refusal.code, refusal.reason);
          const markings = (state.findings ?? []).filter((finding) => finding.kind === 'secrecy-marking');
          if (from === 'secrecy_review' && markings.length > 0) {
            if (input.override !== true || reasonProblem(comment) !== null) {
              throw forbidden('secrecy-marking', {
                'zh-CN': `内容含密级标志（${markings.map((m) => m.match).join('、')}），不得发布；确属误报的，须选择“忽略”并填写理由`,
                en: `The entry carries a secrecy marking (${markings.map((m) => m.match).join(', ')}); approve only with an override and a written reason`,
              });
            }
          }
          const approvers = [...(state.approvers ?? []), actor.id];
          const due =
            moved.to === 'approved' && (publishAt === null || new Date(publishAt).getTime() <= Date.now());
          const ok = await store.move(state, {
            stage: due ? 'published' : moved.to,
            approvers,
            publishAt,
            ...(due ? { hasPublishedVersion: true, contributors: [] } : {}),
          });
          if (!ok) throw lost();
          await store.log({
            ...base,
            action,
            fromStage: from,
            toStage: moved.to,
            details: input.override ? { override: markings.map((m) => m.match), publishAt } : { publishAt },
          });
          if (due) {
            await publisher.publish('final-approval', uid, documentId, locale, state.versionHash);
            await store.log({
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
          if (!(await store.move(state, { stage: moved.to, approvers: [] }))) throw lost();
          await store.log({ ...base, action, fromStage: from, toStage: moved.to });
          return;
        }
        if (action === 'emergency_publish') {
          const findings = await screen(draft);
          const ok = await store.move(state, {
            stage: 'published',
            approvers: [],
            findings,
            flagged: true,
            flagReviews: {},
            hasPublishedVersion: true,
            versionHash: draft.hash,
            contributors: [],
          });
          if (!ok) throw lost();
          await publisher.publish('emergency-publish', uid, documentId, locale, draft.hash);
          await store.log({
            ...base,
            action,
            fromStage: from,
            toStage: 'published',
            details: { flagged: true, findings },
          });
          return;
        }
        if (action === 'withdraw') {
          const ok = await store.move(state, {
            stage: 'draft',
            approvers: [],
            hasPublishedVersion: false,
            flagged: false,
            versionHash: null,
          });
          if (!ok) throw lost();
          await publisher.unpublish('withdraw', uid, documentId, locale);
          await store.log({ ...base, action, fromStage: from, toStage: 'draft' });
        }
      });
      if (stale) throw changedSinceSubmit();
      // Publishing does not change the draft: what the caller describes next is still this version.
      return { draft };
    },

    /**
     * Review after an emergency publish: the web-office and the secrecy reviewer each confirm; the flag
     * clears when both have.
     */
    async confirmEmergency(actor: Actor, state: ReviewState, draft: Version, comment: string): Promise<void> {
      if (!state.flagged) {
        throw conflict('not-flagged', {
          'zh-CN': '该内容没有待事后审核的紧急发布',
          en: 'This entry has no emergency publish awaiting review',
        });
      }
      const role = flagRoles.find((candidate) => actor.roles.includes(candidate));
      if (!role) {
        throw forbidden('role-not-allowed', {
          'zh-CN': '紧急发布的事后审核只能由网站管理部门审核人和保密审查人执行',
          en: 'Only the web-office and the secrecy reviewer review an emergency publish afterwards',
        });
      }
      const reviews = { ...(state.flagReviews ?? {}), [role]: actor.id };
      const cleared = reviews.web_reviewer !== undefined && reviews.secrecy_reviewer !== undefined;
      if (!(await store.move(state, { flagReviews: reviews, flagged: !cleared }))) throw lost();
      await store.log({
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
        site: draft.site,
        title: draft.title,
        details: { flagCleared: cleared },
      });
    },
  };
  return actions;
}

/** 404: no such document version. */
export function missing(documentId: string, locale: string) {
  return notFound('no-such-document', {
    'zh-CN': `找不到文档 ${documentId}（语言 ${locale}）`,
    en: `No document ${documentId} in locale ${locale}`,
  });
}

/** The actions type. */
export type Actions = ReturnType<typeof createActions>;
