import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCms, sourceDigest } from './compile';

const apps: string[] = [];
afterEach(() => {
  for (const dir of apps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in app folder with the files the compile reads and some it does not. */
function app(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govcluster-compile-'));
  apps.push(dir);
  const files: Record<string, string> = {
    'tsconfig.json': '{}',
    'package.json': '{"name":"cms"}',
    'config/server.ts': 'export default {};',
    'src/index.ts': 'export default {};',
    'src/api/letter/content-types/letter/schema.json': '{"kind":"collectionType"}',
    'src/admin/app.tsx': 'export default {};',
    'src/testing/boot-strapi.ts': 'export {};',
    'src/setup/secrets.unit.test.ts': 'export {};',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('compiling the CMS only when its sources changed', () => {
  it('follows every compiled source, and not the admin bundle, the test helpers or tests', () => {
    const dir = app();
    const first = sourceDigest(dir);
    for (const ignored of [
      'src/admin/app.tsx',
      'src/testing/boot-strapi.ts',
      'src/setup/secrets.unit.test.ts',
    ]) {
      writeFileSync(join(dir, ignored), 'changed');
      expect(sourceDigest(dir), ignored).toBe(first);
    }
    let previous = first;
    for (const followed of [
      'src/index.ts',
      'config/server.ts',
      'src/api/letter/content-types/letter/schema.json',
      'tsconfig.json',
      'package.json',
    ]) {
      writeFileSync(join(dir, followed), `changed ${followed}`);
      const next = sourceDigest(dir);
      expect(next, followed).not.toBe(previous);
      previous = next;
    }
    writeFileSync(join(dir, 'src', 'new.ts'), '');
    expect(sourceDigest(dir), 'a new file').not.toBe(previous);
  });

  it('compiles once, then not again until a source changes', async () => {
    const dir = app();
    const compiles: string[] = [];
    const compile = async (appDir: string) => {
      compiles.push(appDir);
      mkdirSync(join(appDir, 'dist', 'src'), { recursive: true });
      writeFileSync(join(appDir, 'dist', 'src', 'index.js'), '');
    };
    const dist = join(dir, 'dist');
    expect(await compileCms(dir, compile)).toEqual({ distDir: dist, compiled: true });
    expect(await compileCms(dir, compile)).toEqual({ distDir: dist, compiled: false });
    writeFileSync(join(dir, 'src', 'index.ts'), 'export default { changed: true };');
    expect(await compileCms(dir, compile)).toEqual({ distDir: dist, compiled: true });
    // dist/ emptied by someone else: compiled again although the sources are the same.
    rmSync(join(dir, 'dist', 'src'), { recursive: true });
    expect(await compileCms(dir, compile)).toEqual({ distDir: dist, compiled: true });
    expect(compiles).toHaveLength(3);
    // A compile that fails leaves no stamp: the next start compiles again.
    writeFileSync(join(dir, 'src', 'index.ts'), 'export default { broken: true };');
    await expect(compileCms(dir, () => Promise.reject(new Error('type error')))).rejects.toThrow(
      'type error',
    );
    expect(await compileCms(dir, compile)).toEqual({ distDir: dist, compiled: true });
  });
});
