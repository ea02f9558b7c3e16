/**
 * Demo-city snapshots generated on demand and kept in a folder until the generator's sources or
 * arguments change: the folder holds `source.key`, and a different key generates the snapshot again.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runMeasured } from './measure.ts';
import { repoRoot } from './paths.ts';
import { generatorSources, sourceKey } from './source-key.ts';

/** The generator's command-line entry point. */
export const generatorScript = path.join(repoRoot, 'scripts', 'src', 'generate-demo.ts');

/**
 * Makes sure `dir` holds the snapshot that `generate-demo.ts <args> --out <dir>` writes from the
 * current sources; generates it when it is missing or was made from other sources or arguments.
 * Returns whether it generated.
 */
export async function ensureGeneratedSnapshot(
  dir: string,
  args: readonly string[],
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<boolean> {
  const key = sourceKey(generatorSources, args);
  const keyFile = path.join(dir, 'source.key');
  const current =
    existsSync(path.join(dir, 'snapshot.jsonl')) &&
    existsSync(keyFile) &&
    readFileSync(keyFile, 'utf8').trim() === key;
  if (current) return false;
  log(`generating the snapshot (${args.join(' ')}) into ${path.relative(repoRoot, dir) || dir}/…`);
  rmSync(dir, { recursive: true, force: true });
  const run = await runMeasured(
    process.execPath,
    ['--import', 'tsx', generatorScript, ...args, '--out', dir],
    {
      cwd: repoRoot,
      env: process.env,
    },
  );
  if (run.code !== 0)
    throw new Error(`generating the snapshot (${args.join(' ')}) failed (exit code ${run.code})`);
  writeFileSync(keyFile, `${key}\n`);
  return true;
}
