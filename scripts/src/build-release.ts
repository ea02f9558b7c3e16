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
// The heap bootstrap.cjs gave this process, for the child that builds: at 100,000 pages the build
// holds about 5 GB, past V8's default limit.
const heap = process.execArgv.filter((flag) => flag.startsWith('--max-old-space-size'));
const plain = args.some(
  (arg) => arg === '--out' || arg.startsWith('--out=') || arg === '--help' || arg === '-h',
);
const run = plain
  ? spawnSync(process.execPath, [...heap, '--import', 'tsx', script('build-cluster.ts'), ...args], {
      stdio: 'inherit',
    })
  : spawnSync(
      process.execPath,
      [...heap, '--import', 'tsx', script('start-publisher.ts'), '--once', '--force', ...args],
      {
        stdio: 'inherit',
      },
    );
process.exit(run.status ?? 1);
