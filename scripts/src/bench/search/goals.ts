/**
 * The figures issue 15 asks of search ("search that finds what people type"), per scale and engine,
 * each with its target: read from the set figures of the first answer (scope 全站), and over every
 * query of a run for time and downloads. A figure that could not be measured (no query, no answer) is
 * NaN and misses its target; it never passes by default.
 */
import type { Engine } from './visitor.ts';

/** One figure against its target. */
export interface Goal {
  /** What is measured. */
  figure: string;
  value: number;
  /** The target, and whether higher or lower is better. */
  target: number;
  better: 'higher' | 'lower';
  /** `value` meets `target` (false for NaN). */
  met: boolean;
  /** Why the figure does not apply at this scale (then it is neither met nor missed). */
  absent?: string;
  /** How the value is printed. */
  unit: 'ratio' | 'ms' | 'KB' | 's' | 'GB';
}

/** What the goals are read from, per engine of one scale. */
export interface GoalInputs {
  /** First-answer recall@10 of the title, long-run and rare-run sets; precision@10 of the common-run set. */
  titlesRecall: number;
  longRunsRecall: number;
  rareRunsRecall: number;
  commonPrecision: number;
  /**
   * Recall@10 of the spread-words set after older pages (two words a long page holds in different
   * parts: an unrouted query, whose first answer searches the newest shard only); `null` where no page
   * is long enough to be indexed in parts.
   */
  spreadRecall: number | null;
  /** Over every query of the run: p95 time of the next query in the page, cold first-answer bytes. */
  nextP95Ms: number;
  firstP50Bytes: number;
  firstP95Bytes: number;
  firstMaxBytes: number;
  /** Index build, when this run built it. */
  indexSeconds: number;
  indexPeakGB: number;
}

function goal(
  figure: string,
  value: number,
  target: number,
  better: Goal['better'],
  unit: Goal['unit'],
): Goal {
  const met = Number.isFinite(value) && (better === 'higher' ? value >= target : value <= target);
  return { figure, value, target, better, met, unit };
}

/** The goals of one engine at one scale. Index time and peak memory are reported, with no target. */
export function goals(inputs: GoalInputs): Goal[] {
  const spread = goal(
    'two words in two parts of a page: top 10 after older',
    inputs.spreadRecall ?? Number.NaN,
    0.95,
    'higher',
    'ratio',
  );
  return [
    goal('exact titles: page in top 10', inputs.titlesRecall, 0.98, 'higher', 'ratio'),
    goal('5–8-char body runs: page in top 10', inputs.longRunsRecall, 0.95, 'higher', 'ratio'),
    goal('rare 2–4-char runs: recall@10', inputs.rareRunsRecall, 0.99, 'higher', 'ratio'),
    goal('precision@10 (≥ 10 pages hold it)', inputs.commonPrecision, 0.95, 'higher', 'ratio'),
    inputs.spreadRecall === null ? { ...spread, absent: 'no long page' } : spread,
    goal('p95 time after the first query', inputs.nextP95Ms, 150, 'lower', 'ms'),
    goal('cold first query p50', inputs.firstP50Bytes / 1024, Number.POSITIVE_INFINITY, 'lower', 'KB'),
    goal('cold first query p95', inputs.firstP95Bytes / 1024, 300, 'lower', 'KB'),
    goal('cold first query max', inputs.firstMaxBytes / 1024, 600, 'lower', 'KB'),
    goal('index build time', inputs.indexSeconds, Number.POSITIVE_INFINITY, 'lower', 's'),
    goal('index peak memory', inputs.indexPeakGB, Number.POSITIVE_INFINITY, 'lower', 'GB'),
  ];
}

function show(value: number, unit: Goal['unit']): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'ratio') return value.toFixed(3);
  if (unit === 'GB') return `${value.toFixed(2)} GB`;
  return `${value.toFixed(0)} ${unit}`;
}

/** One column per scale and engine: each figure with ✓ or ✗ against its target. */
export function goalsTable(
  columns: readonly { scale: string; engine: Engine; goals: readonly Goal[] }[],
): string {
  if (columns.length === 0) return '(no goals measured)';
  const first = columns[0]!.goals;
  const rows: string[][] = [
    [
      'figure (first answer, 全站)',
      'target',
      ...columns.map((column) => `${column.scale}: ${column.engine}`),
    ],
  ];
  for (const [at, { figure, target, better, unit }] of first.entries()) {
    const targetText = Number.isFinite(target)
      ? `${better === 'higher' ? '≥' : '≤'} ${show(target, unit)}`
      : '';
    rows.push([
      figure,
      targetText,
      ...columns.map((column) => {
        const measured = column.goals[at]!;
        if (measured.absent) return `– (${measured.absent})`;
        const mark = Number.isFinite(target) ? (measured.met ? ' ✓' : ' ✗') : '';
        return `${show(measured.value, unit)}${mark}`;
      }),
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((line) => line[column]!.length)));
  return rows.map((line) => line.map((text, column) => text.padEnd(widths[column]!)).join('  ')).join('\n');
}
