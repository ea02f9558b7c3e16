/**
 * What the admin shows about publishing (ADR 15): the publisher's own status (read over HTTP from its
 * `GET /status`, so the admin never shows a stale copy) and, for one entry, whether the live release
 * contains its published version and at which public URL.
 * @module
 */

import { typeMappings } from '@govcluster/shared/cms-mapping';
import type { PublisherStatus } from '@govcluster/shared/publishing';
import { entryPath, sitePrefix } from '@govcluster/shared/urls';
import type { Core } from '@strapi/strapi';
import { publisherUrls } from './notify.ts';

/** What `GET /review/publishing` answers: the publisher's status, or why it could not be read. */
export interface PublishingStatus {
  status: PublisherStatus | null;
  problem: string | null;
}

/** The publisher's status, or why it could not be read. */
export async function publisherStatus(): Promise<PublishingStatus> {
  const urls = publisherUrls();
  if (urls.length === 0)
    return { status: null, problem: 'PUBLISHER_URL is off: no publisher runs for this CMS' };
  const problems: string[] = [];
  // Publishers sharing a queue see the same releases: the first that answers speaks for them.
  for (const base of urls) {
    try {
      const response = await fetch(`${base}/status`, { signal: AbortSignal.timeout(3_000) });
      if (!response.ok) {
        problems.push(`the publisher at ${base} answered ${response.status}`);
        continue;
      }
      return { status: (await response.json()) as PublisherStatus, problem: null };
    } catch (error) {
      problems.push(`the publisher at ${base} does not answer (${(error as Error).message})`);
    }
  }
  return { status: null, problem: problems.join('; ') };
}

/** The public sites' origin: GOVCLUSTER_SITE_URL, default the local static server. */
export function publicOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GOVCLUSTER_SITE_URL ?? `http://127.0.0.1:${env.PORT_SITES ?? 4321}`).replace(/\/+$/, '');
}

/** Where one entry stands on the public site. */
export interface EntryPublication {
  /** When its published version was published, or null when it has none. */
  publishedAt: string | null;
  /** Its public URL (origin GOVCLUSTER_SITE_URL, default the local static server). */
  url: string | null;
  /** When the release that contains it went live, or null. */
  liveAt: string | null;
  /** Why it is not live, when it is not. */
  reason: string | null;
}

/** Whether the live release contains the entry's published version, and where. */
export async function entryPublication(
  strapi: Core.Strapi,
  status: PublisherStatus | null,
  uid: string,
  documentId: string,
  locale: string,
): Promise<EntryPublication> {
  const mapping = typeMappings.find((type) => type.uid === uid);
  const entry = (await strapi.documents(uid as never).findOne({
    documentId,
    status: 'published',
    ...(mapping?.localized ? { locale } : {}),
    populate: { site: { fields: ['basePath'] }, column: { fields: ['slug'] } },
  } as never)) as unknown as {
    publishedAt: string;
    key?: string;
    slug?: string;
    site?: { basePath?: string };
    column?: { slug?: string };
  } | null;
  if (!entry) return { publishedAt: null, url: null, liveAt: null, reason: null };
  const origin = publicOrigin();
  const url =
    mapping && entry.site?.basePath && entry.key
      ? origin +
        sitePrefix({ basePath: entry.site.basePath }, locale as never) +
        entryPath(mapping.typeKey as never, { id: entry.key, column: entry.column?.slug, slug: entry.slug })
      : null;
  const publishedAt = new Date(entry.publishedAt).toISOString();
  // The editor reads these in the review panel: what it means for the public site, in the admin's
  // language; the technical detail is on the 发布状态 page and in the publisher's log.
  if (!status)
    return {
      publishedAt,
      url,
      liveAt: null,
      reason: '发布服务暂无响应，公开网站将在其恢复后更新（详见“发布状态”）',
    };
  const live = status.releases.find((release) => release.id === status.live);
  // A release contains every change committed before its build started (notices are sent on commit).
  if (live && live.startedAt >= publishedAt)
    return { publishedAt, url, liveAt: live.finishedAt, reason: null };
  const failure = status.failures.find((failed) => failed.at >= publishedAt);
  const reason = failure
    ? failure.reason
    : status.building
      ? `正在构建发布版本 ${status.building.id}，完成后上线`
      : !status.sourceReachable
        ? '发布服务暂时读不到内容管理系统，恢复后自动补发（详见“发布状态”）'
        : '在发布队列中，将随下一个发布版本上线';
  return { publishedAt, url, liveAt: null, reason };
}
