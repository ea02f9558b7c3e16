import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CachedDocument,
  documentCacheFile,
  readDocumentCache,
  writeDocumentCache,
} from './document-cache.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const page = (index: number): CachedDocument => ({
  url: `/news/${index}/`,
  file: `1:${index}:100:0`,
  document: null,
  scripts: [],
  assets: index % 2 === 0 ? [`photo-${index}.webp`] : [],
});

describe('the search documents kept beside a release', () => {
  it('reads back what was written, across blocks, and nothing for other sites or a broken file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'document-cache-'));
    dirs.push(dir);
    // Enough pages (with long names) for several write blocks.
    const pages = Array.from({ length: 3_000 }, (_, index) => ({
      ...page(index),
      url: `/news/${'长'.repeat(200)}-${index}/`,
    }));
    await writeDocumentCache(dir, 'sites-a', pages);
    const read = await readDocumentCache(dir, 'sites-a');
    expect([...read.values()]).toEqual(pages);
    expect((await readDocumentCache(dir, 'sites-b')).size).toBe(0);
    writeFileSync(
      path.join(dir, documentCacheFile),
      '{"format":"govcluster-search-documents@3","sites":"sites-a"}\n{broken',
    );
    expect((await readDocumentCache(dir, 'sites-a')).size).toBe(0);
    expect((await readDocumentCache(path.join(dir, 'none'), 'sites-a')).size).toBe(0);
  });
});
