import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the current directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Git-ignored working data: snapshots, test reports, benchmark results. */
export const dataDir = path.join(repoRoot, '.data');

/** Where the static build of the whole cluster is published. */
export const distDir = path.join(repoRoot, 'dist');

/** The Astro project that builds the cluster. */
export const sitesDir = path.join(repoRoot, 'sites');

/** The Astro CLI of the sites package. */
export const astroBin = path.join(sitesDir, 'node_modules', 'astro', 'bin', 'astro.mjs');
