import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemoCity } from '@govcluster/demo';
import { describe, expect, it } from 'vitest';
import { checkFreshness } from './check-freshness.ts';
import { checkContext, endOfDay } from './context.ts';
import { readClusterData } from './data.ts';

describe('the inspection checker on the demo city', () => {
  it('finds exactly the columns the generator made stale on purpose', async () => {
    const today = '2026-12-06';
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'govcluster-check-demo-')), 'snapshot');
    const generated = await generateDemoCity({ seed: 1, scale: 'demo', today, outDir });
    expect(generated.stale.length).toBeGreaterThanOrEqual(2);
    const data = await readClusterData(outDir);
    const findings = checkFreshness(checkContext(data, { now: endOfDay(today) }));
    const stale = findings
      .filter((finding) => finding.rule === 'column-stale')
      .map((finding) => `${finding.site}/${finding.url?.split('/').at(-2)}`)
      .sort();
    expect(stale).toEqual(generated.stale.map((column) => `${column.site}/${column.column}`).sort());
    expect(findings.filter((finding) => finding.rule === 'column-empty')).toEqual([]);
  }, 120_000);
});
