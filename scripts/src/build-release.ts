/**
 * `npm run build`: builds a new release into `releases/<id>/` and switches `dist` to it (the same path
 * as the publisher's, ADR 15), from the CMS (`CMS_URL`, `CMS_TOKEN` or `cms/.data/build-token`) or from
 * `--snapshot <dir>`. With `--out <dir>`, builds one plain folder instead, as before releases
 * (`scripts/src/build-cluster.ts`), for operators who only want a folder.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './lib/paths.ts';

const args = process.argv.slice(2);
const script = (name: string) => path.join(repoRoot, 'scripts', 'src', name);
const plain = args.some(
  (arg) => arg === '--out' || arg.startsWith('--out=') || arg === '--help' || arg === '-h',
);
const run = plain
  ? spawnSync(process.execPath, ['--import', 'tsx', script('build-cluster.ts'), ...args], {
      stdio: 'inherit',
    })
  : spawnSync(
      process.execPath,
      ['--import', 'tsx', script('start-publisher.ts'), '--once', '--force', ...args],
      {
        stdio: 'inherit',
      },
    );
process.exit(run.status ?? 1);
