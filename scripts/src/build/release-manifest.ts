/**
 * The manifest a build leaves in its output (`.govcluster/manifest.json`, a dot folder that neither
 * the static server nor nginx serves): what the next, incremental build needs from this one —
 * the build version, every rendered file's fingerprint, every entry's URL, the redirects and the
 * search shards. See docs/adr/0016-incremental-build.md.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/paths.ts';

/** Where the manifest lives inside an output folder. */
export const manifestDir = '.govcluster';
export const manifestFile = path.join(manifestDir, 'manifest.json');
/** The redirects alone, read by the local static server. */
export const redirectsFile = path.join(manifestDir, 'redirects.json');

/** One search shard of a previous build: its members' key and its folder under `pagefind/`. */
export interface ShardRecord {
  readonly key: string;
  readonly dir: string;
}

/** What `.govcluster/manifest.json` holds. */
export interface ReleaseManifest {
  readonly format: 'govcluster-release@1';
  /** {@link buildVersion} of the build that wrote it. */
  readonly version: string;
  /** Output file (relative) → fingerprint, for every file a route renders. */
  readonly files: Record<string, string>;
  /** `type|id|locale` → URL of every entry. */
  readonly entries: Record<string, string>;
  /** Old URL → new URL of entries that moved, kept across releases. */
  readonly redirects: Record<string, string>;
  /** Locale → its search shards. */
  readonly search: Record<string, ShardRecord[]>;
}

/** Sources whose change changes what any page looks like: a new version renders everything. */
const versionSources = [
  'sites/src',
  'sites/astro.config.mjs',
  'sites/package.json',
  'themes/src',
  'shared/src',
  'shared/translations',
  'pnpm-lock.yaml',
  'scripts/src/build-cluster.ts',
  'scripts/src/build',
  'scripts/src/index-search.ts',
  'scripts/src/search',
  'scripts/src/lib/not-found-pages.ts',
];

/** Settings that reach the pages. */
const versionSettings = ['GOVCLUSTER_SITE_URL', 'MEILI_HOST', 'MEILI_SEARCH_KEY', 'MEILI_INDEX_PREFIX'];

function hashTree(hash: ReturnType<typeof createHash>, full: string, name: string): void {
  if (!existsSync(full)) return;
  const entries = readdirSync(full, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    // Tests do not change what is built.
    if (/\.test\.ts$/.test(entry.name)) continue;
    const child = path.join(full, entry.name);
    if (entry.isDirectory()) hashTree(hash, child, `${name}/${entry.name}`);
    else hash.update(`${name}/${entry.name}\n`).update(readFileSync(child));
  }
}

/** A hash of the build's templates, sources, dependencies and page-visible settings. */
export function buildVersion(env: NodeJS.ProcessEnv): string {
  const hash = createHash('sha256');
  for (const source of versionSources) {
    const full = path.join(repoRoot, source);
    if (!existsSync(full)) continue;
    if (statSync(full).isDirectory()) hashTree(hash, full, source);
    else hash.update(`${source}\n`).update(readFileSync(full));
  }
  for (const name of versionSettings) hash.update(`${name}=${env[name] ?? ''}\n`);
  return hash.digest('hex').slice(0, 20);
}

/** The manifest of an earlier output, or why it cannot be used. */
export function readManifest(
  dir: string,
): { manifest: ReleaseManifest; problem?: undefined } | { manifest?: undefined; problem: string } {
  const file = path.join(dir, manifestFile);
  if (!existsSync(file)) return { problem: `${file} does not exist` };
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as ReleaseManifest;
    if (manifest.format !== 'govcluster-release@1' || typeof manifest.files !== 'object')
      return { problem: `${file} is not a release manifest of this format` };
    return { manifest };
  } catch (error) {
    return { problem: `${file} cannot be read: ${(error as Error).message}` };
  }
}
