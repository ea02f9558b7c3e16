import { rfc822DateTime } from '@govcluster/shared/dates';
import { escapeXml } from '@govcluster/shared/escape';
import { sitePrefix } from '@govcluster/shared/urls';
import { pickText } from '@govcluster/themes/lib/format.ts';
import { t } from '@govcluster/themes/lib/i18n.ts';
import { markdownSummary } from '@govcluster/themes/lib/markdown.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCluster } from '../../lib/cluster.ts';
import { changedOnly, feedFile, feedFingerprint } from '../../lib/fingerprint.ts';
import { ownShare } from '../../lib/partition.ts';

/** One RSS 2.0 feed per site and locale (`<prefix>rss.xml`): the 30 newest entries. */
export const getStaticPaths: GetStaticPaths = async () => {
  const cluster = await loadCluster();
  const feeds = changedOnly(
    'feeds',
    cluster.sites.flatMap((site) => site.locales.map((locale) => ({ site, locale }))),
    ({ site, locale }) => [feedFile(site, locale), feedFingerprint(cluster, site, locale)],
  );
  return ownShare(feeds).map(({ site, locale }) => {
    const prefix = sitePrefix(site, locale);
    return {
      params: { base: prefix === '/' ? undefined : prefix.slice(1, -1) },
      props: { siteId: site.id, locale },
    };
  });
};

export const GET: APIRoute = async ({ props, site: origin }) => {
  const cluster = await loadCluster();
  const site = cluster.siteById.get(props.siteId);
  if (!site) return new Response('', { status: 404 });
  const base = origin ? origin.origin : '';
  const name = pickText(site.name, props.locale).text;
  const items = (cluster.bySiteLocale.get(`${site.id}|${props.locale}`) ?? [])
    .filter((entry) => entry.type !== 'leader' && entry.type !== 'village')
    .slice(0, 30)
    .map((entry) => {
      const link = escapeXml(base + entry.url);
      const description = escapeXml(
        markdownSummary(String(entry.summary ?? entry.body ?? entry.question ?? ''), 200),
      );
      return `<item><title>${escapeXml(String(entry.title))}</title><link>${link}</link><guid>${link}</guid><pubDate>${rfc822DateTime(entry.publishedAt)}</pubDate><description>${description}</description></item>`;
    });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escapeXml(`${name} - ${t(props.locale, 'feed.rss')}`)}</title><link>${escapeXml(base + sitePrefix(site, props.locale))}</link><description>${escapeXml(name)}</description><language>${props.locale}</language>
${items.join('\n')}
</channel></rss>`;
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
