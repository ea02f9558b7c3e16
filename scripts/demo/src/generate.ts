/**
 * The demo-city generator: writes a complete, valid snapshot of the fictional city 临江市 for a seed,
 * a scale and a day. Records are generated and written one by one (nothing but per-column dates is
 * held in memory), the folder is assembled in a staging directory, validated with `validateSnapshot`,
 * and only then moved into place: a failed run leaves the previous snapshot or none.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Locale } from '@govcluster/shared/schemas';
import {
  SnapshotError,
  type SnapshotProblem,
  SnapshotWriter,
  snapshotFileName,
  snapshotFormat,
  validateSnapshot,
} from '@govcluster/shared/snapshot';
import { planAttachments } from './attachments.ts';
import { investmentBureauId } from './catalog.ts';
import { dayOf } from './dates.ts';
import { consultations, interviews } from './interaction.ts';
import { projects } from './investment.ts';
import { investorNews } from './investor-news.ts';
import { letters } from './letters.ts';
import { planMedia, writeMediaFiles } from './media.ts';
import { news, notices } from './news.ts';
import { pages } from './pages.ts';
import { leaders } from './people.ts';
import { policies } from './policies.ts';
import { createRng } from './prng.ts';
import { count, type Run, type StaleColumn } from './run.ts';
import { type DemoScale, scaleConfigs } from './scales.ts';
import { services } from './services.ts';
import { planCity } from './sites.ts';
import { villages } from './villages.ts';

export type { StaleColumn };

/** Options of {@link generateDemoCity}. */
export interface GenerateDemoOptions {
  /** Seed of the PRNG: the same seed and `today` give byte-identical files. */
  seed: number;
  /** `fixture`, `demo` or `large`. */
  scale: DemoScale;
  /** The day the city is generated for, `YYYY-MM-DD` (Asia/Shanghai); every date lies on or before it. */
  today: string;
  /** The snapshot folder to write (`snapshot.jsonl` + `media/`). */
  outDir: string;
  /** Called as the run goes on; an exception thrown here aborts the run (and leaves no snapshot). */
  onProgress?: (progress: GenerateProgress) => void;
}

/** What {@link GenerateDemoOptions.onProgress} is told. */
export interface GenerateProgress {
  /** Step of the run. */
  phase: 'media' | 'sites' | 'content' | 'validate' | 'commit';
  /** Records written so far. */
  records: number;
  /** The site being generated (content phase). */
  site?: string;
  /** Sites done so far and in all (content phase). */
  sitesDone: number;
  /** Sites in all. */
  sitesTotal: number;
}

/** What a run produced. */
export interface GenerateDemoResult {
  /** The snapshot folder. */
  outDir: string;
  /** Lines of `snapshot.jsonl`. */
  records: number;
  /** Records per type and locale (`site` and `media` under `zh-CN`). */
  counts: Record<string, Partial<Record<Locale, number>>>;
  /** Entries (distinct ids) per content type. */
  entries: Record<string, number>;
  /** Size of `snapshot.jsonl` in bytes. */
  snapshotBytes: number;
  /** Size of the media folder in bytes. */
  mediaBytes: number;
  /** Number of media files. */
  mediaFiles: number;
  /** Columns made stale on purpose. */
  stale: StaleColumn[];
  /** Letters left unanswered past the legal limit on purpose (ids). */
  overdueLetters: string[];
}

