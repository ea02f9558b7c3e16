import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCleanFixture, type CleanFixture, type Planted, plantDefects } from './check-fixture.ts';
import type { Finding } from './finding.ts';
import { type CheckResult, runCheck } from './run-check.ts';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'check-cluster.ts');

let clean: CleanFixture;
let planted: Planted;
let cleanResult: CheckResult;
let result: CheckResult;

beforeAll(async () => {
  clean = await buildCleanFixture();
  planted = plantDefects(clean);
  cleanResult = await runCheck({ dist: clean.dist, snapshot: clean.snapshot, today: clean.today });
  result = await runCheck({
    dist: planted.dist,
    snapshot: planted.snapshot,
    today: clean.today,
    cmsUrl: 'http://cms.example.gov.cn',
  });
}, 180_000);

function found(rule: Finding['rule'], where: (finding: Finding) => boolean = () => true): Finding[] {
  return result.findings.filter((finding) => finding.rule === rule && where(finding));
}

describe('the inspection checker on a clean fixture', () => {
  it('reports nothing but the stale column the generator left on purpose', () => {
    expect(clean.stale.length).toBeGreaterThan(0);
    const seen = cleanResult.findings.map((finding) => [finding.site, finding.rule, finding.url]);
    expect(seen).toEqual(
      clean.stale.map((stale) => [
        stale.site,
        'column-stale',
        expect.stringMatching(new RegExp(`/${stale.column}/$`)),
      ]),
    );
    expect(cleanResult.passed).toBe(true);
  });
});

