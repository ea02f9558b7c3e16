import { getCollection } from 'astro:content';
import { calendarYear, instant } from '@govcluster/shared/dates';
import { mailboxColumn } from '@govcluster/shared/mailbox';
import { columnPath, entryPath, fixedPaths, sitePrefix } from '@govcluster/shared/urls';
import { type InteractionHubView, interactionHub } from './interaction-pages.ts';
import {
  type Column,
  type ContentType,
  contentTypes,
  defaultLocale,
  type EntryBase,
  isOpenInfoBody,
  type Locale,
  locales,
  type MailboxStatistics,
  type Site,
} from './model.ts';
import { type OpenInfoView, openInfoPages } from './open-info.ts';
import { type ServiceView, servicePages } from './service-pages.ts';
import { type StoredTextField, storedText } from './text-store.ts';

/** Entries per page of a column listing. */
export const pageSize = 20;

/**
 * Column types whose portal column lists every site's entries (the portal home's blocks aggregate the
 * cluster, and their 更多 leads to the portal column of the type: both must list the same entries).
 */
export const aggregatedColumnTypes: ReadonlySet<Column['type']> = new Set([
  'news',
  'notice',
  'policy',
  'service',
]);

/** A content entry with its type and public URL. */
export interface Entry extends EntryBase {
  type: ContentType;
  url: string;
}

/** A media item with its image, when it is a raster image astro:assets can transform. */
export interface MediaItem {
  id: string;
  file: string;
  width: number;
  height: number;
  mime: string;
  alt: { 'zh-CN': string; en?: string; ru?: string };
  // biome-ignore lint/suspicious/noExplicitAny: ImageMetadata from astro:assets
  src: any;
}

/** What a page shows. */
export type View =
  | { type: 'home' }
  | {
      type: 'column';
      column: Column;
      page: number;
      pages: number;
      items: Entry[];
      /** The mailbox's public statistics, on the first page of a site's mailbox column. */
      statistics?: MailboxStatistics;
    }
  | { type: 'entry'; entry: Entry }
  | { type: 'leaders'; items: Entry[] }
  | { type: 'villages'; items: Entry[] }
  | { type: 'investment'; items: Entry[] }
  | { type: 'investorGuide'; items: Entry[] }
  | { type: 'investorContacts' }
  | { type: 'siteMap' }
  | { type: 'accessibility' }
  | { type: 'search' }
  | { type: 'mailbox'; form: 'write' | 'track'; column: Column }
  | { type: 'notFound' }
  | ServiceView
  | InteractionHubView
  | OpenInfoView;

/** One page of the cluster. */
export interface Page {
  /** Absolute path, e.g. `/bm/fgw/news/fgw-news-1/`. */
  url: string;
  site: Site;
  locale: Locale;
  /** The same page in every locale shares this key (for hreflang and the language switch). */
  key: string;
  view: View;
}

