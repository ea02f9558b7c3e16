/**
 * The URL plan of the 政府信息公开 section (docs/adr/0027-open-information.md), inside a site-locale
 * prefix, under `fixedPaths.openInfo`. The 公开目录 is filtered by one dimension at a time, each value a
 * static page of its own (no JavaScript, no query string): the pages grow with the catalogue, never
 * with the product of the filters. Pure and browser-safe.
 * @module
 */
import type { UiKey } from '../i18n/keys.ts';
import { type PolicyValidity, policyTopicValues } from '../schemas/policy.ts';
import { fnv1a } from '../text/hash.ts';
import { columnPath, fixedPaths } from './url-plan.ts';

const root = fixedPaths.openInfo;

/** The fixed pages of the section, inside a site-locale prefix. */
export const openInfoPaths = {
  /** 政府信息公开: the section's home. */
  home: root,
  /** 政府信息公开指南. */
  guide: `${root}guide/`,
  /** 政府信息公开制度. */
  rules: `${root}rules/`,
  /** 法定主动公开内容. */
  statutory: `${root}statutory/`,
  /** 依申请公开. */
  apply: `${root}apply/`,
  /** 政府信息公开年报: the list of years. */
  annual: `${root}annual/`,
} as const;

/**
 * The pages the section's home lists, in its order: each with the UI key of its name. A 公开 body must
 * have all of them and the home (the checker's `open-info-page-missing`).
 */
export const openInfoSections: readonly { readonly key: UiKey; readonly path: string }[] = [
  { key: 'openInfo.guide', path: openInfoPaths.guide },
  { key: 'openInfo.rules', path: openInfoPaths.rules },
  { key: 'openInfo.statutory', path: openInfoPaths.statutory },
  { key: 'policy.catalogue', path: cataloguePath() },
  { key: 'openInfo.annual', path: openInfoPaths.annual },
  { key: 'openInfo.apply', path: openInfoPaths.apply },
];

/** The dimensions the 公开目录 is filtered by: 主题分类, 发文机关, 年份, 有效性. */
export const catalogueDimensions = ['topic', 'authority', 'year', 'validity'] as const;

/** A dimension of the 公开目录. */
export type CatalogueDimension = (typeof catalogueDimensions)[number];

/** One filter of the 公开目录: a dimension and a value, or none (the whole catalogue). */
export type CatalogueFilter =
  | { readonly dimension: 'topic'; readonly value: string }
  | { readonly dimension: 'authority'; readonly value: string }
  | { readonly dimension: 'year'; readonly value: string }
  | { readonly dimension: 'validity'; readonly value: PolicyValidity };

/**
 * The URL segment of a filter value: a topic by its position in `policyTopics` (1-based), an
 * authority by the hash of its name (names are free text, the hash keeps a URL stable as others come),
 * a year and a validity as themselves.
 * @example catalogueValueSlug({ dimension: 'topic', value: '综合政务' }) // '1'
 */
export function catalogueValueSlug(filter: CatalogueFilter): string {
  switch (filter.dimension) {
    case 'topic':
      return String((policyTopicValues as readonly string[]).indexOf(filter.value) + 1);
    case 'authority':
      return fnv1a(filter.value).toString(36);
    default:
      return filter.value;
  }
}

/**
 * The path of page `page` of the 公开目录, whole or filtered, inside a site-locale prefix.
 * @example cataloguePath({ dimension: 'year', value: '2024' }, 2) // 'zwgk/catalogue/year/2024/page/2/'
 */
export function cataloguePath(filter?: CatalogueFilter, page = 1): string {
  const slug = filter
    ? `${root}catalogue/${filter.dimension}/${catalogueValueSlug(filter)}`
    : `${root}catalogue`;
  return columnPath(slug, page);
}

/** The path of the 政府信息公开年报 of a year. */
export function annualReportPath(year: string): string {
  return `${openInfoPaths.annual}${year}/`;
}

/** The path of the 政府网站工作年度报表 of a year. */
export function websiteReportPath(year: string): string {
  return `${openInfoPaths.annual}${year}/website/`;
}
