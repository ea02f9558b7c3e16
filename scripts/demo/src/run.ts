/** The state of one generator run and the small helpers every per-type generator shares. */
import type { Attachment, Locale, MediaRef, Site } from '@govcluster/shared/schemas';
import type { ContentRecord, SnapshotWriter } from '@govcluster/shared/snapshot';
import { type AttachmentFile, attachmentKind } from './attachments.ts';
import { type Org, zhOrdinal } from './context.ts';
import { dateTime, officeMinute, spreadDays } from './dates.ts';
import type { Rng } from './prng.ts';
import type { Range, ScaleConfig } from './scales.ts';
import type { CityPlan } from './sites.ts';

/** A column whose newest item was made deliberately old, for freshness checks to find. */
export interface StaleColumn {
  /** Site id. */
  site: string;
  /** Column slug. */
  column: string;
  /** Day of its newest item. */
  newest: string;
}

export const hours = '周一至周五上午9:00—12:00，下午13:30—17:30（法定节假日除外）';

/** The state of one run, shared by the per-site generators. */
export interface Run {
  seed: number;
  today: number;
  scale: ScaleConfig;
  plan: CityPlan;
  writer: SnapshotWriter;
  counts: Record<string, Partial<Record<Locale, number>>>;
  entries: Record<string, number>;
  landscapes: Map<string, string[]>;
  /** Portrait ids by pool: gender and age band (portraits.ts). */
  portraits: Map<string, string[]>;
  attachments: AttachmentFile[];
  stale: StaleColumn[];
  staleNews: Set<string>;
  staleNotices: Set<string>;
  /** Sites that keep one letter unanswered past the legal limit, on purpose. */
  overdueLetterSites: Set<string>;
  /** The letters left unanswered on purpose (ids). */
  overdueLetters: string[];
  /** Titles taken, by `<where>|<title>` (see {@link distinct}). */
  titles: Set<string>;
  /** Kinds of investment project not yet offered in this round, and the round (investment.ts). */
  projectDeck: number[];
  projectRound: number;
  progress: (site?: string) => void;
  site?: string;
  sitesDone: number;
}

export function count(run: Run, type: string, locale: Locale): void {
  const byLocale = run.counts[type] ?? {};
  byLocale[locale] = (byLocale[locale] ?? 0) + 1;
  run.counts[type] = byLocale;
  if (locale === 'zh-CN') run.entries[type] = (run.entries[type] ?? 0) + 1;
}

export async function emit(run: Run, record: ContentRecord): Promise<void> {
  await run.writer.write(record);
  count(run, record.type, record.locale);
  if (run.writer.count % 1000 === 0) run.progress(run.site);
}

/**
 * A text whose title is new where it appears (`where`: site, column and year, or the city for
 * investment projects): drawn with `rng` first, then with forks of it until the title is new. A
 * column rarely needs more than one more draw; after `tries` the last draw is kept and the
 * plausibility check (plausibility.ts) names it.
 */
export function distinct<T extends { title: string }>(
  run: Run,
  where: string,
  rng: Rng,
  make: (rng: Rng) => T,
  tries = 24,
): T {
  let text = make(rng);
  for (let attempt = 1; attempt < tries && run.titles.has(`${where}|${text.title}`); attempt += 1)
    text = make(rng.fork(`again/${attempt}`));
  // The texts ran out (a large city's busy column): the next of a series, as offices number them.
  for (let part = 2; run.titles.has(`${where}|${text.title}`); part += 1)
    text = {
      ...text,
      title: `${text.title.replace(/（[二三四五六七八九十\d]+）$/, '')}（${zhOrdinal(part - 1)}）`,
    };
  run.titles.add(`${where}|${text.title}`);
  return text;
}

export function draw(rng: Rng, range: Range): number {
  return rng.int(range[0], range[1]);
}

export function pad(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}

/**
 * A publication time on `day`: office hours mostly, one in twenty-five before 08:00 China time (a
 * morning release, a notice put up overnight), when the UTC day is still the day before: a page that
 * cut its date from the UTC string would show the wrong day.
 */
export function at(rng: Rng, day: number): string {
  return dateTime(day, rng.chance(0.04) ? earlyMinute(rng) : officeMinute(rng));
}

/** A minute between 00:30 and 07:50 China time (the UTC day before). */
export function earlyMinute(rng: Rng): number {
  return rng.int(30, 7 * 60 + 50);
}

/** An update a little after publication, never after today. */
export function laterUpdate(rng: Rng, run: Run, day: number, published: string): string {
  if (!rng.chance(0.15)) return published;
  const later = Math.min(run.today, day + rng.int(1, 20));
  return later === day ? published : at(rng, later);
}

export function pictures(run: Run, rng: Rng, scenes: readonly string[], howMany: number): MediaRef[] {
  const pool = scenes.flatMap((scene) => run.landscapes.get(scene) ?? []);
  return rng.sample(pool, howMany).map((id) => ({ id }));
}

export const allScenes = ['river', 'mountains', 'fields', 'skyline', 'tea', 'lake', 'bridge', 'park'];

/** An attachment named `name`: the pool's PDF of the kind the name asks for (`…报名表.pdf`). */
export function attachment(run: Run, rng: Rng, name: string): Attachment {
  const kind = attachmentKind(name);
  const matching = run.attachments.filter((item) => item.kind === kind);
  const file = rng.pick(matching.length > 0 ? matching : run.attachments);
  return { name, file: file.file, mime: 'application/pdf', size: file.size };
}

/** Days of a column's items, oldest first. */
export function columnDays(
  run: Run,
  rng: Rng,
  countOf: number,
  freshWithin: number,
  offsetDays: number,
): number[] {
  return spreadDays(rng, {
    today: run.today,
    count: countOf,
    spanDays: run.scale.spanDays,
    freshWithin,
    offsetDays,
  }).reverse();
}

export function staleOffset(run: Run, rng: Rng, org: Org, column: 'news' | 'notices'): number {
  const stale = column === 'news' ? run.staleNews.has(org.siteId) : run.staleNotices.has(org.siteId);
  if (!stale) return 0;
  return column === 'news' ? rng.int(75, 240) : rng.int(200, 320);
}

export function localesOf(site: Site): Locale[] {
  return site.locales;
}
