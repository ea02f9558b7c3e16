import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemoCity } from '@govcluster/demo';
import { describe, expect, it } from 'vitest';
import { checkFreshness } from './check-freshness.ts';
import { checkLetters } from './check-letters.ts';
import { checkContext, endOfDay } from './context.ts';
import { readClusterData } from './data.ts';

describe('the inspection checker on the demo city', () => {
  it('finds exactly the columns made stale and the letter left unanswered on purpose', async () => {
    const today = '2026-12-06';
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'govcluster-check-demo-')), 'snapshot');
    const generated = await generateDemoCity({ seed: 1, scale: 'demo', today, outDir });
    expect(generated.stale.length).toBeGreaterThanOrEqual(2);
    const data = await readClusterData(outDir);
    const context = checkContext(data, { now: endOfDay(today) });
    const findings = checkFreshness(context);
    const stale = findings
      .filter((finding) => finding.rule === 'column-stale')
      .map((finding) => `${finding.site}/${finding.url?.split('/').at(-2)}`)
      .sort();
    expect(stale).toEqual(generated.stale.map((column) => `${column.site}/${column.column}`).sort());
    expect(findings.filter((finding) => finding.rule === 'column-empty')).toEqual([]);
    // A single-veto item on the one site where the generator plants it, and on no other.
    expect(generated.overdueLetters).toHaveLength(1);
    expect(checkLetters(context).map((finding) => finding.entry)).toEqual(
      generated.overdueLetters.map((id) => `letter "${id}" (zh-CN)`),
    );
    // From a CMS the unanswered letters are not published: the mailbox's statistics still tell.
    const published = { ...data, records: data.records.filter((r) => r.type !== 'letter' || r.raw.reply) };
    const fromStatistics = checkLetters(checkContext(published, { now: endOfDay(today) }));
    expect(fromStatistics.map((finding) => [finding.site, finding.severity, finding.message])).toEqual(
      generated.overdueLetters.map((id) => [
        id.replace(/-letter-\d+$/, ''),
        'veto',
        expect.stringContaining('1 件来信超过 3 个月仍未答复'),
      ]),
    );
  }, 120_000);
});
