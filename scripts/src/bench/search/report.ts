/**
 * The figures of `bench:search` per scale, engine and query set, and the table they are printed as.
 */
import { coldBudgetBytes } from '@govcluster/shared/search';
import { type Goal, goals } from './goals.ts';
import {
  type AnswerFigures,
  answerFigures,
  meanFigures,
  type PageIdentity,
  quantile,
  shownAt10,
} from './metrics.ts';
import { type BenchQuery, sampledSets, spreadWordsSet } from './query-sets.ts';
import type { Answer, Engine, Visit } from './visitor.ts';

/** The figures of one engine on one query set. */
export interface SetFigures {
  queries: number;
  /** The first answer: newest shard and routed shards for ours; everything for the default. */
  first: ReturnType<typeof meanFigures> & DownloadFigures;
  /** Share of queries whose first answer offered older pages. */
  olderOffered: number;
  /** Every query's best answer: after "older pages" where offered, else the first. */
  afterOlder: ReturnType<typeof meanFigures> & DownloadFigures;
  /** Queries whose known items were not all in the top ten after older pages (at most 15). */
  misses: { query: string; holders: number; top: string[] }[];
  /**
   * Every known item of every query that the first answer's top ten did not show itself: `copy` when a
   * page with the same title and text was shown in its place (counted as found), `older` when the
   * answer after "older pages" showed it, `missed` otherwise.
   */
  firstMisses: { query: string; url: string; kind: 'copy' | 'older' | 'missed'; top: string[] }[];
  /** Time to answer the next query typed into the same page, after the first (and older) answer. */
  next: { queries: number; p50Ms: number; p95Ms: number };
}

/** Downloads and time over the queries. */
export interface DownloadFigures {
  p50Bytes: number;
  p95Bytes: number;
  maxBytes: number;
  overBudget: number;
  shardsMax: number;
  p50Ms: number;
  p95Ms: number;
  /** Of the bytes: index chunks and fragments, p50 and max over the answers. */
  chunkP50Bytes: number;
  chunkMaxBytes: number;
  fragmentP50Bytes: number;
  fragmentMaxBytes: number;
}

function downloads(answers: readonly Answer[]): DownloadFigures {
  const bytes = answers.map((answer) => answer.bytes).sort((a, b) => a - b);
  const ms = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  const chunks = answers.map((answer) => answer.chunkBytes ?? 0).sort((a, b) => a - b);
  const fragments = answers.map((answer) => answer.fragmentBytes ?? 0).sort((a, b) => a - b);
  return {
    p50Bytes: quantile(bytes, 0.5),
    p95Bytes: quantile(bytes, 0.95),
    maxBytes: bytes[bytes.length - 1] ?? Number.NaN,
    overBudget: answers.filter((answer) => answer.bytes > coldBudgetBytes).length / answers.length,
    shardsMax: Math.max(...answers.map((answer) => answer.shards)),
    p50Ms: quantile(ms, 0.5),
    p95Ms: quantile(ms, 0.95),
    chunkP50Bytes: quantile(chunks, 0.5),
    chunkMaxBytes: chunks[chunks.length - 1] ?? Number.NaN,
    fragmentP50Bytes: quantile(fragments, 0.5),
    fragmentMaxBytes: fragments[fragments.length - 1] ?? Number.NaN,
  };
}

function nextFigures(visits: readonly Visit[]): SetFigures['next'] {
  const ms = visits.flatMap((seen) => (seen.next ? [seen.next.ms] : [])).sort((a, b) => a - b);
  return { queries: ms.length, p50Ms: quantile(ms, 0.5), p95Ms: quantile(ms, 0.95) };
}

