/**
 * The snapshot: a folder with `snapshot.jsonl` (JSON Lines: header, sites, media, content) and `media/`.
 * Streaming writer and reader, validation, and a loader for small snapshots.
 * @module
 */
export {
  entryName,
  issueMessage,
  issueRule,
  type SkippedEntry,
  SnapshotError,
  type SnapshotProblem,
} from './errors.ts';
export {
  type ContentRecord,
  canonicalize,
  type MailboxStatisticsRecord,
  type MediaRecord,
  mailboxStatisticsRecordType,
  type RawSnapshotRecord,
  type SiteRecord,
  type SnapshotHeader,
  SnapshotHeaderSchema,
  type SnapshotRecord,
  type SnapshotRecordType,
  schemaOfRecordType,
  serializeRecord,
  snapshotFileName,
  snapshotFormat,
  snapshotScales,
} from './format.ts';
export { type LoadedSnapshot, type LoadSnapshotOptions, loadSnapshot } from './load.ts';
export { readLines, readSnapshot, snapshotFile } from './reader.ts';
export { type SnapshotValidation, type ValidateSnapshotOptions, validateSnapshot } from './validate.ts';
export { SnapshotWriter, type SnapshotWriterOptions, writeSnapshot } from './writer.ts';
