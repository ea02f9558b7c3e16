import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  type ContentType,
  mailboxStatisticsSchema,
  registryProblems,
  type Site,
  schemaFor,
} from '../lib/model.ts';
import { previewOverlay } from '../lib/preview.ts';
import { textStoreWriter } from '../lib/text-store.ts';
import {
  type CmsOptions,
  cmsOptionsFromEnv,
  fetchCmsIds,
  fetchCmsMailboxStatistics,
  fetchCmsMedia,
  fetchCmsRecords,
} from './cms-source.ts';
import { describeIssues, reportSkipped, type SkippedEntry } from './report.ts';
import { type RawSource, readSnapshot, recordDigest } from './snapshot-source.ts';

/** Where the build reads from: the CMS (`CMS_URL` + `CMS_TOKEN`) or a snapshot (`GOVCLUSTER_SNAPSHOT`). */
type Source = { kind: 'cms'; cms: CmsOptions } | { kind: 'snapshot'; dir: string };

function sourceFromEnv(): Source {
  const cms = cmsOptionsFromEnv();
  if (cms) return { kind: 'cms', cms };
  const dir = process.env.GOVCLUSTER_SNAPSHOT;
  if (dir) return { kind: 'snapshot', dir: path.resolve(dir) };
  throw new Error('No content source: set GOVCLUSTER_SNAPSHOT=<snapshot folder>, or CMS_URL and CMS_TOKEN');
}

let snapshotPromise: Promise<RawSource> | undefined;
function snapshot(dir: string): Promise<RawSource> {
  snapshotPromise ??= readSnapshot(dir);
  return snapshotPromise;
}

let registryPromise: Promise<Map<string, Site>> | undefined;

/** The validated registry, read once per build; invalid sites are reported and skipped. */
export function loadRegistry(): Promise<Map<string, Site>> {
  registryPromise ??= (async () => {
    const source = sourceFromEnv();
    const raw =
      source.kind === 'snapshot'
        ? ((await snapshot(source.dir)).records.get('site') ?? [])
        : (await fetchCmsRecords(source.cms, 'site', null)).records;
    // The registry is configuration, not content: any problem in it stops the build.
    const problems = registryProblems(
      raw,
      source.kind === 'snapshot' ? `${source.dir}/snapshot.jsonl` : `${source.cms.url}/api/sites`,
    );
    if (problems.length > 0) throw new Error(`The site registry is not valid:\n  ${problems.join('\n  ')}`);
    const schema = schemaFor('site');
    const sites = new Map<string, Site>();
    for (const record of raw) {
      const site = schema.parse(record) as Site;
      sites.set(site.id, site);
    }
    if (![...sites.values()].some((site) => site.kind === 'portal'))
      throw new Error('The registry has no portal');
    return sites;
  })();
  return registryPromise;
}

/** Checks an entry against the registry: its site, locale and column must exist. */
function registryProblem(
  type: string,
  entry: Record<string, unknown>,
  sites: Map<string, Site>,
): string | null {
  const site = sites.get(String(entry.site));
  if (!site) return `site "${String(entry.site)}" is not in the registry`;
  if (entry.locale && !site.locales.includes(entry.locale as Site['locales'][number])) {
    return `locale ${String(entry.locale)} is not a locale of site ${site.id}`;
  }
  if ('column' in entry && !site.columns.some((column) => column.slug === entry.column)) {
    return `column "${String(entry.column)}" is not a column of site ${site.id}`;
  }
  if (type === 'village' && site.kind !== 'township') return `site ${site.id} is not a township`;
  return null;
}

/** The store id of an entry: `<id>/<locale>` for localized content. */
export function storeId(record: Record<string, unknown>): string {
  return record.locale ? `${String(record.id)}/${String(record.locale)}` : String(record.id);
}

async function validateInto(
  context: LoaderContext,
  type: ContentType,
  records: Record<string, unknown>[],
  skipped: SkippedEntry[] = [],
  kept?: Set<string>,
): Promise<number> {
  const sites = await loadRegistry();
  const schema = schemaFor(type);
  const texts = textStoreWriter();
  let stored = 0;
  // One transaction for the texts of the whole batch; nothing in the loop awaits.
  texts.batch(() => {
    for (const record of records) {
      // Only replied letters are public; the others are not errors, just not for the website.
      if (type === 'letter' && record.status !== 'replied') continue;
      const digest = recordDigest(record);
      if (kept && digest !== undefined) {
        // The same line as in the last build: what was made of it then is in the store, texts included.
        const id = storeId(record);
        if (context.store.get(id)?.digest === digest) {
          kept.add(id);
          stored += 1;
          continue;
        }
      }
      const parsed = schema.safeParse(record);
      const problem = parsed.success
        ? registryProblem(type, parsed.data as Record<string, unknown>, sites)
        : describeIssues(parsed.error.issues);
      if (problem !== null || !parsed.success) {
        const entry: SkippedEntry = {
          site: String(record.site ?? '?'),
          type,
          id: String(record.id ?? '?'),
          problem: problem ?? 'invalid',
        };
        if (record.locale !== undefined) entry.locale = String(record.locale);
        reportSkipped(entry);
        skipped.push(entry);
        continue;
      }
      const data = parsed.data as Record<string, unknown>;
      const id = storeId(data);
      texts.takeTexts(type, id, data);
      context.store.set({ id, data, ...(digest === undefined ? {} : { digest }) });
      kept?.add(id);
      stored += 1;
    }
  });
  return stored;
}

