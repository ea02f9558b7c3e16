import { basename, dirname, resolve } from 'node:path';

/**
 * The cms folder, from a module inside it: compiled config and sources run from `cms/dist/…`,
 * so a path that contains `dist` is walked back to its parent.
 */
export function appDirFrom(moduleDir: string, depth: number): string {
  let dir = resolve(moduleDir);
  for (let i = 0; i < depth; i += 1) dir = dirname(dir);
  return basename(dir) === 'dist' ? dirname(dir) : dir;
}
