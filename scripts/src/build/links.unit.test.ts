import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkInto } from './links.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tempDir(parent = os.tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, 'gc-links-'));
  roots.push(dir);
  return dir;
}

describe('linkInto', () => {
  it('links the very file into a folder it makes', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'a.html'), 'A');
    const made = new Set<string>();
    linkInto(path.join(root, 'a.html'), path.join(root, 'out/x/y/a.html'), made, false);
    expect(statSync(path.join(root, 'out/x/y/a.html')).ino).toBe(statSync(path.join(root, 'a.html')).ino);
    expect([...made]).toEqual([path.join(root, 'out/x/y')]);
  });

  it('leaves a missing source and an existing target to the caller', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'a.html'), 'A');
    writeFileSync(path.join(root, 'b.html'), 'B');
    expect(() => linkInto(path.join(root, 'none.html'), path.join(root, 'c.html'), new Set(), true)).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    expect(existsSync(path.join(root, 'c.html'))).toBe(false);
    expect(() => linkInto(path.join(root, 'a.html'), path.join(root, 'b.html'), new Set(), true)).toThrow(
      expect.objectContaining({ code: 'EEXIST' }),
    );
    expect(readFileSync(path.join(root, 'b.html'), 'utf8')).toBe('B');
  });

  // /dev/shm is a tmpfs on Linux: a link from there into the temporary folder crosses file systems.
  const otherDevice =
    existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(os.tmpdir()).dev ? '/dev/shm' : undefined;
  it.skipIf(otherDevice === undefined)(
    'copies across file systems only when asked, and never over a file',
    () => {
      const from = tempDir(otherDevice);
      const to = tempDir();
      writeFileSync(path.join(from, 'a.html'), 'A');
      writeFileSync(path.join(to, 'b.html'), 'B');
      expect(() => linkInto(path.join(from, 'a.html'), path.join(to, 'a.html'), new Set(), false)).toThrow(
        expect.objectContaining({ code: 'EXDEV' }),
      );
      linkInto(path.join(from, 'a.html'), path.join(to, 'a.html'), new Set(), true);
      expect(readFileSync(path.join(to, 'a.html'), 'utf8')).toBe('A');
      expect(() => linkInto(path.join(from, 'a.html'), path.join(to, 'b.html'), new Set(), true)).toThrow();
      expect(readFileSync(path.join(to, 'b.html'), 'utf8')).toBe('B');
    },
  );
});
