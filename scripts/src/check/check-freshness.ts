/**
 * Freshness rules: the homepage with no new item for two weeks, columns not updated within their
 * freshness rule (data: `columnFreshnessDays` of the registry, overridable per column), empty
 * columns, and the two single-veto counts (5 or more stale, 5 or more empty columns on a site).
 * @module
 */
import { calendarDay } from '@govcluster/shared/dates';
import { type Column, columnFreshnessDays, type Site } from '@govcluster/shared/schemas';
import { type CheckContext, dayMs, publishedAt, sitePageUrl } from './context.ts';
import { isPublished } from './data.ts';
import type { Finding } from './finding.ts';

/** Days within which a homepage must show a new item (首页栏目: 两周). */
export const homepageFreshnessDays = 14;

/** Stale or empty columns on one site from which the site fails (单项否决: 5个以上). */
export const vetoColumnCount = 5;

function columnUrl(context: CheckContext, site: Site, column: Column): string {
  return sitePageUrl(context, site, `${column.slug}/`);
}

function siteEditUrl(context: CheckContext, site: Site): string | undefined {
  if (!context.cmsUrl) return undefined;
  const query = new URLSearchParams({ 'filters[$and][0][key][$eq]': site.id });
  return `${context.cmsUrl}/admin/content-manager/collection-types/api::site.site?${query}`;
}

/** The freshness findings of every site. */
export function checkFreshness(context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const byColumn = new Map<string, number[]>();
  for (const record of context.data.records) {
    if (record.raw.locale !== 'zh-CN' || !isPublished(record)) continue;
    const time = publishedAt(record);
    if (time === undefined || time > context.now) continue;
    const key = `${String(record.raw.site)}/${String(record.raw.column)}`;
    const times = byColumn.get(key) ?? [];
    times.push(time);
    byColumn.set(key, times);
  }
  for (const site of context.data.sites) {
    const stale: string[] = [];
    const empty: string[] = [];
    let newest = Number.NEGATIVE_INFINITY;
    for (const column of site.columns) {
      const times = byColumn.get(`${site.id}/${column.slug}`) ?? [];
      const name = column.name['zh-CN'] ?? column.slug;
      const where = { url: columnUrl(context, site, column), editUrl: siteEditUrl(context, site) };
      if (times.length === 0) {
        empty.push(name);
        findings.push({
          site: site.id,
          rule: 'column-empty',
          severity: 'warning',
          message: `栏目“${name}”（${column.slug}）没有任何已发布的信息`,
          ...where,
        });
        continue;
      }
      const last = Math.max(...times);
      if (column.type !== 'page') newest = Math.max(newest, last);
      const days = columnFreshnessDays(column);
      if (days === null) continue;
      const age = Math.floor((context.now - last) / dayMs);
      if (age > days) {
        stale.push(name);
        findings.push({
          site: site.id,
          rule: 'column-stale',
          severity: 'warning',
          message: `栏目“${name}”（${column.slug}）最近一条信息发布于 ${calendarDay(last)}，已 ${age} 天未更新（要求 ${days} 天内）`,
          ...where,
        });
      }
    }
    const home = sitePageUrl(context, site, '');
    if (stale.length >= vetoColumnCount) {
      findings.push({
        site: site.id,
        rule: 'stale-columns',
        severity: 'veto',
        message: `${stale.length} 个栏目未按要求更新：${stale.join('、')}`,
        url: home,
      });
    }
    if (empty.length >= vetoColumnCount) {
      findings.push({
        site: site.id,
        rule: 'empty-columns',
        severity: 'veto',
        message: `${empty.length} 个空白栏目：${empty.join('、')}`,
        url: home,
      });
    }
    const homeAge = Math.floor((context.now - newest) / dayMs);
    if (homeAge > homepageFreshnessDays) {
      findings.push({
        site: site.id,
        rule: 'homepage-stale',
        severity: 'veto',
        message: Number.isFinite(newest)
          ? `首页信息最近一次更新于 ${calendarDay(newest)}，已 ${homeAge} 天没有新信息（要求 ${homepageFreshnessDays} 天内）`
          : '首页栏目没有任何已发布的信息',
        url: home,
      });
    }
  }
  return findings;
}
