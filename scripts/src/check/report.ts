/**
 * The HTML report of an inspection (检查报告): a summary table of sites, then each site's
 * findings with links to the page and to the CMS edit view. Self-contained, no script.
 * @module
 */

import { escapeHtml } from '@govcluster/shared/escape';
import { type Finding, ruleLabels } from './finding.ts';
import type { CheckResult } from './run-check.ts';

/**
 * Links out of the report open a new tab: the admin shows the report in a sandboxed frame (ADR 29),
 * where a page or the CMS would not load; the summary's links to each site's section stay in place.
 */
const newTab = ' target="_blank" rel="noopener noreferrer"';

function findingRow(finding: Finding): string {
  const links = [
    finding.url ? `<a href="${escapeHtml(finding.url)}"${newTab}>${escapeHtml(finding.url)}</a>` : '',
    finding.editUrl ? `<a href="${escapeHtml(finding.editUrl)}"${newTab}>在CMS中编辑</a>` : '',
  ]
    .filter(Boolean)
    .join('<br>');
  const severity = finding.severity === 'veto' ? '<strong class="veto">单项否决</strong>' : '扣分/提示';
  return `<tr><td>${severity}</td><td>${escapeHtml(ruleLabels[finding.rule])}</td><td>${escapeHtml(finding.message)}${
    finding.entry ? `<br><small>${escapeHtml(finding.entry)}</small>` : ''
  }</td><td>${links}</td></tr>`;
}

/** Renders the report. */
export function renderReport(result: CheckResult): string {
  const summary = result.sites
    .map(
      (site) =>
        `<tr><td><a href="#site-${escapeHtml(site.id)}">${escapeHtml(site.name)}</a></td><td>${site.passed ? '合格' : '<strong class="veto">不合格</strong>'}</td><td>${site.vetoes}</td><td>${site.warnings}</td></tr>`,
    )
    .join('\n');
  const sections = result.sites
    .map((site) => {
      const own = result.findings.filter((finding) => finding.site === site.id);
      const body =
        own.length === 0
          ? '<p>未发现问题。</p>'
          : `<table><thead><tr><th scope="col">性质</th><th scope="col">检查项</th><th scope="col">问题</th><th scope="col">位置</th></tr></thead><tbody>${own.map(findingRow).join('\n')}</tbody></table>`;
      return `<section id="site-${escapeHtml(site.id)}"><h2>${escapeHtml(site.name)}（${escapeHtml(site.id)}）：${site.passed ? '合格' : '不合格'}</h2>${body}</section>`;
    })
    .join('\n');
  const vetoes = result.findings.filter((finding) => finding.severity === 'veto').length;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府网站检查报告 ${escapeHtml(result.today)}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;line-height:1.5;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin-block-end:1.5rem}
th,td{border:1px solid #999;padding:.4rem .6rem;text-align:start;vertical-align:top}
.veto{color:#a40000}
td{overflow-wrap:anywhere}
td:first-child{white-space:nowrap}
</style>
</head>
<body>
<main>
<h1>政府网站检查报告</h1>
<p>检查日期 ${escapeHtml(result.today)}；依据《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）中可由数据判断的单项否决指标及其他检查项。
共 ${result.sites.length} 个网站，${result.stats.pages} 个页面，${result.stats.links} 个链接，${result.stats.records} 条信息；
单项否决问题 ${vetoes} 个，${result.passed ? '全部网站合格' : '有网站不合格'}。</p>
<table><thead><tr><th scope="col">网站</th><th scope="col">结论</th><th scope="col">单项否决</th><th scope="col">其他问题</th></tr></thead>
<tbody>${summary}</tbody></table>
${sections}
</main>
</body>
</html>
`;
}
