/**
 * A preview build (docs/adr/0025-preview.md): the publisher builds one entry's page from its draft, the
 * draft overlaid on the published content, so that the real templates show it exactly as it will look
 * once published. `GOVCLUSTER_PREVIEW_OVERLAY` names a JSON file `{ "type": "article", "document": {…} }`
 * holding the draft as the CMS's REST API would return it (the CMS sends it; drafts never leave the CMS
 * through its content API). In a preview build only that entry's page renders: no other page, sitemap
 * or feed, and no fingerprints are written.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fromCms, mediaFields } from '../loaders/cms-mapping.ts';
import type { Cluster, Page } from './cluster.ts';

/** The draft a preview build overlays: its type and its record in the shared model (not yet validated). */
export interface PreviewOverlay {
  type: string;
  record: Record<string, unknown>;
  /**
   * The media library files the draft uses, as the CMS sent them: the content API lists only files of
   * published entries (cms/src/content-api/public-media.ts), so an image uploaded for this draft alone
   * reaches the build from here.
   */
  files: Record<string, unknown>[];
}

/** The media files a CMS document holds in its media attributes. */
function mediaFilesOf(document: Record<string, unknown>): Record<string, unknown>[] {
  return [...mediaFields]
    .flatMap((field) => {
      const value = document[field];
      return Array.isArray(value) ? value : value ? [value] : [];
    })
    .filter((file): file is Record<string, unknown> => typeof file === 'object' && file !== null);
}

let overlay: PreviewOverlay | null | undefined;

/** Whether this build is a preview build. */
export function previewing(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.GOVCLUSTER_PREVIEW_OVERLAY);
}

/** The overlay of a preview build, or null in a normal build. */
export function previewOverlay(env: NodeJS.ProcessEnv = process.env): PreviewOverlay | null {
  if (overlay !== undefined) return overlay;
  const file = env.GOVCLUSTER_PREVIEW_OVERLAY;
  if (!file) {
    overlay = null;
    return overlay;
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { type?: unknown; document?: unknown };
  if (typeof parsed.type !== 'string' || !parsed.document || typeof parsed.document !== 'object') {
    throw new Error(`${file} is not a preview overlay ({ type, document })`);
  }
  const document = parsed.document as Record<string, unknown>;
  overlay = { type: parsed.type, record: fromCms(parsed.type, document), files: mediaFilesOf(document) };
  return overlay;
}

/** The one page a preview build renders: the overlaid entry's; none when the draft is not a valid entry. */
export function previewPages(cluster: Cluster): Page[] {
  const draft = previewOverlay();
  if (!draft) return [];
  const key = `${draft.type}|${String(draft.record.id)}|${String(draft.record.locale)}`;
  const entry = cluster.entries.get(key);
  const page = entry ? cluster.pageByUrl.get(entry.url) : undefined;
  return page ? [page] : [];
}
