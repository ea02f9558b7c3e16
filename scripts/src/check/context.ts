/**
 * What every rule gets: the data, the instant of the check, and how to name places (public URL,
 * CMS edit view) for a finding.
 * @module
 */

import type { Site } from '@govcluster/shared/schemas';
import { entryUrl } from '@govcluster/shared/urls';
import { type CheckedRecord, type ClusterData, recordName } from './data.ts';

/** The inputs of the rules. */
export interface CheckContext {
  readonly data: ClusterData;
  readonly sites: ReadonlyMap<string, Site>;
  /** The instant of the check, in ms since the epoch. */
  readonly now: number;
  /** Public origin to prefix page paths with (no trailing slash); paths alone when absent. */
  readonly siteUrl?: string;
  /** The CMS origin, for edit-view links; none when absent. */
  readonly cmsUrl?: string;
}

/** Milliseconds in a day. */
export const dayMs = 86_400_000;

/** The end of a calendar day in Asia/Shanghai, the instant a check "on that day" is made at. */
export function endOfDay(day: string): number {
  return Date.parse(`${day}T23:59:59+08:00`);
}

/** Builds the context of a check. */
export function checkContext(
  data: ClusterData,
  options: { now: number; siteUrl?: string; cmsUrl?: string },
): CheckContext {
  return {
    data,
    sites: new Map(data.sites.map((site) => [site.id, site])),
    now: options.now,
    siteUrl: options.siteUrl?.replace(/\/+$/, ''),
    cmsUrl: options.cmsUrl?.replace(/\/+$/, ''),
  };
}

/** The public URL of a record's page, when its site is known. */
export function publicUrl(context: CheckContext, record: CheckedRecord): string | undefined {
  const site = context.sites.get(String(record.raw.site));
  if (!site) return undefined;
  const entry = { ...record.raw, locale: record.raw.locale ?? 'zh-CN' } as Parameters<typeof entryUrl>[1];
  return (context.siteUrl ?? '') + entryUrl(record.type, entry, site);
}

/** The public URL of a path inside a site (`''` for its homepage). */
export function sitePageUrl(context: CheckContext, site: Site, pathInSite: string): string {
  return `${context.siteUrl ?? ''}${site.basePath}${pathInSite}`;
}

/**
 * The CMS edit view of a record: the content manager's list of its collection filtered to the
 * entry's key (the snapshot knows the key, not the CMS's documentId), in the entry's locale.
 */
export function editUrl(context: CheckContext, record: CheckedRecord): string | undefined {
  if (!context.cmsUrl) return undefined;
  const name = record.type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const query = new URLSearchParams({
    'filters[$and][0][key][$eq]': String(record.raw.id),
    'plugins[i18n][locale]': String(record.raw.locale ?? 'zh-CN'),
  });
  return `${context.cmsUrl}/admin/content-manager/collection-types/api::${name}.${name}?${query}`;
}

/** The place fields of a finding about a record. */
export function placeOf(context: CheckContext, record: CheckedRecord) {
  return { url: publicUrl(context, record), editUrl: editUrl(context, record), entry: recordName(record) };
}

/** The publication instant of a record, when it has a valid one. */
export function publishedAt(record: CheckedRecord): number | undefined {
  const value = record.raw.publishedAt;
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
