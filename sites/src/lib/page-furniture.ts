import type { ColumnType } from '@govcluster/shared/schemas';
import { localeNames } from '@govcluster/shared/schemas';
import { columnPath, fixedPaths, sitePrefix } from '@govcluster/shared/urls';
import { pickText } from '@govcluster/themes/lib/format.ts';
import type { Furniture, Text } from '@govcluster/themes/lib/furniture.ts';
import { t } from '@govcluster/themes/lib/i18n.ts';
import { type Cluster, type Page, portalOf } from './cluster.ts';
import { defaultLocale, type Locale, type LocalizedText, type Site } from './model.ts';

/** A registry text in a locale, with its language. */
export function text(value: LocalizedText, locale: Locale): Text {
  const picked = pickText(value, locale);
  return { text: picked.text, lang: picked.lang };
}

/** A UI string as a Text in the page's locale. */
export function ui(locale: Locale, key: string, params?: Record<string, string | number>): Text {
  return { text: t(locale, key, params), lang: locale };
}

/** The site's name in a locale. */
export function siteName(site: Site, locale: Locale): Text {
  return text(site.name, locale);
}

/**
 * The sections that gather the columns of a type: where the site has the section, the menu shows the
 * section in their place (one 互动交流 instead of 市长信箱, 在线访谈 and 征集调查 side by side), and the
 * section is the current item on their pages.
 */
const gatheringSections: Partial<Record<ColumnType, string>> = {
  service: fixedPaths.serviceGuides,
  interaction: fixedPaths.interaction,
};

/** The top navigation of a site in a locale: home, columns (that exist in the locale), fixed pages. */
function navigation(cluster: Cluster, site: Site, locale: Locale, currentUrl: string): Furniture['nav'] {
  const prefix = sitePrefix(site, locale);
  const items: Furniture['nav'] = [
    { label: ui(locale, 'nav.home'), url: prefix, current: currentUrl === prefix },
  ];
  /** Section path → the URLs of the columns it gathers. */
  const gathered = new Map<string, string[]>();
  const columns = [...site.columns].sort((a, b) => a.order - b.order);
  for (const column of columns) {
    const url = prefix + columnPath(column.slug);
    if (!cluster.pageByUrl.has(url)) continue;
    const section = gatheringSections[column.type];
    if (section && cluster.pageByUrl.has(prefix + section)) {
      gathered.set(section, [...(gathered.get(section) ?? []), url]);
      continue;
    }
    items.push({ label: text(column.name, locale), url, current: currentUrl.startsWith(url) });
  }
  const fixed: [string, string][] = [
    [fixedPaths.leaders, 'nav.leaders'],
    [fixedPaths.villages, 'nav.villages'],
    [fixedPaths.investment, 'nav.investment'],
    [fixedPaths.serviceGuides, 'nav.serviceGuides'],
    [fixedPaths.interaction, 'nav.interaction'],
    [fixedPaths.openInfo, 'openInfo.title'],
  ];
  for (const [path, key] of fixed) {
    const url = prefix + path;
    if (!cluster.pageByUrl.has(url)) continue;
    const current = [url, ...(gathered.get(path) ?? [])].some((under) => currentUrl.startsWith(under));
    items.push({ label: ui(locale, key), url, current });
  }
  return items;
}

/**
 * The national furniture of a page: names, navigation, language versions, breadcrumbs, footer facts
 * and hreflang alternates, all from the registry.
 */
export function furnitureFor(
  cluster: Cluster,
  page: Page,
  trail: { label: Text; url?: string }[] = [],
): Furniture {
  const { site, locale } = page;
  const prefix = sitePrefix(site, locale);
  const portal = portalOf(cluster);
  const versions = cluster.alternates.get(page.key) ?? new Map<Locale, string>();
  const languages = site.locales.map((other) => {
    const url = versions.get(other);
    return {
      locale: other,
      name: localeNames[other],
      url: url ?? `${sitePrefix(site, other)}#gc-untranslated`,
      available: url !== undefined,
      current: other === locale,
    };
  });
  const alternates: { hreflang: Locale | 'x-default'; url: string }[] = [...versions.entries()].map(
    ([hreflang, url]) => ({ hreflang, url }),
  );
  const defaultVersion = versions.get(defaultLocale);
  if (alternates.length > 1 && defaultVersion)
    alternates.push({ hreflang: 'x-default', url: defaultVersion });
  const f = site.footer;
  return {
    locale,
    kind: site.kind,
    siteName: siteName(site, locale),
    cityName: cityName(cluster, locale).text,
    emblemMark: Array.from((portal.shortName ?? portal.name)['zh-CN'])[0] ?? '',
    homeUrl: prefix,
    parent:
      site.id === portal.id
        ? undefined
        : {
            name: siteName(portal, locale),
            url: sitePrefix(portal, portal.locales.includes(locale) ? locale : defaultLocale),
          },
    nav: navigation(cluster, site, locale, page.url),
    languages,
    breadcrumbs: [{ label: ui(locale, 'nav.home'), url: prefix }, ...trail],
    footer: {
      sponsor: text(f.sponsor, locale),
      organizer: f.organizer ? text(f.organizer, locale) : undefined,
      siteCode: f.siteCode,
      icp: f.icp,
      publicSecurity: f.publicSecurity,
      phone: f.contact.phone,
      email: f.contact.email,
      address: text(f.contact.address, locale),
      postcode: f.contact.postcode,
      siteMapUrl: prefix + fixedPaths.siteMap,
      accessibilityUrl: prefix + fixedPaths.accessibility,
      partyGovMarkUrl: f.partyGovMarkUrl,
      newMedia: (site.newMedia ?? []).map((account) => ({
        platform: account.platform,
        name: text(account.name, locale),
        account: account.account,
        url: account.url,
      })),
    },
    alternates: alternates.length > 1 ? alternates : [],
    canonical: page.url,
    feedUrl: `${prefix}rss.xml`,
    searchUrl: prefix + fixedPaths.search,
  };
}

/** The city's name in a locale: the portal's short name (`Linjiang`), else its full name. */
export function cityName(cluster: Cluster, locale: Locale): Text {
  const portal = portalOf(cluster);
  return text(portal.shortName ?? portal.name, locale);
}
