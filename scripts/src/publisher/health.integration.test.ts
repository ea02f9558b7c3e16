import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ClusterHealth, sign, signatureHeader } from '@govcluster/shared/publishing';
import { describe, expect, it } from 'vitest';
import { buildCleanFixture } from '../check/check-fixture.ts';
import { createHealthChecker, healthDir, healthFiles } from './health.ts';
import { createPublisher } from './publisher.ts';
import { healthReportPath, servePublisher } from './server.ts';

describe('the inspection after each release', () => {
  it('checks one release at a time, a newer release replacing the one waiting, and hands its report on a signed request only', async () => {
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

    // The publisher hands the report over on a signed request only (the CMS's), never to a bare GET.
    const secret = 'a-test-secret-that-is-long-enough';
    const source = { kind: 'snapshot', dir: clean.snapshot } as const;
    const publisher = createPublisher({
      source,
      layout,
      build: async () => ({ ok: false, pages: 0, skipped: [], log: 'not in this test' }),
      health,
    });
    expect(publisher.status().health?.last?.release).toBe(ids[2]);
    const server = await servePublisher(publisher, { secret, health, log: () => {} });
    try {
      const get = (signature?: string) =>
        fetch(`${server.url}${healthReportPath}`, {
          headers: signature ? { [signatureHeader]: signature } : {},
        });
      expect((await get()).status).toBe(401);
      expect((await get(sign('another-secret', `GET ${healthReportPath}`))).status).toBe(401);
      expect((await get(sign(secret, 'GET /status'))).status).toBe(401);
      const signed = await get(sign(secret, `GET ${healthReportPath}`));
      expect(signed.status).toBe(200);
      expect(await signed.text()).toContain('政府网站检查报告');
    } finally {
      await server.close();
      await health.stop();
    }
  }, 300_000);
});
