import { once } from 'node:events';
import { createWriteStream, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { entryName, issueMessage, issueRule, SnapshotError, type SnapshotProblem } from './errors.ts';
import {
  phaseOf,
  type RawSnapshotRecord,
  type SnapshotRecord,
  type SnapshotRecordType,
  schemaOfRecordType,
  serializeRecord,
  snapshotFileName,
} from './format.ts';

/** Options of a `SnapshotWriter`. */
export interface SnapshotWriterOptions {
  /** Check every record against its schema before writing it (default `true`). */
  readonly validate?: boolean;
}

/**
 * Writes a snapshot record by record. Lines go to `<dir>/snapshot.jsonl.tmp-<pid>`; `commit()` renames
 * that file over `snapshot.jsonl` in one step and `abort()` removes it, so a failed run leaves the old
 * snapshot or none, never a partial one. Keys are written in schema order: same data, same bytes.
 * Records must come in file order: the header, the sites, the media, then content.
 * @example
 * const writer = new SnapshotWriter('data/demo');
 * try {
 *   await writer.write(header);
 *   for (const site of sites) await writer.write({ type: 'site', ...site });
 *   await writer.commit();
 * } catch (error) {
 *   await writer.abort();
 *   throw error;
 * }
 */
export class SnapshotWriter {
  /** The snapshot folder. */
  readonly dir: string;
  /** The final file, `<dir>/snapshot.jsonl`. */
  readonly file: string;
  /** The temporary file written until `commit()`. */
  readonly tempFile: string;
  #stream: WriteStream;
  #validate: boolean;
  #line = 0;
  #phase = -1;
  #done = false;
  #error: Error | undefined;

  /** Opens the temporary file in `dir` (created if missing). */
  constructor(dir: string, options: SnapshotWriterOptions = {}) {
    this.dir = dir;
    this.file = join(dir, snapshotFileName);
    this.tempFile = `${this.file}.tmp-${process.pid}`;
    this.#validate = options.validate ?? true;
    mkdirSync(dir, { recursive: true });
    // Opened here, synchronously, so the temporary file exists (and is truncated) from the start.
    this.#stream = createWriteStream(this.tempFile, { fd: openSync(this.tempFile, 'w'), encoding: 'utf8' });
    this.#stream.on('error', (error) => {
      this.#error ??= error;
    });
  }

  /** How many records have been written. */
  get count(): number {
    return this.#line;
  }

  /** Writes one record as one line; waits when the disk is slower than the caller. */
  async write(record: SnapshotRecord | RawSnapshotRecord): Promise<void> {
    if (this.#done) throw new Error('SnapshotWriter: write() after commit() or abort()');
    if (this.#error !== undefined) throw this.#error;
    const line = this.#line + 1;
    const raw = record as RawSnapshotRecord;
    const where = {
      file: `${this.file}:${line}`,
      line,
      entry: entryName(raw.type, raw.id, raw.locale),
      ...(typeof raw.type === 'string' ? { type: raw.type } : {}),
      ...(typeof raw.id === 'string' ? { id: raw.id } : {}),
      ...(typeof raw.locale === 'string' ? { locale: raw.locale } : {}),
    };
    const schema = schemaOfRecordType(raw.type);
    if (schema === undefined) {
      throw new SnapshotError([
        { ...where, rule: 'record-type', message: `unknown record type ${JSON.stringify(raw.type)}` },
      ]);
    }
    const phase = phaseOf(raw.type as SnapshotRecordType);
    if ((line === 1) !== (phase === 0) || phase < this.#phase) {
      throw new SnapshotError([
        {
          ...where,
          rule: 'record-order',
          message: 'records come in this order: one header, the sites, the media, then content',
        },
      ]);
    }
    if (this.#validate) {
      const { type, ...fields } = raw;
      const result = schema.safeParse(type === 'header' ? raw : fields);
      if (!result.success) {
        const problems: SnapshotProblem[] = result.error.issues.map((issue) => ({
          ...where,
          rule: issueRule(raw.type, issue, fields),
          path: issue.path.map(String).join('.'),
          message: issueMessage(issue),
        }));
        throw new SnapshotError(problems, 'Refusing to write an invalid record');
      }
    }
    this.#phase = phase;
    this.#line = line;
    if (!this.#stream.write(`${serializeRecord(record)}\n`)) {
      await once(this.#stream, 'drain');
    }
  }

  /** Finishes the file, flushes it to disk and renames it over `snapshot.jsonl`. */
  async commit(): Promise<void> {
    if (this.#done) throw new Error('SnapshotWriter: commit() after commit() or abort()');
    if (this.#error !== undefined) throw this.#error;
    if (this.#line === 0)
      throw new Error('SnapshotWriter: nothing written, a snapshot needs at least its header');
    this.#done = true;
    this.#stream.end();
    await once(this.#stream, 'finish');
    const handle = await open(this.tempFile, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.tempFile, this.file);
  }

  /** Stops writing and removes the temporary file; the previous snapshot, if any, is untouched. */
  async abort(): Promise<void> {
    if (this.#done && this.#stream.writableFinished) {
      await rm(this.tempFile, { force: true });
      return;
    }
    this.#done = true;
    if (!this.#stream.destroyed) {
      const closed = once(this.#stream, 'close').catch(() => undefined);
      this.#stream.destroy();
      await closed;
    }
    await rm(this.tempFile, { force: true });
  }
}

/**
 * Writes a whole snapshot from records in file order and commits it; on any error the temporary file
 * is removed and the error rethrown.
 */
export async function writeSnapshot(
  dir: string,
  records: Iterable<SnapshotRecord | RawSnapshotRecord> | AsyncIterable<SnapshotRecord | RawSnapshotRecord>,
  options: SnapshotWriterOptions = {},
): Promise<void> {
  const writer = new SnapshotWriter(dir, options);
  try {
    for await (const record of records) await writer.write(record);
    await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