/** The whole cluster, indexed for the templates. */
export interface Cluster {
  sites: Site[];
  siteById: Map<string, Site>;
  pages: Page[];
  pageByUrl: Map<string, Page>;
  /** key → locale → url */
  alternates: Map<string, Map<Locale, string>>;
  /** `${type}|${id}|${locale}` → entry */
  entries: Map<string, Entry>;
  media: Map<string, MediaItem>;
  /** `${site}|${locale}` → entries of the site in that locale, newest first */
  bySiteLocale: Map<string, Entry[]>;
  /** locale → entries of every site, newest first */
  byLocale: Map<Locale, Entry[]>;
  /** Every year that has an entry in any locale, newest first (the search pages' year filter). */
  years: string[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Each entry's time of publication as an instant, read once (100,000 entries are sorted twice). */
const published = new WeakMap<Entry, number>();
const publishedAt = (entry: Entry): number => {
  let at = published.get(entry);
  if (at === undefined) {
    at = instant(entry.publishedAt);
    published.set(entry, at);
  }
  return at;
};
/** Newest first by when, not by the text of the time: the CMS writes UTC, a snapshot may write +08:00. */
const newestFirst = (a: Entry, b: Entry) => publishedAt(b) - publishedAt(a);

async function build(): Promise<Cluster> {
  const kindOrder = { portal: 0, department: 1, township: 2 };
  const sites = ((await getCollection('site')).map((entry: { data: Site }) => entry.data) as Site[]).sort(
    (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.basePath.localeCompare(b.basePath),
  );
  const siteById = new Map(sites.map((site) => [site.id, site]));
  const media = new Map<string, MediaItem>();
  for (const item of await getCollection('media')) media.set(item.data.id, item.data as MediaItem);
  const statistics = new Map<string, MailboxStatistics>();
  for (const item of await getCollection('mailboxStatistics'))
    statistics.set(item.data.site, item.data as MailboxStatistics);

  const entries = new Map<string, Entry>();
  const bySiteLocale = new Map<string, Entry[]>();
  const byLocale = new Map<Locale, Entry[]>();
  for (const type of contentTypes) {
    for (const item of await getCollection(type)) {
      const data = item.data as EntryBase;
      const site = siteById.get(data.site);
      if (!site) continue;
      const entry: Entry = { ...data, type, url: sitePrefix(site, data.locale) + entryPath(type, data) };
      // Long texts stay in the text store until the page that shows them renders.
      for (const field of (data.storedTexts ?? []) as StoredTextField[]) {
        Object.defineProperty(entry, field, { get: () => storedText(type, item.id, field) });
      }
      entries.set(`${type}|${data.id}|${data.locale}`, entry);
      push(bySiteLocale, `${site.id}|${data.locale}`, entry);
      push(byLocale, data.locale, entry);
    }
  }
  for (const list of bySiteLocale.values()) list.sort(newestFirst);
  for (const list of byLocale.values()) list.sort(newestFirst);
  const years = [...new Set([...entries.values()].map((entry) => calendarYear(entry.publishedAt)))].sort(
    (a, b) => b.localeCompare(a),
  );

  /** Every site's entries in a locale in columns of a type, newest first (the portal's aggregation). */
  const columnTypeOf = (entry: Entry) =>
    siteById.get(entry.site)?.columns.find((column) => column.slug === entry.column)?.type;
  const clusterColumn = (type: Column['type'], locale: Locale) =>
    (byLocale.get(locale) ?? []).filter((entry) => entry.column && columnTypeOf(entry) === type);

  const portal = sites.find((site) => site.kind === 'portal');
  const pages: Page[] = [];
  const add = (site: Site, locale: Locale, path: string, key: string, view: View) => {
    pages.push({ url: sitePrefix(site, locale) + path, site, locale, key: `${site.id}|${key}`, view });
  };
  for (const site of sites) {
    for (const locale of locales) {
      if (!site.locales.includes(locale)) continue;
      const own = bySiteLocale.get(`${site.id}|${locale}`) ?? [];
      add(site, locale, '', 'home', { type: 'home' });
      add(site, locale, fixedPaths.siteMap, 'siteMap', { type: 'siteMap' });
      add(site, locale, fixedPaths.accessibility, 'accessibility', { type: 'accessibility' });
      add(site, locale, fixedPaths.search, 'search', { type: 'search' });
      // The mailbox is a Chinese-language service: its pages exist where the site has a mailbox column.
      const mailbox = mailboxColumn(site.columns);
      if (mailbox && locale === defaultLocale) {
        add(site, locale, fixedPaths.mailboxWrite, 'mailboxWrite', {
          type: 'mailbox',
          form: 'write',
          column: mailbox,
        });
        add(site, locale, fixedPaths.mailboxTrack, 'mailboxTrack', {
          type: 'mailbox',
          form: 'track',
          column: mailbox,
        });
      }
      // One 404 page per site and locale, all in that locale; the build moves it to `<prefix>404.html`.
      add(site, locale, fixedPaths.notFound, 'notFound', { type: 'notFound' });
      const byColumn = new Map<string, Entry[]>();
      const byType = new Map<ContentType, Entry[]>();
      for (const entry of own) {
        if (entry.column) push(byColumn, entry.column, entry);
        push(byType, entry.type, entry);
      }
      for (const column of site.columns) {
        // The portal's first column of an aggregated type lists the whole cluster's.
        const aggregated =
          site.kind === 'portal' &&
          aggregatedColumnTypes.has(column.type) &&
          site.columns.find((other) => other.type === column.type) === column;
        const items = aggregated ? clusterColumn(column.type, locale) : (byColumn.get(column.slug) ?? []);
        // Other locales get a column only when it has entries in that locale.
        if (locale !== defaultLocale && items.length === 0) continue;
        const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
        const figures = column === mailbox && locale === defaultLocale ? statistics.get(site.id) : undefined;
        for (let page = 1; page <= pageCount; page += 1) {
          add(site, locale, columnPath(column.slug, page), `column:${column.slug}:${page}`, {
            type: 'column',
            column,
            page,
            pages: pageCount,
            items: items.slice((page - 1) * pageSize, page * pageSize),
            ...(figures && page === 1 ? { statistics: figures } : {}),
          });
        }
      }
      for (const entry of own) {
        add(site, locale, entryPath(entry.type, entry), `${entry.type}:${entry.id}`, {
          type: 'entry',
          entry,
        });
      }
      // 政务服务: the portal's pages hold every site's guides, as its service column does.
      const guides = (
        site.kind === 'portal' ? clusterColumn('service', locale) : (byType.get('serviceGuide') ?? [])
      ).filter((entry) => entry.type === 'serviceGuide');
      if (guides.length > 0 || (locale === defaultLocale && site.columns.some((c) => c.type === 'service'))) {
        for (const service of servicePages(site, guides, sites, pageSize))
          add(site, locale, service.path, service.key, service.view);
      }
      const hub =
        portal && interactionHub(site, portal, own, mailbox !== undefined && locale === defaultLocale);
      if (hub) add(site, locale, fixedPaths.interaction, 'interaction', hub);
      const leaders = (byType.get('leader') ?? []).sort((a, b) => a.order - b.order);
      if (leaders.length > 0)
        add(site, locale, fixedPaths.leaders, 'leaders', { type: 'leaders', items: leaders });
      const villages = (byType.get('village') ?? []).sort((a, b) =>
        String(a.slug).localeCompare(String(b.slug)),
      );
      if (villages.length > 0)
        add(site, locale, fixedPaths.villages, 'villages', { type: 'villages', items: villages });
      // 政府信息公开: the section of a 公开 body, in the default locale (docs/adr/0027-open-information.md).
      if (locale === defaultLocale && isOpenInfoBody(site))
        for (const section of openInfoPages(site, own))
          add(site, locale, section.path, section.key, section.view);
      const projects = byType.get('investmentProject') ?? [];
      if (projects.length > 0) {
        add(site, locale, fixedPaths.investment, 'investment', { type: 'investment', items: projects });
        add(site, locale, fixedPaths.investorGuide, 'investorGuide', {
          type: 'investorGuide',
          items: projects,
        });
      }
      // The registry's contacts are texts in every locale (a missing translation falls back to zh-CN).
      if ((site.investorContacts ?? []).length > 0)
        add(site, locale, fixedPaths.investorContacts, 'investorContacts', { type: 'investorContacts' });
    }
  }
  const pageByUrl = new Map<string, Page>();
  const alternates = new Map<string, Map<Locale, string>>();
  for (const page of pages) {
    if (pageByUrl.has(page.url)) throw new Error(`Two pages want the URL ${page.url}`);
    pageByUrl.set(page.url, page);
    let versions = alternates.get(page.key);
    if (!versions) {
      versions = new Map();
      alternates.set(page.key, versions);
    }
    versions.set(page.locale, page.url);
  }
  return { sites, siteById, pages, pageByUrl, alternates, entries, media, bySiteLocale, byLocale, years };
}

let clusterPromise: Promise<Cluster> | undefined;

/** The cluster, computed once per build from the content collections. */
export function loadCluster(): Promise<Cluster> {
  clusterPromise ??= build();
  return clusterPromise;
}

/** The portal of the cluster. */
export function portalOf(cluster: Cluster): Site {
  const portal = cluster.sites.find((site) => site.kind === 'portal');
  if (!portal) throw new Error('The registry has no portal');
  return portal;
}

/** Entries of a site (or, for the portal's aggregation, of every site) in a locale with a given column type. */
export function latest(
  cluster: Cluster,
  entries: Entry[],
  columnType: Column['type'],
  count: number,
): Entry[] {
  const out: Entry[] = [];
  for (const entry of entries) {
    if (!entry.column) continue;
    const site = cluster.siteById.get(entry.site);
    const column = site?.columns.find((c) => c.slug === entry.column);
    if (column?.type !== columnType) continue;
    // Interpretations sit in policy columns too; the home block lists policy documents.
    if (columnType === 'policy' && entry.type !== 'policy') continue;
    out.push(entry);
    if (out.length >= count) break;
  }
  return out;
}
