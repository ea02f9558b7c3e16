/**
 * Fingerprints of the build's outputs, for incremental builds (docs/adr/0016-incremental-build.md).
 *
 * Every file a route renders gets a fingerprint: a hash of everything its template reads from the
 * cluster. The routes' `getStaticPaths` compare it with the previous release's fingerprint
 * (`GOVCLUSTER_PREVIOUS_FINGERPRINTS`, a manifest written by the last build) and emit only the files
 * whose fingerprint changed; the cluster build copies the others from the previous release. Every
 * route writes its fingerprints into `GOVCLUSTER_FINGERPRINTS_OUT/<route>.json` (partition 0 only:
 * every partition computes the same ones). Without the variables every file is rendered.
 *
 * Where what a template reads is hard to pin down, the fingerprint is coarser than the template
 * (a site's home page changes with any entry of its site and locale, the portal's with any entry of
 * its locale, any page with any change of the registry): a page rendered for nothing costs time, a
 * page not rendered when it should be costs correctness.
 * @module
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { columnPath, fixedPaths, sitePrefix } from '@govcluster/shared/urls';
import { consultationState } from './build-time.ts';
import type { Cluster, Entry, Page } from './cluster.ts';
import type { Locale, Site } from './model.ts';
import { openInfoInputs } from './open-info.ts';
import { inPartition } from './partition.ts';
import { previewing } from './preview.ts';
import { storedTextFields } from './text-store.ts';

/** The output file (relative to the output folder) of a page. */
export function pageFile(page: Page): string {
  if (page.view.type === 'notFound') return `${sitePrefix(page.site, page.locale).slice(1)}404.html`;
  return `${page.url.slice(1)}index.html`;
}

/** The output file of a site's sitemap. */
export function sitemapFile(site: Site): string {
  return `${site.basePath.slice(1)}sitemap.xml`;
}

/** The output file of a site's feed in a locale. */
export function feedFile(site: Site, locale: Locale): string {
  return `${sitePrefix(site, locale).slice(1)}rss.xml`;
}

const hash = (value: unknown): string =>
  createHash('sha256')
    .update(typeof value === 'string' ? value : JSON.stringify(value))
    .digest('base64url')
    .slice(0, 22);

/**
 * An entry as a template may read it: its data and its long texts — as the digest the loader took of
 * them when it stored them (`storedTextsDigest`, src/lib/text-store.ts), else read from the text store.
 * Reading every entry's texts back from SQLite to hash them was about a tenth of an incremental build's
 * Astro process on the demo city.
 */
function entryData(entry: Entry): unknown {
  if (typeof (entry as { storedTextsDigest?: unknown }).storedTextsDigest === 'string') return entry;
  const texts: Record<string, unknown> = {};
  for (const field of storedTextFields) texts[field] = (entry as Record<string, unknown>)[field];
  return { ...entry, ...texts };
}

/** Memoized per cluster object: the parts shared by many fingerprints. */
const shared = new WeakMap<Cluster, Map<string, string>>();

function memo(cluster: Cluster, key: string, compute: () => unknown): string {
  let cache = shared.get(cluster);
  if (!cache) {
    cache = new Map();
    shared.set(cluster, cache);
  }
  let value = cache.get(key);
  if (value === undefined) {
    value = hash(compute());
    cache.set(key, value);
  }
  return value;
}

/** Every site's registry record: the site map, search pages, portal directory and footers read them. */
const registryKey = (cluster: Cluster) => memo(cluster, 'registry', () => cluster.sites);

/** Which of a site's navigation targets exist in a locale (page-furniture.ts builds the menu from them). */
function navigationKey(cluster: Cluster, site: Site, locale: Locale): string {
  return memo(cluster, `nav|${site.id}|${locale}`, () => {
    const prefix = sitePrefix(site, locale);
    const targets = [
      ...site.columns.map((column) => prefix + columnPath(column.slug)),
      prefix + fixedPaths.leaders,
      prefix + fixedPaths.villages,
      prefix + fixedPaths.investment,
      prefix + fixedPaths.serviceGuides,
      prefix + fixedPaths.interaction,
      prefix + fixedPaths.openInfo,
    ];
    return targets.filter((url) => cluster.pageByUrl.has(url));
  });
}

const entriesKey = (cluster: Cluster, key: string, entries: readonly Entry[]) =>
  memo(cluster, key, () => entries.map(entryData));

const mediaOf = (cluster: Cluster, entries: readonly Entry[]) =>
  entries.flatMap((entry) => {
    const refs = [
      ...((entry.images ?? entry.photos ?? []) as { id: string }[]),
      ...(entry.portrait ? [entry.portrait as { id: string }] : []),
    ];
    return refs.map((ref) => cluster.media.get(ref.id) ?? null);
  });

