/**
 * The two query sets of `bench:search`: the judged set (`judged-queries.json`, written by a person
 * against the demo city, not taken from the index's text) and the old sampled set (Han substrings of
 * 2–4 characters cut from zh-CN pages, kept for comparison with the figures measured before).
 */
import { readFileSync } from 'node:fs';
import { mulberry32 } from '@govcluster/demo';
import type { SearchDocument } from '@govcluster/shared/search';

/** A query as a visitor types it, with the pages judged relevant to it. */
export interface BenchQuery {
  readonly query: string;
  /** The locale of the search page it is typed into. */
  readonly locale: string;
  /** URLs of every page judged relevant (for the sampled set: every zh-CN page that holds the run). */
  readonly relevant: ReadonlySet<string>;
  /**
   * The known items recall is counted over: for the judged set every relevant page, for the sampled
   * set the page the run was cut from.
   */
  readonly known: readonly string[];
}

/** The file's shape. */
interface JudgedFile {
  generator: { scale: string; seed: number; today: string };
  queries: { query: string; locale: string; judged: string; relevant: string[] }[];
}

/** Where the judged set lives. */
export const judgedQueriesFile = new URL('./judged-queries.json', import.meta.url);

/** The demo-city generation the judged set was judged against. */
export function judgedGenerator(): JudgedFile['generator'] {
  return (JSON.parse(readFileSync(judgedQueriesFile, 'utf8')) as JudgedFile).generator;
}

/**
 * The judged queries, checked against the documents being benchmarked: every relevant URL must be a
 * page of the query's locale, or the set was judged against other content and the figures would lie.
 */
export function judgedQueries(documents: readonly SearchDocument[]): BenchQuery[] {
  const file = JSON.parse(readFileSync(judgedQueriesFile, 'utf8')) as JudgedFile;
  const pages = new Set(documents.map((document) => `${document.locale} ${document.url}`));
  const problems: string[] = [];
  const queries = file.queries.map((entry, at) => {
    const where = `${judgedQueriesFile.pathname} query ${at + 1} «${entry.query}»`;
    if (!entry.query?.trim()) problems.push(`${where}: empty query`);
    if (!Array.isArray(entry.relevant) || entry.relevant.length === 0)
      problems.push(`${where}: no relevant page (a query must name what it must find)`);
    for (const url of entry.relevant ?? [])
      if (!pages.has(`${entry.locale} ${url}`)) problems.push(`${where}: no ${entry.locale} page ${url}`);
    return {
      query: entry.query,
      locale: entry.locale,
      relevant: new Set(entry.relevant),
      known: entry.relevant,
    };
  });
  if (problems.length > 0) {
    const { scale, seed, today } = file.generator;
    throw new Error(
      `the judged queries do not fit these pages (judged against --scale ${scale} --seed ${seed} --today ${today}):\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
    );
  }
  return queries;
}

/** Samples Han substrings of 2–4 characters from zh-CN page text, with the pages that contain each. */
export function sampledQueries(
  documents: readonly SearchDocument[],
  count: number,
  seed: number,
): BenchQuery[] {
  const zh = documents.filter((document) => document.locale === 'zh-CN');
  const haystacks = zh.map((document) => `${document.title}\u0001${document.text}`);
  // One string with every page, and where each page starts in it: one indexOf scan per query.
  const all = haystacks.join('\u0000');
  const starts: number[] = [];
  let offset = 0;
  for (const haystack of haystacks) {
    starts.push(offset);
    offset += haystack.length + 1;
  }
  const pageAt = (at: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const random = mulberry32(seed);
  const samples: BenchQuery[] = [];
  const seen = new Set<string>();
  for (let attempts = 0; samples.length < count; attempts += 1) {
    if (attempts > count * 100)
      throw new Error(`could not sample ${count} distinct Han runs from ${zh.length} zh-CN pages`);
    const index = Math.floor(random() * zh.length);
    const runs = haystacks[index]!.match(/\p{Script=Han}{2,}/gu) ?? [];
    if (runs.length === 0) continue;
    const run = [...runs[Math.floor(random() * runs.length)]!];
    const length = Math.min(run.length, 2 + Math.floor(random() * 3));
    const start = Math.floor(random() * (run.length - length + 1));
    const query = run.slice(start, start + length).join('');
    if (seen.has(query)) continue;
    seen.add(query);
    const relevant = new Set<string>();
    for (let found = all.indexOf(query); found >= 0; found = all.indexOf(query, found + 1))
      relevant.add(zh[pageAt(found)]!.url);
    samples.push({ query, locale: 'zh-CN', relevant, known: [zh[index]!.url] });
  }
  return samples;
}
