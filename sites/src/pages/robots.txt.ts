import type { APIRoute } from 'astro';
import { loadCluster } from '../lib/cluster.ts';

/** robots.txt: everything may be crawled; every site's sitemap is listed. */
export const GET: APIRoute = async ({ site: origin }) => {
  const cluster = await loadCluster();
  const base = origin ? origin.origin : '';
  const lines = ['User-agent: *', 'Allow: /', ''];
  for (const site of cluster.sites) lines.push(`Sitemap: ${base}${site.basePath}sitemap.xml`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
