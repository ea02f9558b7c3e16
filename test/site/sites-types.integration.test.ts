/**
 * The sites project type-checked, which `tsc -b` cannot do: its types need Astro's generated
 * `.astro/types.d.ts`, which the fixture build writes. Catches, among others, a view type that
 * `fingerprint.ts` does not handle (an exhaustive switch), in code that Astro's build only strips of
 * its types.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, it } from 'vitest';
import { fixtureBuild, repoRoot } from './fixture.ts';

it('type-checks the sites project once Astro has generated its types', async () => {
  await fixtureBuild();
  expect(existsSync(path.join(repoRoot, 'sites', '.astro', 'types.d.ts')), 'Astro’s generated types').toBe(
    true,
  );
  const tsc = createRequire(path.join(repoRoot, 'package.json')).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'sites', '--noEmit'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(`${result.stdout}${result.stderr}`).toBe('');
  expect(result.status).toBe(0);
}, 300_000);
