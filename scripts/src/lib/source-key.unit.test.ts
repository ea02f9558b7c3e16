import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatorSources, sourceKey } from './source-key.ts';

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
const key = () => sourceKey(generatorSources, [], root);

describe('sourceKey', () => {
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gc-source-key-'));
    write('scripts/demo/src/news.ts', 'export const title = "old";\n');
    write('shared/src/model/constants.ts', 'export const locales = ["zh-CN"];\n');
    write('pnpm-lock.yaml', 'lockfileVersion: 9\n');
    write('README.md', 'not a source of the generator\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('in a git checkout', { timeout: 30_000 }, () => {
    beforeEach(() => {
      git('init', '-q');
      git('add', '-A');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'start');
    });

    it('changes when a generator file is edited, staged or committed, and not for other files', () => {
      const before = key();
      expect(key()).toBe(before);
      write('README.md', 'edited\n');
      expect(key()).toBe(before);
      write('scripts/demo/src/news.ts', 'export const title = "new";\n');
      const edited = key();
      expect(edited).not.toBe(before);
      git('add', '-A');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'edit');
      expect(key()).not.toBe(before);
      const committed = key();
      write('scripts/demo/src/news.ts', 'export const title = "newer";\n');
      expect(key()).not.toBe(committed);
    });

    it('changes when a source file is added, deleted or the lockfile changes', () => {
      const before = key();
      write('scripts/demo/src/letters.ts', 'export {};\n');
      const added = key();
      expect(added).not.toBe(before);
      unlinkSync(path.join(root, 'scripts/demo/src/letters.ts'));
      expect(key()).toBe(before);
      unlinkSync(path.join(root, 'shared/src/model/constants.ts'));
      expect(key()).not.toBe(before);
      git('checkout', '--', 'shared');
      write('pnpm-lock.yaml', 'lockfileVersion: 9\nzod: 4\n');
      expect(key()).not.toBe(before);
    });

    it('changes with the extra inputs (the generator arguments)', () => {
      expect(sourceKey(generatorSources, ['--scale', 'fixture'], root)).not.toBe(
        sourceKey(generatorSources, ['--scale', 'demo'], root),
      );
    });
  });

  it('outside a git checkout, changes when a generator file changes', () => {
    const before = key();
    write('scripts/demo/src/news.ts', 'export const title = "a longer new title";\n');
    expect(key()).not.toBe(before);
  });

  it('refuses an empty list of sources', () => {
    expect(() => sourceKey([], [], root)).toThrow(/at least one path/);
  });
});
