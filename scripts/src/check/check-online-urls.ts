/**
 * The 在线办理 address of every service guide: it must be https (the schema refuses anything else, so
 * the build drops the whole guide), and when it points into the cluster itself (the public origin or
 * the origin of the manifest's URLs) the page must exist. A site's own host is not followed: how its
 * paths map into the build is the web server's business.
 * @module
 */
import { type CheckContext, placeOf } from './context.ts';
import { type BuiltCluster, makeExists } from './dist.ts';
import type { Finding } from './finding.ts';

/** The hosts (`name:port`) whose addresses are pages of this build. */
function clusterHosts(context: CheckContext, cluster: BuiltCluster): Set<string> {
  const hosts = new Set<string>();
  const add = (url: string | undefined) => {
    if (!url) return;
    try {
      hosts.add(new URL(url).host);
    } catch {
      // not a URL: nothing to add
    }
  };
  add(context.siteUrl);
  for (const site of cluster.sites) add(site.url);
  return hosts;
}

/** The 在线办理 findings of every service guide. */
export function checkOnlineUrls(context: CheckContext, cluster: BuiltCluster): Finding[] {
  const findings: Finding[] = [];
  const hosts = clusterHosts(context, cluster);
  const exists = makeExists(cluster);
  for (const record of context.data.records) {
    if (record.type !== 'serviceGuide') continue;
    const address = record.raw.onlineUrl;
    if (address === undefined || address === null || address === '') continue;
    const title = String(record.raw.title ?? record.raw.id);
    let url: URL | undefined;
    try {
      url = new URL(String(address));
    } catch {
      url = undefined;
    }
    if (url?.protocol !== 'https:') {
      findings.push({
        site: String(record.raw.site),
        rule: 'online-url-invalid',
        severity: 'warning',
        message: `办事指南“${title}”的在线办理地址 ${String(address)} 不是 https 地址（该指南因此未能发布）`,
        ...placeOf(context, record),
      });
      continue;
    }
    if (!hosts.has(url.host)) continue;
    let pathname = url.pathname;
    try {
      pathname = decodeURIComponent(pathname);
    } catch {
      // a malformed escape: the path as written, which will not exist
    }
    if (exists(pathname)) continue;
    findings.push({
      site: String(record.raw.site),
      rule: 'online-url-dead',
      severity: 'warning',
      message: `办事指南“${title}”的在线办理地址 ${url.href} 指向本集群中不存在的页面`,
      ...placeOf(context, record),
    });
  }
  return findings;
}
