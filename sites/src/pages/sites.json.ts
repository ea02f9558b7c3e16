import { siteUrl } from '@govcluster/shared/urls';
import type { APIRoute } from 'astro';
import { loadCluster } from '../lib/cluster.ts';

/** The manifest of the cluster (`dist/sites.json`): id, kind, name, locales, basePath, parent, url of every site. */
export const GET: APIRoute = async ({ site: origin }) => {
  const cluster = await loadCluster();
  const base = origin ? origin.origin : '';
  const sites = cluster.sites.map((site) => ({
    id: site.id,
    kind: site.kind,
    name: site.name,
    locales: site.locales,
    basePath: site.basePath,
    parent: site.parent,
    url: siteUrl(site, base),
  }));
  return new Response(`${JSON.stringify({ sites }, null, 2)}\n`, {
    headers: { 'content-type': 'application/json' },
  });
};
