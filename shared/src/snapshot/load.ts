import type { z } from 'zod';
import {
  type ContentEntry,
  type ContentTypeKey,
  contentTypeKeys,
  contentTypes,
  isContentTypeKey,
  type PublicContentEntry,
} from '../schemas/content-types.ts';
import { isPublicLetter } from '../schemas/letter.ts';
import { type MailboxStatistics, MailboxStatisticsSchema } from '../schemas/mailbox-statistics.ts';
import { type Media, MediaSchema } from '../schemas/media.ts';
import { type Site, SiteSchema } from '../schemas/site.ts';
import { entryName, issueMessage, issueRule, SnapshotError } from './errors.ts';
import { mailboxStatisticsRecordType, type SnapshotHeader, SnapshotHeaderSchema } from './format.ts';
import { readSnapshot, snapshotFile } from './reader.ts';
import { type ValidateSnapshotOptions, validateSnapshot } from './validate.ts';

/** Options of `loadSnapshot()`. */
export interface LoadSnapshotOptions extends ValidateSnapshotOptions {
  /** Run `validateSnapshot()` first and throw on any problem (default `true`). */
  readonly validate?: boolean;
  /**
   * Load what the public may see (default `false`): entries parsed with their public schema
   * (letters without the writer) and only replied letters kept.
   */
  readonly public?: boolean;
}

/** A whole snapshot in memory, grouped by record type. */
export interface LoadedSnapshot<P extends boolean = false> {
  /** The header. */
  readonly header: SnapshotHeader;
  /** The sites (the registry), in file order. */
  readonly sites: readonly Site[];
  /** The media, in file order. */
  readonly media: readonly Media[];
  /** The mailboxes' public statistics, one per site, in file order. */
  readonly mailboxStatistics: readonly MailboxStatistics[];
  /** The content entries by type key, in file order. */
  readonly entries: {
    readonly [K in ContentTypeKey]: readonly (P extends true ? PublicContentEntry<K> : ContentEntry<K>)[];
  };
}

/**
 * Loads a small snapshot (tests, fixture clusters) into memory, validated, grouped by type.
 * For the large scale, stream with `readSnapshot()` instead.
 * Throws a `SnapshotError` listing every problem when the snapshot is invalid.
 */
export async function loadSnapshot(
  dir: string,
  options: LoadSnapshotOptions & { public: true },
): Promise<LoadedSnapshot<true>>;
export async function loadSnapshot(dir: string, options?: LoadSnapshotOptions): Promise<LoadedSnapshot>;
export async function loadSnapshot(
  dir: string,
  options: LoadSnapshotOptions = {},
): Promise<LoadedSnapshot<boolean>> {
  if (options.validate ?? true) {
    const { problems } = await validateSnapshot(dir, options);
    if (problems.length > 0) throw new SnapshotError(problems);
  }
  const file = snapshotFile(dir);
  let header: SnapshotHeader | undefined;
  const sites: Site[] = [];
  const media: Media[] = [];
  const mailboxStatistics: MailboxStatistics[] = [];
  const entries = Object.fromEntries(contentTypeKeys.map((key) => [key, [] as unknown[]])) as Record<
    ContentTypeKey,
    unknown[]
  >;
  for await (const { line, record } of readSnapshot(dir)) {
    const { type, ...fields } = record;
    const where = { file: `${file}:${line}`, line, entry: entryName(type, record.id, record.locale) };
    const fail = (error: z.ZodError): never => {
      throw new SnapshotError(
        error.issues.map((issue) => ({
          ...where,
          rule: issueRule(type, issue, fields),
          message: issueMessage(issue),
        })),
      );
    };
    if (type === 'header') {
      const result = SnapshotHeaderSchema.safeParse(record);
      header = result.success ? result.data : fail(result.error);
    } else if (type === 'site') {
      const result = SiteSchema.safeParse(fields);
      sites.push(result.success ? result.data : fail(result.error));
    } else if (type === 'media') {
      const result = MediaSchema.safeParse(fields);
      media.push(result.success ? result.data : fail(result.error));
    } else if (type === mailboxStatisticsRecordType) {
      const result = MailboxStatisticsSchema.safeParse(fields);
      mailboxStatistics.push(result.success ? result.data : fail(result.error));
    } else if (isContentTypeKey(type)) {
      const info = contentTypes[type];
      const result = (options.public ? info.publicSchema : info.schema).safeParse(fields);
      const entry = result.success ? result.data : fail(result.error);
      if (options.public && type === 'letter' && !isPublicLetter(entry as { status: 'replied' })) continue;
      entries[type].push(entry);
    } else {
      throw new SnapshotError([
        { ...where, rule: 'record-type', message: `unknown record type ${JSON.stringify(type)}` },
      ]);
    }
  }
  if (header === undefined) {
    throw new SnapshotError([
      { file, line: 0, entry: 'header', rule: 'header-first', message: 'the snapshot has no header line' },
    ]);
  }
  return { header, sites, media, mailboxStatistics, entries } as LoadedSnapshot<boolean>;
}
