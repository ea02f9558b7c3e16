/**
 * 政府信息公开 (docs/adr/0027-open-information.md): the 公开目录's filters and the 政府网站工作年度报表.
 * @module
 */
export * from './catalogue.ts';
export * from './website-report.ts';
