/**
 * Scheduled publishing: approved entries whose publish time has come go live, but only as the exact
 * version that was approved. A version that changed since goes back to draft instead, logged.
 */
import type { Core } from '@strapi/strapi';
import type { ChangeTracker } from './changes';
import type { Publisher } from './publisher';
import { type ReviewState, type StateStore, systemActor } from './state-store';

/** Publishes every approved entry whose publish time has come; returns how many went online. */
export async function publishDue(
  context: { strapi: Core.Strapi; store: StateStore; publisher: Publisher; changes: ChangeTracker },
  now = new Date(),
): Promise<number> {
  const { strapi, store, publisher, changes } = context;
  const due = (await store.query(
    { stage: 'approved', publishAt: { $lte: now.toISOString() } },
    500,
  )) as ReviewState[];
  let done = 0;
  for (const state of due) {
    const target = `${state.targetUid} ${state.targetDocumentId} (${state.targetLocale})`;
    try {
      await strapi.db.transaction(async () => {
        if (!(await store.move(state, { stage: 'published', hasPublishedVersion: true, contributors: [] })))
          return;
        await publisher.publish(
          'scheduled-publish',
          state.targetUid,
          state.targetDocumentId,
          state.targetLocale,
          state.versionHash,
        );
        await store.log({
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
      const code = (error as { details?: { code?: string } }).details?.code;
      if (code === 'changed-since-submit') {
        // The version changed after its approval: it is not the one the reviewers approved.
        const current = await store.find(state.targetUid, state.targetDocumentId, state.targetLocale);
        if (current?.stage === 'approved') {
          await changes.backToDraft(current, null, {
            reason: 'the content changed after its approval; the scheduled publish did not happen',
            scheduledFor: state.publishAt,
          });
        }
        strapi.log.warn(
          `[review] scheduled publish of ${target} refused: the content changed after approval`,
        );
        continue;
      }
      strapi.log.error(`[review] scheduled publish of ${target} failed: ${(error as Error).message}`);
    }
  }
  return done;
}
