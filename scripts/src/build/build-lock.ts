/**
 * The lock that lets one Astro build of the sites project run at a time.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sitesDir } from '../lib/paths.ts';
import { isAlive } from '../lib/processes.ts';

const lockDir = path.join(sitesDir, 'node_modules', '.govcluster-build.lock');

/**
 * One Astro build of the sites project at a time: builds share its `.astro/` folder (content
 * asset imports, types), so concurrent builds (parallel test files, a build during a test run)
 * would read each other's files. A lock held by a dead process is taken over.
 */
export async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(
        existsSync(path.join(lockDir, 'pid')) ? readFileSync(path.join(lockDir, 'pid'), 'utf8') : 0,
      );
      if (holder && !isAlive(holder)) rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