/** The figures of one engine's visits over one query set (visits in the order of the queries). */
export function setFigures(
  queries: readonly BenchQuery[],
  visits: readonly Visit[],
  identity?: PageIdentity,
): SetFigures {
  if (queries.length === 0) throw new Error('no query in the set: its figures would mean nothing');
  if (visits.length !== queries.length)
    throw new Error(`${visits.length} visits for ${queries.length} queries`);
  const first: AnswerFigures[] = [];
  const after: AnswerFigures[] = [];
  const misses: SetFigures['misses'] = [];
  const firstMisses: SetFigures['firstMisses'] = [];
  for (const [at, query] of queries.entries()) {
    const seen = visits[at]!;
    const best = seen.older ?? seen.first;
    first.push(answerFigures(query, seen.first.top, identity));
    for (const url of query.known) {
      const shown = shownAt10(url, seen.first.top, identity);
      if (shown === 'shown') continue;
      const kind = shown === 'copy' ? 'copy' : shownAt10(url, best.top, identity) ? 'older' : 'missed';
      firstMisses.push({ query: query.query, url, kind, top: seen.first.top.slice(0, 3) });
    }
    const figures = answerFigures(query, best.top, identity);
    after.push(figures);
    if (figures.recallAt10 < 1 && misses.length < 15)
      misses.push({ query: query.query, holders: query.relevant.size, top: best.top.slice(0, 3) });
  }
  return {
    queries: queries.length,
    first: { ...meanFigures(first), ...downloads(visits.map((seen) => seen.first)) },
    olderOffered: visits.filter((seen) => seen.olderOffered).length / visits.length,
    afterOlder: { ...meanFigures(after), ...downloads(visits.map((seen) => seen.older ?? seen.first)) },
    misses,
    firstMisses,
    next: nextFigures(visits),
  };
}

/** One scale's results. */
export interface ScaleResult {
  scale: string;
  pages: number;
  shards: { locale: string; shards: number }[];
  index: Partial<Record<Engine, { seconds: number; peakGB: number; indexMB: number; stopped?: string }>>;
  sets: Record<string, Partial<Record<Engine, SetFigures>>>;
  /** The figures of issue 15 against their targets, per engine. */
  goals: Partial<Record<Engine, Goal[]>>;
}

/**
 * The goals of one engine at one scale: the first answers of the title, long-run, rare-run and
 * common-run sets, and time and downloads over every visit of the run.
 */
export function engineGoals(result: ScaleResult, engine: Engine, visits: readonly Visit[]): Goal[] {
  const [titles, longRuns, rareRuns, commonRuns] = sampledSets.map((set) => result.sets[set.name]?.[engine]);
  const spread = result.sets[spreadWordsSet]?.[engine];
  const first = visits.map((seen) => seen.first.bytes).sort((a, b) => a - b);
  const next = visits.flatMap((seen) => (seen.next ? [seen.next.ms] : [])).sort((a, b) => a - b);
  const index = result.index[engine];
  return goals({
    titlesRecall: titles?.first.recallAt10 ?? Number.NaN,
    longRunsRecall: longRuns?.first.recallAt10 ?? Number.NaN,
    rareRunsRecall: rareRuns?.first.recallAt10 ?? Number.NaN,
    commonPrecision: commonRuns?.first.precisionAt10Full ?? Number.NaN,
    // Not sampled where no page is long enough to be indexed in parts.
    spreadRecall: spread ? spread.afterOlder.recallAt10 : null,
    nextP95Ms: quantile(next, 0.95),
    firstP50Bytes: quantile(first, 0.5),
    firstP95Bytes: quantile(first, 0.95),
    firstMaxBytes: first[first.length - 1] ?? Number.NaN,
    indexSeconds: index && !index.stopped ? index.seconds : Number.NaN,
    indexPeakGB: index && !index.stopped ? index.peakGB : Number.NaN,
  });
}

