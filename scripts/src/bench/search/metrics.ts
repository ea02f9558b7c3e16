/**
 * The figures of `bench:search`, from the result lists a visitor sees. Every figure is computed from the
 * top ten links of an answer, so an engine that finds nothing, or finds the wrong pages, scores low.
 */
import type { BenchQuery } from './query-sets.ts';

/** The first ten result links of an answer (fewer when the answer has fewer). */
export type TopTen = readonly string[];

/** Quantile of sorted numbers (NaN when empty). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * What makes two pages the same page to a reader, for copies an engine shows once: a key equal for
 * pages with the same title and the same text (the bench reads both from the pages themselves), or
 * `undefined` for a page it does not know.
 */
export type PageIdentity = (url: string) => string | undefined;

/**
 * Whether a known item is in the top ten: shown itself, or — with `identity` — a page with the same
 * title and the same text is shown in its place (an engine that shows copies once).
 */
export function shownAt10(url: string, top: TopTen, identity?: PageIdentity): 'shown' | 'copy' | false {
  const ten = top.slice(0, 10);
  if (ten.includes(url)) return 'shown';
  const key = identity?.(url);
  return key !== undefined && ten.some((other) => identity?.(other) === key) ? 'copy' : false;
}

/** Share of the query's known items among the top ten (a verified identical copy shown counts). */
export function recallAt10(query: BenchQuery, top: TopTen, identity?: PageIdentity): number {
  return query.known.filter((url) => shownAt10(url, top, identity)).length / query.known.length;
}

/**
 * Relevant pages among the top ten, over ten: an empty slot or a page not judged relevant counts 0, so
 * a query with three relevant pages can reach 0.3 at most, and a query with none cannot score.
 */
export function precisionAt10(query: BenchQuery, top: TopTen): number {
  return top.slice(0, 10).filter((url) => query.relevant.has(url)).length / 10;
}

/**
 * The old bench's "precision@10": relevant among the first min(10, relevant) over that number, and 1
 * when nothing is relevant. Kept only to print beside the old figures; it is not a precision.
 */
export function oldPrecisionAt10(query: BenchQuery, top: TopTen): number {
  const k = Math.min(10, query.relevant.size);
  return k === 0 ? 1 : top.slice(0, k).filter((url) => query.relevant.has(url)).length / k;
}

/** What one answer of one query gave, as the bench records it. */
export interface AnswerFigures {
  recallAt10: number;
  precisionAt10: number;
  /** The best precision@10 this query allows: min(10, relevant) / 10. */
  ceilingAt10: number;
  oldPrecisionAt10: number;
  /** Any link at all. */
  found: boolean;
}

/** The figures of one answer. */
export function answerFigures(query: BenchQuery, top: TopTen, identity?: PageIdentity): AnswerFigures {
  return {
    recallAt10: recallAt10(query, top, identity),
    precisionAt10: precisionAt10(query, top),
    ceilingAt10: Math.min(10, query.relevant.size) / 10,
    oldPrecisionAt10: oldPrecisionAt10(query, top),
    found: top.length > 0,
  };
}

/**
 * Means over the queries; `found` is the share of queries with any result. `precisionAt10Full` is the
 * mean precision@10 over the `fullQueries` queries that at least ten pages hold (where 1 is reachable);
 * NaN when there are none.
 */
export interface MeanFigures extends Omit<AnswerFigures, 'found'> {
  queries: number;
  found: number;
  precisionAt10Full: number;
  fullQueries: number;
}

/** Means of answer figures over the queries (NaN for an empty list, never a free 1). */
export function meanFigures(answers: readonly AnswerFigures[]): MeanFigures {
  const meanOf = (list: readonly AnswerFigures[], pick: (answer: AnswerFigures) => number) =>
    list.length === 0 ? Number.NaN : list.reduce((sum, answer) => sum + pick(answer), 0) / list.length;
  const mean = (pick: (answer: AnswerFigures) => number) => meanOf(answers, pick);
  const full = answers.filter((answer) => answer.ceilingAt10 === 1);
  return {
    queries: answers.length,
    recallAt10: mean((answer) => answer.recallAt10),
    precisionAt10: mean((answer) => answer.precisionAt10),
    ceilingAt10: mean((answer) => answer.ceilingAt10),
    oldPrecisionAt10: mean((answer) => answer.oldPrecisionAt10),
    found: mean((answer) => (answer.found ? 1 : 0)),
    precisionAt10Full: meanOf(full, (answer) => answer.precisionAt10),
    fullQueries: full.length,
  };
}
