/**
 * Writes a sharded locale's title index (shared/src/search/title-index.ts has the format and the
 * reader; docs/adr/0022-title-index-and-long-runs.md why).
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  copyHash,
  parseQuery,
  postingValue,
  routeBucket,
  type SearchDocument,
  type TitleIndexManifest,
  type TitleRecord,
  titleGrams,
  titleLead,
} from '@govcluster/shared/search';
import { percentile90 } from './shard-files.ts';

/** Records per record file: about 4 KB gzipped with their leads. */
export const titleRecordsPerFile = 32;
/** A gram held by more titles than this is written as `*` (too common to narrow a query down). */
export const titleCommonLimit = 1_000;
/** Raw bytes of postings per bucket aimed at (about 4 KB gzipped). */
const bucketTargetBytes = 10_000;

/** What writing a title index cost. */
export interface WrittenTitleIndex {
  readonly manifest: TitleIndexManifest;
  /** Distinct grams, and how many of them were too common to list. */
  readonly grams: number;
  readonly common: number;
  readonly seconds: number;
}

/**
 * Writes `titles/` under a locale's bundle folder for its pages in shard order (newest first), and
 * returns its manifest entry.
 */
export async function writeTitleIndex(
  pages: readonly SearchDocument[],
  bundleDir: string,
  options: { readonly log?: (line: string) => void } = {},
): Promise<WrittenTitleIndex> {
  const started = performance.now();
  const dir = path.join(bundleDir, 'titles');
  await mkdir(dir, { recursive: true });
  const recordSizes: number[] = [];
  for (let from = 0; from < pages.length; from += titleRecordsPerFile) {
    const records = pages
      .slice(from, from + titleRecordsPerFile)
      .map(
        (page): TitleRecord => [
          page.url,
          page.title,
          page.site,
          page.siteKind,
          page.type,
          page.date,
          titleLead(page.text),
          copyHash(page.text),
        ],
      );
    const text = JSON.stringify(records);
    recordSizes.push(gzipSync(text).length);
    await writeFile(path.join(dir, `r${from / titleRecordsPerFile}.json`), text);
  }
  const postings = new Map<string, number[]>();
  for (const [id, page] of pages.entries()) {
    for (const gram of titleGrams(parseQuery(page.title))) {
      const list = postings.get(gram);
      if (list) list.push(id);
      else postings.set(gram, [id]);
    }
  }
  let common = 0;
  let rawBytes = 0;
  const values = new Map<string, string>();
  for (const [gram, ids] of postings) {
    const value = ids.length > titleCommonLimit ? '*' : postingValue(ids);
    if (value === '*') common += 1;
    values.set(gram, value);
    rawBytes += gram.length * 3 + value.length + 6;
  }
  const buckets = Math.max(1, Math.ceil(rawBytes / bucketTargetBytes));
  const files = Array.from({ length: buckets }, () => ({}) as Record<string, string>);
  for (const [gram, value] of values) files[routeBucket(gram, buckets)]![gram] = value;
  const bucketSizes: number[] = [];
  for (const [bucket, file] of files.entries()) {
    const text = JSON.stringify(file);
    bucketSizes.push(gzipSync(text).length);
    await writeFile(path.join(dir, `p${bucket}.json`), text);
  }
  const seconds = (performance.now() - started) / 1000;
  options.log?.(
    `titles: ${pages.length} titles, ${values.size} grams (${common} too common) in ${buckets} buckets, ${seconds.toFixed(1)} s`,
  );
  return {
    manifest: {
      perFile: titleRecordsPerFile,
      records: pages.length,
      buckets,
      bucketBytes: percentile90(bucketSizes),
      recordBytes: percentile90(recordSizes),
    },
    grams: values.size,
    common,
    seconds,
  };
}
