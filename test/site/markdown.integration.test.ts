/**
 * Entry bodies in the built fixture cluster: Markdown tables reach visitors, feeds and the search
 * index as tables and text, never as the raw "| 岗位 | 人数 |" of the source.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { searchDocumentFromHtml } from '@govcluster/shared/search';
import { searchDocumentFromEntry } from '@govcluster/shared/search/entry';
import { entryPath, sitePrefix } from '@govcluster/shared/urls';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type FixtureBuild,
  fixtureBuild,
  htmlPages,
  readPage,
  readRecords,
  type SnapshotRecord,
} from './fixture.ts';

type SiteRecord = SnapshotRecord & { id: string; kind: 'portal'; basePath: string };

/** A line of Markdown table source: a row, or the separator row under the header. */
const rawTableLine = /^\|.*\|$/;

/** The text of a page's `<main>`, one line per line of its HTML, without tags. */
function mainText(html: string): string[] {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  return main
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((line) => line.trim());
}

/** Whether a record holds a Markdown table in one of its bodies (a village's in its 村务公开 items). */
function hasTable(value: unknown): boolean {
  if (typeof value === 'string') return /^\|.*\|[ \t]*\n\|[ \t]*:?-{3,}/m.test(value);
  return typeof value === 'object' && value !== null && Object.values(value).some(hasTable);
}

let fixture: FixtureBuild;
let records: SnapshotRecord[];
let sites: SiteRecord[];
let withTables: { record: SnapshotRecord; url: string }[];

describe('Markdown bodies in the built cluster', () => {
  beforeAll(async () => {
    fixture = await fixtureBuild();
    records = readRecords(fixture.snapshot);
    sites = records.filter((r) => r.type === 'site') as SiteRecord[];
    withTables = records
      .filter((r) => typeof r.locale === 'string' && hasTable(r))
      .map((record) => {
        const site = sites.find((s) => s.id === record.site) as SiteRecord;
        return {
          record,
          url: sitePrefix(site, record.locale as never) + entryPath(record.type as never, record as never),
        };
      });
  }, 300_000);

  it('the fixture has entries with Markdown tables, an article and a village among them', () => {
    expect(withTables.map((t) => t.record.type)).toEqual(expect.arrayContaining(['article', 'village']));
  });

  it('shows no raw Markdown table on any page', () => {
    const problems: string[] = [];
    for (const url of htmlPages(fixture.dist)) {
      for (const line of mainText(readPage(fixture.dist, url))) {
        if (rawTableLine.test(line) || line.includes('| --- |'))
          problems.push(`${url}: ${line.slice(0, 80)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives the headings of bodies ids to link to, never one id twice on a page', () => {
    let anchored = 0;
    const problems: string[] = [];
    for (const url of htmlPages(fixture.dist)) {
      const html = readPage(fixture.dist, url);
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
      const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
      if (twice.length > 0) problems.push(`${url}: ${[...new Set(twice)].join(', ')}`);
      anchored += [...html.matchAll(/<h[2-6] id="[^"]+">/g)].length;
    }
    expect(problems).toEqual([]);
    expect(anchored, 'headings with an id in the fixture build').toBeGreaterThan(10);
  });

  it('renders each Markdown table as a table with column headers in a labelled scroll box', () => {
    for (const { url } of withTables) {
      const html = readPage(fixture.dist, url);
      expect(html, url).toMatch(
        /<div class="gc-table" role="region" tabindex="0" aria-label="表格：[^"]+">\s*<table>\s*<thead>\s*<tr>\s*<th scope="col">/,
      );
      const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
      expect(description, url).not.toContain('|');
    }
  });

  it('gives feeds and search documents the text of a table, without pipes', () => {
    const article = withTables.find((t) => t.record.type === 'article') as (typeof withTables)[number];
    const site = sites.find((s) => s.id === article.record.site) as SiteRecord;
    const feed = readFileSync(path.join(fixture.dist, sitePrefix(site, 'zh-CN'), 'rss.xml'), 'utf8');
    expect(feed).toContain(`${article.url}</link>`);
    expect(feed).not.toMatch(/\| *---|\| [^|<]+ \|/);

    const fromEntry = searchDocumentFromEntry('article', article.record as never, site as never);
    const fromPage = searchDocumentFromHtml(readPage(fixture.dist, article.url), article.url, sites as never);
    for (const document of [fromEntry, fromPage]) {
      expect(document?.text).toMatch(/岗位/);
      expect(document?.text).not.toContain('|');
    }
  });
});
