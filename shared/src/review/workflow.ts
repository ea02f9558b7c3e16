/** The review stages (审核环节), in order. */
export const reviewStages = [
  'draft',
  'unit_review',
  'web_review',
  'secrecy_review',
  'approved',
  'published',
] as const;

/** A review stage. */
export type ReviewStage = (typeof reviewStages)[number];

/** The stages at which a reviewer decides (审核中). */
export const reviewingStages = [
  'unit_review',
  'web_review',
  'secrecy_review',
] as const satisfies readonly ReviewStage[];

/** Names of the stages in Chinese and English. */
export const reviewStageLabels: Readonly<Record<ReviewStage, { 'zh-CN': string; en: string }>> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  unit_review: { 'zh-CN': '本单位审核', en: 'Unit review' },
  web_review: { 'zh-CN': '网站管理部门审核', en: 'Web-office review' },
  secrecy_review: { 'zh-CN': '保密审查', en: 'Secrecy review' },
  approved: { 'zh-CN': '待发布', en: 'Approved' },
  published: { 'zh-CN': '已发布', en: 'Published' },
};

/**
 * The roles (角色) with their scope: `site` roles act only on their own sites, `cluster` roles on every site.
 */
export const reviewRoles = {
  /** 撰稿人: writes and submits entries for their own sites. */
  author: { scope: 'site', label: { 'zh-CN': '撰稿人', en: 'Author' } },
  /** 本单位审核: first level, own site. */
  unit_reviewer: { scope: 'site', label: { 'zh-CN': '本单位审核人', en: 'Unit reviewer' } },
  /** 网站管理部门审核: second level, cluster-wide. */
  web_reviewer: { scope: 'cluster', label: { 'zh-CN': '网站管理部门审核人', en: 'Web-office reviewer' } },
  /** 保密审查: third level, cluster-wide. */
  secrecy_reviewer: { scope: 'cluster', label: { 'zh-CN': '保密审查人', en: 'Secrecy reviewer' } },
  /** 站点管理员: manages sites, columns and users; may emergency-publish with a reason. */
  site_admin: { scope: 'cluster', label: { 'zh-CN': '站点管理员', en: 'Site administrator' } },
} as const satisfies Record<string, { scope: 'site' | 'cluster'; label: { 'zh-CN': string; en: string } }>;

/** A review role. */
export type ReviewRole = keyof typeof reviewRoles;

/** The role keys. */
export const reviewRoleKeys = Object.keys(reviewRoles) as ReviewRole[];

/** The scope of a role. */
export type RoleScope = (typeof reviewRoles)[ReviewRole]['scope'];

/** Who acts: a role, or the system itself (scheduled publishing of approved entries). */
export type ReviewActor = ReviewRole | 'system';

/** The review actions (审核操作). */
export const reviewActions = [
  'submit',
  'approve',
  'reject',
  'publish',
  'emergency_publish',
  'withdraw',
] as const;

/** A review action. */
export type ReviewAction = (typeof reviewActions)[number];

/** What each action means, whether it needs a comment, and whether it flags the entry. */
export const reviewActionInfo = {
  /** 提交审核 */
  submit: { label: { 'zh-CN': '提交审核', en: 'Submit for review' }, requiresComment: false, flags: false },
  /** 审核通过 */
  approve: { label: { 'zh-CN': '审核通过', en: 'Approve' }, requiresComment: false, flags: false },
  /** 退回修改: the comment says why. */
  reject: { label: { 'zh-CN': '退回修改', en: 'Reject' }, requiresComment: true, flags: false },
  /** 发布: done by the system once approved. */
  publish: { label: { 'zh-CN': '发布', en: 'Publish' }, requiresComment: false, flags: false },
  /** 紧急发布: the reason is required and the entry stays flagged until reviewed afterwards. */
  emergency_publish: {
    label: { 'zh-CN': '紧急发布', en: 'Emergency publish' },
    requiresComment: true,
    flags: true,
  },
  /** 撤稿: the reason is required. */
  withdraw: { label: { 'zh-CN': '撤稿', en: 'Withdraw' }, requiresComment: true, flags: false },
} as const satisfies Record<
  ReviewAction,
  { label: { 'zh-CN': string; en: string }; requiresComment: boolean; flags: boolean }
>;

/** One allowed move: an action by one of some actors takes an entry from a stage to another. */
export interface ReviewTransition {
  /** The action. */
  readonly action: ReviewAction;
  /** The stage the entry is in. */
  readonly from: ReviewStage;
  /** The stage it moves to. */
  readonly to: ReviewStage;
  /** Who may do it. */
  readonly actors: readonly ReviewActor[];
}

/** Every allowed transition (as data: the CMS review plugin and the docs read this list). */
export const reviewTransitions: readonly ReviewTransition[] = [
  { action: 'submit', from: 'draft', to: 'unit_review', actors: ['author'] },
  { action: 'approve', from: 'unit_review', to: 'web_review', actors: ['unit_reviewer'] },
  { action: 'approve', from: 'web_review', to: 'secrecy_review', actors: ['web_reviewer'] },
  { action: 'approve', from: 'secrecy_review', to: 'approved', actors: ['secrecy_reviewer'] },
  { action: 'reject', from: 'unit_review', to: 'draft', actors: ['unit_reviewer'] },
  { action: 'reject', from: 'web_review', to: 'draft', actors: ['web_reviewer'] },
  { action: 'reject', from: 'secrecy_review', to: 'draft', actors: ['secrecy_reviewer'] },
  { action: 'publish', from: 'approved', to: 'published', actors: ['system'] },
  { action: 'emergency_publish', from: 'draft', to: 'published', actors: ['site_admin'] },
  { action: 'emergency_publish', from: 'unit_review', to: 'published', actors: ['site_admin'] },
  { action: 'emergency_publish', from: 'web_review', to: 'published', actors: ['site_admin'] },
  { action: 'emergency_publish', from: 'secrecy_review', to: 'published', actors: ['site_admin'] },
  { action: 'withdraw', from: 'published', to: 'draft', actors: ['site_admin', 'web_reviewer'] },
];

