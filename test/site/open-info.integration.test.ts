/**
 * The 政府信息公开 section on the fixture cluster (docs/adr/0027-open-information.md): every 公开 body
 * has it, the 公开目录 filtered by a value lists exactly the documents with that value, a repealed
 * document says so at its top with the day and a link to what replaced it, and each year has its
 * 年报 and 年度报表 with the figures of the data.
 */

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { calendarYear } from '@govcluster/shared/dates';
import { isOpenInfoBody, type Site } from '@govcluster/shared/schemas';
import { entryPath, sitePrefix } from '@govcluster/shared/urls';
import {
  annualReportPath,
  cataloguePath,
  openInfoPaths,
  websiteReportPath,
} from '@govcluster/shared/urls/open-info';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeAnnualReports } from '../../scripts/src/check/annual-report.ts';
import { fixtureBuild, htmlPages, readPage, readRecords, type SnapshotRecord } from './fixture.ts';

let dist: string;
let snapshot: string;
let records: SnapshotRecord[];
let sites: Site[];
let pages: Set<string>;

type Policy = SnapshotRecord & {
  id: string;
  site: string;
  column: string;
  title: string;
  topic: string;
  validity: string;
  validityDate?: string;
  replacedBy?: string;
  publishedAt: string;
  indexNumber: string;
};

const policiesOf = (site: Site): Policy[] =>
  records.filter((r) => r.type === 'policy' && r.site === site.id && r.locale === 'zh-CN') as Policy[];
const urlOf = (policy: Policy) => {
  const site = sites.find((s) => s.id === policy.site) as Site;
  return sitePrefix(site, 'zh-CN') + entryPath('policy', policy);
};
/** The rows of a catalogue page: [index number, link, topic, validity cell]. */
const rows = (html: string) =>
  [...html.matchAll(/<tr data-topic="([^"]+)" data-validity="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => ({
    topic: m[1],
    validity: m[2],
    cells: m[3] ?? '',
  }));

