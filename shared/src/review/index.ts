/**
 * Review before publish, as data: stages, roles with their scope, actions and transitions,
 * and the screening at submit. Used by the CMS review plugin.
 * @module
 */
export {
  minimumReasonLength,
  type ReasonRefusal,
  reasonProblem,
  visibleText,
} from './reasons.ts';
export {
  isValidIdNumber,
  type ScreeningFinding,
  type ScreeningKind,
  screeningKinds,
  screeningPatterns,
  screenText,
  secrecyMarkings,
} from './screening.ts';
export {
  availableActions,
  checkDistinctReviewer,
  flagsEntry,
  type NextStageResult,
  nextStage,
  type ReviewAction,
  type ReviewActor,
  type ReviewerRefusal,
  type ReviewRefusal,
  type ReviewRole,
  type ReviewStage,
  type ReviewTransition,
  type RoleScope,
  requiresComment,
  reviewActionInfo,
  reviewActions,
  reviewingStages,
  reviewRoleKeys,
  reviewRoles,
  reviewStageLabels,
  reviewStages,
  reviewTransitions,
} from './workflow.ts';