/** Why a move is not allowed: a stable code and a sentence for the user. */
export interface ReviewRefusal {
  /** `ok: false` */
  readonly ok: false;
  /** `action-not-allowed-here` (no such move from this stage) or `role-not-allowed` (someone else's move). */
  readonly code: 'action-not-allowed-here' | 'role-not-allowed';
  /** The reason, in Chinese and English. */
  readonly reason: { readonly 'zh-CN': string; readonly en: string };
}

/** The outcome of `nextStage()`: the target stage, or why not. */
export type NextStageResult =
  | { readonly ok: true; readonly to: ReviewStage; readonly transition: ReviewTransition }
  | ReviewRefusal;

/** The label of an actor. */
function actorLabel(actor: ReviewActor, locale: 'zh-CN' | 'en'): string {
  return actor === 'system' ? (locale === 'zh-CN' ? '系统' : 'the system') : reviewRoles[actor].label[locale];
}

/**
 * Where an action by an actor takes an entry in a stage, or why it may not.
 * Pure: whether the actor is the author or has approved before is for the caller to check.
 * @example nextStage('unit_review', 'approve', 'unit_reviewer') // { ok: true, to: 'web_review', … }
 * @example nextStage('unit_review', 'approve', 'author') // { ok: false, code: 'role-not-allowed', … }
 */
export function nextStage(stage: ReviewStage, action: ReviewAction, actor: ReviewActor): NextStageResult {
  const transition = reviewTransitions.find(
    (candidate) => candidate.from === stage && candidate.action === action,
  );
  const actionLabel = reviewActionInfo[action].label;
  const stageLabel = reviewStageLabels[stage];
  if (transition === undefined) {
    return {
      ok: false,
      code: 'action-not-allowed-here',
      reason: {
        'zh-CN': `“${stageLabel['zh-CN']}”环节不能执行“${actionLabel['zh-CN']}”操作`,
        en: `“${actionLabel.en}” is not possible at the “${stageLabel.en}” stage`,
      },
    };
  }
  if (!transition.actors.includes(actor)) {
    const allowed = transition.actors;
    return {
      ok: false,
      code: 'role-not-allowed',
      reason: {
        'zh-CN': `“${stageLabel['zh-CN']}”环节的“${actionLabel['zh-CN']}”只能由${allowed.map((a) => actorLabel(a, 'zh-CN')).join('或')}执行，${actorLabel(actor, 'zh-CN')}无权操作`,
        en: `At the “${stageLabel.en}” stage only ${allowed.map((a) => actorLabel(a, 'en')).join(' or ')} may “${actionLabel.en}”, not ${actorLabel(actor, 'en')}`,
      },
    };
  }
  return { ok: true, to: transition.to, transition };
}

/** Whether an action needs a written comment or reason (reject, emergency publish, withdraw). */
export function requiresComment(action: ReviewAction): boolean {
  return reviewActionInfo[action].requiresComment;
}

/** Whether an action flags the entry until it is reviewed afterwards (emergency publish). */
export function flagsEntry(action: ReviewAction): boolean {
  return reviewActionInfo[action].flags;
}

/** The actions an actor may take on an entry in a stage. */
export function availableActions(stage: ReviewStage, actor: ReviewActor): ReviewAction[] {
  return reviewTransitions
    .filter((transition) => transition.from === stage && transition.actors.includes(actor))
    .map((transition) => transition.action);
}

/** Why a person may not approve: they wrote the entry, or they already approved this version. */
export interface ReviewerRefusal {
  /** `ok: false` */
  readonly ok: false;
  /** `author-cannot-review` or `already-approved`. */
  readonly code: 'author-cannot-review' | 'already-approved';
  /** The reason, in Chinese and English. */
  readonly reason: { readonly 'zh-CN': string; readonly en: string };
}

/**
 * Rule 1 of the review: three approvals by three different people, none of them the author.
 * Given who wrote the entry and who approved it since it last left `draft`, may `actor` approve now?
 * @example checkDistinctReviewer({ author: 7, approvers: [12], actor: 12 }) // { ok: false, code: 'already-approved', … }
 */
export function checkDistinctReviewer(input: {
  /** The author of the version under review. */
  readonly author: string | number;
  /** Who approved this version so far, in order. */
  readonly approvers: readonly (string | number)[];
  /** Who wants to approve now. */
  readonly actor: string | number;
}): { readonly ok: true } | ReviewerRefusal {
  if (input.actor === input.author) {
    return {
      ok: false,
      code: 'author-cannot-review',
      reason: { 'zh-CN': '撰稿人不能审核自己撰写的内容', en: 'Authors cannot review their own entries' },
    };
  }
  if (input.approvers.includes(input.actor)) {
    return {
      ok: false,
      code: 'already-approved',
      reason: {
        'zh-CN': '同一人不能在多个审核环节审核同一内容，须由三位不同人员审核',
        en: 'Each review level needs a different person: you already approved this version',
      },
    };
  }
  return { ok: true };
}
