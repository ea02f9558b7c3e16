/**
 * What the CMS and the publisher say to each other (ADR 15, 24, 25), written once for both sides and
 * for the admin, which reads the publisher's status through the CMS: change notices, previews, the
 * publisher's status and its releases.
 * @module
 */
import type { SkippedEntry } from '../snapshot/index.ts';

/** A change notice, posted by the CMS to the publisher's `POST /webhook`. */
export interface ChangeNotice {
  /** Unique per notice: a replayed id is refused. */
  id: string;
  /** What happened, e.g. `publish`, `unpublish`, `delete`, `registry-update`. */
  event: string;
  /** ISO time the CMS saw the change. */
  at: string;
  uid?: string;
  documentId?: string;
  locale?: string;
}

/** What the CMS asks for at the publisher's `POST /preview`: the draft of one entry in one locale. */
export interface PreviewRequest {
  uid: string;
  documentId: string;
  locale: string;
  /** The draft's version (its content hash): the same version on the same live release is built once. */
  version: string;
  /** The draft as the CMS's REST API shapes a document (relations and media populated one level). */
  document: Record<string, unknown>;
}

/** A built preview, as the publisher answers it. */
export interface Preview {
  id: string;
  /** The page's public path, e.g. `/xz/hexi-town/news/20261205-k3x9q2/`. */
  url: string;
  html: string;
  /** How long the build took (0 when it was built before). */
  builtMs: number;
  cached: boolean;
  /** The live release the draft was overlaid on. */
  release: string | null;
}

/** What a release's `release.json` holds. */
export interface ReleaseInfo {
  id: string;
  /** ISO times. */
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  pages: number;
  skipped: SkippedEntry[];
  /** What asked for this build (webhook events, catch-up, start, …), at most a few hundred. */
  changes: string[];
  /** The source's sync token when the build started (what the release is up to date with). */
  syncToken: string | null;
  /** Where the content came from: `cms <url>` or `snapshot <dir>`. */
  source: string;
  /** The release whose unchanged pages were copied, if any. */
  previous: string | null;
  /** The publisher process that built it (`host:pid`). */
  builtBy?: string;
  /** With the shared queue: which publisher rendered each part of the build, and how long it took. */
  parts?: { index: number; worker: string; wallMs: number }[];
  /**
   * An interim release: the pages of the release named here with the search index of `previous`, live
   * while that release indexes (ADR 29); removed once it is live.
   */
  searchFollows?: string;
}

/** A build that did not go live, and why. */
export interface FailedBuild {
  at: string;
  durationMs: number;
  reason: string;
  skipped: SkippedEntry[];
  changes: string[];
}

/** What the publisher's `GET /status` answers. */
export interface PublisherStatus {
  source: string;
  sourceReachable: boolean;
  sourceProblem: string | null;
  live: string | null;
  queue: string[];
  building: { id: string; startedAt: string; changes: string[] } | null;
  releases: ReleaseInfo[];
  failures: FailedBuild[];
  lastCheckAt: string | null;
}