/**
 * What entries kept from the last build depend on besides their own record: the build's code (its
 * version, from build-cluster, which covers the schemas and this loader) and the registry (an entry's
 * validity depends on its site and column). Undefined, nothing is kept: a build not run by build-cluster.
 */
function keptEntriesBasis(raw: RawSource): string | undefined {
  const version = process.env.GOVCLUSTER_BUILD_VERSION;
  if (!version) return undefined;
  return createHash('sha256')
    .update(version)
    .update('\u0000')
    .update(JSON.stringify(raw.records.get('site') ?? []))
    .digest('base64url');
}

/**
 * Brings the store from the last build's snapshot to this one's: an entry whose record has the same
 * line is kept as it is (no validation, no texts written: at 100,000 entries most of a publication's
 * content load), others are validated and stored as by a fresh load, entries gone are removed with
 * their texts. The entries end in the snapshot's order, as a fresh load leaves them.
 */
async function updateFromSnapshot(
  context: LoaderContext,
  type: ContentType,
  records: Record<string, unknown>[],
  skipped: SkippedEntry[],
): Promise<number> {
  const before = context.store.keys();
  const seen = new Set<string>();
  const stored = await validateInto(context, type, records, skipped, seen);
  const texts = textStoreWriter();
  texts.batch(() => {
    for (const id of before) {
      if (seen.has(id)) continue;
      context.store.delete(id);
      texts.deleteTexts(type, id);
    }
  });
  // Kept and changed entries hold their places, new ones come last: where that is not the snapshot's
  // order (`seen` is in it), the entries are stored again in that order.
  const order = [...seen];
  const now = context.store.keys();
  if (now.length !== order.length || now.some((id, index) => id !== order[index])) {
    const entries = order.map((id) => context.store.get(id)).filter((entry) => entry !== undefined);
    context.store.clear();
    for (const entry of entries) context.store.set(entry);
  }
  return stored;
}

/**
 * A content-layer loader for one content type of the cluster. Reads the snapshot named by
 * `GOVCLUSTER_SNAPSHOT` or the CMS at `CMS_URL` (published content, per locale, incremental by
 * `updatedAt`); validates every entry with the shared schemas and reports and skips invalid ones.
 */
export function clusterLoader(type: ContentType): Loader {
  return {
    name: `govcluster-${type}`,
    load: async (context) => {
      const source = sourceFromEnv();
      // A draft overlaid by an earlier preview build (src/lib/preview.ts) is in this store: load afresh.
      if (context.meta.get('preview') !== undefined) {
        context.meta.delete('preview');
        context.meta.delete('version');
        context.meta.delete('cms');
      }
      await loadPublished(context, source);
      const draft = previewOverlay();
      if (draft?.type === type) {
        await validateInto(context, type, [draft.record]);
        context.meta.set('preview', storeId(draft.record));
      }
    },
  };

  /** Loads the published entries of the type into the store (incrementally where it can). */
  async function loadPublished(context: LoaderContext, source: Source): Promise<void> {
    const texts = textStoreWriter();
    // The entries kept from the last build are usable only with that build's texts.
    const textsKept =
      context.meta.get('texts') !== undefined && context.meta.get('texts') === texts.token(type);
    if (source.kind === 'snapshot') {
      const raw = await snapshot(source.dir);
      const version = raw.version;
      if (context.meta.get('version') === version && context.store.keys().length > 0 && textsKept) {
        // Unchanged snapshot: keep the stored entries, but report the skipped ones again.
        for (const entry of JSON.parse(context.meta.get('skipped') ?? '[]')) reportSkipped(entry);
        return;
      }
      const records = raw.records.get(type) ?? [];
      const basis = keptEntriesBasis(raw);
      const skipped: SkippedEntry[] = [];
      let stored: number;
      // A build that renders everything loads everything afresh (`GOVCLUSTER_FRESH_CONTENT=1`).
      if (
        basis !== undefined &&
        process.env.GOVCLUSTER_FRESH_CONTENT !== '1' &&
        textsKept &&
        context.meta.get('version') !== undefined &&
        context.meta.get('basis') === basis
      ) {
        stored = await updateFromSnapshot(context, type, records, skipped);
      } else {
        context.store.clear();
        context.meta.set('texts', texts.reset(type));
        stored = await validateInto(context, type, records, skipped);
      }
      // The store no longer holds what a CMS build left: the next CMS build must fetch everything.
      context.meta.delete('cms');
      context.meta.set('version', version);
      if (basis === undefined) context.meta.delete('basis');
      else context.meta.set('basis', basis);
      context.meta.set('skipped', JSON.stringify(skipped));
      context.logger.info(`${stored} ${type} entries from the snapshot`);
      return;
    }
    // CMS: when the previous build used the same CMS, fetch only what changed since then.
    const sites = await loadRegistry();
    const locales = new Set([...sites.values()].flatMap((site) => site.locales));
    // The store is about to hold CMS entries: a later snapshot build must not take them for its own.
    context.meta.delete('version');
    if (context.meta.get('cms') !== source.cms.url || !textsKept) {
      context.store.clear();
      context.meta.set('texts', texts.reset(type));
      context.meta.set('cms', source.cms.url);
      for (const locale of locales) context.meta.delete(`since:${locale}`);
    }
    for (const locale of locales) {
      const since = context.meta.get(`since:${locale}`);
      const { records: changed, newest } = await fetchCmsRecords(source.cms, type, locale, since);
      await validateInto(context, type, changed);
      if (since) {
        const live = await fetchCmsIds(source.cms, type, locale);
        for (const key of context.store.keys()) {
          const [id, keyLocale] = key.split('/');
          if (keyLocale === locale && id !== undefined && !live.has(id)) {
            context.store.delete(key);
            texts.deleteTexts(type, key);
          }
        }
      }
      if (newest && (!since || newest > since)) context.meta.set(`since:${locale}`, newest);
    }
  }
}

