/**
 * The checker's test fixtures: the fixture-scale demo city, built once, and a copy of it with
 * known defects planted in its records and in one built page.
 * @module
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemoCity, type StaleColumn } from '@govcluster/demo';
import { buildCluster } from '../build-cluster.ts';

type Json = Record<string, unknown> & { type: string };

/** The clean fixture: its snapshot, its build, its day and the columns made stale on purpose. */
export interface CleanFixture {
  readonly snapshot: string;
  readonly dist: string;
  readonly today: string;
  readonly stale: readonly StaleColumn[];
}

/** The day the fixtures are generated for. */
export const fixtureToday = '2026-12-06';

/** Generates and builds the fixture-scale city (about 15 s). */
export async function buildCleanFixture(): Promise<CleanFixture> {
  const work = mkdtempSync(path.join(tmpdir(), 'govcluster-check-'));
  const snapshot = path.join(work, 'snapshot');
  const result = await generateDemoCity({ seed: 1, scale: 'fixture', today: fixtureToday, outDir: snapshot });
  const dist = path.join(work, 'dist');
  const build = await buildCluster({ snapshot, outDir: dist, quiet: true, searchIndex: false });
  if (!build.ok) throw new Error(`the fixture build failed:\n${build.log.slice(-3000)}`);
  return { snapshot, dist, today: fixtureToday, stale: result.stale };
}

