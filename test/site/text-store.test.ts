/**
 * The text store that keeps entries' long texts out of Astro's content data store: what the loaders
 * write is what the pages read, and a store that does not match the kept entries is noticed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedText, TextStoreWriter, textStoreFile } from '../../sites/src/lib/text-store.ts';

let work: string;
let file: string;
const previous = process.env.GOVCLUSTER_TEXT_STORE;

describe('text store', () => {
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'gc-text-store-'));
    file = path.join(work, 'cache', 'texts.sqlite');
    process.env.GOVCLUSTER_TEXT_STORE = file;
  });

  afterAll(() => {
    if (previous === undefined) delete process.env.GOVCLUSTER_TEXT_STORE;
    else process.env.GOVCLUSTER_TEXT_STORE = previous;
    rmSync(work, { recursive: true, force: true });
  });

  it('moves the long texts out of the data and gives them back by entry', () => {
    const writer = new TextStoreWriter(file);
    writer.reset('article');
    const data: Record<string, unknown> = { id: 'a-1', title: '标题', body: '正文：临江市' };
    writer.batch(() => writer.takeTexts('article', 'a-1/zh-CN', data));
    expect(data).toEqual({
      id: 'a-1',
      title: '标题',
      storedTexts: ['body'],
      storedTextsDigest: expect.any(String),
    });
    expect(storedText('article', 'a-1/zh-CN', 'body')).toBe('正文：临江市');
    // A letter without a reply keeps nothing in the store.
    const letter: Record<string, unknown> = { id: 'l-1', question: '问' };
    writer.takeTexts('letter', 'l-1/zh-CN', letter);
    expect(letter.storedTexts).toBeUndefined();
  });

  it('leaves a digest of the texts in the data, which changes with any text (what fingerprints hash)', () => {
    const writer = new TextStoreWriter(file);
    const digest = (texts: Record<string, unknown>) => {
      const data: Record<string, unknown> = { id: 'd-1', ...texts };
      writer.takeTexts('letter', 'd-1/zh-CN', data);
      return data.storedTextsDigest;
    };
    const first = digest({ body: '问：路灯坏了', reply: '答：已修复' });
    expect(digest({ body: '问：路灯坏了', reply: '答：已修复' })).toBe(first);
    expect(digest({ body: '问：路灯坏了', reply: '答：已修复。' })).not.toBe(first);
    expect(digest({ body: '问：路灯坏了答：', reply: '已修复' })).not.toBe(first);
    expect(digest({ body: '问：路灯坏了' })).not.toBe(digest({ reply: '问：路灯坏了' }));
    expect(digest({})).toBeUndefined();
  });

  it('replaces a changed text and forgets a deleted entry', () => {
    const writer = new TextStoreWriter(file);
    writer.takeTexts('article', 'a-1/zh-CN', { body: '改过的正文' });
    expect(storedText('article', 'a-1/zh-CN', 'body')).toBe('改过的正文');
    writer.deleteTexts('article', 'a-1/zh-CN');
    expect(() => storedText('article', 'a-1/zh-CN', 'body')).toThrow(
      /has no body for article a-1\/zh-CN: delete that file and build again/,
    );
  });

  it('gives each reset a new token and clears only that collection', () => {
    const writer = new TextStoreWriter(file);
    const first = writer.reset('policy');
    writer.takeTexts('policy', 'p-1/zh-CN', { body: '政策正文' });
    writer.takeTexts('interpretation', 'i-1/zh-CN', { body: '解读正文' });
    expect(writer.token('policy')).toBe(first);
    const second = writer.reset('policy');
    expect(second).not.toBe(first);
    expect(writer.token('policy')).toBe(second);
    expect(() => storedText('policy', 'p-1/zh-CN', 'body')).toThrow(/no body/);
    expect(storedText('interpretation', 'i-1/zh-CN', 'body')).toBe('解读正文');
    expect(writer.token('village')).toBeUndefined();
  });

  it('says where the store should have been set', () => {
    expect(() => textStoreFile({})).toThrow(/GOVCLUSTER_TEXT_STORE is not set/);
  });
});
