import { randomBytes } from 'node:crypto';
import { calendarDay } from '@govcluster/shared/dates';
import type { Core } from '@strapi/strapi';

/** Attributes that hold an entry's stable id or URL segment, made by the CMS when a new entry lacks them. */
const generatedAttributes = ['key', 'slug'] as const;

/** Types whose entries authors create: the registry (sites, columns) keeps keys its administrators choose. */
const registryUids = new Set(['api::site.site', 'api::column.column']);

/**
 * A new entry key: the day in China Standard Time and six random base-36 characters, e.g.
 * `20261205-k3x9q2`. Matches every schema's `^[a-z0-9][a-z0-9-]*$`, whatever the title is written in.
 */
export function newEntryKey(now: Date = new Date(), random: () => Buffer = () => randomBytes(6)): string {
  const day = calendarDay(now).replaceAll('-', '');
  const suffix = [...random()].map((byte) => (byte % 36).toString(36)).join('');
  return `${day}-${suffix}`;
}

/**
 * Fills `key` (and `slug`, where the type has one) on every create of a content entry that arrives
 * without them, on every path (content manager, REST, document service), so an author never invents
 * an id and a Chinese title never meets the id's pattern. Register in `register()`.
 */
export function generateEntryKeys(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.action !== 'create' || registryUids.has(ctx.uid) || !ctx.uid.startsWith('api::')) return next();
    const attributes = strapi.getModel(ctx.uid).attributes as Record<string, unknown>;
    const params = ctx.params as { data?: Record<string, unknown> };
    params.data ??= {};
    let key: string | undefined;
    for (const name of generatedAttributes) {
      if (!(name in attributes)) continue;
      const value = params.data[name];
      if (typeof value === 'string' && value.trim() !== '') continue;
      key ??= newEntryKey();
      params.data[name] = key;
    }
    return next();
  });
}