/** A generation refused because its result does not validate. */
export class DemoGenerationError extends Error {
  /** The problems `validateSnapshot` reported. */
  readonly problems: readonly SnapshotProblem[];
  /** Creates the error from the problems found. */
  constructor(problems: readonly SnapshotProblem[], total: number) {
    super(
      `the generated snapshot is invalid (${total} problem${total === 1 ? '' : 's'}):\n${problems
        .slice(0, 20)
        .map((p) => `  ${p.file} ${p.entry} [${p.rule}] ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'DemoGenerationError';
    this.problems = problems;
  }
}

async function generateContent(run: Run): Promise<void> {
  const { plan, scale } = run;
  const total = plan.sites.length;
  for (const site of plan.sites) {
    const org = plan.orgs.get(site.id);
    if (!org) throw new Error(`no publishing body for site ${site.id}`);
    run.site = site.id;
    run.progress(site.id);
    await leaders(run, site, org);
    await pages(run, site, org);
    if (org.kind === 'portal') {
      await news(run, site, org, scale.portal.news);
      await notices(run, site, org, scale.portal.notices);
      await policies(run, site, org, scale.portal.policies);
      await services(run, site, org, scale.portal.services);
      await letters(run, site, org, scale.portal.letters);
      await interviews(run, site);
      await consultations(run, site);
      await projects(run, site, scale.projects.portal);
    } else if (org.kind === 'department') {
      await news(run, site, org, scale.department.news);
      await notices(run, site, org, scale.department.notices);
      await policies(run, site, org, scale.department.policies);
      await services(run, site, org, scale.department.services);
      await letters(run, site, org, scale.department.letters);
      if (site.id === investmentBureauId) {
        await projects(run, site, scale.projects.bureau);
        await investorNews(run, site, Math.max(2, Math.round(scale.projects.bureau * 0.8)));
      }
    } else {
      const town = plan.townships.find((t) => t.id === site.id);
      await news(run, site, org, scale.township.news);
      await notices(run, site, org, scale.township.notices);
      await services(run, site, org, scale.township.services);
      await letters(run, site, org, scale.township.letters);
      if (town) await villages(run, site, town);
    }
    run.sitesDone += 1;
  }
  run.site = undefined;
  run.progress();
  if (run.sitesDone !== total) throw new Error('not every site was generated');
}

async function moveIntoPlace(staging: string, outDir: string): Promise<void> {
  if (!existsSync(outDir)) {
    await mkdir(dirname(outDir), { recursive: true });
    await rename(staging, outDir);
    return;
  }
  // Media first, then the snapshot file in one rename: a reader never sees the new file without its media.
  const oldMedia = join(outDir, `media.old-${process.pid}`);
  if (existsSync(join(outDir, 'media'))) await rename(join(outDir, 'media'), oldMedia);
  await rename(join(staging, 'media'), join(outDir, 'media'));
  await rename(join(staging, snapshotFileName), join(outDir, snapshotFileName));
  await rm(oldMedia, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
}

/**
 * Generates the demo city into `outDir` (`snapshot.jsonl` + `media/`): deterministic for a seed and
 * `today`, streamed record by record, validated before it replaces any previous snapshot.
 * @example await generateDemoCity({ seed: 1, scale: 'fixture', today: '2026-11-21', outDir: '.data/snapshots/fixture' });
 */
export async function generateDemoCity(options: GenerateDemoOptions): Promise<GenerateDemoResult> {
  const { seed, scale: scaleName, onProgress } = options;
  if (!Number.isInteger(seed) || seed < 0)
    throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  const scale = scaleConfigs[scaleName];
  if (!scale) throw new RangeError(`unknown scale ${JSON.stringify(scaleName)} (fixture, demo or large)`);
  const today = dayOf(options.today);
  const outDir = resolve(options.outDir);
  const staging = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'media'), { recursive: true });
  const writer = new SnapshotWriter(staging);
  const plan = planCity(seed, scale);
  const media = planMedia(seed);
  const run: Run = {
    seed,
    today,
    scale,
    plan,
    writer,
    counts: {},
    entries: {},
    landscapes: media.landscapes,
    portraits: media.portraits,
    attachments: await planAttachments(),
    stale: [],
    staleNews: new Set(),
    staleNotices: new Set(),
    overdueLetterSites: new Set(),
    overdueLetters: [],
    titles: new Set(),
    projectDeck: [],
    projectRound: 0,
    progress: () => undefined,
    sitesDone: 0,
  };
  const report = (phase: GenerateProgress['phase'], site?: string) =>
    onProgress?.({
      phase,
      records: writer.count,
      ...(site ? { site } : {}),
      sitesDone: run.sitesDone,
      sitesTotal: plan.sites.length,
    });
  run.progress = (site) => report('content', site);
  const staleRng = createRng(seed, 'stale');
  const candidates = plan.departments.filter((d) => d.id !== investmentBureauId).map((d) => d.id);
  for (const id of staleRng.sample(candidates, scale.staleNews)) run.staleNews.add(id);
  for (const id of staleRng.sample(candidates, scale.staleNotices)) run.staleNotices.add(id);
  for (const id of createRng(seed, 'overdue-letters').sample(candidates, scale.overdueLetters))
    run.overdueLetterSites.add(id);
  try {
    report('media');
    const mediaBytes = await writeMediaFiles(join(staging, 'media'), media.items, run.attachments);
    await writer.write({
      type: 'header',
      format: snapshotFormat,
      seed,
      scale: scaleName,
      today: options.today,
      locales: ['zh-CN', 'en', 'ru'],
    });
    report('sites');
    for (const site of plan.sites) {
      await writer.write({ type: 'site', ...site });
      count(run, 'site', 'zh-CN');
    }
    for (const item of media.items) {
      await writer.write({ type: 'media', ...item.record });
      count(run, 'media', 'zh-CN');
    }
    await generateContent(run);
    await writer.commit();
    report('validate');
    const validation = await validateSnapshot(staging);
    if (validation.problemCount > 0)
      throw new DemoGenerationError(validation.problems, validation.problemCount);
    const snapshotBytes = (await stat(join(staging, snapshotFileName))).size;
    const records = writer.count;
    report('commit');
    await moveIntoPlace(staging, outDir);
    return {
      outDir,
      records,
      counts: run.counts,
      entries: run.entries,
      snapshotBytes,
      mediaBytes,
      mediaFiles: media.items.length + run.attachments.length,
      stale: run.stale,
      overdueLetters: run.overdueLetters,
    };
  } catch (error) {
    await writer.abort();
    await rm(staging, { recursive: true, force: true });
    if (error instanceof SnapshotError) throw new DemoGenerationError(error.problems, error.problems.length);
    throw error;
  }
}
