/**
 * The 政府网站工作年度报表 of a site for a year: the fields of the national form (国办发〔2017〕47号,
 * 附件) that the cluster's data can answer, computed once here for the page the site publishes and
 * the CSV `npm run check -- --annual-report <year>` writes (docs/adr/0027-open-information.md).
 * Pure and browser-safe; labels are UI keys (`websiteReport.<field>`).
 * @module
 */
import { calendarYear } from '../dates/index.ts';
import { t } from '../i18n/index.ts';
import type { UiKey } from '../i18n/keys.ts';
import { workingDaysBetween } from '../mailbox/deadlines.ts';
import type { Locale } from '../schemas/locale.ts';
import type { Site } from '../schemas/site.ts';
import { siteUrl } from '../urls/url-plan.ts';

/** What the report needs of one published entry (any locale; only zh-CN entries are counted). */
export interface ReportEntry {
  readonly type: string;
  readonly site: string;
  readonly locale: string;
  readonly column?: string;
  readonly publishedAt: string;
  /** An interpretation's form. */
  readonly form?: string;
  /** A letter's submission and reply. */
  readonly submittedAt?: string;
  readonly repliedAt?: string;
}

/** The sections of the form, in its order. */
export const websiteReportSections = [
  'basic',
  'publishing',
  'columns',
  'interpretation',
  'service',
  'interaction',
  'innovation',
] as const;

/** A section of the form. */
export type WebsiteReportSection = (typeof websiteReportSections)[number];

/**
 * One line of the form: its section, field key, and value: a number, 是/否 as a boolean, text as the
 * data has it, or a label (`{ label }`, the UI key `websiteReport.<label>`).
 */
export interface WebsiteReportLine {
  readonly section: WebsiteReportSection;
  /** The field; its label is the UI key `websiteReport.<field>`. */
  readonly field: string;
  readonly value: number | boolean | string | { readonly label: string };
}

/** The report of one site for one year. */
export interface WebsiteReport {
  readonly site: string;
  readonly year: string;
  readonly lines: readonly WebsiteReportLine[];
}

/**
 * The report of `site` for `year` from the site's published entries. Entries of other sites and of
 * other locales are ignored; letters count by the year they were replied in.
 * @example websiteReport(site, '2025', entries).lines.find((l) => l.field === 'catalogueItems')?.value // 12
 */
export function websiteReport(
  site: Site,
  year: string,
  entries: Iterable<ReportEntry>,
  options: { readonly origin?: string } = {},
): WebsiteReport {
  const columnType = new Map(site.columns.map((column) => [column.slug, column.type]));
  const own: ReportEntry[] = [];
  for (const entry of entries) if (entry.site === site.id && entry.locale === 'zh-CN') own.push(entry);
  const ofYear = own.filter((entry) => calendarYear(entry.publishedAt) === year);
  const inColumns = (...types: string[]) =>
    ofYear.filter((entry) => entry.column !== undefined && types.includes(columnType.get(entry.column) ?? ''))
      .length;
  const interpretations = ofYear.filter((entry) => entry.type === 'interpretation');
  const replied = own.filter(
    (entry) => entry.type === 'letter' && entry.repliedAt && calendarYear(entry.repliedAt) === year,
  );
  const replyDays = replied.map((letter) =>
    workingDaysBetween(String(letter.submittedAt ?? letter.publishedAt), String(letter.repliedAt)),
  );
  const line = (section: WebsiteReportSection, field: string, value: WebsiteReportLine['value']) => ({
    section,
    field,
    value,
  });
  return {
    site: site.id,
    year,
    lines: [
      line('basic', 'siteName', site.name['zh-CN']),
      line('basic', 'homeUrl', siteUrl(site, options.origin)),
      line('basic', 'sponsor', site.footer.sponsor['zh-CN']),
      line('basic', 'siteKind', { label: site.kind === 'portal' ? 'kindPortal' : 'kindDepartment' }),
      line('basic', 'siteCode', site.footer.siteCode),
      line('basic', 'icp', site.footer.icp),
      line('basic', 'publicSecurity', site.footer.publicSecurity),
      line('publishing', 'published', ofYear.length),
      line('publishing', 'overviewItems', inColumns('page')),
      line('publishing', 'newsItems', inColumns('news', 'notice')),
      line('publishing', 'catalogueItems', ofYear.filter((entry) => entry.type === 'policy').length),
      line('columns', 'columnsMaintained', site.columns.length),
      line('interpretation', 'interpretations', interpretations.length),
      line('interpretation', 'interpretationTexts', interpretations.filter((e) => e.form === 'text').length),
      line(
        'interpretation',
        'interpretationProducts',
        interpretations.filter((e) => e.form === 'graphic' || e.form === 'video').length,
      ),
      line(
        'service',
        'serviceCatalogue',
        site.columns.some((column) => column.type === 'service'),
      ),
      line('service', 'serviceItems', own.filter((entry) => entry.type === 'serviceGuide').length),
      line('interaction', 'lettersReplied', replied.length),
      line(
        'interaction',
        'replyDays',
        replyDays.length === 0
          ? '—'
          : (replyDays.reduce((sum, days) => sum + days, 0) / replyDays.length).toFixed(1),
      ),
      line('innovation', 'multilingual', site.locales.length > 1),
      line('innovation', 'search', true),
      line('innovation', 'accessibility', true),
    ],
  };
}

/** A value as the form writes it: 是/否 (or its translation) for a boolean. */
export function reportValue(value: WebsiteReportLine['value'], locale: Locale): string {
  if (typeof value === 'boolean') return t(locale, value ? 'websiteReport.yes' : 'websiteReport.no');
  if (typeof value === 'object') return reportLabel(value.label, locale);
  return String(value);
}

/** The label of a field or section (`websiteReport.<name>`) in a locale. */
export function reportLabel(name: string, locale: Locale): string {
  return t(locale, `websiteReport.${name}` as UiKey);
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The reports as CSV for the filing system: one row per site and field, zh-CN labels, UTF-8 with a
 * byte-order mark (what spreadsheet programs in Chinese offices expect).
 */
export function websiteReportsCsv(reports: readonly WebsiteReport[]): string {
  const rows = [['站点标识', '年度', '类别', '指标', '数值']];
  for (const report of reports) {
    for (const { section, field, value } of report.lines) {
      rows.push([
        report.site,
        report.year,
        reportLabel(section, 'zh-CN'),
        reportLabel(field, 'zh-CN'),
        reportValue(value, 'zh-CN'),
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
