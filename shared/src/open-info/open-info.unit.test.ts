import { describe, expect, it } from 'vitest';
import { exampleSites } from '../schemas/examples.ts';
import { isOpenInfoBody, type Site } from '../schemas/site.ts';
import { annualReportPath, cataloguePath, websiteReportPath } from '../urls/open-info-paths.ts';
import { type CatalogueItem, catalogueFacets, matchesFilter } from './catalogue.ts';
import { type ReportEntry, websiteReport, websiteReportsCsv } from './website-report.ts';

const policy = (
  topic: string,
  issuingAuthority: string,
  publishedAt: string,
  validity: CatalogueItem['validity'] = 'valid',
): CatalogueItem => ({ topic, issuingAuthority, publishedAt, validity });

const items = [
  policy('综合政务', '临江市人民政府', '2025-03-01T09:00:00+08:00'),
  policy('科技、教育', '临江市教育局', '2024-12-31T17:00:00Z', 'repealed'),
  policy('综合政务', '临江市人民政府办公室', '2024-05-01T09:00:00+08:00', 'expired'),
  policy('综合政务', '临江市人民政府', '2023-05-01T09:00:00+08:00'),
];

describe('the 公开目录', () => {
  it('offers each value a dimension takes, with counts, in a reader’s order', () => {
    expect(catalogueFacets(items, 'topic').map((f) => [f.filter.value, f.count])).toEqual([
      ['综合政务', 3],
      ['科技、教育', 1],
    ]);
    expect(catalogueFacets(items, 'authority').map((f) => f.filter.value)).toEqual([
      '临江市人民政府',
      '临江市教育局',
      '临江市人民政府办公室',
    ]);
    // Years in China time: 2024-12-31T17:00Z is 2025 in Linjiang.
    expect(catalogueFacets(items, 'year').map((f) => [f.filter.value, f.count])).toEqual([
      ['2025', 2],
      ['2024', 1],
      ['2023', 1],
    ]);
    expect(catalogueFacets(items, 'validity').map((f) => f.filter.value)).toEqual([
      'valid',
      'repealed',
      'expired',
    ]);
  });

  it('filters by one value and keeps each value at one stable URL', () => {
    expect(items.filter((i) => matchesFilter(i, { dimension: 'topic', value: '科技、教育' }))).toHaveLength(
      1,
    );
    expect(items.filter((i) => matchesFilter(i, undefined))).toHaveLength(4);
    expect(cataloguePath()).toBe('zwgk/catalogue/');
    expect(cataloguePath({ dimension: 'topic', value: '综合政务' })).toBe('zwgk/catalogue/topic/1/');
    expect(cataloguePath({ dimension: 'year', value: '2024' }, 3)).toBe('zwgk/catalogue/year/2024/page/3/');
    expect(cataloguePath({ dimension: 'authority', value: '临江市教育局' })).toMatch(
      /^zwgk\/catalogue\/authority\/[0-9a-z]+\/$/,
    );
    expect(annualReportPath('2025')).toBe('zwgk/annual/2025/');
    expect(websiteReportPath('2025')).toBe('zwgk/annual/2025/website/');
  });
});

describe('the 政府网站工作年度报表', () => {
  const portal = exampleSites.find((site) => site.kind === 'portal') as Site;
  const entries: ReportEntry[] = [
    {
      type: 'policy',
      site: portal.id,
      locale: 'zh-CN',
      column: 'policies',
      publishedAt: '2025-02-01T09:00:00+08:00',
    },
    {
      type: 'policy',
      site: portal.id,
      locale: 'en',
      column: 'policies',
      publishedAt: '2025-02-01T09:00:00+08:00',
    },
    {
      type: 'policy',
      site: 'elsewhere',
      locale: 'zh-CN',
      column: 'policies',
      publishedAt: '2025-02-01T09:00:00+08:00',
    },
    {
      type: 'policy',
      site: portal.id,
      locale: 'zh-CN',
      column: 'policies',
      publishedAt: '2024-02-01T09:00:00+08:00',
    },
    {
      type: 'interpretation',
      site: portal.id,
      locale: 'zh-CN',
      form: 'graphic',
      publishedAt: '2025-02-02T09:00:00+08:00',
    },
    {
      type: 'letter',
      site: portal.id,
      locale: 'zh-CN',
      submittedAt: '2025-03-03T09:00:00+08:00',
      repliedAt: '2025-03-10T09:00:00+08:00',
      publishedAt: '2025-03-11T09:00:00+08:00',
    },
  ];
  const report = websiteReport(portal, '2025', entries);
  const value = (field: string) => report.lines.find((line) => line.field === field)?.value;

  it('counts the site’s own zh-CN entries of the year, letters by the year of their reply', () => {
    expect(value('siteCode')).toBe(portal.footer.siteCode);
    expect(value('published')).toBe(3);
    expect(value('catalogueItems')).toBe(1);
    expect(value('interpretations')).toBe(1);
    expect(value('interpretationProducts')).toBe(1);
    expect(value('lettersReplied')).toBe(1);
    expect(value('replyDays')).toBe('5.0');
    expect(value('siteKind')).toEqual({ label: 'kindPortal' });
  });

  it('writes CSV with zh-CN labels, 是/否, a byte-order mark and quoted commas', () => {
    const csv = websiteReportsCsv([report]);
    expect(csv.startsWith('\uFEFF站点标识,年度,类别,指标,数值\r\n')).toBe(true);
    expect(csv).toContain(`${portal.id},2025,信息发布（条）,信息公开目录信息更新量,1\r\n`);
    expect(csv).toContain(`${portal.id},2025,网站基本信息,网站类型,政府门户网站\r\n`);
    expect(csv).toMatch(/是否提供站内搜索,是\r\n/);
    expect(
      websiteReportsCsv([
        { site: 'x', year: '2025', lines: [{ section: 'basic', field: 'siteName', value: 'a,"b"' }] },
      ]),
    ).toContain('x,2025,网站基本信息,网站名称,"a,""b"""');
  });

  it('is built for every 公开 body: the registry flag, yes when absent', () => {
    expect(isOpenInfoBody({})).toBe(true);
    expect(isOpenInfoBody({ openInfo: false })).toBe(false);
  });
});
