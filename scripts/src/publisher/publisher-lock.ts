/**
 * The machine-wide publisher lock: one publisher builds and switches releases in a layout at a time.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from '../lib/processes.ts';

const lockName = '.publisher.lock';

/**
 * Takes the machine-wide publisher lock (a folder with the holder's pid) or returns false when a live
 * process holds it. A lock left by a dead process is taken over.
 */
export function tryLock(dir: string): boolean {
  const lock = path.join(dir, lockName);
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = 0;
      try {
        holder = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // Being written, or its writer died between the two steps: judge by the folder's age below.
      }
      if (holder === process.pid) return true;
      if (holder && isAlive(holder)) return false;
      if (!holder && existsSync(lock) && Date.now() - statAge(lock) < 5_000) return false;
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return false;
}

function statAge(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Releases the publisher lock. */
export function unlock(dir: string): void {
  try {
    rmSync(path.join(dir, lockName), { recursive: true, force: true });
  } catch {
    // An unwritable folder keeps the lock; the next taker sees this process is gone.
  }
}
