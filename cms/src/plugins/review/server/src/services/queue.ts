/**
 * 待我审核: what waits for the current user — entries at their review level (own sites for unit
 * reviewers), emergency publishes to review afterwards, and for authors their entries that came back.
 * Entries the user wrote, changed or already approved are not theirs to review and are left out.
 */
import { type ReviewStage, reviewStageLabels } from '@govcluster/shared/review';
import type { Actor } from '../actors';
import type { StateStore } from './state-store';

const flagRoles = ['web_reviewer', 'secrecy_reviewer'] as const;

/** The queue of one user, with counts per stage (`returned` for authors, `flagged` for reviews afterwards). */
export async function queueFor(store: StateStore, actor: Actor, limit = 200) {
  const waiting: ReviewStage[] = [];
  if (actor.roles.includes('unit_reviewer')) waiting.push('unit_review');
  if (actor.roles.includes('web_reviewer')) waiting.push('web_review');
  if (actor.roles.includes('secrecy_reviewer')) waiting.push('secrecy_review');
  const clusterStages = waiting.filter((stage) => stage !== 'unit_review');
  const or: Record<string, unknown>[] = [];
  if (clusterStages.length > 0) or.push({ stage: { $in: clusterStages } });
  if (waiting.includes('unit_review'))
    or.push({ stage: 'unit_review', site: { $in: actor.sites.length ? [...actor.sites] : ['\u0000'] } });
  const flaggers = flagRoles.filter((role) => actor.roles.includes(role));
  if (flaggers.length > 0 || actor.roles.includes('site_admin')) or.push({ flagged: true });
  if (actor.roles.includes('author')) or.push({ stage: 'draft', authorId: actor.id });
  if (or.length === 0) return { items: [], counts: {} as Record<string, number>, roles: actor.roles };
  const rows = await store.query({ $or: or });
  const items = rows.filter((row) => {
    if (row.flagged && flaggers.length > 0)
      return flaggers.some((role) => row.flagReviews?.[role] === undefined) || waiting.includes(row.stage);
    if (row.stage === 'draft') {
      // Authors see their own entries that came back from review.
      return (
        row.authorId === actor.id &&
        (row.approvers ?? []).length === 0 &&
        row.version !== null &&
        row.version > 0
      );
    }
    if (row.flagged) return true;
    return (
      !(row.approvers ?? []).includes(actor.id) &&
      row.authorId !== actor.id &&
      !(row.contributors ?? []).includes(actor.id)
    );
  });
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
      submittedAt: row.submittedAt,
      submitterId: row.authorId,
    })),
  };
}
