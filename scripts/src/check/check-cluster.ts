/**
 * `npm run check`: inspects a built cluster and its data against the single-veto items of
 * 国办秘函〔2019〕19号 that the data can answer; writes an HTML report and JSON, and exits 1 when
 * any site has a single-veto finding (2 when the check itself cannot run).
 *
 *   node --import tsx scripts/src/check/check-cluster.ts --snapshot <dir> [--dist <dir>] …
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, distDir, repoRoot } from '../lib/paths.ts';
import { writeAnnualReports } from './annual-report.ts';
import { renderReport } from './report.ts';
import { runCheck } from './run-check.ts';

/** What `--help` prints. */
export const usage = `Inspects a built cluster (国办秘函〔2019〕19号: single-veto items and other inspected items).

  npm run check -- --snapshot <dir> [--dist <dir>] [--report <file>] [--json <file>] [--stdout]
                   [--today YYYY-MM-DD] [--site-url <url>] [--cms-url <url>] [--external]

  --snapshot <dir>   the snapshot the cluster was built from (or GOVCLUSTER_SNAPSHOT)
  --dist <dir>       the built cluster, with sites.json (default dist/)
  --report <file>    HTML report (default .data/check-report.html)
  --json <file>      write the findings as JSON
  --stdout           print the JSON to stdout instead of the summary
  --today <day>      the day of the check (default today in Asia/Shanghai)
  --site-url <url>   public origin for the page links in the report (or GOVCLUSTER_SITE_URL)
  --cms-url <url>    CMS origin for the edit-view links (or CMS_URL)
  --external         also check external links (needs a network)

  npm run check -- --annual-report <year> --snapshot <dir> [--csv <file>] [--site-url <url>]

  --annual-report <year>  instead of inspecting, write the 政府网站工作年度报表 of every 公开 body
                          for that year as CSV (default .data/website-report-<year>.csv)

Exit code: 0 no single-veto finding, 1 at least one, 2 the check could not run.
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      snapshot: { type: 'string' },
      dist: { type: 'string' },
      report: { type: 'string' },
      json: { type: 'string' },
      stdout: { type: 'boolean', default: false },
      today: { type: 'string' },
      'site-url': { type: 'string' },
      'cms-url': { type: 'string' },
      external: { type: 'boolean', default: false },
      'annual-report': { type: 'string' },
      csv: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const snapshot = values.snapshot ?? process.env.GOVCLUSTER_SNAPSHOT;
  if (!snapshot) {
    throw new Error(
      'no data to check against: give --snapshot <dir> (or GOVCLUSTER_SNAPSHOT); reading the CMS directly is not supported yet',
    );
  }
  const year = values['annual-report'];
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new Error(`--annual-report ${year}: must be a year YYYY`);
    const csv = path.resolve(values.csv ?? path.join(dataDir, `website-report-${year}.csv`));
    const origin = values['site-url'] ?? process.env.GOVCLUSTER_SITE_URL;
    const count = await writeAnnualReports(
      path.resolve(snapshot),
      year,
      csv,
      origin && new URL(origin).origin,
    );
    process.stdout.write(
      `政府网站工作年度报表 ${year}: ${count} sites\ncsv: ${path.relative(repoRoot, csv) || csv}\n`,
    );
    return 0;
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    throw new Error(`--today ${values.today}: must be a calendar day YYYY-MM-DD`);
  }
  const dist = path.resolve(values.dist ?? distDir);
  const result = await runCheck({
    dist,
    snapshot: path.resolve(snapshot),
    today: values.today,
    siteUrl: values['site-url'] ?? process.env.GOVCLUSTER_SITE_URL,
    cmsUrl: values['cms-url'] ?? process.env.CMS_URL,
    external: values.external,
  });
  const report = path.resolve(values.report ?? path.join(dataDir, 'check-report.html'));
  mkdirSync(path.dirname(report), { recursive: true });
  writeFileSync(report, renderReport(result));
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (values.json) writeFileSync(path.resolve(values.json), json);
  if (values.stdout) process.stdout.write(json);
  else {
    for (const site of result.sites.filter((verdict) => verdict.vetoes + verdict.warnings > 0)) {
      process.stdout.write(
        `${site.passed ? 'ok  ' : 'FAIL'} ${site.id} ${site.name}: ${site.vetoes} single-veto, ${site.warnings} other\n`,
      );
    }
    const vetoes = result.findings.filter((finding) => finding.severity === 'veto').length;
    process.stdout.write(
      `\nchecked ${result.sites.length} sites, ${result.stats.pages} pages, ${result.stats.links} links, ${result.stats.records} entries in ${(result.stats.ms / 1000).toFixed(1)} s: ` +
        `${vetoes} single-veto findings, ${result.findings.length - vetoes} other\nreport: ${path.relative(repoRoot, report) || report}\n`,
    );
  }
  return result.passed ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`check failed: ${(error as Error).message}\n`);
      process.exit(2);
    },
  );
}
