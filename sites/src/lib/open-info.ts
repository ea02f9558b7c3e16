/**
 * The pages of the 政府信息公开 section of a 公开 body (docs/adr/0027-open-information.md): the section's
 * home, 指南, 制度, 法定主动公开内容, 依申请公开, the 公开目录 whole and filtered by one dimension at a
 * time (a static page per value, paginated), and per year the 公开年报 and the 政府网站工作年度报表.
 * In the default locale only, like the mailbox: disclosure is a Chinese-language service.
 */
import { calendarYear } from '@govcluster/shared/dates';
import {
  type CatalogueFacet,
  type CatalogueItem,
  catalogueFacets,
  matchesFilter,
  type WebsiteReport,
  websiteReport,
} from '@govcluster/shared/open-info';
import {
  annualReportPath,
  type CatalogueDimension,
  type CatalogueFilter,
  catalogueDimensions,
  cataloguePath,
  openInfoPaths,
  websiteReportPath,
} from '@govcluster/shared/urls/open-info';
import type { Entry } from './cluster.ts';
import type { Site } from './model.ts';

/** Rows per page of the 公开目录: pages stay few at large scale (ADR 27), a table stays readable. */
export const cataloguePageSize = 50;

/** The section's pages that are text about the body (指南, 制度, 法定主动公开内容, 依申请公开) or lists. */
export type OpenInfoPageKind = 'home' | 'guide' | 'rules' | 'statutory' | 'apply' | 'annualList';

/** What a page of the section shows. */
export type OpenInfoView =
  | { type: 'openInfo'; kind: OpenInfoPageKind; years: string[] }
  | {
      type: 'catalogue';
      filter?: CatalogueFilter;
      page: number;
      pages: number;
      /** Items matching the filter. */
      total: number;
      items: Entry[];
      facets: Record<CatalogueDimension, CatalogueFacet[]>;
    }
  | { type: 'annualReport'; year: string; policies: Entry[]; report: WebsiteReport }
  | { type: 'websiteReport'; year: string; report: WebsiteReport };

/** A page of the section, inside the site's default-locale prefix. */
export interface OpenInfoPage {
  path: string;
  key: string;
  view: OpenInfoView;
}

/**
 * The section's pages of a 公开 body from its own entries in the default locale (newest first): the
 * 公开目录 holds its policy documents; a year gets a 年报 and a 年度报表 once the site has entries in it.
 */
export function openInfoPages(site: Site, own: readonly Entry[]): OpenInfoPage[] {
  const policies = own.filter((entry): entry is Entry & CatalogueItem => entry.type === 'policy');
  const years = [...new Set(own.map((entry) => calendarYear(entry.publishedAt)))].sort((a, b) =>
    b.localeCompare(a),
  );
  const pages: OpenInfoPage[] = [];
  const fixed: [OpenInfoPageKind, string][] = [
    ['home', openInfoPaths.home],
    ['guide', openInfoPaths.guide],
    ['rules', openInfoPaths.rules],
    ['statutory', openInfoPaths.statutory],
    ['apply', openInfoPaths.apply],
    ['annualList', openInfoPaths.annual],
  ];
  for (const [kind, path] of fixed)
    pages.push({ path, key: `openInfo:${kind}`, view: { type: 'openInfo', kind, years } });

  const facets = Object.fromEntries(
    catalogueDimensions.map((dimension) => [dimension, catalogueFacets(policies, dimension)]),
  ) as Record<CatalogueDimension, CatalogueFacet[]>;
  const filters: (CatalogueFilter | undefined)[] = [
    undefined,
    ...catalogueDimensions.flatMap((dimension) => facets[dimension].map((facet) => facet.filter)),
  ];
  for (const filter of filters) {
    const matching = policies.filter((policy) => matchesFilter(policy as never, filter));
    const count = Math.max(1, Math.ceil(matching.length / cataloguePageSize));
    for (let page = 1; page <= count; page += 1) {
      const path = cataloguePath(filter, page);
      pages.push({
        path,
        key: `openInfo:${path}`,
        view: {
          type: 'catalogue',
          filter,
          page,
          pages: count,
          total: matching.length,
          items: matching.slice((page - 1) * cataloguePageSize, page * cataloguePageSize),
          facets,
        },
      });
    }
  }

  for (const year of years) {
    const report = websiteReport(site, year, own as never);
    pages.push({
      path: annualReportPath(year),
      key: `openInfo:annual:${year}`,
      view: { type: 'annualReport', year, policies, report },
    });
    pages.push({
      path: websiteReportPath(year),
      key: `openInfo:website:${year}`,
      view: { type: 'websiteReport', year, report },
    });
  }
  return pages;
}

/** What a catalogue row or a 年报 reads of a policy document. */
function catalogueRow(entry: Entry): unknown {
  const { id, title, url, indexNumber, documentNumber, writtenDate, publishedAt, topic, validity } = entry;
  return [
    id,
    title,
    url,
    indexNumber,
    documentNumber,
    writtenDate,
    publishedAt,
    topic,
    validity,
    entry.validityDate,
  ];
}

/** What a page of the section reads beyond the furniture: the incremental build's fingerprint of it. */
export function openInfoInputs(view: OpenInfoView): unknown {
  switch (view.type) {
    case 'openInfo':
      return view.years;
    case 'catalogue':
      return { ...view, items: view.items.map(catalogueRow) };
    case 'annualReport':
      return { year: view.year, report: view.report, policies: view.policies.map(catalogueRow) };
    case 'websiteReport':
      return view.report;
  }
}
