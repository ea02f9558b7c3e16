/**
 * Reads the content data the checker judges: a snapshot folder, record by record. A record that
 * does not validate is kept (the build skips it, so the checker says so) and still judged where a
 * rule needs only a few of its fields (a service guide missing an element is such a record).
 * @module
 */
import {
  type ContentEntry,
  type ContentTypeKey,
  contentTypes,
  isContentTypeKey,
  type MailboxStatistics,
  MailboxStatisticsSchema,
  type Site,
  SiteSchema,
} from '@govcluster/shared/schemas';
import { mailboxStatisticsRecordType, readSnapshot, SnapshotHeaderSchema } from '@govcluster/shared/snapshot';

/** A content record as the checker sees it: the raw fields, and the parsed entry when valid. */
export interface CheckedRecord {
  readonly type: ContentTypeKey;
  readonly raw: Readonly<Record<string, unknown>>;
  /** The parsed entry; `undefined` when the record does not validate. */
  readonly entry: ContentEntry | undefined;
  /** The schema's complaint when it does not validate. */
  readonly problem?: string;
  /** `snapshot.jsonl:<line>`. */
  readonly where: string;
}

/** The data of a cluster. */
export interface ClusterData {
  /** The day the data is for (the snapshot's `today`), when known. */
  readonly today?: string;
  readonly sites: readonly Site[];
  readonly records: readonly CheckedRecord[];
  /**
   * The mailboxes' statistics, where the data has them: from a CMS they are the only word on letters
   * not yet answered, which are not published.
   */
  readonly mailboxStatistics?: readonly MailboxStatistics[];
}

/** Reads a snapshot folder; throws with file and line when a line is not a record at all. */
export async function readClusterData(dir: string): Promise<ClusterData> {
  let today: string | undefined;
  const sites: Site[] = [];
  const records: CheckedRecord[] = [];
  const mailboxStatistics: MailboxStatistics[] = [];
  for await (const { line, record } of readSnapshot(dir)) {
    const { type, ...fields } = record;
    const where = `snapshot.jsonl:${line}`;
    if (type === 'header') {
      const header = SnapshotHeaderSchema.safeParse(record);
      if (!header.success) throw new Error(`${dir}/${where}: the header is invalid`);
      today = header.data.today;
    } else if (type === 'site') {
      const site = SiteSchema.safeParse(fields);
      if (!site.success) {
        throw new Error(
          `${dir}/${where}: site "${String(fields.id)}" is invalid: ${site.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      }
      sites.push(site.data);
    } else if (type === mailboxStatisticsRecordType) {
      const statistics = MailboxStatisticsSchema.safeParse(fields);
      if (!statistics.success) throw new Error(`${dir}/${where}: the mailbox statistics are invalid`);
      mailboxStatistics.push(statistics.data);
    } else if (isContentTypeKey(type)) {
      const parsed = contentTypes[type].schema.safeParse(fields);
      records.push(
        parsed.success
          ? { type, raw: fields, entry: parsed.data as ContentEntry, where }
          : {
              type,
              raw: fields,
              entry: undefined,
              where,
              problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
            },
      );
    }
  }
  return { today, sites, records, mailboxStatistics };
}

/** Names a record for a reader: `article "fgw-news-1" (zh-CN)`. */
export function recordName(record: CheckedRecord): string {
  return `${record.type} "${String(record.raw.id)}" (${String(record.raw.locale)})`;
}

/** Whether the public sees the record (unreplied letters are not published). */
export function isPublished(record: CheckedRecord): boolean {
  if (record.type === 'letter') return record.raw.status === 'replied';
  return true;
}
