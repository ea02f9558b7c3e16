import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSnapshot } from '@govcluster/shared/snapshot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCity } from './index.ts';
import { type CheckedRecord, implausibilities } from './plausibility.ts';

const news = (id: string, title: string, publishedAt: string, body = '正文。'): CheckedRecord => ({
  type: 'article',
  id,
  site: 'portal',
  column: 'news',
  locale: 'zh-CN',
  title,
  body,
  publishedAt,
});

const village = (body: string, title = '2026年第2季度党费收缴情况公示'): CheckedRecord => ({
  type: 'village',
  id: 'baisha-town-shiling',
  site: 'baisha-town',
  slug: 'shiling',
  locale: 'zh-CN',
  name: '石岭村',
  affairs: [{ title, date: '2026-07-03', category: 'party', body }],
});

describe('implausibilities: what makes the demo city read false', () => {
  it('finds two items of one column and year with the same title, not the same title a year apart', () => {
    const meeting = '市长王军刚主持召开市政府第24次常务会议';
    const findings = implausibilities([
      news('a', meeting, '2026-05-06T10:00:00+08:00'),
      news('b', meeting, '2026-05-20T10:00:00+08:00'),
      news('c', meeting, '2025-05-20T10:00:00+08:00'),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain('duplicate title: article b');
  });

  it('counts a year on the China calendar: 1 January 01:00 in China is the new year', () => {
    const title = '全市安全生产工作会议召开';
    expect(
      implausibilities([
        news('a', title, '2025-12-31T16:30:00Z'),
        news('b', title, '2025-12-31T10:00:00+08:00'),
      ]),
    ).toEqual([]);
  });

  it('finds an investment project offered twice, in any year', () => {
    const project = (id: string, publishedAt: string, site: string): CheckedRecord => ({
      type: 'investmentProject',
      id,
      site,
      locale: 'en',
      title: 'Tea Processing Project',
      publishedAt,
    });
    expect(
      implausibilities([
        project('p1', '2024-03-01T09:00:00+08:00', 'portal'),
        project('p2', '2026-03-01T09:00:00+08:00', 'tzcjj'),
      ]),
    ).toEqual([expect.stringContaining('duplicate title: investmentProject p2')]);
  });

  it('finds village accounts that do not add up: 实缴 over 应缴, 实到 over 应到, a part over its whole', () => {
    expect(implausibilities([village('本季度应缴党费1305元，实缴党费3430元，已全部上缴镇党委。')])).toEqual([
      expect.stringContaining('实缴党费 3430 more than 应缴 1305'),
    ]);
    expect(
      implausibilities([
        village('应到代表25人，实到31人，会议表决通过了方案。', '路灯安装项目村民代表会议决议公开'),
      ]),
    ).toEqual([expect.stringContaining('实到 31 more than 应到 25')]);
    const table =
      '| 项目 | 金额（万元） |\n| --- | --- |\n| 本月收入 | 8.0 |\n| 其中：集体经营收入 | 9.5 |\n| 本月支出 | 3.0 |\n| 其中：公益事业支出 | 1.5 |';
    expect(implausibilities([village(table, '2026年6月村级财务收支公开')])).toEqual([
      expect.stringContaining('其中：集体经营收入 9.5 more than 本月收入 8'),
    ]);
    expect(implausibilities([village('本季度应缴党费3430元，实缴党费3300元。')])).toEqual([]);
  });

  it('finds a topic written outside its years', () => {
    const findings = implausibilities([
      news('old', '全市工作会议召开', '2022-04-01T09:00:00+08:00', '会议部署疫情防控常态化工作。'),
      news('new', '全市工作会议召开', '2026-04-01T09:00:00+08:00', '会议部署疫情防控常态化工作。'),
    ]);
    expect(findings).toEqual([
      expect.stringMatching(/topic out of its years: article new \(2026\) names 疫情防控常态化/),
    ]);
  });
});

describe('the generated city reads true', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'govcluster-plausible-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  for (const scale of ['fixture', 'demo'] as const) {
    it(`at ${scale} scale: no duplicated title, no figures that disagree, no topic out of its years`, async () => {
      const dir = join(root, scale);
      await generateDemoCity({ seed: 1, scale, today: '2026-12-07', outDir: dir });
      const records: CheckedRecord[] = [];
      for await (const item of readSnapshot(dir)) records.push(item.record as unknown as CheckedRecord);
      expect(records.length).toBeGreaterThan(50);
      expect(implausibilities(records)).toEqual([]);
    }, 120_000);
  }
});
