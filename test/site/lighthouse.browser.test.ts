/**
 * Lighthouse CI (`lhci collect` + `lhci assert`, Debian's Chromium) on one page of every main
 * template of the fixture cluster: performance, accessibility, best practices and SEO ≥ 0.95, on
 * Lighthouse's default (mobile: a mid-range phone, slow 4G, 4× CPU slowdown), one run per page.
 * `GOVCLUSTER_LH_PRESET=desktop` runs the desktop preset instead.
 *
 * One run, not the worse of two: the pages are static files that load the same bytes and run the same
 * scripts every time, so what makes a page slow (a long task, a heavy image, a render-blocking file)
 * is in every run and fails the first one (eight 45 ms tasks after the first paint scored 0.78). A
 * second run differs from the first only by what the machine did meanwhile: it can find a busy
 * neighbour, not a slower page, and it doubled the test's time (about 135 s on two cores).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/src/lib/static-server.ts';
import {
  chromiumFlags,
  chromiumPath,
  type FixtureBuild,
  fixtureBuild,
  repoRoot,
  templatePages,
} from './fixture.ts';

const run = promisify(execFile);
const lhci = path.join(repoRoot, 'test', 'node_modules', '.bin', 'lhci');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The templates Lighthouse runs on (about 15 s each); axe covers every template. */
const audited = [
  'portal home',
  'department home',
  'township home',
  'column listing',
  'article',
  'policy document',
  'service guide',
  'village',
  'investor guide (en)',
  '公开目录 by year',
  '公开年报',
  'home (en)',
];

/** One run per page (see the top of the file); never the better of several, which would hide a page that is slow some of the time. */
const runsPerPage = 1;

/**
 * Lighthouse CI collectors at once (`GOVCLUSTER_LH_COLLECTORS`, default 1), each with a share of the
 * pages. One is the default: on two cores, two collectors took 93 s instead of 155 s but scored the
 * investor guide's performance 0.89 where one collector scored every page 1.0 — the traces measure the
 * neighbour. More only where cores are to spare.
 */
const collectors = Math.max(1, Number(process.env.GOVCLUSTER_LH_COLLECTORS) || 1);

/** Lighthouse CI's configuration for some pages, its reports under `dir`. */
function lighthouseConfig(urls: string[], dir: string) {
  return {
    ci: {
      collect: {
        url: urls,
        numberOfRuns: runsPerPage,
        chromePath: chromiumPath,
        settings: {
          chromeFlags: chromiumFlags.join(' '),
          onlyCategories: [...categories],
          // Lighthouse's default, mobile, is the harder case and what most visitors of a government
          // site use; the desktop preset only when asked for.
          ...(process.env.GOVCLUSTER_LH_PRESET === 'desktop' ? { preset: 'desktop' } : {}),
        },
      },
      assert: {
        assertions: Object.fromEntries(
          categories.map((c) => [
            `categories:${c}`,
            ['error', { minScore: 0.95, aggregationMethod: 'pessimistic' }],
          ]),
        ),
      },
      upload: { target: 'filesystem', outputDir: path.join(dir, 'reports') },
    },
  };
}

let server: StaticServer;
let work: string;
let fixture: FixtureBuild;

describe('Lighthouse', () => {
  beforeAll(async () => {
    fixture = await fixtureBuild();
    server = await serveStatic(fixture.dist);
    work = mkdtempSync(path.join(tmpdir(), 'gc-lhci-'));
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('scores ≥ 0.95 in every category on one page of every template', async () => {
    const pages = templatePages(fixture).filter((p) => audited.includes(p.name));
    expect(pages.length).toBe(audited.length);
    // The pages in as many groups as collectors run at once, each group a Lighthouse CI run of its own.
    const groups = Array.from({ length: collectors }, (_, group) =>
      pages.filter((_, at) => at % collectors === group),
    ).filter((group) => group.length > 0);
    const configFiles = groups.map((group, at) => {
      const dir = path.join(work, `collector-${at}`);
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'lighthouserc.json');
      writeFileSync(
        file,
        JSON.stringify(
          lighthouseConfig(
            group.map((p) => server.url + p.url),
            dir,
          ),
          null,
          2,
        ),
      );
      return file;
    });
    await Promise.all(
      configFiles.map((file) =>
        run(lhci, ['collect', `--config=${file}`], {
          cwd: path.dirname(file),
          timeout: 900_000,
          maxBuffer: 64 * 2 ** 20,
        }),
      ),
    );
    const runs: Record<string, Record<string, number[]>> = {};
    for (const resultsDir of configFiles.map((file) => path.join(path.dirname(file), '.lighthouseci'))) {
      for (const file of readdirSync(resultsDir).filter((f) => f.startsWith('lhr-') && f.endsWith('.json'))) {
        const lhr = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as {
          finalDisplayedUrl: string;
          categories: Record<string, { score: number }>;
        };
        const url = new URL(lhr.finalDisplayedUrl).pathname;
        const name = pages.find((p) => p.url === url)?.name ?? url;
        const byCategory = runs[name] ?? {};
        runs[name] = byCategory;
        for (const c of categories) byCategory[c] = [...(byCategory[c] ?? []), lhr.categories[c]?.score ?? 0];
      }
    }
    // The worst run per page and category; every page must have had all its runs.
    const scores = Object.fromEntries(
      Object.entries(runs).map(([name, byCategory]) => [
        name,
        Object.fromEntries(categories.map((c) => [c, Math.min(...(byCategory[c] ?? [0]))])),
      ]),
    );
    const shortOfRuns = Object.entries(runs)
      .filter(([, byCategory]) => (byCategory.performance ?? []).length !== runsPerPage)
      .map(([name]) => name);
    expect(shortOfRuns, 'pages without all their runs').toEqual([]);
    writeFileSync(
      path.join(repoRoot, '.data', 'lighthouse-scores.json'),
      `${JSON.stringify({ worst: scores, runs }, null, 2)}\n`,
    );
    console.log(scores);
    expect(Object.keys(scores).sort()).toEqual(pages.map((p) => p.name).sort());
    const low = Object.entries(scores).flatMap(([name, byCategory]) =>
      Object.entries(byCategory)
        .filter(([, score]) => score < 0.95)
        .map(([category, score]) => `${name}: ${category} ${score}`),
    );
    expect(low).toEqual([]);
    // And the same through Lighthouse CI's own assertions, for each group.
    for (const file of configFiles) {
      const assertRun = await run(lhci, ['assert', `--config=${file}`], { cwd: path.dirname(file) }).catch(
        (error) => error,
      );
      expect(assertRun.code ?? 0, String(assertRun.stderr ?? '')).toBe(0);
    }
  }, 1_000_000);
});
