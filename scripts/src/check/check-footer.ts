/**
 * Footer facts (网站底部信息) on every site's homepage, in every locale it is built in: the
 * sponsor (主办单位), organizer (承办单位), 网站标识码, ICP备案号 and 公安备案号 of the registry
 * must each be shown.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { sitePrefix } from '@govcluster/shared/urls';
import type { CheckContext } from './context.ts';
import { type BuiltCluster, pageFile } from './dist.ts';
import type { Finding } from './finding.ts';

/** The footer-fact findings of every site's homepages. */
export async function checkFooter(context: CheckContext, cluster: BuiltCluster): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const site of context.data.sites) {
    const { footer } = site;
    const facts: [string, string | undefined][] = [
      ['主办单位', footer.sponsor['zh-CN']],
      ['承办单位', footer.organizer?.['zh-CN']],
      ['网站标识码', footer.siteCode],
      ['ICP备案号', footer.icp],
      ['公安备案号', footer.publicSecurity],
    ];
    // Only the zh-CN homepage must carry the Chinese names; the numbers hold in every locale.
    for (const locale of site.locales) {
      const home = sitePrefix(site, locale);
      let html: string;
      try {
        html = await readFile(pageFile(cluster, home), 'utf8');
      } catch {
        findings.push({
          site: site.id,
          rule: 'dead-link',
          severity: 'veto',
          message: `首页不存在：${home}`,
          url: `${context.siteUrl ?? ''}${home}`,
        });
        continue;
      }
      const missing = facts
        .filter(([label, value]) => value !== undefined && (locale === 'zh-CN' || !label.endsWith('单位')))
        .filter(([, value]) => !html.includes(value as string))
        .map(([label, value]) => `${label}（${value}）`);
      if (missing.length > 0) {
        findings.push({
          site: site.id,
          rule: 'footer-fact-missing',
          severity: 'warning',
          message: `首页缺少底部信息：${missing.join('、')}`,
          url: `${context.siteUrl ?? ''}${home}`,
        });
      }
    }
  }
  return findings;
}