describe('the inspection checker on a fixture with planted defects', () => {
  it('finds the stale homepage and six stale columns of the township, as single-veto items', () => {
    expect(found('homepage-stale', (f) => f.site === planted.staleSite)).toHaveLength(1);
    const stale = found('column-stale', (f) => f.site === planted.staleSite).map((f) => f.url ?? '');
    for (const slug of planted.staleColumns)
      expect(
        stale.some((url) => url.endsWith(`/${slug}/`)),
        slug,
      ).toBe(true);
    const veto = found('stale-columns', (f) => f.site === planted.staleSite);
    expect(veto).toHaveLength(1);
    expect(veto[0]?.severity).toBe('veto');
    expect(veto[0]?.message).toContain('旧栏目6');
  });

  it('finds the five empty columns of the portal as one single-veto item', () => {
    const empty = found('column-empty', (f) => f.site === planted.emptySite).map((f) => f.url ?? '');
    for (const slug of planted.emptyColumns)
      expect(
        empty.some((url) => url.endsWith(`/${slug}/`)),
        slug,
      ).toBe(true);
    expect(found('empty-columns', (f) => f.site === planted.emptySite && f.severity === 'veto')).toHaveLength(
      1,
    );
  });

  it('finds the dead link, attachment and image on the page that carries them', () => {
    const dead = found('dead-link', (f) => f.url === planted.deadLinkPage).map((f) => f.message);
    expect(dead).toEqual([
      `链接不可用：${planted.deadTargets[0]}`,
      `附件不可用：${planted.deadTargets[1]}`,
      `图片不可用：${planted.deadTargets[2]}`,
    ]);
  });

  it('finds the misspelt leader name, the secrecy marking and the future date, with their pages and edit views', () => {
    const leader = found('leader-name');
    expect(leader).toHaveLength(1);
    expect(leader[0]?.message).toContain(planted.wrongLeaderName);
    expect(leader[0]?.url).toMatch(new RegExp(`/${planted.misspeltLeaderArticle}/$`));
    expect(leader[0]?.editUrl).toContain(
      'http://cms.example.gov.cn/admin/content-manager/collection-types/api::article.article?',
    );
    expect(found('secrecy-marking').map((f) => [f.entry, f.message])).toEqual([
      [`article "${planted.secrecyArticle}" (zh-CN)`, expect.stringContaining('机密')],
    ]);
    expect(found('future-date').map((f) => f.entry)).toEqual([`article "${planted.futureArticle}" (zh-CN)`]);
  });

  it('finds the letter unanswered for four months, the incomplete guide and the one-way interpretation', () => {
    expect(found('letter-unanswered').map((f) => f.entry)).toEqual([
      `letter "${planted.unansweredLetter}" (zh-CN)`,
    ]);
    const guide = found('guide-element-missing');
    expect(guide.map((f) => f.entry)).toEqual([`serviceGuide "${planted.incompleteGuide}" (zh-CN)`]);
    expect(guide[0]?.message).toContain('设定依据');
    expect(found('interpretation-one-way').map((f) => f.entry)).toEqual([
      `interpretation "${planted.oneWayInterpretation}" (zh-CN)`,
    ]);
  });

  it('finds the 网站标识码 missing from the township homepage', () => {
    expect(found('footer-fact-missing').map((f) => [f.site, f.message])).toEqual([
      [planted.staleSite, expect.stringContaining('网站标识码')],
    ]);
  });

  it("finds the 索引号 with a department's body code and the 索引号 used twice", () => {
    expect(found('index-number-foreign').map((f) => [f.entry, f.message])).toEqual([
      [`policy "${planted.foreignIndexPolicy}" (zh-CN)`, expect.stringContaining('机构代码')],
    ]);
    expect(
      found('index-number-duplicate')
        .map((f) => f.entry)
        .sort(),
    ).toEqual(planted.duplicateIndexPolicies.map((id) => `policy "${id}" (zh-CN)`).sort());
  });

  it('finds the closed consultation without its feedback summary', () => {
    expect(found('consultation-feedback-missing').map((f) => [f.entry, f.message])).toEqual([
      [`consultation "${planted.consultationWithoutFeedback}" (zh-CN)`, expect.stringContaining('意见反馈')],
    ]);
  });

  it('finds the 公开 body missing its 政府信息公开指南 page', () => {
    expect(found('open-info-page-missing').map((f) => [f.site, f.message])).toEqual([
      [planted.openInfoSite, expect.stringMatching(/政府信息公开指南（\/bm\/[^/]+\/zwgk\/guide\/）$/)],
    ]);
  });

  it('finds the 在线办理 address over http and the one to a page the cluster does not have', () => {
    expect(found('online-url-invalid').map((f) => f.entry)).toEqual([
      `serviceGuide "${planted.httpOnlineGuide}" (zh-CN)`,
    ]);
    expect(found('online-url-dead').map((f) => [f.entry, f.message])).toEqual([
      [
        `serviceGuide "${planted.deadOnlineGuide}" (zh-CN)`,
        expect.stringContaining('/zaixian/no-such-service/'),
      ],
    ]);
  });

  it('reports nothing it was not given', () => {
    const rules = new Set(result.findings.map((finding) => finding.rule));
    expect([...rules].sort()).toEqual(
      [
        'column-empty',
        'column-stale',
        'consultation-feedback-missing',
        'dead-link',
        'empty-columns',
        'footer-fact-missing',
        'future-date',
        'guide-element-missing',
        'homepage-stale',
        'index-number-duplicate',
        'index-number-foreign',
        'interpretation-one-way',
        'leader-name',
        'letter-unanswered',
        'online-url-dead',
        'online-url-invalid',
        'open-info-page-missing',
        'secrecy-marking',
        'stale-columns',
      ].sort(),
    );
    expect(result.passed).toBe(false);
  });

  it('exits 1 from the command line and writes the report a web office reads', () => {
    const report = path.join(path.dirname(planted.dist), 'report.html');
    const json = path.join(path.dirname(planted.dist), 'check.json');
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        cli,
        '--dist',
        planted.dist,
        '--snapshot',
        planted.snapshot,
        '--today',
        clean.today,
        '--report',
        report,
        '--json',
        json,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`FAIL ${planted.staleSite} `));
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('不合格');
    expect(html).toContain(`href="${planted.deadLinkPage}"`);
    expect(JSON.parse(readFileSync(json, 'utf8')).findings).toHaveLength(result.findings.length);
  }, 60_000);

  it('exits 0 on the clean fixture and 2 with a clear message when the folder is not a build', () => {
    const ok = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        cli,
        '--dist',
        clean.dist,
        '--snapshot',
        clean.snapshot,
        '--today',
        clean.today,
        '--report',
        path.join(path.dirname(clean.dist), 'r.html'),
      ],
      { encoding: 'utf8' },
    );
    expect(ok.status, ok.stderr).toBe(0);
    const bad = spawnSync(
      process.execPath,
      ['--import', 'tsx', cli, '--dist', clean.snapshot, '--snapshot', clean.snapshot],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${path.join(clean.snapshot, 'sites.json')} does not exist`);
  }, 60_000);
});
