import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { takeBack, writeInterim } from './pages-first.ts';
import type { ReleaseManifest } from './release-manifest.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(root: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const manifest: ReleaseManifest = {
  format: 'govcluster-release@1',
  version: 'v',
  files: { 'index.html': 'h', 'news/a/index.html': 'a' },
  entries: {},
  redirects: {},
  search: { 'zh-CN': [{ key: 'new', dir: 'pagefind/zh-CN' }] },
};

describe('pages first', () => {
  it('makes the interim output of the build’s own folders (no second tree of the pages before they go live) and links them back for the complete output', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pages-first-'));
    dirs.push(root);
    const previous = tree(path.join(root, 'previous'), {
      'pagefind/zh-CN/pagefind.js': 'old index',
      '.govcluster/route-counts/old.txt': 'old counts',
    });
    const built = tree(path.join(root, 'built'), {
      'index.html': 'home',
      'news/a/index.html': 'a',
      '.govcluster/search-documents.jsonl': 'documents',
    });
    const folder = statSync(path.join(built, 'news', 'a')).ino;
    const interim = path.join(root, 'interim');
    const made = await writeInterim({
      built,
      previousDir: previous,
      outDir: interim,
      manifest,
      previousSearch: { 'zh-CN': [{ key: 'old', dir: 'pagefind/zh-CN' }] },
      writeNginx: async (dir) => writeFileSync(path.join(dir, 'nginx.conf'), 'server {}'),
    });
    // Moved, not made again: a folder per page was most of a publication's own work after Astro.
    expect(statSync(path.join(interim, 'news', 'a')).ino).toBe(folder);
    expect(existsSync(built)).toBe(false);
    expect(readFileSync(path.join(interim, 'pagefind/zh-CN/pagefind.js'), 'utf8')).toBe('old index');
    const interimManifest = JSON.parse(readFileSync(path.join(interim, '.govcluster/manifest.json'), 'utf8'));
    expect(interimManifest.search['zh-CN'][0].key).toBe('old');
    // What the publisher adds to it once it is complete is not the build's.
    writeFileSync(path.join(interim, 'release.json'), '{}');

    await takeBack(interim, built, made);
    expect(readFileSync(path.join(built, 'news/a/index.html'), 'utf8')).toBe('a');
    expect(statSync(path.join(built, 'news/a/index.html')).ino).toBe(
      statSync(path.join(interim, 'news/a/index.html')).ino,
    );
    expect(existsSync(path.join(built, '.govcluster/search-documents.jsonl'))).toBe(true);
    // Whatever the complete output writes for itself is not a link into the live interim output.
    for (const own of [
      'release.json',
      'nginx.conf',
      'pagefind',
      '.govcluster/manifest.json',
      '.govcluster/redirects.json',
      '.govcluster/route-counts',
    ])
      expect(existsSync(path.join(built, own)), own).toBe(false);
  });

  it('leaves the build’s folder as it was when the interim output cannot be made', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pages-first-'));
    dirs.push(root);
    const previous = tree(path.join(root, 'previous'), { 'pagefind/zh-CN/pagefind.js': 'old index' });
    const built = tree(path.join(root, 'built'), { 'index.html': 'home' });
    await expect(
      writeInterim({
        built,
        previousDir: previous,
        outDir: path.join(root, 'interim'),
        manifest,
        previousSearch: {},
        writeNginx: async () => {
          throw new Error('no nginx.conf');
        },
      }),
    ).rejects.toThrow('no nginx.conf');
    expect(existsSync(path.join(built, 'pagefind'))).toBe(false);
    expect(readFileSync(path.join(built, 'index.html'), 'utf8')).toBe('home');
  });
});
