/**
 * Compiles the CMS's TypeScript into dist/ when, and only when, its sources changed.
 *
 * Strapi's `compileStrapi` builds a fresh TypeScript program on every call (its `incremental` option
 * has no effect on `createProgram`): it type-checks and emits the whole app, 5–20 s of CPU, on every
 * start of the CMS, every seeding and every test file that boots one. dist/ now carries a digest of
 * what the compile reads from the app; a start with the same digest skips the compile. The type check
 * still runs in every compile that does run, and in `npm test` (`tsc -p cms`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

/** What tsconfig.json includes, minus what it excludes (the admin bundle and the test helpers). */
function compiledSources(appDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full !== join(appDir, 'src', 'admin') && full !== join(appDir, 'src', 'testing')) walk(full);
      } else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(full);
    }
  };
  for (const dir of ['config', 'src']) if (existsSync(join(appDir, dir))) walk(join(appDir, dir));
  files.push(join(appDir, 'tsconfig.json'), join(appDir, 'package.json'));
  return files.sort();
}

/** A digest of every file the compile reads from the app, names included. */
export function sourceDigest(appDir: string): string {
  const hash = createHash('sha256');
  for (const file of compiledSources(appDir)) {
    hash.update(relative(appDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const stampName = '.compiled-sources';

/** Whether dist/ holds the output of exactly these sources. */
function isCurrent(appDir: string, digest: string): boolean {
  const stamp = join(appDir, 'dist', stampName);
  return (
    existsSync(join(appDir, 'dist', 'src', 'index.js')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').trim() === digest
  );
}

/** One compile at a time across processes (test files boot their CMS side by side). */
async function lock(appDir: string): Promise<() => void> {
  const dir = join(appDir, '.data', 'compile.lock');
  mkdirSync(join(appDir, '.data'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(dir);
      return () => rmSync(dir, { recursive: true, force: true });
    } catch {
      // A lock older than five minutes is left over from a killed compile.
      const since = statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 5 * 60_000) rmSync(dir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Strapi's own compile (type check and emit into dist/; it exits the process on a type error). */
async function strapiCompile(appDir: string): Promise<void> {
  // Strapi's ESM build imports `lodash/fp` as a directory, which Node's ESM loader refuses: the CJS build.
  const strapi = createRequire(join(appDir, 'package.json'))(
    '@strapi/strapi',
  ) as typeof import('@strapi/strapi');
  await strapi.compileStrapi({ appDir, ignoreDiagnostics: false });
}

/** Compiles the CMS unless dist/ is current; returns Strapi's dist folder and whether it compiled. */
export async function compileCms(
  appDir: string,
  compile: (appDir: string) => Promise<void> = strapiCompile,
): Promise<{ distDir: string; compiled: boolean }> {
  const distDir = join(appDir, 'dist');
  const digest = sourceDigest(appDir);
  if (isCurrent(appDir, digest)) return { distDir, compiled: false };
  const unlock = await lock(appDir);
  try {
    if (isCurrent(appDir, digest)) return { distDir, compiled: false };
    rmSync(join(distDir, stampName), { force: true });
    await compile(appDir);
    writeFileSync(join(distDir, stampName), `${digest}\n`);
    return { distDir, compiled: true };
  } finally {
    unlock();
  }
}
