/**
 * The 政务服务 pages of a site (docs/adr/0028-services-and-interaction.md): a home listing the facets
 * (topic, audience and, on the portal, department) with their counts, and for every facet value a
 * paginated list of its guides. The portal's pages hold every site's guides. Pages grow with the
 * guides, never with combinations: a guide is in at most four listings (its topic, one or two
 * audiences, its department) of `pageSize` guides a page, plus one home.
 * @module
 */
import { serviceAudienceKeys, serviceTopicKeys } from '@govcluster/shared/schemas';
import { fixedPaths, type ServiceFacet, serviceFacetPath } from '@govcluster/shared/urls';
import type { Entry } from './cluster.ts';
import type { Site } from './model.ts';

/** One value of a facet on the 政务服务 home: the topic key, audience key or site id, and its guides. */
export interface ServiceFacetValue {
  value: string;
  count: number;
  /** Path of its first page inside the site-locale prefix. */
  path: string;
}

/** The views of the 政务服务 pages. */
export type ServiceView =
  | {
      type: 'serviceHome';
      /** Every guide listed, for the count. */
      total: number;
      /** The facets in display order, each with its values that have guides. */
      groups: { facet: ServiceFacet; values: ServiceFacetValue[] }[];
    }
  | {
      type: 'serviceFacet';
      facet: ServiceFacet;
      value: string;
      page: number;
      pages: number;
      total: number;
      items: Entry[];
    };

/** A page to add: its path inside the site-locale prefix, its key and its view. */
export interface ServicePage {
  path: string;
  key: string;
  view: ServiceView;
}

/** The values of a guide for a facet. */
function valuesOf(facet: ServiceFacet, guide: Entry): string[] {
  if (facet === 'topic') return guide.topic ? [String(guide.topic)] : [];
  if (facet === 'audience') return (guide.audience ?? []) as string[];
  return [guide.site];
}

/**
 * The 政务服务 pages of a site in a locale, from its guides (the portal: every site's), newest first.
 * The department facet is the portal's only: a department's guides are all its own.
 * @param order the sites in the order the department facet lists them
 */
export function servicePages(
  site: Site,
  guides: readonly Entry[],
  order: readonly Site[],
  pageSize: number,
): ServicePage[] {
  const facets: ServiceFacet[] =
    site.kind === 'portal' ? ['topic', 'audience', 'department'] : ['topic', 'audience'];
  const orderOf: Record<ServiceFacet, readonly string[]> = {
    topic: serviceTopicKeys,
    audience: serviceAudienceKeys,
    department: order.map((other) => other.id),
  };
  const pages: ServicePage[] = [];
  const groups: Extract<ServiceView, { type: 'serviceHome' }>['groups'] = [];
  for (const facet of facets) {
    const byValue = new Map<string, Entry[]>();
    for (const guide of guides) {
      for (const value of valuesOf(facet, guide)) {
        const list = byValue.get(value);
        if (list) list.push(guide);
        else byValue.set(value, [guide]);
      }
    }
    const values: ServiceFacetValue[] = [];
    for (const value of orderOf[facet]) {
      const items = byValue.get(value);
      if (!items) continue;
      values.push({ value, count: items.length, path: serviceFacetPath(facet, value) });
      const count = Math.ceil(items.length / pageSize);
      for (let page = 1; page <= count; page += 1) {
        pages.push({
          path: serviceFacetPath(facet, value, page),
          key: `services:${facet}:${value}:${page}`,
          view: {
            type: 'serviceFacet',
            facet,
            value,
            page,
            pages: count,
            total: items.length,
            items: items.slice((page - 1) * pageSize, page * pageSize),
          },
        });
      }
    }
    if (values.length > 0) groups.push({ facet, values });
  }
  pages.unshift({
    path: fixedPaths.serviceGuides,
    key: 'services:home',
    view: { type: 'serviceHome', total: guides.length, groups },
  });
  return pages;
}
