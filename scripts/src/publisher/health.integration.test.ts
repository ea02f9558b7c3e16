import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClusterHealth } from '@govcluster/shared/publishing';
import { describe, expect, it } from 'vitest';
import { buildCleanFixture } from '../check/check-fixture.ts';
import { createHealthChecker, healthDir, healthFiles } from './health.ts';

describe('the inspection after each release', () => {
  it('checks one release at a time, a newer release replacing the one waiting, failing sites first', async () => {
    const clean = await buildCleanFixture();
    const work = mkdtempSync(path.join(tmpdir(), 'govcluster-health-'));
    const layout = { dir: path.join(work, 'releases'), live: path.join(work, 'dist') };
    const ids = ['20261206T000000001Z-1', '20261206T000000002Z-1', '20261206T000000003Z-1'];
    mkdirSync(layout.dir);
    for (const id of ids) cpSync(clean.dist, path.join(layout.dir, id), { recursive: true });
    const lines: string[] = [];
    const health = createHealthChecker({
      layout,
      source: { kind: 'snapshot', dir: clean.snapshot },
      log: (line) => lines.push(line),
    });
    for (const id of ids) health.schedule(id);
    expect(health.status().checking?.release).toBe(ids[0]);
    expect(health.status().waiting).toBe(ids[2]);
    await health.idle();
    expect(lines.filter((line) => line.includes('inspected in')).map((line) => line.split(' ')[1])).toEqual([
      ids[0],
      ids[2],
    ]);
    expect(lines).toContain(`release ${ids[1]} not inspected: ${ids[2]} replaces it`);
    const status = health.status();
    expect(status.problem).toBeNull();
    expect(status.last?.release).toBe(ids[2]);
    const dir = healthDir(layout);
    expect(dir).toBe(path.join(work, 'health'));
    const saved = JSON.parse(readFileSync(path.join(dir, healthFiles.summary), 'utf8')) as ClusterHealth;
    expect(saved).toEqual(status.last);
    // The clean fixture: one site with a stale column and the consultation left without its summary,
    // no single-veto finding; the sites with findings come first.
    expect(saved.passed).toBe(true);
    const counts = saved.sites.map((site) => site.warnings);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(health.report()?.toString('utf8')).toContain('政府网站检查报告');
    expect(existsSync(path.join(dir, `.check-${ids[2]}`))).toBe(false);
    await health.stop();
  }, 300_000);
});
