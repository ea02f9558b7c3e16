/**
 * `npm start`'s CMS on a fixture snapshot for a test: the Strapi CLI with its admin panel and demo
 * accounts, the snapshot seeded into a throw-away SQLite database in its own work folder, on a free
 * port. When it does not start, the error carries the CMS's last lines.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@govcluster/shared/ports';
import { type CmsHandle, startCms } from '../../scripts/src/start-cms.ts';

/** A running CMS and the folder that holds its database, uploads and build token. */
export interface FixtureCms {
  cms: CmsHandle;
  /** The test's work folder (removed by stop); free for the test's own outputs. */
  work: string;
  stop(): Promise<void>;
}

/** Starts the CMS on `snapshot`; `env` adds to (or overrides) its environment. */
export async function startFixtureCms(
  snapshot: string,
  name: string,
  env: Record<string, string> = {},
): Promise<FixtureCms> {
  const work = mkdtempSync(join(tmpdir(), `gc-${name}-`));
  const lines: string[] = [];
  try {
    const cms = await startCms({
      snapshot,
      log: (line) => {
        lines.push(line);
        if (lines.length > 50) lines.shift();
      },
      env: {
        PORT: String(await freePort()),
        DATABASE_FILENAME: join(work, 'cms.sqlite'),
        DATABASE_URL: '',
        PUBLIC_DIR: join(work, 'public'),
        GOVCLUSTER_BUILD_TOKEN_FILE: join(work, 'build-token'),
        ...env,
      },
    });
    return {
      cms,
      work,
      async stop() {
        await cms.stop();
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`the CMS did not start: ${(error as Error).message}\n${lines.join('\n')}`);
  }
}
