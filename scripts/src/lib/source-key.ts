/**
 * Keys for cached generated output (snapshots, fixture builds): a hash of the content of every source
 * that can change that output, so that an edited generator or build script never tests stale output.
 *
 * In a git checkout the key is read from git, which already holds a hash of each file: the index
 * (`git ls-files -s`) plus the content of the files changed or added since (`git ls-files -m -o`).
 * Outside one, every file's path, size and modification time are hashed.
 */
import { execFileSync } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.ts';

/** What the demo generator's output depends on (paths from the repository root). */
export const generatorSources: readonly string[] = [
  'scripts/demo',
  'shared',
  'scripts/src/generate-demo.ts',
  'pnpm-lock.yaml',
];

/** What a cluster build's output depends on, besides its snapshot. */
export const buildSources: readonly string[] = [
  'scripts/demo',
  'shared',
  'sites',
  'themes',
  'scripts/src',
  'pnpm-lock.yaml',
];

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
}

function isGitCheckout(root: string): boolean {
  try {
    return git(root, ['rev-parse', '--show-toplevel']).trim() === path.resolve(root);
  } catch {
    return false;
  }
}

function hashFromGit(hash: Hash, root: string, paths: readonly string[]): void {
  hash.update(git(root, ['ls-files', '-s', '-z', '--', ...paths]));
  const changed = git(root, ['ls-files', '-m', '-o', '--exclude-standard', '-z', '--', ...paths])
    .split('\0')
    .filter(Boolean)
    .sort();
  for (const file of changed) {
    const full = path.join(root, file);
    hash.update(`\0changed ${file}\0`);
    hash.update(existsSync(full) ? readFileSync(full) : 'deleted');
  }
}

function hashFromStat(hash: Hash, root: string, paths: readonly string[]): void {
  const visit = (rel: string) => {
    const full = path.join(root, rel);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(path.join(rel, name));
      }
    } else hash.update(`${rel}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const rel of paths) visit(rel);
}

/**
 * A 16-hex-digit key of the content of `paths` (files or folders, relative to `root`) and of `extra`
 * (for instance the generator's arguments).
 * @example sourceKey(generatorSources, ['--scale', 'fixture']) // '3f9c0a…'
 */
export function sourceKey(paths: readonly string[], extra: readonly string[] = [], root = repoRoot): string {
  if (paths.length === 0) throw new Error('sourceKey needs at least one path');
  const hash = createHash('sha256');
  hash.update(`${JSON.stringify(extra)}\n`);
  if (isGitCheckout(root)) hashFromGit(hash, root, paths);
  else hashFromStat(hash, root, paths);
  return hash.digest('hex').slice(0, 16);
}
