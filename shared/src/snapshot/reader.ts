import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { entryName, SnapshotError } from './errors.ts';
import { type RawSnapshotRecord, snapshotFileName } from './format.ts';

/** The path of the records file of a snapshot folder. */
export function snapshotFile(dir: string): string {
  return join(dir, snapshotFileName);
}

/** The raw lines of a file, one at a time, numbered from 1; `\r` is kept so callers can report it. */
export async function* readLines(file: string): AsyncGenerator<{ line: number; text: string }> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      yield { line, text };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

/**
 * Reads a snapshot record by record, streaming: memory holds one line at a time.
 * Records are parsed JSON, not yet validated (see `validateSnapshot`). A line that is not a JSON object
 * with a `type` throws a `SnapshotError` naming the file and the line.
 * @example for await (const { line, record } of readSnapshot('data/demo')) if (record.type === 'site') …
 */
export async function* readSnapshot(
  dir: string,
): AsyncGenerator<{ line: number; record: RawSnapshotRecord }> {
  const file = snapshotFile(dir);
  for await (const { line, text } of readLines(file)) {
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      throw new SnapshotError([
        {
          file: `${file}:${line}`,
          line,
          entry: 'record',
          rule: 'json-syntax',
          message: (error as Error).message,
        },
      ]);
    }
    if (
      record === null ||
      typeof record !== 'object' ||
      Array.isArray(record) ||
      typeof (record as RawSnapshotRecord).type !== 'string'
    ) {
      throw new SnapshotError([
        {
          file: `${file}:${line}`,
          line,
          entry: entryName(undefined, undefined, undefined),
          rule: 'record-type',
          message: 'each line must be a JSON object with a "type"',
        },
      ]);
    }
    yield { line, record: record as RawSnapshotRecord };
  }
}
