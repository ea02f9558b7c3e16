/**
 * Preview builds (docs/adr/0025-preview.md): one entry's page rendered by the real templates from its
 * draft, overlaid on the published content the live release was built from. The CMS sends the draft (as
 * its REST API would return it) in a signed request; the build runs Astro with
 * `GOVCLUSTER_PREVIEW_OVERLAY` (sites/src/lib/preview.ts), so only that page renders, with its own
 * content cache so that a draft never reaches a release's cache. Previews live in their own folder
 * (default `previews/` beside `releases/`), which no static server and no `nginx.conf` serves: only the
 * publisher reads it, for the CMS, which shows it to logged-in editors.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { typeMappings } from '@govcluster/shared/cms-mapping';
import type { Preview, PreviewRequest } from '@govcluster/shared/publishing';
import { withBuildLock } from '../build/build-lock.ts';
import { runAstroBuild } from '../lib/partitioned-build.ts';
import { liveReleaseId, type ReleaseLayout } from './releases.ts';
import { buildInput, type Source } from './source.ts';

export type { Preview, PreviewRequest };

/** Why no preview could be made (the draft is not a valid entry, the build failed…). */
export class PreviewFailed extends Error {}

/** Where previews go: `GOVCLUSTER_PREVIEWS`, else `previews/` beside the releases folder. */
export function previewsDir(layout: ReleaseLayout, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.GOVCLUSTER_PREVIEWS ?? path.join(path.dirname(layout.dir), 'previews'));
}

/** Preview folder names: 20 hex digits. */
const previewId = /^[0-9a-f]{20}$/;
/** Files a preview page loads from its own folder (Astro's hashed scripts and images). */
const assetName = /^[A-Za-z0-9._@-]{1,200}$/;

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

function htmlFiles(dir: string, under = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, under), { withFileTypes: true })) {
    const relative = path.join(under, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_astro' && !entry.name.startsWith('.')) out.push(...htmlFiles(dir, relative));
    } else if (entry.name.endsWith('.html')) out.push(relative);
  }
  return out;
}

/** Options of {@link createPreviewer}. */
export interface PreviewerOptions {
  layout: ReleaseLayout;
  source: Source;
  /** Public origin for canonical links (GOVCLUSTER_SITE_URL). */
  siteUrl?: string;
  dir?: string;
  /** Previews kept (default 30; the oldest are removed). */
  keep?: number;
  log?: (line: string) => void;
}

/** Builds and keeps previews. */
export interface Previewer {
  readonly dir: string;
  build(request: PreviewRequest): Promise<Preview>;
  /** An asset of a preview (`_astro/<name>`), or null. */
  asset(id: string, name: string): { body: Buffer; type: string } | null;
}