/** A loader for the registry: one entry per site, validated as a whole. */
export function sitesLoader(): Loader {
  return {
    name: 'govcluster-sites',
    load: async (context) => {
      const sites = await loadRegistry();
      context.store.clear();
      for (const site of sites.values()) context.store.set({ id: site.id, data: { ...site } });
    },
  };
}

/**
 * A loader for media: each item gets `src`, an image that astro:assets turns into responsive
 * AVIF/WebP. Snapshot files are resolved relative to the snapshot folder.
 */
export function mediaLoader(): Loader {
  return {
    name: 'govcluster-media',
    load: async (context) => {
      const source = sourceFromEnv();
      const root = fileURLToPath(context.config.root);
      let records: Record<string, unknown>[];
      let anchor: string;
      if (source.kind === 'snapshot') {
        const raw = await snapshot(source.dir);
        records = raw.records.get('media') ?? [];
        anchor = path.relative(root, path.join(source.dir, 'snapshot.jsonl'));
      } else {
        const dir = fileURLToPath(new URL('cms-media/', context.config.cacheDir));
        records = await fetchCmsMedia(source.cms, dir, previewOverlay()?.files);
        anchor = path.relative(root, path.join(dir, 'media.json'));
      }
      context.store.clear();
      const schema = schemaFor('media');
      for (const record of records) {
        const parsed = schema.safeParse(record);
        if (!parsed.success) {
          reportSkipped({
            site: '-',
            type: 'media',
            id: String(record.id),
            problem: describeIssues(parsed.error.issues),
          });
          continue;
        }
        const media = parsed.data as { id: string; file: string; mime: string };
        const raster = /^image\/(jpeg|png|webp|avif)$/.test(media.mime);
        const data = { ...media, src: raster ? `__ASTRO_IMAGE_./${media.file}` : null };
        context.store.set({ id: media.id, data, filePath: anchor || undefined });
      }
    },
  };
}

/**
 * A loader for the mailboxes' public statistics, one entry per site (docs/adr/0023-mailbox.md): the
 * snapshot's `mailboxStatistics` records, or what the CMS counts (`GET /api/mailbox-statistics`, read
 * with the build's token). Both are validated with the one shared schema; a site not in the registry
 * or figures that cannot be true are reported and skipped, like an invalid entry.
 */
export function mailboxStatisticsLoader(): Loader {
  return {
    name: 'govcluster-mailbox-statistics',
    load: async (context) => {
      const source = sourceFromEnv();
      const raw =
        source.kind === 'snapshot'
          ? ((await snapshot(source.dir)).records.get('mailboxStatistics') ?? [])
          : await fetchCmsMailboxStatistics(source.cms);
      const sites = await loadRegistry();
      context.store.clear();
      for (const record of raw) {
        const parsed = mailboxStatisticsSchema.safeParse(record);
        const problem = !parsed.success
          ? describeIssues(parsed.error.issues)
          : sites.has(parsed.data.site)
            ? null
            : `site "${parsed.data.site}" is not in the registry`;
        if (problem !== null || !parsed.success) {
          reportSkipped({
            site: String(record.site ?? '?'),
            type: 'mailboxStatistics',
            id: String(record.site ?? '?'),
            problem: problem ?? 'invalid',
          });
          continue;
        }
        context.store.set({ id: parsed.data.site, data: { ...parsed.data } });
      }
    },
  };
}
