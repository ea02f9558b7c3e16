import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** Raw records of a snapshot grouped by `type`, before validation. */
export interface RawSource {
  /** A token that changes whenever the source changes (for incremental loading). */
  version: string;
  /** Absolute folder that media `file` paths are relative to (snapshot only). */
  mediaRoot: string | null;
  records: Map<string, Record<string, unknown>[]>;
}

const digests = new WeakMap<object, string>();

/**
 * A digest of a record's line in the snapshot: the same line gives the same digest, so a loader can
 * keep what it made of that record in the last build (src/loaders/cluster-loader.ts).
 */
export function recordDigest(record: object): string | undefined {
  return digests.get(record);
}

/**
 * Streams `snapshot.jsonl` of a snapshot folder line by line and groups the records by type.
 * A line that is not JSON fails with the file and line number.
 */
export async function readSnapshot(dir: string): Promise<RawSource> {
  const file = path.resolve(dir, 'snapshot.jsonl');
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
  } catch {
    throw new Error(
      `GOVCLUSTER_SNAPSHOT: no snapshot at ${file} (expected a folder with snapshot.jsonl and media/)`,
    );
  }
  const records = new Map<string, Record<string, unknown>[]>();
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new Error(`${file}:${lineNumber}: not a JSON record (${(error as Error).message})`);
    }
    const type = String(record.type);
    if (lineNumber === 1 && type !== 'header')
      throw new Error(`${file}:1: the first record must be the header`);
    let list = records.get(type);
    if (!list) {
      list = [];
      records.set(type, list);
    }
    const { type: _type, ...rest } = record;
    digests.set(rest, createHash('sha1').update(line).digest('base64url'));
    list.push(rest);
  }
  return { version: `snapshot:${file}:${stat.size}:${stat.mtimeMs}`, mediaRoot: path.dirname(file), records };
}
