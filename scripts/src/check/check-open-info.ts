/**
 * The 政府信息公开 section (docs/adr/0027-open-information.md) on every site the registry marks as a
 * 公开 body: its home, 公开指南, 公开制度, 法定主动公开内容, 公开目录, 公开年报 and 依申请公开 pages must be
 * in the build. The section is zh-CN only.
 * @module
 */
import { t } from '@govcluster/shared/i18n';
import { isOpenInfoBody } from '@govcluster/shared/schemas';
import { sitePrefix } from '@govcluster/shared/urls';
import { openInfoPaths, openInfoSections } from '@govcluster/shared/urls/open-info';
import { type CheckContext, sitePageUrl } from './context.ts';
import { type BuiltCluster, makeExists } from './dist.ts';
import type { Finding } from './finding.ts';

/** The section's pages, by what a web office calls them: its home and the pages the home lists. */
const requiredPages: readonly [string, string][] = [
  [t('zh-CN', 'openInfo.title'), openInfoPaths.home],
  ...openInfoSections.map(({ key, path }): [string, string] => [t('zh-CN', key), path]),
];

/** The missing-page findings of every 公开 body. */
export function checkOpenInfo(context: CheckContext, cluster: BuiltCluster): Finding[] {
  const exists = makeExists(cluster);
  const findings: Finding[] = [];
  for (const site of context.data.sites) {
    if (!isOpenInfoBody(site)) continue;
    const prefix = sitePrefix(site, 'zh-CN');
    const missing = requiredPages.filter(([, page]) => !exists(`${prefix}${page}`));
    if (missing.length === 0) continue;
    findings.push({
      site: site.id,
      rule: 'open-info-page-missing',
      severity: 'warning',
      message: `本站是政府信息公开主体，缺少页面：${missing.map(([label, page]) => `${label}（${prefix}${page}）`).join('、')}`,
      url: sitePageUrl(context, site, openInfoPaths.home),
    });
  }
  return findings;
}
