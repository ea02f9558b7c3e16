import type { Locale } from './i18n.ts';

/** A text with the language it is written in (it differs from the page's when zh-CN stood in). */
export interface Text {
  text: string;
  lang: string;
}

/** Everything the national furniture of a page needs; computed by the sites package from the registry. */
export interface Furniture {
  locale: Locale;
  kind: 'portal' | 'department' | 'township';
  siteName: Text;
  /** The city's name in the page's locale (`Linjiang`), for the emblem's label. */
  cityName: string;
  /** The character at the emblem's centre: the first of the city's Chinese short name (`临`). */
  emblemMark: string;
  homeUrl: string;
  /** The portal, for department and township sites. */
  parent?: { name: Text; url: string };
  nav: { label: Text; url: string; current: boolean }[];
  languages: { locale: Locale; name: string; url: string; available: boolean; current: boolean }[];
  breadcrumbs: { label: Text; url?: string }[];
  footer: {
    sponsor: Text;
    organizer?: Text;
    siteCode: string;
    icp: string;
    publicSecurity: string;
    phone: string;
    email?: string;
    address: Text;
    postcode?: string;
    siteMapUrl: string;
    accessibilityUrl: string;
    /** The certificate of the 党政机关标识; the footer shows the mark linked to it. */
    partyGovMarkUrl?: string;
    /** The body's official new-media accounts (政务新媒体). */
    newMedia: { platform: string; name: Text; account?: string; url?: string }[];
  };
  /** hreflang alternates, including this page. */
  alternates: { hreflang: string; url: string }[];
  canonical: string;
  feedUrl: string;
  /** The site's search page in this locale (`<prefix>search/`); the header's search form submits to it. */
  searchUrl: string;
}