/** What one page's template reads beyond the furniture. */
function viewInputs(cluster: Cluster, page: Page): unknown {
  const { view, site, locale } = page;
  switch (view.type) {
    case 'home':
      return site.kind === 'portal'
        ? entriesKey(cluster, `locale|${locale}`, cluster.byLocale.get(locale) ?? [])
        : entriesKey(
            cluster,
            `site|${site.id}|${locale}`,
            cluster.bySiteLocale.get(`${site.id}|${locale}`) ?? [],
          );
    case 'column':
      return {
        column: view.column,
        page: view.page,
        pages: view.pages,
        items: view.items.map(entryData),
        states: view.items.map((item) => (item.type === 'consultation' ? consultationState(item) : null)),
        statistics: view.statistics ?? null,
      };
    case 'entry': {
      const { entry } = view;
      const find = (type: string, id: unknown) => cluster.entries.get(`${type}|${id}|${locale}`);
      const related: (Entry | undefined)[] = [];
      if (entry.type === 'policy') {
        for (const id of (entry.interpretations ?? []) as string[]) related.push(find('interpretation', id));
        for (const other of cluster.bySiteLocale.get(`${site.id}|${locale}`) ?? []) {
          if (other.type === 'interpretation' && other.policy === entry.id) related.push(other);
        }
      }
      if (entry.type === 'interpretation') related.push(find('policy', entry.policy));
      if (entry.type === 'policy' && entry.replacedBy)
        related.push(
          find('policy', entry.replacedBy) ?? cluster.entries.get(`policy|${entry.replacedBy}|zh-CN`),
        );
      return {
        entry: entryData(entry),
        // A consultation's page changes on the day it opens or closes.
        state: entry.type === 'consultation' ? consultationState(entry) : null,
        media: mediaOf(cluster, [entry]),
        related: related.map((other) =>
          other ? { id: other.id, title: other.title, url: other.url } : null,
        ),
      };
    }
    case 'leaders':
    case 'villages':
    case 'investment':
    case 'investorGuide':
      return { items: view.items.map(entryData), media: mediaOf(cluster, view.items) };
    case 'search':
      return cluster.years;
    case 'serviceHome':
      return view;
    case 'serviceFacet':
      return { ...view, items: view.items.map(entryData) };
    case 'interactionHub':
      return {
        ...view,
        columns: view.columns.map(({ column, items }) => ({
          column,
          items: items.map((item) => [
            entryData(item),
            item.type === 'consultation' ? consultationState(item) : null,
          ]),
        })),
      };
    case 'openInfo':
    case 'catalogue':
    case 'annualReport':
    case 'websiteReport':
      return openInfoInputs(view);
    // These read only the registry and the furniture, which every fingerprint holds already.
    case 'accessibility':
    case 'investorContacts':
    case 'mailbox':
    case 'notFound':
    case 'siteMap':
      return null;
    default: {
      // A new view type must say here what its template reads, or it would never be rendered again.
      const unhandled: never = view;
      return unhandled;
    }
  }
}

/** The fingerprint of a page: its view's inputs, its site's furniture, its language versions. */
export function pageFingerprint(cluster: Cluster, page: Page): string {
  return hash([
    page.url,
    page.view.type,
    registryKey(cluster),
    navigationKey(cluster, page.site, page.locale),
    [...(cluster.alternates.get(page.key) ?? [])],
    viewInputs(cluster, page),
  ]);
}

/** The fingerprint of a site's sitemap: its pages, their dates and language versions. */
export function sitemapFingerprint(cluster: Cluster, site: Site): string {
  return hash(
    cluster.pages
      .filter((page) => page.site.id === site.id)
      .map((page) => [
        page.url,
        page.view.type,
        page.view.type === 'column' ? page.view.page : 0,
        page.view.type === 'entry' ? page.view.entry.updatedAt : '',
        [...(cluster.alternates.get(page.key) ?? [])],
      ]),
  );
}

/** The fingerprint of a site's feed in a locale: the site's name and its entries. */
export function feedFingerprint(cluster: Cluster, site: Site, locale: Locale): string {
  return hash([
    site.name,
    locale,
    entriesKey(cluster, `site|${site.id}|${locale}`, cluster.bySiteLocale.get(`${site.id}|${locale}`) ?? []),
  ]);
}

let previous: Record<string, string> | undefined;

/** The previous release's fingerprints (file → fingerprint), or undefined for a full build. */
function previousFingerprints(): Record<string, string> | undefined {
  const file = process.env.GOVCLUSTER_PREVIOUS_FINGERPRINTS;
  if (!file) return undefined;
  previous ??= (JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, string> }).files;
  return previous;
}

/**
 * The items of a route whose output changed since the previous release (all of them for a full build),
 * after writing the route's fingerprints for the cluster build.
 */
export function changedOnly<T>(
  route: string,
  items: readonly T[],
  fingerprint: (item: T) => [string, string],
) {
  // A preview build renders one entry's page, chosen by the page route (src/lib/preview.ts).
  if (previewing()) return [];
  const prints = items.map(fingerprint);
  const out = process.env.GOVCLUSTER_FINGERPRINTS_OUT;
  // Every partition computes the same fingerprints; the first one writes them.
  if (out && inPartition(0)) {
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, `${route}.json`), JSON.stringify(Object.fromEntries(prints)));
  }
  const before = previousFingerprints();
  if (!before) return [...items];
  return items.filter((_, index) => {
    const [file, print] = prints[index] as [string, string];
    return before[file] !== print;
  });
}

/** Every entry's URL by `type|id|locale`, for the redirects of moved entries. */
export function writeEntryUrls(cluster: Cluster): void {
  const out = process.env.GOVCLUSTER_FINGERPRINTS_OUT;
  if (!out || !inPartition(0)) return;
  mkdirSync(out, { recursive: true });
  const urls: Record<string, string> = {};
  for (const [key, entry] of cluster.entries) urls[key] = entry.url;
  writeFileSync(path.join(out, 'entries.json'), JSON.stringify(urls));
}
