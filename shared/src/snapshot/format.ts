import { z } from 'zod';
import { CalendarDateSchema } from '../schemas/common.ts';
import {
  type ContentEntry,
  type ContentTypeKey,
  contentTypes,
  isContentTypeKey,
} from '../schemas/content-types.ts';
import { LocaleSchema } from '../schemas/locale.ts';
import { type MailboxStatistics, MailboxStatisticsSchema } from '../schemas/mailbox-statistics.ts';
import { type Media, MediaSchema } from '../schemas/media.ts';
import { type Site, SiteSchema } from '../schemas/site.ts';

/** The name of the records file inside a snapshot folder. */
export const snapshotFileName = 'snapshot.jsonl';

/** The format id written in the header; readers refuse any other. */
export const snapshotFormat = 'govcluster-snapshot@1';

/** The scales a snapshot is made at: `fixture` (tests), `demo` (the demo city), `large` (benchmarks). */
export const snapshotScales = ['fixture', 'demo', 'large'] as const;

/**
 * The first record of a snapshot (快照头).
 * @example { type: 'header', format: 'govcluster-snapshot@1', seed: 20240315, scale: 'demo', today: '2026-11-22', locales: ['zh-CN', 'en', 'ru'] }
 */
export const SnapshotHeaderSchema = z.object({
  /**
   * Record type, always `header`.
   * @example 'header'
   */
  type: z.literal('header'),
  /**
   * Format id (格式版本).
   * @example 'govcluster-snapshot@1'
   */
  format: z.literal(snapshotFormat, { error: `must be "${snapshotFormat}"` }),
  /**
   * Seed of the generator's PRNG (随机种子): the same seed and `today` give a byte-identical file.
   * @example 20240315
   */
  seed: z.union([z.number().int().nonnegative(), z.string().min(1)]),
  /**
   * Scale (规模).
   * @example 'demo'
   */
  scale: z.enum(snapshotScales),
  /**
   * The day the data is generated for (基准日期), in Asia/Shanghai.
   * @example '2026-11-22'
   */
  today: CalendarDateSchema,
  /**
   * Locales present in the snapshot (语言版本).
   * @example ['zh-CN', 'en', 'ru']
   */
  locales: z.array(LocaleSchema).min(1),
});

/** The header record of a snapshot. */
export type SnapshotHeader = z.infer<typeof SnapshotHeaderSchema>;

/**
 * The record type of a mailbox's public statistics: one record per site with a mailbox, made from the
 * snapshot's letters (docs/adr/0023-mailbox.md); the build shows it where a CMS build shows the CMS's.
 */
export const mailboxStatisticsRecordType = 'mailboxStatistics';

/** The record types of a snapshot, besides the content type keys. */
export type SnapshotRecordType =
  | 'header'
  | 'site'
  | 'media'
  | typeof mailboxStatisticsRecordType
  | ContentTypeKey;

/** A site record: `{ type: 'site', ...Site }`. */
export type SiteRecord = { type: 'site' } & Site;

/** A media record: `{ type: 'media', ...Media }`. */
export type MediaRecord = { type: 'media' } & Media;

/** A mailbox statistics record: `{ type: 'mailboxStatistics', ...MailboxStatistics }`. */
export type MailboxStatisticsRecord = { type: typeof mailboxStatisticsRecordType } & MailboxStatistics;

/** A content record: `{ type: '<type key>', ...entry }`. */
export type ContentRecord<K extends ContentTypeKey = ContentTypeKey> = {
  [T in K]: { type: T } & ContentEntry<T>;
}[K];

/** Any record of a snapshot. */
export type SnapshotRecord =
  | SnapshotHeader
  | SiteRecord
  | MediaRecord
  | MailboxStatisticsRecord
  | ContentRecord;

/** A record as read from the file, before validation. */
export type RawSnapshotRecord = { readonly type?: unknown } & Readonly<Record<string, unknown>>;

/** The schema of a record's fields (without `type`) by record type; `undefined` for an unknown type. */
export function schemaOfRecordType(type: unknown): z.ZodType | undefined {
  if (type === 'header') return SnapshotHeaderSchema;
  if (type === 'site') return SiteSchema;
  if (type === 'media') return MediaSchema;
  if (type === mailboxStatisticsRecordType) return MailboxStatisticsSchema;
  if (isContentTypeKey(type)) return contentTypes[type].schema;
  return undefined;
}

/** The order of record groups in a file: header, sites, media, content (statistics among the content). */
export function phaseOf(type: SnapshotRecordType): 0 | 1 | 2 | 3 {
  if (type === 'header') return 0;
  if (type === 'site') return 1;
  if (type === 'media') return 2;
  return 3;
}

/** Sorts the keys of plain objects, deeply, for values no schema describes. */
function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedDeep((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * A copy of a value with object keys in the order of the schema's fields (unknown keys dropped,
 * `undefined` fields left out), so that the JSON of equal data is byte-identical.
 */
export function canonicalize(schema: z.core.$ZodType, value: unknown): unknown {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    shape?: Record<string, z.core.$ZodType>;
    element?: z.core.$ZodType;
    innerType?: z.core.$ZodType;
    in?: z.core.$ZodType;
  };
  switch (def.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || def.shape === undefined)
        return value;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape)) {
        const fieldValue = (value as Record<string, unknown>)[key];
        if (fieldValue !== undefined) out[key] = canonicalize(field, fieldValue);
      }
      return out;
    }
    case 'array':
      return Array.isArray(value) && def.element !== undefined
        ? value.map((item) => canonicalize(def.element as z.core.$ZodType, item))
        : value;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return def.innerType === undefined ? value : canonicalize(def.innerType, value);
    case 'pipe':
      return def.in === undefined ? value : canonicalize(def.in, value);
    default:
      return sortedDeep(value);
  }
}

/**
 * One line of a snapshot for a record (without the line end): `type` first, then the fields in schema order.
 * @example serializeRecord({ type: 'media', id: 'img-0001', … }) // '{"type":"media","id":"img-0001",…}'
 */
export function serializeRecord(record: SnapshotRecord | RawSnapshotRecord): string {
  const { type, ...fields } = record as RawSnapshotRecord;
  const schema = schemaOfRecordType(type);
  if (schema === undefined) throw new TypeError(`unknown snapshot record type ${JSON.stringify(type)}`);
  const ordered = canonicalize(schema, type === 'header' ? record : fields) as Record<string, unknown>;
  return JSON.stringify(type === 'header' ? ordered : { type, ...ordered });
}