function readRecords(snapshot: string): Json[] {
  return readFileSync(path.join(snapshot, 'snapshot.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Json);
}

function writeRecords(snapshot: string, records: readonly Json[]): void {
  writeFileSync(
    path.join(snapshot, 'snapshot.jsonl'),
    `${records.map((r) => JSON.stringify(r)).join('\n')}\n`,
  );
}

function only<T>(items: readonly T[], what: string): T {
  const item = items[0];
  if (item === undefined) throw new Error(`the fixture has no ${what}`);
  return item;
}

/** What was planted, for the assertions. */
export interface Planted {
  readonly snapshot: string;
  readonly dist: string;
  /** The site whose homepage and columns were made stale. */
  readonly staleSite: string;
  /** The six columns added to it with one old article each. */
  readonly staleColumns: readonly string[];
  /** The site given five empty columns, and their slugs. */
  readonly emptySite: string;
  readonly emptyColumns: readonly string[];
  /** The page with a dead link, a dead attachment and a dead image. */
  readonly deadLinkPage: string;
  readonly deadTargets: readonly string[];
  /** Article ids: misspelt leader, secrecy marking, future date. */
  readonly misspeltLeaderArticle: string;
  readonly wrongLeaderName: string;
  readonly secrecyArticle: string;
  readonly futureArticle: string;
  readonly unansweredLetter: string;
  readonly incompleteGuide: string;
  readonly oneWayInterpretation: string;
  /** A portal policy given a department's body code in its 索引号, and that department. */
  readonly foreignIndexPolicy: string;
  readonly foreignIndexOwner: string;
  /** Two portal policies sharing one 索引号. */
  readonly duplicateIndexPolicies: readonly [string, string];
  /** A closed consultation whose feedback summary was removed. */
  readonly consultationWithoutFeedback: string;
  /** The department whose 政府信息公开指南 page was removed from the build. */
  readonly openInfoSite: string;
  /** Guides whose 在线办理 address is http, and points to a page the cluster does not have. */
  readonly httpOnlineGuide: string;
  readonly deadOnlineGuide: string;
}

const day = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** Copies the clean fixture and plants one of each defect the checker must find. */
export function plantDefects(clean: CleanFixture): Planted {
  const work = mkdtempSync(path.join(tmpdir(), 'govcluster-check-defects-'));
  const snapshot = path.join(work, 'snapshot');
  const dist = path.join(work, 'dist');
  cpSync(clean.snapshot, snapshot, { recursive: true });
  cpSync(clean.dist, dist, { recursive: true });
  const records = readRecords(snapshot);
  const now = Date.parse(`${clean.today}T12:00:00+08:00`);
  const sites = records.filter((r) => r.type === 'site');
  const zh = (r: Json) => r.locale === 'zh-CN';

  // A stale homepage: every entry of one township older than six months, and six more news
  // columns, each with one old article.
  const township = only(
    sites.filter((s) => s.kind === 'township'),
    'township',
  );
  const staleSite = String(township.id);
  for (const record of records) {
    if (record.site === staleSite && typeof record.publishedAt === 'string')
      record.publishedAt = iso(now - 200 * day);
  }
  const template = only(
    records.filter((r) => r.type === 'article' && r.site === staleSite && zh(r)),
    'township article',
  );
  const staleColumns = Array.from({ length: 6 }, (_, i) => `stale-${i + 1}`);
  const columns = township.columns as Record<string, unknown>[];
  staleColumns.forEach((slug, i) => {
    columns.push({ slug, type: 'news', name: { 'zh-CN': `旧栏目${i + 1}` }, order: 100 + i });
    records.push({ ...template, id: `${slug}-article`, column: slug, publishedAt: iso(now - 30 * day) });
  });

  // Five empty columns on the portal.
  const portal = only(
    sites.filter((s) => s.kind === 'portal'),
    'portal',
  );
  const emptyColumns = Array.from({ length: 5 }, (_, i) => `empty-${i + 1}`);
  emptyColumns.forEach((slug, i) => {
    (portal.columns as Record<string, unknown>[]).push({
      slug,
      type: 'notice',
      name: { 'zh-CN': `空栏目${i + 1}` },
      order: 200 + i,
    });
  });

  // Text defects in three portal articles (not in the newest, so the homepage stays fresh).
  const portalArticles = records.filter((r) => r.type === 'article' && r.site === portal.id && zh(r));
  const [leaderArticle, secrecyArticle, futureArticle] = portalArticles;
  if (!leaderArticle || !secrecyArticle || !futureArticle)
    throw new Error('the fixture portal has too few articles');
  const leader = only(
    records.filter((r) => r.type === 'leader' && r.site === portal.id && zh(r)),
    'portal leader',
  );
  const name = String(leader.name);
  const wrongLeaderName = name.slice(0, -1) + (name.endsWith('乙') ? '丙' : '乙');
  leaderArticle.body = `${String(leaderArticle.body)}\n\n${String(leader.position)}${wrongLeaderName}出席会议并讲话。`;
  secrecyArticle.body = `${String(secrecyArticle.body)}\n\n本文件密级：机密★1年。`;
  futureArticle.publishedAt = iso(now + 30 * day);

  // A letter unanswered for four months.
  const letter = only(
    records.filter((r) => r.type === 'letter' && zh(r)),
    'letter',
  );
  const unansweredLetter = `${String(letter.id)}-unanswered`;
  const { reply: _reply, repliedAt: _repliedAt, ...unreplied } = letter;
  records.push({
    ...unreplied,
    id: unansweredLetter,
    status: 'processing',
    submittedAt: iso(now - 122 * day),
    publishedAt: iso(now - 122 * day),
  });

  // A service guide without its 设定依据.
  const guide = only(
    records.filter((r) => r.type === 'serviceGuide' && zh(r)),
    'service guide',
  );
  delete guide.legalBasis;

  // A policy that no longer lists its interpretation.
  const interpretation = only(
    records.filter((r) => r.type === 'interpretation' && zh(r)),
    'interpretation',
  );
  const policy = only(
    records.filter((r) => r.type === 'policy' && r.id === interpretation.policy && zh(r)),
    'interpreted policy',
  );
  policy.interpretations = (policy.interpretations as string[]).filter((id) => id !== interpretation.id);

  // 索引号: two more portal policies, one carrying a department's body code, one the 索引号 of another
  // portal policy (new records: the fixture's sites have too few policies to spare).
  const department = only(
    sites.filter((s) =>
      records.some((r) => r.type === 'policy' && r.site === s.id && s.kind === 'department'),
    ),
    'department with policies',
  );
  const departmentPolicy = only(
    records.filter((r) => r.type === 'policy' && r.site === department.id && zh(r)),
    'department policy',
  );
  const departmentCode = String(departmentPolicy.indexNumber).split('/')[0];
  const portalPolicy = only(
    records.filter((r) => r.type === 'policy' && r.site === portal.id && zh(r)),
    'portal policy',
  );
  const foreignPolicy = `${String(portalPolicy.id)}-foreign-index`;
  const duplicatePolicy = `${String(portalPolicy.id)}-duplicate-index`;
  records.push(
    {
      ...portalPolicy,
      id: foreignPolicy,
      indexNumber: `${departmentCode}/2026-09999`,
      interpretations: [],
    },
    { ...portalPolicy, id: duplicatePolicy, interpretations: [] },
  );

  // A closed consultation whose feedback summary is gone.
  const consultation = only(
    records.filter((r) => r.type === 'consultation' && typeof r.feedback === 'string' && zh(r)),
    'consultation with feedback',
  );
  delete consultation.feedback;

  // 在线办理: one guide's address over http, another's a page of the cluster that does not exist.
  const manifest = JSON.parse(readFileSync(path.join(dist, 'sites.json'), 'utf8')) as {
    sites: { url: string }[];
  };
  const clusterHost = new URL(only(manifest.sites, 'manifest site').url).host;
  const [httpGuide, deadGuide] = records.filter(
    (r) => r.type === 'serviceGuide' && zh(r) && r.id !== guide.id && typeof r.onlineUrl === 'string',
  );
  if (!httpGuide || !deadGuide) throw new Error('the fixture has too few guides with an online address');
  httpGuide.onlineUrl = String(httpGuide.onlineUrl).replace(/^https:/, 'http:');
  deadGuide.onlineUrl = `https://${clusterHost}/zaixian/no-such-service/`;
  writeRecords(snapshot, records);

  // The department's 政府信息公开指南 left out of the build.
  rmSync(path.join(dist, String(department.basePath), 'zwgk', 'guide'), { recursive: true });

  // Dead references written into one built page.
  const deadLinkPage = `${String(portal.basePath)}about/`;
  const deadTargets = [
    '/no-such-column/no-such-page/',
    '/media/no-such-file.pdf',
    '/media/no-such-image.png',
  ];
  const pageFile = path.join(dist, deadLinkPage, 'index.html');
  const html = readFileSync(pageFile, 'utf8').replace(
    '</main>',
    `<p><a href="${deadTargets[0]}">坏链接</a> <a href="${deadTargets[1]}">附件</a> <img src="${deadTargets[2]}" alt="图"></p></main>`,
  );
  writeFileSync(pageFile, html);

  // The 网站标识码 left out of the township's homepage.
  const homeFile = path.join(dist, String(township.basePath), 'index.html');
  const footer = township.footer as { siteCode: string };
  writeFileSync(homeFile, readFileSync(homeFile, 'utf8').replaceAll(footer.siteCode, ''));

  return {
    snapshot,
    dist,
    staleSite,
    staleColumns,
    emptySite: String(portal.id),
    emptyColumns,
    deadLinkPage,
    deadTargets,
    misspeltLeaderArticle: String(leaderArticle.id),
    wrongLeaderName,
    secrecyArticle: String(secrecyArticle.id),
    futureArticle: String(futureArticle.id),
    unansweredLetter,
    incompleteGuide: String(guide.id),
    oneWayInterpretation: String(interpretation.id),
    foreignIndexPolicy: foreignPolicy,
    foreignIndexOwner: String(department.id),
    duplicateIndexPolicies: [String(portalPolicy.id), duplicatePolicy],
    consultationWithoutFeedback: String(consultation.id),
    openInfoSite: String(department.id),
    httpOnlineGuide: String(httpGuide.id),
    deadOnlineGuide: String(deadGuide.id),
  };
}