describe('政府信息公开 on the fixture cluster', () => {
  beforeAll(async () => {
    const fixture = await fixtureBuild();
    dist = fixture.dist;
    snapshot = fixture.snapshot;
    records = readRecords(fixture.snapshot);
    sites = records.filter((r) => r.type === 'site') as unknown as Site[];
    pages = new Set(htmlPages(dist));
    expect(sites.filter(isOpenInfoBody).length, '公开 bodies in the fixture').toBeGreaterThan(2);
    expect(
      sites.some((site) => policiesOf(site).length > 1),
      'a site with several policies',
    ).toBe(true);
  }, 300_000);

  it('gives every 公开 body the section, linked from its navigation, with the six parts', () => {
    for (const site of sites.filter(isOpenInfoBody)) {
      const prefix = sitePrefix(site, 'zh-CN');
      const home = readPage(dist, prefix + openInfoPaths.home);
      expect(home, site.id).toContain('<h1>政府信息公开</h1>');
      for (const [label, path] of [
        ['政府信息公开指南', openInfoPaths.guide],
        ['政府信息公开制度', openInfoPaths.rules],
        ['法定主动公开内容', openInfoPaths.statutory],
        ['政府信息公开目录', cataloguePath()],
        ['政府信息公开年报', openInfoPaths.annual],
        ['依申请公开', openInfoPaths.apply],
      ]) {
        expect(home, `${site.id} ${label}`).toContain(`<a href="${prefix}${path}">${label}</a>`);
        expect(pages.has(prefix + path), `${site.id} ${path}`).toBe(true);
      }
      expect(readPage(dist, prefix), `${site.id} home's navigation`).toContain(
        `href="${prefix}${openInfoPaths.home}"`,
      );
      // The guide names the body and its contact facts; the request page links the portal's form.
      const guide = readPage(dist, prefix + openInfoPaths.guide);
      expect(guide).toContain(site.name['zh-CN']);
      expect(guide).toContain(site.footer.contact.phone);
      // The same text on every site stays out of the search index (ADR 27).
      for (const html of [home, guide]) expect(html).toMatch(/<main[^>]+data-pagefind-ignore="all"/);
      expect(readPage(dist, prefix + openInfoPaths.apply)).toMatch(
        /<a href="\/mailbox\/write\/">在线提交申请<\/a>/,
      );
    }
  });

  it('lists in the 公开目录 filtered by a topic exactly that topic’s documents, with 索引号, 文号 and validity', () => {
    let checked = 0;
    for (const site of sites.filter(isOpenInfoBody)) {
      const prefix = sitePrefix(site, 'zh-CN');
      const policies = policiesOf(site);
      const all = readPage(dist, prefix + cataloguePath());
      expect(rows(all).length, site.id).toBe(policies.length);
      for (const topic of new Set(policies.map((p) => p.topic))) {
        const links = [...all.matchAll(/<a href="([^"]+\/catalogue\/topic\/[^"]+)"[^>]*>([^<]+)<\/a>/g)];
        const link = links.find((m) => m[2] === topic);
        expect(link, `${site.id} filter link for ${topic}`).toBeDefined();
        const filtered = readPage(dist, link?.[1] as string);
        const expected = policies.filter((p) => p.topic === topic);
        const found = rows(filtered);
        expect(found.map((r) => r.topic)).toEqual(expected.map(() => topic));
        // A 索引号 as a reader sees it: the cell's text, whatever parts and line breaks it is marked up in.
        const indexNumbers = [
          ...filtered.matchAll(/<td[^>]* class="gc-catalogue__index[ "][^>]*>(.*?)<\/td>/g),
        ].map((cell) => (cell[1] as string).replace(/<[^>]+>/g, ''));
        for (const policy of expected) {
          expect(indexNumbers).toContain(policy.indexNumber);
          expect(filtered).toContain(`href="${urlOf(policy)}"`);
        }
        // The current filter is marked for screen readers; other sites' documents are not listed.
        expect(filtered).toMatch(new RegExp(`aria-current="page"[^>]*>${topic}<|>${topic}</a>`));
        checked += 1;
      }
    }
    expect(checked, 'topic filters checked').toBeGreaterThan(2);
  });

  it('puts a notice at the top of a repealed document with its day and a link to its replacement; the 公开目录 shows the status', () => {
    const retired = sites.flatMap(policiesOf).filter((p) => p.validity !== 'valid' && p.replacedBy);
    expect(retired.length, 'a replaced document in the fixture').toBeGreaterThan(0);
    for (const policy of retired) {
      const html = readPage(dist, urlOf(policy));
      const article = html.slice(html.indexOf('<article'));
      const notice = /<div class="gc-notice gc-notice--validity"[\s\S]*?<\/div>/.exec(article)?.[0] ?? '';
      // At the top: right after the title.
      expect(article.indexOf('gc-notice--validity')).toBeLessThan(article.indexOf('gc-policy__catalogue'));
      expect(notice).toMatch(/本文件已(废止|修改|失效)/);
      if (policy.validityDate) expect(notice).toContain(policy.validityDate);
      const replacement = sites.flatMap(policiesOf).find((p) => p.id === policy.replacedBy) as Policy;
      expect(notice).toContain(`替代文件：<a href="${urlOf(replacement)}">${replacement.title}</a>`);
      const site = sites.find((s) => s.id === policy.site) as Site;
      const catalogue = readPage(dist, sitePrefix(site, 'zh-CN') + cataloguePath());
      const row = rows(catalogue).find((r) => r.cells.includes(`href="${urlOf(policy)}"`));
      expect(row?.cells).toMatch(/<span class="gc-list__status">已(废止|修改|失效)<\/span>/);
    }
  });

  it('publishes per year a 公开年报 and a 政府网站工作年度报表 with the figures of the data', () => {
    let checked = 0;
    for (const site of sites.filter(isOpenInfoBody)) {
      const prefix = sitePrefix(site, 'zh-CN');
      // What the site publishes: unanswered letters stay private.
      const own = records.filter(
        (r) =>
          r.site === site.id &&
          r.locale === 'zh-CN' &&
          r.publishedAt &&
          (r.type !== 'letter' || r.status === 'replied'),
      );
      const years = new Set(own.map((r) => calendarYear(String(r.publishedAt))));
      const list = readPage(dist, prefix + openInfoPaths.annual);
      for (const year of years) {
        expect(list).toContain(`href="${prefix}${annualReportPath(year)}"`);
        const annual = readPage(dist, prefix + annualReportPath(year));
        expect(annual).toContain(`${site.name['zh-CN']}${year}年政府信息公开工作年度报告</h1>`);
        expect(annual).toContain(`href="${prefix}${websiteReportPath(year)}"`);
        const report = readPage(dist, prefix + websiteReportPath(year));
        const cell = (field: string) =>
          new RegExp(`<tr data-field="${field}"><th scope="row">[^<]+</th><td>([^<]*)</td>`).exec(
            report,
          )?.[1];
        const published = own.filter((r) => calendarYear(String(r.publishedAt)) === year);
        expect(cell('siteCode')).toBe(site.footer.siteCode);
        expect(cell('published')).toBe(String(published.length));
        expect(cell('catalogueItems')).toBe(String(published.filter((r) => r.type === 'policy').length));
        expect(cell('serviceItems')).toBe(String(own.filter((r) => r.type === 'serviceGuide').length));
        checked += 1;
      }
    }
    expect(checked, 'years checked').toBeGreaterThan(2);
  });

  it('writes the same 年度报表 as CSV for the filing system (npm run check -- --annual-report)', async () => {
    const year = calendarYear(
      String(records.find((r) => r.type === 'header')?.today ?? new Date().toISOString()),
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'govcluster-report-')), 'report.csv');
    const count = await writeAnnualReports(snapshot, year, file);
    expect(count).toBe(sites.filter(isOpenInfoBody).length);
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFF站点标识,年度,类别,指标,数值\r\n')).toBe(true);
    let compared = 0;
    for (const site of sites.filter(isOpenInfoBody)) {
      const url = sitePrefix(site, 'zh-CN') + websiteReportPath(year);
      if (!pages.has(url)) continue;
      const page = readPage(dist, url);
      for (const [field, label] of [
        ['published', '总数'],
        ['catalogueItems', '信息公开目录信息更新量'],
        ['serviceItems', '政务服务事项数量（项）'],
      ]) {
        const shown = new RegExp(`<tr data-field="${field}"><th scope="row">[^<]+</th><td>([^<]*)</td>`).exec(
          page,
        )?.[1];
        expect(csv, `${site.id} ${field}`).toMatch(
          new RegExp(`\\r\\n${site.id},${year},[^,]+,${label},${shown}\\r\\n`),
        );
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(5);
  });
});
