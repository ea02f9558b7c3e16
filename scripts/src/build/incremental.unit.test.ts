import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PreviousIncomplete, takeUnchanged } from './incremental.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'take-unchanged-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('takeUnchanged', () => {
  it('links what the build did not render, into folders it makes, and leaves what it rendered', async () => {
    const previous = tree({ 'index.html': 'old home', 'news/a/index.html': 'a', 'news/b/index.html': 'b' });
    const out = tree({ 'index.html': 'new home', 'news/c/index.html': 'c' });
    const files = {
      'index.html': 'x',
      'news/a/index.html': 'x',
      'news/b/index.html': 'x',
      'news/c/index.html': 'x',
    };
    expect(await takeUnchanged(out, previous, files)).toEqual({ rendered: 2, copied: 2 });
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new home');
    expect(statSync(path.join(out, 'news/a/index.html')).ino).toBe(
      statSync(path.join(previous, 'news/a/index.html')).ino,
    );
    expect(readFileSync(path.join(out, 'news/b/index.html'), 'utf8')).toBe('b');
  });

  it('asks for a full build when the previous release lacks a file this build did not render', async () => {
    const previous = tree({ 'index.html': 'old home' });
    const out = tree({});
    await expect(
      takeUnchanged(out, previous, { 'index.html': 'x', 'news/gone/index.html': 'x' }),
    ).rejects.toThrow(PreviousIncomplete);
  });
});
