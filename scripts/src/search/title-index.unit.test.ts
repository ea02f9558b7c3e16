import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  copyHash,
  parsePostings,
  parseQuery,
  type TitlePostingFile,
  type TitleRecord,
  titleCandidates,
} from '@govcluster/shared/search';
import { afterAll, describe, expect, it } from 'vitest';
import { testDocument } from './test-documents.ts';
import { titleCommonLimit, titleRecordsPerFile, writeTitleIndex } from './title-index.ts';

/** A zh-CN page with a title. */
const page = (index: number, title: string) =>
  testDocument({ url: `/news/n-${index}/`, title, text: `正文${index}　　第二段` });

describe('title index writer', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('writes records in order and postings a reader finds them by, common grams as *', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gc-titles-'));
    dirs.push(dir);
    // Every title holds 通知; one in a thousand and more is too common to list.
    const pages = Array.from({ length: titleCommonLimit + 5 }, (_, index) => page(index, `第${index}号通知`));
    pages.push(page(9_999, '灵活就业人员参加基本养老保险登记'));
    const written = await writeTitleIndex(pages, dir);
    expect(written.manifest.records).toBe(pages.length);
    expect(written.common).toBeGreaterThan(0);
    const file = async (name: string) =>
      JSON.parse(await readFile(path.join(dir, 'titles', `${name}.json`), 'utf8'));
    const postings = (bucket: number, gram: string) =>
      file(`p${bucket}`).then((bucketFile: TitlePostingFile) =>
        bucketFile[gram] === undefined ? undefined : parsePostings(bucketFile[gram]!),
      );
    const last = pages.length - 1;
    const ids = await titleCandidates(parseQuery('参加基本养老保险'), written.manifest.buckets, postings);
    expect(ids).toEqual([last]);
    const records = (await file(`r${Math.floor(last / titleRecordsPerFile)}`)) as TitleRecord[];
    expect(records[last % titleRecordsPerFile]).toEqual([
      '/news/n-9999/',
      '灵活就业人员参加基本养老保险登记',
      'portal',
      'portal',
      'article',
      '2024-01-01',
      '正文9999 第二段',
      // The whole text's copy hash: digits aside, as copies compare.
      copyHash('正文1　　第二段'),
    ]);
    // A number is a word: 第12号通知 is found by 12, and not by 1.
    expect(await titleCandidates(parseQuery('第12号'), written.manifest.buckets, postings)).toEqual([12]);
    // 通知 alone is too common for the index to answer.
    expect(await titleCandidates(parseQuery('通知'), written.manifest.buckets, postings)).toBeUndefined();
  });
});
