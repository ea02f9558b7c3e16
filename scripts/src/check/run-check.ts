/**
 * One inspection of a cluster: reads the data and the built pages, applies every rule, and
 * returns the findings per site.
 * @module
 */
import { calendarDay } from '@govcluster/shared/dates';
import { checkConsultations } from './check-consultations.ts';
import { checkFooter } from './check-footer.ts';
import { checkFreshness } from './check-freshness.ts';
import { checkIndexNumbers } from './check-index-numbers.ts';
import { checkInterpretations } from './check-interpretations.ts';
import { checkInvalidEntries } from './check-invalid-entries.ts';
import { checkLetters } from './check-letters.ts';
import { checkLinks } from './check-links.ts';
import { checkOnlineUrls } from './check-online-urls.ts';
import { checkOpenInfo } from './check-open-info.ts';
import { checkServiceGuides } from './check-service-guides.ts';
import { checkSevereErrors } from './check-severe-errors.ts';
import { checkValidity } from './check-validity.ts';
import { checkContext, endOfDay } from './context.ts';
import { readClusterData } from './data.ts';
import { readBuiltCluster } from './dist.ts';
import type { Finding } from './finding.ts';

/** Options of one inspection. */
export interface CheckOptions {
  /** The built cluster folder (with `sites.json`). */
  readonly dist: string;
  /** The snapshot folder the cluster was built from. */
  readonly snapshot: string;
  /** The day of the check (`YYYY-MM-DD`, Asia/Shanghai); default: today. */
  readonly today?: string;
  /** Public origin for the URLs in findings. */
  readonly siteUrl?: string;
  /** CMS origin for the edit-view links. */
  readonly cmsUrl?: string;
  /** Check external links (needs a network). */
  readonly external?: boolean;
}

/** One site's verdict. */
export interface SiteVerdict {
  readonly id: string;
  readonly name: string;
  /** Single-veto findings. */
  readonly vetoes: number;
  readonly warnings: number;
  /** No single-veto finding. */
  readonly passed: boolean;
}

/** The result of an inspection, as written to JSON. */
export interface CheckResult {
  /** Day of the check. */
  readonly today: string;
  readonly dist: string;
  readonly snapshot: string;
  readonly passed: boolean;
  readonly sites: readonly SiteVerdict[];
  readonly findings: readonly Finding[];
  readonly stats: {
    readonly pages: number;
    readonly links: number;
    readonly records: number;
    readonly ms: number;
  };
}

/** Runs every rule over a built cluster and its data. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const started = performance.now();
  const cluster = readBuiltCluster(options.dist);
  const data = await readClusterData(options.snapshot);
  const today = options.today ?? calendarDay(Date.now());
  const context = checkContext(data, {
    now: endOfDay(today),
    siteUrl: options.siteUrl,
    cmsUrl: options.cmsUrl,
  });
  const links = await checkLinks(cluster, { siteUrl: options.siteUrl, external: options.external });
  const findings = [
    ...checkFreshness(context),
    ...checkSevereErrors(context),
    ...checkLetters(context),
    ...links.findings,
    ...checkServiceGuides(context),
    ...checkInterpretations(context),
    ...checkValidity(context),
    ...checkIndexNumbers(context),
    ...checkConsultations(context),
    ...checkOpenInfo(context, cluster),
    ...checkOnlineUrls(context, cluster),
    ...(await checkFooter(context, cluster)),
    ...checkInvalidEntries(context).filter((finding) => !finding.entry?.startsWith('serviceGuide ')),
  ];
  const order = new Map(data.sites.map((site, index) => [site.id, index]));
  findings.sort(
    (a, b) =>
      (order.get(a.site) ?? order.size) - (order.get(b.site) ?? order.size) ||
      Number(b.severity === 'veto') - Number(a.severity === 'veto') ||
      a.rule.localeCompare(b.rule),
  );
  const sites = data.sites.map((site) => {
    const own = findings.filter((finding) => finding.site === site.id);
    const vetoes = own.filter((finding) => finding.severity === 'veto').length;
    return {
      id: site.id,
      name: site.name['zh-CN'] ?? site.id,
      vetoes,
      warnings: own.length - vetoes,
      passed: vetoes === 0,
    };
  });
  return {
    today,
    dist: options.dist,
    snapshot: options.snapshot,
    passed: findings.every((finding) => finding.severity !== 'veto'),
    sites,
    findings,
    stats: {
      pages: links.pages,
      links: links.links,
      records: data.records.length,
      ms: Math.round(performance.now() - started),
    },
  };
}
