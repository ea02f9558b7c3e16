/**
 * Types of `@govcluster/shared/review` for the CMS's CommonJS build. The app compiles with
 * `moduleResolution: node`, which does not read package `exports`; at run time Node resolves the
 * package normally (require of an ES module). Keep in step with shared/src/review.
 */
declare module '@govcluster/shared/review' {
  type Bilingual = { readonly 'zh-CN': string; readonly en: string };
  export type ReviewStage =
    | 'draft'
    | 'unit_review'
    | 'web_review'
    | 'secrecy_review'
    | 'approved'
    | 'published';
  export type ReviewRole = 'author' | 'unit_reviewer' | 'web_reviewer' | 'secrecy_reviewer' | 'site_admin';
  export type ReviewActor = ReviewRole | 'system';
  export type ReviewAction = 'submit' | 'approve' | 'reject' | 'publish' | 'emergency_publish' | 'withdraw';
  export type RoleScope = 'site' | 'cluster';
  export interface ReviewTransition {
    readonly action: ReviewAction;
    readonly from: ReviewStage;
    readonly to: ReviewStage;
    readonly actors: readonly ReviewActor[];
  }
  export interface ReviewRefusal {
    readonly ok: false;
    readonly code: 'action-not-allowed-here' | 'role-not-allowed';
    readonly reason: Bilingual;
  }
  export type NextStageResult =
    | { readonly ok: true; readonly to: ReviewStage; readonly transition: ReviewTransition }
    | ReviewRefusal;
  export interface ReviewerRefusal {
    readonly ok: false;
    readonly code: 'author-cannot-review' | 'already-approved';
    readonly reason: Bilingual;
  }
  export type ScreeningKind =
    | 'secrecy-marking'
    | 'id-number'
    | 'mobile-phone'
    | 'landline-phone'
    | 'sensitive-word';
  export interface ScreeningFinding {
    readonly kind: ScreeningKind;
    readonly match: string;
    readonly index: number;
  }
  export const reviewStages: readonly ReviewStage[];
  export const reviewingStages: readonly ReviewStage[];
  export const reviewActions: readonly ReviewAction[];
  export const reviewRoleKeys: ReviewRole[];
  export const reviewStageLabels: Readonly<Record<ReviewStage, Bilingual>>;
  export const reviewRoles: Readonly<
    Record<ReviewRole, { readonly scope: RoleScope; readonly label: Bilingual }>
  >;
  export const reviewActionInfo: Readonly<
    Record<
      ReviewAction,
      { readonly label: Bilingual; readonly requiresComment: boolean; readonly flags: boolean }
    >
  >;
  export const reviewTransitions: readonly ReviewTransition[];
  export const screeningKinds: Readonly<Record<ScreeningKind, Bilingual>>;
  export const secrecyMarkings: readonly string[];
  export function nextStage(stage: ReviewStage, action: ReviewAction, actor: ReviewActor): NextStageResult;
  export function requiresComment(action: ReviewAction): boolean;
  export function flagsEntry(action: ReviewAction): boolean;
  export function availableActions(stage: ReviewStage, actor: ReviewActor): ReviewAction[];
  export function checkDistinctReviewer(input: {
    readonly author: string | number;
    readonly approvers: readonly (string | number)[];
    readonly actor: string | number;
  }): { readonly ok: true } | ReviewerRefusal;
  export function screenText(text: string, sensitiveWords?: readonly string[]): ScreeningFinding[];
  export function isValidIdNumber(value: string): boolean;
  export const minimumReasonLength: number;
  export interface ReasonRefusal {
    readonly code: 'reason-too-short';
    readonly reason: Bilingual;
  }
  export function reasonProblem(text: string | undefined | null): ReasonRefusal | null;
  export function visibleText(text: string): string;
}
