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
   * while that release indexes (ADR 30); removed once it is live.
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
  /** The inspection of the live releases (ADR 29); absent from a publisher that does not inspect. */
  health?: HealthStatus;
}

/** One single-veto finding, as the 发布状态 page lists it. */
export interface HealthItem {
  /** The checker's rule key, e.g. `dead-link`. */
  rule: string;
  /** The rule's name for a web office, e.g. `不可用链接`. */
  label: string;
  /** What is wrong, with the figures. */
  message: string;
  /** The public page concerned, when there is one. */
  url?: string;
}

/** One site's health after an inspection. */
export interface SiteHealth {
  id: string;
  /** The site's Chinese name. */
  name: string;
  /** No single-veto finding. */
  passed: boolean;
  /** Number of single-veto findings (单项否决). */
  vetoes: number;
  /** The first single-veto findings (at most 20; the full list is in the report). */
  vetoItems: HealthItem[];
  /** Number of other findings. */
  warnings: number;
}

/** The result of one inspection of a release. */
export interface ClusterHealth {
  /** The release inspected. */
  release: string;
  /** ISO time the check finished. */
  checkedAt: string;
  durationMs: number;
  /** The day of the check (Asia/Shanghai). */
  today: string;
  passed: boolean;
  /** Failing sites first, then by number of other findings. */
  sites: SiteHealth[];
}

/** What the publisher knows about the inspection of its releases. */
export interface HealthStatus {
  /** The last completed inspection, or null before the first. */
  last: ClusterHealth | null;
  /** The inspection under way, if any. */
  checking: { release: string; startedAt: string } | null;
  /** A release waiting for its inspection (a newer release replaces it). */
  waiting: string | null;
  /** Why the last inspection could not run, when it could not. */
  problem: string | null;
}
