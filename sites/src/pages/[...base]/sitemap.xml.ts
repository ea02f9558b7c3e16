import { calendarDay } from '@govcluster/shared/dates';
import { escapeXml } from '@govcluster/shared/escape';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCluster } from '../../lib/cluster.ts';
import { changedOnly, sitemapFile, sitemapFingerprint } from '../../lib/fingerprint.ts';
import { ownShare } from '../../lib/partition.ts';

/** One sitemap.xml per site at its basePath, listing every page of the site in every locale with its alternates. */
export const getStaticPaths: GetStaticPaths = async () => {
  const cluster = await loadCluster();
  const sites = changedOnly('sitemaps', cluster.sites, (site) => [
    sitemapFile(site),
    sitemapFingerprint(cluster, site),
  ]);
  return ownShare(sites).map((site) => ({
    params: { base: site.basePath === '/' ? undefined : site.basePath.slice(1, -1) },
    props: { siteId: site.id },
  }));
};

export const GET: APIRoute = async ({ props, site: origin }) => {
  const cluster = await loadCluster();
  const base = origin ? origin.origin : '';
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  );
  for (const page of cluster.pages) {
    if (page.site.id !== props.siteId) continue;
    if (page.view.type === 'column' && page.view.page > 1) continue;
    if (page.view.type === 'search' || page.view.type === 'notFound') continue;
    const lastmod =
      page.view.type === 'entry' ? `<lastmod>${calendarDay(page.view.entry.updatedAt)}</lastmod>` : '';
    const versions = cluster.alternates.get(page.key);
    const links =
      versions && versions.size > 1
        ? [...versions]
            .map(([l, u]) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(base + u)}"/>`)
            .join('')
        : '';
    lines.push(`<url><loc>${escapeXml(base + page.url)}</loc>${lastmod}${links}</url>`);
  }
  lines.push('</urlset>');
  return new Response(lines.join('\n'), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
