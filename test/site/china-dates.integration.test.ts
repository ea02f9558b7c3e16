/**
 * Dates on the calendar of China time through the real build: an entry the CMS dates
 * 2024-12-31T17:30:00.000Z (01:30 on New Year's Day in Beijing) shows 1 January 2025 on its page, in
 * its column's listing, in the feed and the site map, in its search document (date and year filter)
 * and in the inspection checker's findings.
 * The fixture snapshot is copied and that one entry changed; the generator stays as it is.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCluster } from '../../scripts/src/build-cluster.ts';
import { runCheck } from '../../scripts/src/check/run-check.ts';
import { fixtureSnapshot, readPage, readRecords, type SnapshotRecord } from './fixture.ts';

const lateNight = '2024-12-31T17:30:00.000Z';
const siteUrl = 'https://www.example.gov.cn';

let work: string;
let dist: string;
let snapshot: string;
let entry: SnapshotRecord;
/** The entry's page path and its column's listing path (the portal is at `/`). */
let url: string;
let column: string;

/** The Pagefind fragment of a page: its filters and meta. */
function fragmentOf(url: string): { filters: Record<string, string[]>; meta: Record<string, string> } {
  const walk = (at: string): string[] =>
    readdirSync(at, { withFileTypes: true }).flatMap((item) =>
      item.isDirectory() ? walk(path.join(at, item.name)) : [path.join(at, item.name)],
    );
  for (const file of walk(path.join(dist, 'pagefind')).filter((name) => name.endsWith('.pf_fragment'))) {
    const fragment = JSON.parse(
      gunzipSync(readFileSync(file))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    );
    if (fragment.url === url) return fragment;
  }
  throw new Error(`no Pagefind fragment for ${url}`);
}

describe('dates in China time through the build', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'gc-dates-'));
    snapshot = path.join(work, 'snapshot');
    cpSync(await fixtureSnapshot(), snapshot, { recursive: true });
    const records = readRecords(snapshot);
    entry = records.find(
      (r) => r.type === 'article' && r.site === 'portal' && r.column === 'news' && r.locale === 'zh-CN',
    ) as SnapshotRecord;
    entry.publishedAt = lateNight;
    entry.updatedAt = lateNight;
    writeFileSync(
      path.join(snapshot, 'snapshot.jsonl'),
      `${records.map((record) => JSON.stringify(record)).join('\n')}\n`,
    );
    url = `/news/${entry.id}/`;
    column = '/news/';
    dist = path.join(work, 'dist');
    const result = await buildCluster({
      snapshot,
      outDir: dist,
      siteUrl,
      quiet: true,
      processes: 1,
      env: { MEILI_HOST: '', MEILI_SEARCH_KEY: '' },
    });
    expect(result.ok, result.log.slice(-3000)).toBe(true);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('shows the China day on the entry page', () => {
    const html = readPage(dist, url);
    expect(html).toContain('<meta name="gc:date" content="2025-01-01">');
    expect(html).toContain('<time datetime="2025-01-01">2025-01-01</time>');
    expect(html).not.toContain('2024-12-31');
  });

  it('shows the China day in the column listing row', () => {
    const html = readPage(dist, column);
    const row = new RegExp(
      `<a href="${url}">[^<]*</a>[\\s\\S]*?<time class="gc-list__date"[^>]*>([^<]*)</time>`,
    );
    expect(row.exec(html)?.[1]).toBe('2025-01-01');
  });

  it('dates the feed item and the site map entry in China time', () => {
    const feed = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
    const item = feed.split('<item>').find((part) => part.includes(`<link>${siteUrl}${url}</link>`));
    expect(item).toContain('<pubDate>Wed, 01 Jan 2025 01:30:00 +0800</pubDate>');
    const sitemap = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${siteUrl}${url}</loc><lastmod>2025-01-01</lastmod>`);
  });

  it('indexes the entry under its China day and year', () => {
    const fragment = fragmentOf(url);
    expect(fragment.meta.date).toBe('2025-01-01');
    expect(fragment.filters.year).toEqual(['2025']);
  });

  it('judges the entry by its China day in the inspection checker', async () => {
    const futureDates = async (today: string) =>
      (await runCheck({ dist, snapshot, today, siteUrl })).findings
        .filter(
          (finding) => finding.rule === 'future-date' && finding.entry === `article "${entry.id}" (zh-CN)`,
        )
        .map((finding) => finding.message);
    // Checked on 31 December the entry is dated the next day; on 1 January it is not in the future.
    expect(await futureDates('2024-12-31')).toEqual(['发布日期 2025-01-01 晚于检查日 2024-12-31']);
    expect(await futureDates('2025-01-01')).toEqual([]);
  });
});
