/** Where the CMS lives and keeps its state, for the orchestration scripts (they reach it by its CLI). */
import path from 'node:path';
import { dataDir, repoRoot } from './lib/paths.ts';

/** The Strapi app. */
export const cmsDir = path.join(repoRoot, 'cms');

/** The CMS command-line tools, run with `node --import tsx`. */
export const cmsTools = {
  seed: path.join(cmsDir, 'tools', 'seed.ts'),
  serve: path.join(cmsDir, 'tools', 'serve.ts'),
};

/** The read-only API token of the static build (written by the CMS setup, git-ignored). */
export const buildTokenFile = path.join(cmsDir, '.data', 'build-token');

/** The demo-city snapshot of a scale: `.data/snapshots/<scale>/` (git-ignored). */
export function snapshotDir(scale: string): string {
  return path.join(dataDir, 'snapshots', scale);
}
