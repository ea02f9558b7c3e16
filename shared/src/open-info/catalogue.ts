/**
 * The 政府信息公开目录 of a site: its policy documents, newest first, and the values each filter
 * dimension takes with their counts (docs/adr/0027-open-information.md). Pure and browser-safe.
 * @module
 */
import { calendarYear } from '../dates/index.ts';
import { type PolicyValidity, policyTopicValues, policyValidity } from '../schemas/policy.ts';
import type { CatalogueDimension, CatalogueFilter } from '../urls/open-info-paths.ts';

/** What the catalogue needs of a policy document. */
export interface CatalogueItem {
  readonly topic: string;
  readonly issuingAuthority: string;
  readonly publishedAt: string;
  readonly validity: PolicyValidity;
}

/** One value of a dimension with the number of items that have it. */
export interface CatalogueFacet {
  readonly filter: CatalogueFilter;
  readonly count: number;
}

/** The value an item has in a dimension. */
export function catalogueValue(item: CatalogueItem, dimension: CatalogueDimension): string {
  switch (dimension) {
    case 'topic':
      return item.topic;
    case 'authority':
      return item.issuingAuthority;
    case 'year':
      return calendarYear(item.publishedAt);
    case 'validity':
      return item.validity;
  }
}

/** Whether an item passes a filter (every item passes none). */
export function matchesFilter(item: CatalogueItem, filter: CatalogueFilter | undefined): boolean {
  return filter === undefined || catalogueValue(item, filter.dimension) === filter.value;
}

const validityOrder = Object.keys(policyValidity);

/**
 * The values a dimension takes among the items, each with its count, in the order a reader looks for
 * them: topics in the national list's order, authorities by count then name, years newest first,
 * validity valid first. Values no item has are left out (no empty pages).
 */
export function catalogueFacets<T extends CatalogueItem>(
  items: readonly T[],
  dimension: CatalogueDimension,
): CatalogueFacet[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = catalogueValue(item, dimension);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const order = (a: [string, number], b: [string, number]): number => {
    switch (dimension) {
      case 'topic':
        return (
          (policyTopicValues as readonly string[]).indexOf(a[0]) -
          (policyTopicValues as readonly string[]).indexOf(b[0])
        );
      case 'authority':
        return b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN');
      case 'year':
        return b[0].localeCompare(a[0]);
      case 'validity':
        return validityOrder.indexOf(a[0]) - validityOrder.indexOf(b[0]);
    }
  };
  return [...counts]
    .sort(order)
    .map(([value, count]) => ({ filter: { dimension, value } as CatalogueFilter, count }));
}
