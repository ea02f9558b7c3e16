/**
 * Where the review keeps what it knows: one state row per document version (uid, document id, locale)
 * and the append-only log. States are written through the query engine only, guarded by an optimistic
 * lock on `version`; the log only ever gets new rows.
 */
import type { ReviewActor, ReviewStage, ScreeningFinding } from '@govcluster/shared/review';
import type { Core } from '@strapi/strapi';
import type { Version } from '../version';

/** Content type uids of the plugin. */
export const stateUid = 'plugin::review.review-state';
/** The append-only log. */
export const logUid = 'plugin::review.review-log';
/** The sensitive-word list. */
export const wordUid = 'plugin::review.sensitive-word';

/** A stored review state (one per document and locale). */
export interface ReviewState {
  id: number;
  targetUid: string;
  targetDocumentId: string;
  targetLocale: string;
  site: string | null;
  title: string | null;
  stage: ReviewStage;
  /** Who submitted the version under review. */
  authorId: number | null;
  approvers: number[] | null;
  findings: ScreeningFinding[] | null;
  publishAt: string | null;
  flagged: boolean | null;
  flagReviews: Partial<Record<'web_reviewer' | 'secrecy_reviewer', number>> | null;
  hasPublishedVersion: boolean | null;
  version: number | null;
  /**
   * The hash of the version the approvals are for (set at submit), or of the version that is online
   * (stage `published`). A version with another hash has no approval.
   */
  versionHash: string | null;
  /** Everyone who changed the content since it last went online: none of them may approve it. */
  contributors: number[] | null;
  /** When the version under review was submitted. */
  submittedAt: string | null;
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

/** A log entry as stored. */
export type StoredLogEntry = LogEntry & { id: number; at: string };

/** The actor fields of a log entry written by the system itself. */
export const systemActor = {
  actorId: null,
  actorName: 'system',
  actorEmail: null,
  actorRole: 'system' as const,
};

/** The store of review states and the log. */
export function createStateStore(strapi: Core.Strapi) {
  const states = () => strapi.db.query(stateUid as never);
  const logs = () => strapi.db.query(logUid as never);

  const store = {
    /** The stored state of a document version, if any. */
    async find(uid: string, documentId: string, locale: string): Promise<ReviewState | null> {
      return (await states().findOne({
        where: { targetUid: uid, targetDocumentId: documentId, targetLocale: locale },
      })) as ReviewState | null;
    },

    /** Every state of a document (all its locale versions). */
    async findAll(uid: string, documentId: string): Promise<ReviewState[]> {
      return (await states().findMany({
        where: { targetUid: uid, targetDocumentId: documentId },
      })) as ReviewState[];
    },

    /**
     * The state, created on first use: `published` (with the online version's hash) when the document is
     * online, `draft` otherwise. `online` is the online version, when the caller has read it.
     */
    async ensure(
      uid: string,
      documentId: string,
      locale: string,
      describe: () => Promise<{ draft: Version | null; online: Version | null }>,
    ): Promise<ReviewState> {
      const found = await store.find(uid, documentId, locale);
      if (found) return found;
      const { draft, online } = await describe();
      const basis = online ?? draft;
      try {
        return (await states().create({
          data: {
            targetUid: uid,
            targetDocumentId: documentId,
            targetLocale: locale,
            site: basis?.site ?? null,
            title: basis?.title ?? null,
            stage: online ? 'published' : 'draft',
            approvers: [],
            findings: [],
            flagged: false,
            flagReviews: {},
            hasPublishedVersion: online !== null,
            version: 0,
            versionHash: online?.hash ?? null,
            contributors: [],
          },
        })) as ReviewState;
      } catch (error) {
        // Someone else created it a moment ago (unique index on the target): use theirs.
        const raced = await store.find(uid, documentId, locale);
        if (raced) return raced;
        throw error;
      }
    },

    /**
     * Moves a state on, but only if nobody else did since it was read (optimistic lock on `version`).
     * Returns false when another action came first.
     */
    async move(state: ReviewState, data: Partial<ReviewState>): Promise<boolean> {
      const result = (await states().updateMany({
        where: { id: state.id, version: state.version ?? 0 },
        data: { ...data, version: (state.version ?? 0) + 1 },
      })) as { count: number };
      return result.count === 1;
    },

    /** Writes one log entry (the only write the log accepts). */
    async log(entry: LogEntry): Promise<void> {
      await logs().create({ data: { ...entry, at: new Date() } });
    },

    /** The log of one document version, oldest first. */
    async history(uid: string, documentId: string, locale: string): Promise<StoredLogEntry[]> {
      return (await logs().findMany({
        where: { targetUid: uid, targetDocumentId: documentId, targetLocale: locale },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        limit: 1000,
      })) as StoredLogEntry[];
    },

    /** The states matching a query-engine `where`, oldest change first. */
    async query(
      where: Record<string, unknown>,
      limit = 5000,
    ): Promise<(ReviewState & { updatedAt: string })[]> {
      return (await states().findMany({ where, orderBy: { updatedAt: 'asc' }, limit })) as (ReviewState & {
        updatedAt: string;
      })[];
    },
  };
  return store;
}

/** The state store type. */
export type StateStore = ReturnType<typeof createStateStore>;

/** `list` with `id` added once (a set of user ids kept as a JSON list). */
export function withMember(list: readonly number[] | null | undefined, id: number | null): number[] {
  const out = [...(list ?? [])];
  if (typeof id === 'number' && !out.includes(id)) out.push(id);
  return out;
}
