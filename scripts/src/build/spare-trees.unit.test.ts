import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PreviousIncomplete, takeUnchanged } from './incremental.ts';
import { filesUnder, reconcileTree, sparePool } from './spare-trees.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spare-trees-'));
  dirs.push(dir);
  return dir;
}

function tree(root: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** Every file under `root` with its text. */
function texts(root: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(root)
      .sort()
      .map((file) => [file, readFileSync(path.join(root, file), 'utf8')]),
  );
}

const ino = (file: string) => statSync(file).ino;

describe('spare trees', () => {
  it('reconciles a spare tree to exactly the wanted links, keeping its folders and the files it already shares', async () => {
    const root = scratch();
    const previous = tree(path.join(root, 'previous'), {
      'index.html': 'home',
      'news/a/index.html': 'a',
      'news/b/index.html': 'b',
      'about/index.html': 'about',
    });
    // An older release: shares a's file, has b's text in a file of its own, a page gone since, and a
    // file where the new tree has a folder.
    const spare = tree(path.join(root, 'spare'), {
      'news/b/index.html': 'b',
      'news/gone/index.html': 'gone',
      'gone/deep/x/index.html': 'x',
      about: 'a file where a folder is wanted',
      'pagefind/zh-CN/pagefind.js': 'old index',
    });
    mkdirSync(path.join(spare, 'news/a'), { recursive: true });
    linkSync(path.join(previous, 'news/a/index.html'), path.join(spare, 'news/a/index.html'));
    const newsFolder = ino(path.join(spare, 'news'));
    const wanted = new Map(
      ['index.html', 'news/a/index.html', 'news/b/index.html', 'about/index.html'].map((file) => [
        file,
        path.join(previous, file),
      ]),
    );
    const kept = await reconcileTree(spare, wanted);
    expect(kept).toBe(1);
    expect(texts(spare)).toEqual(texts(previous));
    for (const file of wanted.keys())
      expect(ino(path.join(spare, file)), file).toBe(ino(path.join(previous, file)));
    // The folders stay (only what differs is touched); emptied ones go.
    expect(ino(path.join(spare, 'news'))).toBe(newsFolder);
    expect(existsSync(path.join(spare, 'gone'))).toBe(false);
    expect(existsSync(path.join(spare, 'pagefind'))).toBe(false);
    // Nothing was written through a link: the previous release is as it was.
    expect(texts(previous)).toEqual({
      'about/index.html': 'about',
      'index.html': 'home',
      'news/a/index.html': 'a',
      'news/b/index.html': 'b',
    });
  });

  it('takes unchanged files into a spare tree with the same result as into a new folder, Astro’s files moved in', async () => {
    const root = scratch();
    const previous = tree(path.join(root, 'previous'), {
      'index.html': 'old home',
      'news/a/index.html': 'a',
      'news/b/index.html': 'b',
    });
    const files = {
      'index.html': 'x',
      'news/a/index.html': 'x',
      'news/b/index.html': 'x',
      'news/c/index.html': 'x',
    };
    const rendered = { 'index.html': 'new home', 'news/c/index.html': 'c', '_astro/app.js': 'js' };
    const fresh = tree(path.join(root, 'fresh'), rendered);
    expect(await takeUnchanged(fresh, previous, files)).toEqual({ rendered: 2, copied: 2 });

    const pool = sparePool(root);
    // The release before, superseded: its home and b are the previous release's files.
    const old = tree(path.join(root, 'old'), {
      'news/stale/index.html': 'stale',
      'index.html': 'older home',
    });
    mkdirSync(path.join(old, 'news/b'), { recursive: true });
    linkSync(path.join(previous, 'news/b/index.html'), path.join(old, 'news/b/index.html'));
    const bFolder = ino(path.join(old, 'news/b'));
    await pool.put(old);
    const out = tree(path.join(root, 'out'), rendered);
    const taken = await takeUnchanged(out, previous, files, pool);
    expect(taken).toEqual({ rendered: 2, copied: 2, reused: 1 });
    expect(texts(out)).toEqual(texts(fresh));
    expect(ino(path.join(out, 'news/b'))).toBe(bFolder);
    expect(ino(path.join(out, 'news/a/index.html'))).toBe(ino(path.join(previous, 'news/a/index.html')));
    // The pool is empty now and nothing of the build is left beside the output.
    expect(readdirSync(root).sort()).toEqual(['fresh', 'out', 'previous']);
  });

  it('asks for a full build from a spare tree too when the previous release lacks a file', async () => {
    const root = scratch();
    const previous = tree(path.join(root, 'previous'), { 'index.html': 'home' });
    const pool = sparePool(root);
    await pool.put(tree(path.join(root, 'old'), { 'index.html': 'older' }));
    const out = tree(path.join(root, 'out'), { '_astro/app.js': 'js' });
    await expect(
      takeUnchanged(out, previous, { 'index.html': 'x', 'news/gone/index.html': 'x' }, pool),
    ).rejects.toThrow(PreviousIncomplete);
  });

  it('gives the newest spare first and keeps at most two', async () => {
    const root = scratch();
    const pool = sparePool(root);
    for (const id of ['20261207T100000000Z-1', '20261207T100001000Z-1', '20261207T100002000Z-1'])
      await pool.put(tree(path.join(root, id), { 'index.html': id }));
    expect(readdirSync(root).sort()).toEqual([
      '.spare-20261207T100001000Z-1',
      '.spare-20261207T100002000Z-1',
    ]);
    expect(pool.take(path.join(root, 'a'))).toBe(true);
    expect(readFileSync(path.join(root, 'a/index.html'), 'utf8')).toBe('20261207T100002000Z-1');
    expect(pool.take(path.join(root, 'b'))).toBe(true);
    expect(pool.take(path.join(root, 'c'))).toBe(false);
  });
});
