/**
 * `npm run check -- --annual-report <year>`: the 政府网站工作年度报表 of every 公开 body for a year as
 * CSV for the filing system, from the snapshot the cluster was built from — the figures of the page
 * each site publishes at `zwgk/annual/<year>/website/`, by the same `websiteReport()`
 * (docs/adr/0027-open-information.md).
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type ReportEntry,
  type WebsiteReport,
  websiteReport,
  websiteReportsCsv,
} from '@govcluster/shared/open-info';
import { isOpenInfoBody } from '@govcluster/shared/schemas';
import { isPublished, readClusterData } from './data.ts';

/** The reports of every 公开 body of a snapshot for a year: what its published, valid entries answer. */
export async function annualReports(
  snapshot: string,
  year: string,
  origin?: string,
): Promise<WebsiteReport[]> {
  const data = await readClusterData(snapshot);
  // What the build publishes: valid records the public may see (ADR 17's reading of a snapshot).
  const entries = data.records
    .filter((record) => record.entry !== undefined && isPublished(record))
    .map((record) => ({ ...(record.entry as unknown as ReportEntry), type: record.type }));
  return data.sites.filter(isOpenInfoBody).map((site) => websiteReport(site, year, entries, { origin }));
}

/** Writes the CSV of a year's reports; returns the number of sites. */
export async function writeAnnualReports(
  snapshot: string,
  year: string,
  file: string,
  origin?: string,
): Promise<number> {
  const reports = await annualReports(snapshot, year, origin);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, websiteReportsCsv(reports));
  return reports.length;
}