const kb = (value: number) => (Number.isFinite(value) ? (value / 1024).toFixed(0) : '–');
const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : '–');
const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(0)}%` : '–');

/** The table: one column per scale and engine, one block of rows per query set. */
export function table(results: readonly ScaleResult[]): string {
  const engines: Engine[] = ['ours', 'default'];
  const columns = results.flatMap((result) => engines.map((engine) => ({ result, engine })));
  const rows: string[][] = [['', ...columns.map(({ result, engine }) => `${result.scale}: ${engine}`)]];
  const row = (label: string, cell: (result: ScaleResult, engine: Engine) => string) =>
    rows.push([label, ...columns.map(({ result, engine }) => cell(result, engine))]);
  row('pages', (result) => String(result.pages));
  row('index time (s) / peak (GB) / size (MB)', (result, engine) => {
    const index = result.index[engine];
    if (!index) return '– (as built)';
    if (index.stopped) return `stopped: ${index.stopped}`;
    return `${index.seconds.toFixed(1)} / ${index.peakGB.toFixed(2)} / ${index.indexMB.toFixed(1)}`;
  });
  const setNames = [...new Set(results.flatMap((result) => Object.keys(result.sets)))];
  for (const name of setNames) {
    const get = (result: ScaleResult, engine: Engine) => result.sets[name]?.[engine];
    const cell = (pick: (figures: SetFigures) => string) => (result: ScaleResult, engine: Engine) => {
      const figures = get(result, engine);
      return figures ? pick(figures) : '–';
    };
    rows.push([`— ${name}`, ...columns.map(() => '')]);
    row(
      '  queries',
      cell((f) => String(f.queries)),
    );
    row(
      '  recall@10 of known items: first / after older',
      cell((f) => `${ratio(f.first.recallAt10)} / ${ratio(f.afterOlder.recallAt10)}`),
    );
    row(
      '  precision@10 (relevant in top 10 / 10): first / after older',
      cell((f) => `${ratio(f.first.precisionAt10)} / ${ratio(f.afterOlder.precisionAt10)}`),
    );
    row(
      '  … best reachable (mean min(10, relevant) / 10)',
      cell((f) => ratio(f.first.ceilingAt10)),
    );
    row(
      '  queries with any result: first / after older',
      cell((f) => `${percent(f.first.found)} / ${percent(f.afterOlder.found)}`),
    );
    row(
      '  first answer offers older pages',
      cell((f) => percent(f.olderOffered)),
    );
    row(
      '  cold download p50/p95/max (KB), first',
      cell((f) => [f.first.p50Bytes, f.first.p95Bytes, f.first.maxBytes].map(kb).join('/')),
    );
    row(
      '  … of which index chunks / fragments p50/max (KB), first',
      cell(
        (f) =>
          `${kb(f.first.chunkP50Bytes)}/${kb(f.first.chunkMaxBytes)} / ${kb(f.first.fragmentP50Bytes)}/${kb(f.first.fragmentMaxBytes)}`,
      ),
    );
    row(
      '  … after older (cumulative)',
      cell((f) => [f.afterOlder.p50Bytes, f.afterOlder.p95Bytes, f.afterOlder.maxBytes].map(kb).join('/')),
    );
    row(
      `  first answers over ${coldBudgetBytes / 1024} KB`,
      cell((f) => percent(f.first.overBudget)),
    );
    row(
      '  index folders loaded, max: first / after older',
      cell((f) => `${f.first.shardsMax} / ${f.afterOlder.shardsMax}`),
    );
    row(
      '  time to answer p50/p95 (ms): first (page open) / older',
      cell(
        (f) =>
          `${f.first.p50Ms.toFixed(0)}/${f.first.p95Ms.toFixed(0)} / ${f.afterOlder.p50Ms.toFixed(0)}/${f.afterOlder.p95Ms.toFixed(0)}`,
      ),
    );
    row(
      '  precision@10 over queries ≥ 10 pages hold (n): first',
      cell((f) => `${ratio(f.first.precisionAt10Full)} (${f.first.fullQueries})`),
    );
    row(
      '  time to answer the next query in the page p50/p95 (ms)',
      cell((f) => `${f.next.p50Ms.toFixed(0)}/${f.next.p95Ms.toFixed(0)} (${f.next.queries})`),
    );
    row(
      '  OLD definition "precision@10" (÷ min(10, rel), none = 1), first',
      cell((f) => ratio(f.first.oldPrecisionAt10)),
    );
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((line) => line[column]!.length)));
  return rows.map((line) => line.map((text, column) => text.padEnd(widths[column]!)).join('  ')).join('\n');
}
