/**
 * The build's failure modes: an invalid entry is reported and skipped; an invalid registry or an
 * unreachable CMS fails the build and leaves the live output untouched. And the build split over
 * several Astro processes gives the same site as one process.
 */
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCluster } from '../../scripts/src/build-cluster.ts';
import { fixtureBuild, readRecords } from './fixture.ts';

let work: string;
let snapshot: string;
let out: string;

describe('build-cluster', () => {
  beforeAll(async () => {
    // Wait for the shared fixture build first: two Astro builds of one project must not overlap.
    const fixture = await fixtureBuild();
    work = mkdtempSync(path.join(tmpdir(), 'gc-build-test-'));
    snapshot = path.join(work, 'snapshot');
    out = path.join(work, 'dist');
    cpSync(fixture.snapshot, snapshot, { recursive: true });
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('gives the same files from two Astro processes as from one', async () => {
    const one = path.join(work, 'one-process');
    const two = path.join(work, 'two-processes');
    const single = await buildCluster({
      snapshot,
      outDir: one,
      quiet: true,
      processes: 1,
      searchIndex: false,
    });
    expect(single.ok, single.log.slice(-2000)).toBe(true);
    const split = await buildCluster({
      snapshot,
      outDir: two,
      quiet: true,
      processes: 2,
      searchIndex: false,
    });
    expect(split.ok, split.log.slice(-2000)).toBe(true);
    expect(split.processes).toBe(2);
    const files = (dir: string) =>
      (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
        .sort();
    const names = files(one);
    expect(names.length).toBeGreaterThan(100);
    expect(files(two)).toEqual(names);
    // nginx.conf names the output folder as its root; everything else must be byte for byte the same.
    const different = names.filter(
      (name) =>
        name !== 'nginx.conf' &&
        !readFileSync(path.join(one, name)).equals(readFileSync(path.join(two, name))),
    );
    expect(different).toEqual([]);
    rmSync(one, { recursive: true, force: true });
    rmSync(two, { recursive: true, force: true });
  }, 300_000);

  it('builds the bodies again when the content cache is kept but the text store is gone', async () => {
    const cache = path.join(work, 'cache-texts');
    const textsOut = path.join(work, 'dist-texts');
    const env = { GOVCLUSTER_CACHE_DIR: cache };
    const records = readRecords(snapshot);
    const article = records.find((r) => r.type === 'article' && r.locale === 'zh-CN' && r.body) as Record<
      string,
      unknown
    >;
    const site = records.find((r) => r.type === 'site' && r.id === article.site) as unknown as {
      basePath: string;
    };
    const page = path.join(textsOut, site.basePath, String(article.column), String(article.id), 'index.html');
    // The first paragraph of the Markdown body, as the page shows it.
    const paragraph =
      String(article.body)
        .split('\n')[0]
        ?.replace(/[*_#>`[\]]/g, '')
        .slice(0, 20) ?? '';
    expect(paragraph.length).toBeGreaterThan(5);
    const build = () => buildCluster({ snapshot, outDir: textsOut, quiet: true, searchIndex: false, env });
    const first = await build();
    expect(first.ok, first.log.slice(-2000)).toBe(true);
    expect(readFileSync(page, 'utf8')).toContain(paragraph);
    rmSync(path.join(cache, 'texts.sqlite'));
    const second = await build();
    expect(second.ok, second.log.slice(-2000)).toBe(true);
    expect(readFileSync(page, 'utf8')).toContain(paragraph);
    rmSync(textsOut, { recursive: true, force: true });
  }, 300_000);

  it('reports an invalid entry (site, type, id, what is wrong) and builds the rest', async () => {
    const records = readRecords(snapshot);
    const article = records.find((r) => r.type === 'article' && r.locale === 'zh-CN') as Record<
      string,
      unknown
    >;
    appendFileSync(
      path.join(snapshot, 'snapshot.jsonl'),
      `${JSON.stringify({ ...article, id: 'broken-entry', title: '   ' })}\n`,
    );
    const result = await buildCluster({ snapshot, outDir: out, quiet: true });
    expect(result.ok, result.log.slice(-2000)).toBe(true);
    expect(result.skipped).toContainEqual(
      expect.objectContaining({ site: article.site, type: 'article', id: 'broken-entry', locale: 'zh-CN' }),
    );
    expect(result.skipped.find((s) => s.id === 'broken-entry')?.problem).toMatch(/title/);
    expect(readFileSync(path.join(out, 'sites.json'), 'utf8')).toContain(String(article.site));
  }, 120_000);

  it('fails on an invalid registry and leaves the previous output as it was', async () => {
    const before = readFileSync(path.join(out, 'sites.json'), 'utf8');
    const lines = readFileSync(path.join(snapshot, 'snapshot.jsonl'), 'utf8').split('\n');
    // A township whose parent is not in the registry breaks a cross-site rule.
    const broken = lines.map((line) =>
      line.includes('"type":"site"') && line.includes('"kind":"township"')
        ? line.replace(/"parent":"[^"]+"/, '"parent":"no-such-site"')
        : line,
    );
    const badSnapshot = path.join(work, 'bad-registry');
    cpSync(snapshot, badSnapshot, { recursive: true });
    writeFileSync(path.join(badSnapshot, 'snapshot.jsonl'), broken.join('\n'));
    const result = await buildCluster({ snapshot: badSnapshot, outDir: out, quiet: true });
    expect(result.ok).toBe(false);
    expect(result.log).toMatch(/registry/i);
    expect(readFileSync(path.join(out, 'sites.json'), 'utf8')).toBe(before);
  }, 120_000);

  it('fails with a clear message when the CMS cannot be reached, leaving the output as it was', async () => {
    const before = readFileSync(path.join(out, 'sites.json'), 'utf8');
    const result = await buildCluster({
      outDir: out,
      quiet: true,
      env: { CMS_URL: 'http://127.0.0.1:9', CMS_TOKEN: 'test-token', GOVCLUSTER_SNAPSHOT: '' },
    });
    expect(result.ok).toBe(false);
    expect(result.log).toContain('The CMS at http://127.0.0.1:9 cannot be reached');
    expect(readFileSync(path.join(out, 'sites.json'), 'utf8')).toBe(before);
  }, 120_000);
});