/** Creates the previewer of a publisher. */
export function createPreviewer(options: PreviewerOptions): Previewer {
  const dir = options.dir ?? previewsDir(options.layout);
  const keep = options.keep ?? 30;
  const log = options.log ?? ((line: string) => process.stderr.write(`[preview] ${line}\n`));
  const running = new Map<string, Promise<Preview>>();

  async function prune(): Promise<void> {
    const folders = (await readdir(dir)).filter((name) => previewId.test(name));
    if (folders.length <= keep) return;
    const dated = await Promise.all(
      folders.map(async (name) => ({ name, at: (await stat(path.join(dir, name))).mtimeMs })),
    );
    dated.sort((a, b) => b.at - a.at);
    for (const { name } of dated.slice(keep))
      await rm(path.join(dir, name), { recursive: true, force: true });
  }

  function read(id: string, release: string | null): Preview | null {
    const info = path.join(dir, id, 'preview.json');
    if (!existsSync(info)) return null;
    const { url, page } = JSON.parse(readFileSync(info, 'utf8')) as { url: string; page: string };
    return {
      id,
      url,
      html: readFileSync(path.join(dir, id, page), 'utf8'),
      builtMs: 0,
      cached: true,
      release,
    };
  }

  async function make(id: string, request: PreviewRequest, release: string | null): Promise<Preview> {
    const type = typeMappings.find((mapping) => mapping.uid === request.uid)?.typeKey;
    if (!type) throw new PreviewFailed(`${request.uid} is not a content type of the sites`);
    await mkdir(dir, { recursive: true });
    const work = path.join(dir, `.${id}-${process.pid}-${Date.now()}`);
    const out = path.join(work, 'out');
    await mkdir(work, { recursive: true });
    const overlay = path.join(work, 'overlay.json');
    await writeFile(overlay, JSON.stringify({ type, document: request.document }), { mode: 0o600 });
    const input = buildInput(options.source);
    let output = '';
    const started = performance.now();
    try {
      const run = await withBuildLock(() =>
        runAstroBuild({
          outDir: out,
          processes: 1,
          quiet: true,
          env: {
            ...process.env,
            ...input.env,
            ...(input.snapshot ? { GOVCLUSTER_SNAPSHOT: input.snapshot } : {}),
            ...(options.siteUrl ? { GOVCLUSTER_SITE_URL: options.siteUrl } : {}),
            ASTRO_TELEMETRY_DISABLED: '1',
            // Its own content cache: the draft must never enter the store a release is built from.
            GOVCLUSTER_CACHE_DIR: path.join(dir, '.astro-cache'),
            GOVCLUSTER_PREVIEW_OVERLAY: overlay,
            GOVCLUSTER_FINGERPRINTS_OUT: '',
            GOVCLUSTER_PREVIOUS_FINGERPRINTS: '',
          },
          onOutput: (chunk) => {
            output = (output + chunk).slice(-8_000);
          },
        }),
      );
      const skipped = run.skipped.find((entry) => entry.type === type);
      if (!run.ok) {
        log(`preview build of ${request.uid} ${request.documentId} failed:\n${output.slice(-3_000)}`);
        const line = output
          .split('\n')
          .findLast((text) => /error|failed/i.test(text) && !/^\s+at /.test(text));
        throw new PreviewFailed(`the preview build failed: ${line?.trim() ?? output.slice(-500)}`);
      }
      const pages = existsSync(out) ? htmlFiles(out) : [];
      if (pages.length !== 1) {
        throw new PreviewFailed(
          skipped
            ? `the draft is not a valid entry yet: ${skipped.problem}`
            : `the draft has no page of its own (its site, column or locale does not show it); ${pages.length} pages were built`,
        );
      }
      const page = pages[0] as string;
      const url = `/${path.dirname(page) === '.' ? '' : `${path.dirname(page).split(path.sep).join('/')}/`}`;
      const builtMs = Math.round(performance.now() - started);
      await writeFile(
        path.join(out, 'preview.json'),
        JSON.stringify({ id, url, page, uid: request.uid, documentId: request.documentId, release, builtMs }),
      );
      await rm(path.join(dir, id), { recursive: true, force: true });
      await rename(out, path.join(dir, id));
      log(`preview ${id} of ${request.uid} ${request.documentId}@${request.locale}: ${url} in ${builtMs} ms`);
      await prune();
      return {
        id,
        url,
        html: readFileSync(path.join(dir, id, page), 'utf8'),
        builtMs,
        cached: false,
        release,
      };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  return {
    dir,
    async build(request) {
      const release = liveReleaseId(options.layout);
      const id = createHash('sha256')
        .update(JSON.stringify([release, request.uid, request.documentId, request.locale, request.version]))
        .digest('hex')
        .slice(0, 20);
      const done = read(id, release);
      if (done) return done;
      let pending = running.get(id);
      if (!pending) {
        pending = make(id, request, release).finally(() => running.delete(id));
        running.set(id, pending);
      }
      return pending;
    },
    asset(id, name) {
      if (!previewId.test(id) || !assetName.test(name) || name.startsWith('.')) return null;
      const file = path.join(dir, id, '_astro', name);
      if (!existsSync(file) || !statSync(file).isFile()) return null;
      return {
        body: readFileSync(file),
        type: contentTypes[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
      };
    },
  };
}
