/**
 * The fixture cluster for the site tests: generated (`--scale fixture`) and built once per change of
 * the sources, then shared by every test file through cache folders keyed by the content of
 * everything that can change them (scripts/src/lib/source-key.ts), guarded by locks so that parallel
 * test files wait for one build instead of racing.
 *
 * `GOVCLUSTER_TEST_SNAPSHOT=<dir>` uses an existing snapshot instead of generating one.
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { calendarDay } from '@govcluster/shared/dates';
import { mailboxColumn } from '@govcluster/shared/mailbox';
import { ensureGeneratedSnapshot } from '../../scripts/src/lib/snapshots.ts';
import { buildSources, generatorSources, sourceKey } from '../../scripts/src/lib/source-key.ts';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheRoot = path.join(repoRoot, '.data', 'test-site');

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `work` once across processes: the first caller holding `lock` does it, the others wait for `done`. */
async function once(
  lock: string,
  done: string,
  work: () => Promise<void>,
  timeoutMs = 300_000,
): Promise<void> {
  const started = Date.now();
  while (!existsSync(done)) {
    try {
      mkdirSync(path.dirname(lock), { recursive: true });
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Someone else works on it; a lock older than the timeout is stale.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > timeoutMs)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${done}`);
      await sleep(250);
      continue;
    }
    try {
      if (!existsSync(done)) await work();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

const generatorArgs = ['--scale', 'fixture'];

/** Removes the other cached folders of a kind (`snapshot-…`, `build-…`), keeping `keep`. */
function keepOnly(prefix: string, keep: string): void {
  for (const other of readdirSync(cacheRoot)) {
    if (other.startsWith(prefix) && other !== keep)
      rmSync(path.join(cacheRoot, other), { recursive: true, force: true });
  }
}

/** The fixture snapshot folder, generated on first use and again whenever the generator's sources change. */
export async function fixtureSnapshot(): Promise<string> {
  const given = process.env.GOVCLUSTER_TEST_SNAPSHOT;
  if (given) return path.resolve(given);
  const name = `snapshot-${sourceKey(generatorSources, generatorArgs)}`;
  const dir = path.join(cacheRoot, name);
  mkdirSync(cacheRoot, { recursive: true });
  await once(path.join(cacheRoot, 'snapshot.lock'), path.join(dir, 'source.key'), async () => {
    await ensureGeneratedSnapshot(dir, generatorArgs);
    keepOnly('snapshot-', name);
  });
  return dir;
}

/** The key of a fixture build: the snapshot's content and every source the build's output depends on. */
export function fixtureBuildKey(snapshot: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(snapshot, 'snapshot.jsonl')));
  hash.update(sourceKey(buildSources));
  return hash.digest('hex').slice(0, 16);
}

/** The built fixture cluster: its dist folder and its snapshot. */
export interface FixtureBuild {
  dist: string;
  snapshot: string;
}

let memo: Promise<FixtureBuild> | undefined;

/**
 * Builds the fixture cluster once (per change of snapshot or sources) and returns where it is.
 * Memoized per test file, so that sources edited during a run never swap the build under a test.
 */
export function fixtureBuild(): Promise<FixtureBuild> {
  memo ??= buildFixture();
  return memo;
}

async function buildFixture(): Promise<FixtureBuild> {
  const snapshot = await fixtureSnapshot();
  const key = fixtureBuildKey(snapshot);
  const dir = path.join(cacheRoot, `build-${key}`);
  const dist = path.join(dir, 'dist');
  await once(path.join(cacheRoot, 'build.lock'), path.join(dir, 'done'), async () => {
    const { buildCluster } = await import('../../scripts/src/build-cluster.ts');
    // Pagefind, even when the environment names a Meilisearch server for the live tests.
    const result = await buildCluster({
      snapshot,
      outDir: dist,
      quiet: true,
      env: { MEILI_HOST: '', MEILI_SEARCH_KEY: '' },
    });
    if (!result.ok) throw new Error(`the fixture build failed:\n${result.log.slice(-4000)}`);
    writeFileSync(path.join(dir, 'done'), JSON.stringify({ pages: result.pages, wallMs: result.wallMs }));
    keepOnly('build-', `build-${key}`);
  });
  return { dist, snapshot };
}

/** One record of a snapshot. */
export type SnapshotRecord = Record<string, unknown> & { type: string };

/** Every record of a snapshot. */
export function readRecords(snapshot: string): SnapshotRecord[] {
  return readFileSync(path.join(snapshot, 'snapshot.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SnapshotRecord);
}

/** Every HTML file of a built cluster, as URL paths (`/bm/fgw/` for `bm/fgw/index.html`). */
export function htmlPages(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '_astro' && entry.name !== 'pagefind') walk(full);
      } else if (entry.name.endsWith('.html')) {
        const rel = `/${path.relative(dist, full).split(path.sep).join('/')}`;
        out.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(dist);
  return out.sort();
}

/** The HTML a visitor gets for a URL path. */
export function readPage(dist: string, url: string): string {
  const file = url.endsWith('/') ? path.join(dist, url, 'index.html') : path.join(dist, url);
  return readFileSync(file, 'utf8');
}

/** The hreflang alternates of a page: locale → path. */
export function hreflangs(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)) {
    out.set(match[1] as string, new URL(match[2] as string).pathname);
  }
  return out;
}

/** Whether the page links to a path (`href="<path>"`). */
export function linksTo(html: string, url: string): boolean {
  return html.includes(`href="${url}"`);
}

/** Today in China time (what the build judges a consultation's period by). */
function today(): string {
  return calendarDay(new Date());
}

/** One page of each template of the built fixture, found from the snapshot: name → URL path. */
export function templatePages(fixture: FixtureBuild): { name: string; url: string }[] {
  const records = readRecords(fixture.snapshot);
  const sites = records.filter((r) => r.type === 'site') as (SnapshotRecord & {
    id: string;
    kind: string;
    basePath: string;
    locales: string[];
    columns: { slug: string; type: string; order: number }[];
  })[];
  const prefix = (site: { basePath: string }, locale: string) =>
    locale === 'zh-CN' ? site.basePath : `${site.basePath}${locale}/`;
  const exists = (url: string) => existsSync(path.join(fixture.dist, url, 'index.html'));
  const siteOf = (id: unknown) => sites.find((s) => s.id === id);
  const entryUrl = (type: string, locale = 'zh-CN', where: (r: SnapshotRecord) => boolean = () => true) => {
    for (const r of records) {
      if (r.type !== type || r.locale !== locale || !where(r)) continue;
      const site = siteOf(r.site);
      if (!site) continue;
      const rest =
        type === 'village'
          ? `villages/${r.slug}/`
          : type === 'investmentProject'
            ? `investment/${r.id}/`
            : type === 'leader'
              ? `leaders/${r.id}/`
              : `${r.column}/${r.id}/`;
      const url = prefix(site, locale) + rest;
      if (exists(url)) return url;
    }
    return undefined;
  };
  const portal = sites.find((s) => s.kind === 'portal');
  const department = sites.find((s) => s.kind === 'department');
  const township = sites.find((s) => s.kind === 'township');
  const investorSite = sites.find(
    (s) => s.locales.includes('en') && exists(`${prefix(s, 'en')}investment/guide/`),
  );
  const leadersSite = sites.find((s) => exists(`${s.basePath}leaders/`));
  const column = portal?.columns.find((c) => c.type === 'news');
  /** The first 政务服务 topic page of the portal that the build wrote. */
  const firstServiceTopic = () => {
    for (const r of records) {
      if (r.type !== 'serviceGuide' || typeof r.topic !== 'string') continue;
      const url = `${portal?.basePath}service-guides/topic/${r.topic}/`;
      if (exists(url)) return url;
    }
    return undefined;
  };
  /** The first link on a page whose target matches `pattern` (ends with its closing quote). */
  const firstMatch = (url: string, pattern: RegExp) => {
    if (!exists(url)) return undefined;
    const html = readFileSync(path.join(fixture.dist, url, 'index.html'), 'utf8');
    const found = new RegExp(`href="([^"]*${pattern.source})`).exec(html)?.[1];
    return found?.slice(0, -1);
  };
  const mailbox = portal ? mailboxColumn(portal.columns) : undefined;
  const catalogueByYear = portal
    ? firstMatch(`${portal.basePath}zwgk/catalogue/`, /zwgk\/catalogue\/year\/\d{4}\/"/)
    : undefined;
  const candidates: [string, string | undefined][] = [
    ['portal home', portal?.basePath],
    ['department home', department?.basePath],
    ['township home', township?.basePath],
    ['column listing', portal && column ? `${portal.basePath}${column.slug}/` : undefined],
    ['article', entryUrl('article')],
    ['policy document', entryUrl('policy')],
    ['interpretation', entryUrl('interpretation')],
    ['service guide', entryUrl('serviceGuide')],
    ['letter', entryUrl('letter')],
    ['service guides home', portal ? `${portal.basePath}service-guides/` : undefined],
    ['service guides by topic', firstServiceTopic()],
    [
      'service guides by audience',
      portal
        ? firstMatch(`${portal.basePath}service-guides/`, /service-guides\/audience\/[a-z-]+\/"/)
        : undefined,
    ],
    [
      'service guides by department',
      portal
        ? firstMatch(`${portal.basePath}service-guides/`, /service-guides\/department\/[a-z0-9-]+\/"/)
        : undefined,
    ],
    ['interaction hub', portal ? `${portal.basePath}interaction/` : undefined],
    ['interview', entryUrl('interview')],
    ['consultation (open)', entryUrl('consultation', 'zh-CN', (r) => String(r.closesAt) >= today())],
    ['consultation (closed)', entryUrl('consultation', 'zh-CN', (r) => String(r.closesAt) < today())],
    ['leaders', leadersSite ? `${leadersSite.basePath}leaders/` : undefined],
    ['leader', entryUrl('leader')],
    ['mailbox column', portal && mailbox ? `${portal.basePath}${mailbox.slug}/` : undefined],
    ['villages', township ? `${township.basePath}villages/` : undefined],
    ['village', entryUrl('village')],
    [
      'investment projects',
      portal && exists(`${portal.basePath}investment/`) ? `${portal.basePath}investment/` : undefined,
    ],
    ['investment project', entryUrl('investmentProject')],
    ['investment project (en)', entryUrl('investmentProject', 'en')],
    ['investor guide (en)', investorSite ? `${prefix(investorSite, 'en')}investment/guide/` : undefined],
    [
      'investor guide (ru)',
      investorSite?.locales.includes('ru') ? `${prefix(investorSite, 'ru')}investment/guide/` : undefined,
    ],
    ['search', portal ? `${portal.basePath}search/` : undefined],
    ['site map', portal ? `${portal.basePath}sitemap/` : undefined],
    ['accessibility statement', portal ? `${portal.basePath}accessibility/` : undefined],
    ['letter form', department ? `${department.basePath}mailbox/write/` : undefined],
    ['letter tracking', portal ? `${portal.basePath}mailbox/track/` : undefined],
    // 政府信息公开 (docs/adr/0027-open-information.md): the section's pages, of a department.
    ['政府信息公开', department ? `${department.basePath}zwgk/` : undefined],
    ['公开指南', department ? `${department.basePath}zwgk/guide/` : undefined],
    ['公开制度', department ? `${department.basePath}zwgk/rules/` : undefined],
    ['法定主动公开内容', department ? `${department.basePath}zwgk/statutory/` : undefined],
    ['依申请公开', department ? `${department.basePath}zwgk/apply/` : undefined],
    ['公开目录', portal ? `${portal.basePath}zwgk/catalogue/` : undefined],
    ['公开目录 by year', catalogueByYear],
    [
      '公开目录 by topic',
      portal
        ? firstMatch(`${portal.basePath}zwgk/catalogue/`, /zwgk\/catalogue\/topic\/[^"/]+\/"/)
        : undefined,
    ],
    ['公开年报', portal ? firstMatch(`${portal.basePath}zwgk/annual/`, /zwgk\/annual\/\d{4}\/"/) : undefined],
    [
      '政府网站工作年度报表',
      portal ? firstMatch(`${portal.basePath}zwgk/annual/`, /zwgk\/annual\/\d{4}\/website\/"/) : undefined,
    ],
    [
      'repealed policy',
      entryUrl('policy', 'zh-CN', (r) => r.validity !== 'valid' && r.replacedBy !== undefined),
    ],
    [
      'investor contacts (en)',
      investorSite && exists(`${prefix(investorSite, 'en')}investment/contacts/`)
        ? `${prefix(investorSite, 'en')}investment/contacts/`
        : undefined,
    ],
    ['home (en)', portal?.locales.includes('en') ? prefix(portal, 'en') : undefined],
    ['home (ru)', portal?.locales.includes('ru') ? prefix(portal, 'ru') : undefined],
    ['404', township ? `${township.basePath}404.html` : '/404.html'],
    ['404 (en)', portal?.locales.includes('en') ? `${prefix(portal, 'en')}404.html` : undefined],
  ];
  return candidates
    .filter((c): c is [string, string] => c[1] !== undefined)
    .map(([name, url]) => ({ name, url }));
}

export { chromiumFlags, chromiumPath } from '../lib/chromium.ts';
