/**
 * The sync token (ADR 15): one short string that changes whenever anything the public sites show
 * changes — a publish (new `updatedAt`), a withdrawal or delete (fewer published rows), a change to a
 * site or column — and once a day, for the mailboxes' statistics. The publisher compares it with the
 * live release's to catch up on missed notices.
 * @module
 */
import { createHash } from 'node:crypto';
import { calendarDay } from '@govcluster/shared/dates';
import type { Core } from '@strapi/strapi';
import { publicContentTypes } from '../setup/public-access';

/**
 * Per type: published rows, and the newest `updated_at` and `published_at` among them; and the China
 * day of `now`, on which the mailboxes' statistics depend.
 */
export async function syncState(
  strapi: Core.Strapi,
  now: Date = new Date(),
): Promise<Record<string, [number, string, string]>> {
  const state: Record<string, [number, string, string]> = {};
  for (const uid of publicContentTypes) {
    const meta = strapi.db.metadata.get(uid);
    const columns = meta.attributes as Record<string, { columnName?: string }>;
    const published = columns.publishedAt?.columnName ?? 'published_at';
    const updated = columns.updatedAt?.columnName ?? 'updated_at';
    const row = (await strapi.db
      .getConnection(meta.tableName)
      .whereNotNull(published)
      .count({ count: '*' })
      .max({ updated, published })
      .first()) as { count: number | string; updated: unknown; published: unknown } | undefined;
    const time = (value: unknown) =>
      value instanceof Date
        ? value.toISOString()
        : value === null || value === undefined
          ? ''
          : String(value);
    state[uid] = [Number(row?.count ?? 0), time(row?.updated), time(row?.published)];
  }
  // The mailboxes' statistics (docs/adr/0023-mailbox.md) change with the day as well as with letters
  // that no published row shows: a new China day asks for one build, so they are at most a day old.
  state.mailboxStatistics = [0, calendarDay(now), ''];
  return state;
}

/** The sync token: a hash of {@link syncState}. */
export async function syncToken(strapi: Core.Strapi): Promise<string> {
  const state = await syncState(strapi);
  return createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 24);
}
