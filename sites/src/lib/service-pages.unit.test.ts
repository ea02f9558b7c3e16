import { serviceTopicKeys } from '@govcluster/shared/schemas';
import { describe, expect, it } from 'vitest';
import type { Entry } from './cluster.ts';
import type { Site } from './model.ts';
import { servicePages } from './service-pages.ts';

const site = (id: string, kind: Site['kind']) => ({ id, kind }) as Site;
const portal = site('portal', 'portal');
const departments = Array.from({ length: 100 }, (_, i) => site(`dept-${i}`, 'department'));

/** `n` guides spread over the departments, topics and audiences; every seventh without a topic. */
function guides(n: number): Entry[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `g-${i}`,
    type: 'serviceGuide',
    locale: 'zh-CN',
    site: `dept-${i % 100}`,
    url: `/bm/dept-${i % 100}/services/g-${i}/`,
    publishedAt: '2026-01-01T09:00:00+08:00',
    updatedAt: '2026-01-01T09:00:00+08:00',
    ...(i % 7 === 0 ? {} : { topic: serviceTopicKeys[i % serviceTopicKeys.length] }),
    audience: i % 3 === 0 ? ['personal', 'legal'] : i % 3 === 1 ? ['personal'] : ['legal'],
  })) as Entry[];
}

describe('servicePages', () => {
  it('grows with the guides, not with their combinations: 100,000 guides in at most 3 × n / 20 pages', () => {
    const n = 100_000;
    const pages = servicePages(portal, guides(n), [portal, ...departments], 20);
    const facetValues = serviceTopicKeys.length + 2 + departments.length;
    // A guide is in at most one topic, two audiences and one department.
    expect(pages.length).toBeLessThanOrEqual(Math.ceil((4 * n) / 20) + facetValues + 1);
    expect(pages.length).toBeGreaterThan(n / 20);
    expect(new Set(pages.map((page) => page.path)).size).toBe(pages.length);
  });

  it('lists on each topic page only that topic, newest order kept, and counts them on the home', () => {
    const all = guides(300);
    const pages = servicePages(portal, all, [portal, ...departments], 20);
    const home = pages[0]?.view;
    expect(home?.type).toBe('serviceHome');
    const topic = serviceTopicKeys[3] as string;
    const listed = pages
      .filter(
        (page) =>
          page.view.type === 'serviceFacet' && page.view.facet === 'topic' && page.view.value === topic,
      )
      .flatMap((page) => (page.view.type === 'serviceFacet' ? page.view.items.map((g) => g.id) : []));
    expect(listed).toEqual(all.filter((g) => g.topic === topic).map((g) => g.id));
    const counted =
      home?.type === 'serviceHome'
        ? home.groups.find((g) => g.facet === 'topic')?.values.find((v) => v.value === topic)?.count
        : undefined;
    expect(counted).toBe(listed.length);
  });

  it('gives the department facet to the portal only', () => {
    const own = servicePages(site('dept-1', 'department'), guides(40), departments, 20);
    expect(own.some((page) => page.path.startsWith('service-guides/department/'))).toBe(false);
    expect(own[0]?.path).toBe('service-guides/');
  });
});
