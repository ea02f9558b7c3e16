/**
 * The incremental half of a cluster build (docs/adr/0016-incremental-build.md): after Astro rendered
 * the files whose fingerprint changed, the files whose fingerprint did not are taken from the previous
 * release (as links, `./links.ts`), with the hashed assets they link to.
 * @module
 */
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { linkInto } from './links.ts';
import { filesUnder, moveFiles, reconcileTree, type SpareTrees } from './spare-trees.ts';

/** The fingerprints the routes wrote (sites/src/lib/fingerprint.ts): file → fingerprint, and entry URLs. */
export function readFingerprints(dir: string): {
  files: Record<string, string>;
  entries: Record<string, string>;
} {
  const files: Record<string, string> = {};
  for (const route of ['pages', 'sitemaps', 'feeds']) {
    const file = path.join(dir, `${route}.json`);
    if (!existsSync(file)) throw new Error(`The build wrote no fingerprints for its ${route} (${file})`);
    Object.assign(files, JSON.parse(readFileSync(file, 'utf8')));
  }
  const entries = JSON.parse(readFileSync(path.join(dir, 'entries.json'), 'utf8')) as Record<string, string>;
  return { files, entries };
}

/** A file the previous release should have and does not: the build must render everything. */
export class PreviousIncomplete extends Error {}

/**
 * Takes every file of `files` that Astro did not render from `previous`. Returns how many were
 * rendered and how many taken over. With `spares`, the tree is made in a spare tree when there is one
 * (docs/adr/0038-spare-trees.md): Astro's files are moved into it, and of the unchanged files only
 * those the spare does not already hold are linked.
 */
export async function takeUnchanged(
  outDir: string,
  previous: string,
  files: Readonly<Record<string, string>>,
  spares?: SpareTrees,
): Promise<{ rendered: number; copied: number; reused?: number }> {
  if (spares) {
    const rendered = `${outDir}-rendered`;
    renameSync(outDir, rendered);
    if (spares.take(outDir)) {
      try {
        return await takeIntoSpare(outDir, rendered, previous, files);
      } finally {
        await rm(rendered, { recursive: true, force: true });
      }
    }
    renameSync(rendered, outDir);
  }
  let rendered = 0;
  let copied = 0;
  const folders = new Set<string>();
  for (const file of Object.keys(files)) {
    const target = path.join(outDir, file);
    try {
      linkInto(path.join(previous, file), target, folders, true);
      copied += 1;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Rendered by this build (link(2) names a missing source first, so look at the target).
      if (code === 'EEXIST' || existsSync(target)) rendered += 1;
      else if (code === 'ENOENT')
        throw new PreviousIncomplete(
          `the previous release ${previous} lacks ${file}, which this build did not render`,
        );
      else throw error;
    }
  }
  return { rendered, copied };
}

/** {@link takeUnchanged} in the spare tree `outDir`, with Astro's output in `rendered`. */
async function takeIntoSpare(
  outDir: string,
  rendered: string,
  previous: string,
  files: Readonly<Record<string, string>>,
): Promise<{ rendered: number; copied: number; reused: number }> {
  const made = new Set(filesUnder(rendered));
  const wanted = new Map<string, string>();
  for (const file of Object.keys(files)) if (!made.has(file)) wanted.set(file, path.join(previous, file));
  let reused: number;
  try {
    reused = await reconcileTree(outDir, wanted, { copy: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new PreviousIncomplete(
        `the previous release ${previous} lacks a file this build did not render (${(error as Error).message})`,
      );
    throw error;
  }
  await moveFiles(rendered, outDir);
  return { rendered: Object.keys(files).length - wanted.size, copied: wanted.size, reused };
}

/** The `/_astro/…` files a page links to (names within `_astro/`). */
export function assetLinks(html: string): string[] {
  return [...new Set(Array.from(html.matchAll(/\/_astro\/([^"'\s),]+)/g), (match) => match[1] as string))];
}

/** Every `/_astro/…` file an HTML file of `outDir` links to. */
function linkedAssets(outDir: string): Set<string> {
  const linked = new Set<string>();
  const walk = (dir: string, top: boolean): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (top && (entry.name === '_astro' || entry.name === 'pagefind' || entry.name.startsWith('.')))
        continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, false);
      else if (entry.name.endsWith('.html')) {
        for (const asset of assetLinks(readFileSync(full, 'utf8'))) linked.add(asset);
      }
    }
  };
  walk(outDir, true);
  return linked;
}

/**
 * Gives `outDir/_astro/` the assets that pages taken from `previous` link to: Astro emits the images
 * of the pages it renders only. Scripts and stylesheets are emitted by every build; an image of the
 * previous release that no page links to any more is left behind. `linked`, when known (the search
 * documents' cache keeps every page's links), saves reading every page.
 */
export async function takeAssets(
  outDir: string,
  previous: string,
  known?: ReadonlySet<string>,
): Promise<number> {
  const from = path.join(previous, '_astro');
  if (!existsSync(from)) return 0;
  const linked = known ?? linkedAssets(outDir);
  let taken = 0;
  const folders = new Set<string>();
  for (const name of await readdir(from)) {
    const target = path.join(outDir, '_astro', name);
    if (existsSync(target) || !linked.has(name)) continue;
    linkInto(path.join(from, name), target, folders, true);
    taken += 1;
  }
  return taken;
}

/** Removes the fingerprint files the routes wrote. */
export async function removeFingerprints(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
