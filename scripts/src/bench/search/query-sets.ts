/**
 * The query sets of `bench:search`: the judged set (`judged-queries.json`, written by a person against
 * the demo city, not taken from the index's text), and sets sampled from the zh-CN pages being
 * benchmarked, each deterministic by its seed:
 * - titles: a page's exact title (5–20 Han characters); known items: the pages with that title;
 * - long runs: 5–8 Han characters cut from a page's body, held by at most ten pages; known item: that page;
 * - rare runs: 2–4 Han characters held by fewer than 10 pages; known items: every page holding it;
 * - common runs: 2–4 Han characters held by at least 10 pages, for precision@10;
 * - the old sampled set (2–4 characters cut from any page, however many hold it), kept for comparison
 *   with the figures measured before;
 * - spread words: two words of 2–4 Han characters that a long page holds in different parts and no part
 *   of it holds together, held together by at most ten pages; known item: that page (none where no page
 *   is long enough to be indexed in parts: that set is then left out).
 * The new sets are sampled from entries' pages (not home or listing pages); the pages that hold a query
 * are counted over every zh-CN page. A sampler that finds no query throws: an empty set would score nothing.
 */
import { readFileSync } from 'node:fs';
import { mulberry32 } from '@govcluster/demo';
import { pageParts, type SearchDocument } from '@govcluster/shared/search';

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

/** Han characters in a string. */
export function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/**
 * The zh-CN pages as one string, to find which pages hold a run: one `indexOf` scan per question, which
 * stops early once enough pages were found.
 */
export class RunIndex {
  /** Every zh-CN page. */
  readonly pages: readonly SearchDocument[];
  /** The pages queries are cut from: entries' pages, not home pages or column listings. */
  readonly entries: readonly SearchDocument[];
  readonly #all: string;
  readonly #starts: number[] = [];

  constructor(documents: readonly SearchDocument[]) {
    this.pages = documents.filter((document) => document.locale === 'zh-CN');
    this.entries = this.pages.filter((document) => document.type !== 'page');
    const haystacks = this.pages.map((document) => `${document.title}\u0001${document.text}`);
    let offset = 0;
    for (const haystack of haystacks) {
      this.#starts.push(offset);
      offset += haystack.length + 1;
    }
    this.#all = haystacks.join('\u0000');
  }

  #pageAt(at: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** URLs of the pages whose title or text holds `run`; with `limit`, stops once that many were found. */
  holders(run: string, limit = Number.POSITIVE_INFINITY): Set<string> {
    const found = new Set<string>();
    for (let at = this.#all.indexOf(run); at >= 0 && found.size < limit; ) {
      const page = this.#pageAt(at);
      found.add(this.pages[page]!.url);
      // Go on after this page: one hit is enough to hold it.
      const next = this.#starts[page + 1];
      if (next === undefined) break;
      at = this.#all.indexOf(run, next);
    }
    return found;
  }
}

/** Options of a run sampler. */
interface RunSampling {
  /** Shortest and longest run, in Han characters. */
  readonly length: readonly [number, number];
  /** Cut from the body only (`text`) or from title and body (`all`). */
  readonly from: 'text' | 'all';
  /** Whether a run held by `holders` pages (counted up to `limit`) belongs in the set. */
  readonly accept?: (holders: number) => boolean;
  /** Count holders up to this many when deciding `accept` (all of them for the set). */
  readonly limit?: number;
  /** Known items: the page it was cut from, or every page holding it. */
  readonly known: 'source' | 'holders';
  /** Cut from entries' pages (the default) or from every zh-CN page, listings too (the old set). */
  readonly pool?: 'entries' | 'pages';
}

/** Samples distinct Han runs from entry pages, as `sampling` says; throws when it finds none. */
function sampleRuns(index: RunIndex, count: number, seed: number, sampling: RunSampling): BenchQuery[] {
  const pool = sampling.pool === 'pages' ? index.pages : index.entries;
  if (pool.length === 0) throw new Error('no zh-CN entry page to sample queries from');
  const random = mulberry32(seed);
  const [shortest, longest] = sampling.length;
  const runPattern = new RegExp(`\\p{Script=Han}{${shortest},}`, 'gu');
  const samples: BenchQuery[] = [];
  const seen = new Set<string>();
  const attempts = count * 200;
  for (let attempt = 0; samples.length < count && attempt < attempts; attempt += 1) {
    const source = pool[Math.floor(random() * pool.length)]!;
    const haystack = sampling.from === 'text' ? source.text : `${source.title}\u0001${source.text}`;
    const runs = haystack.match(runPattern) ?? [];
    if (runs.length === 0) continue;
    const run = [...runs[Math.floor(random() * runs.length)]!];
    const length = Math.min(run.length, shortest + Math.floor(random() * (longest - shortest + 1)));
    const start = Math.floor(random() * (run.length - length + 1));
    const query = run.slice(start, start + length).join('');
    if (seen.has(query)) continue;
    seen.add(query);
    if (sampling.accept && !sampling.accept(index.holders(query, sampling.limit).size)) continue;
    const relevant = index.holders(query);
    samples.push({
      query,
      locale: 'zh-CN',
      relevant,
      known: sampling.known === 'source' ? [source.url] : [...relevant].sort(),
    });
  }
  if (samples.length === 0)
    throw new Error(
      `no query found in ${attempts} tries over ${pool.length} zh-CN pages (${shortest}–${longest} Han characters)`,
    );
  return samples;
}

/**
 * The old sampled set: Han substrings of 2–4 characters cut from any zh-CN page's title and text
 * (listings too, as before: the same seed draws the same queries as the old bench), with every zh-CN
 * page that holds each as relevant and the page it was cut from as the known item.
 */
export function sampledQueries(index: RunIndex, count: number, seed: number): BenchQuery[] {
  return sampleRuns(index, count, seed, { length: [2, 4], from: 'all', known: 'source', pool: 'pages' });
}

/**
 * Runs of 5–8 Han characters cut from entry pages' body text; the known item is the page cut from.
 * Runs that more than ten pages hold are left out, as titles are: among hundreds of pages holding a
 * stock phrase no top ten could be expected to show the one it was cut from.
 */
export function longRunQueries(index: RunIndex, count: number, seed: number): BenchQuery[] {
  return sampleRuns(index, count, seed, {
    length: [5, 8],
    from: 'text',
    limit: 11,
    accept: (holders) => holders <= 10,
    known: 'source',
  });
}

/** Pages that may hold a rare run: fewer than this many. */
export const rareHolders = 10;

/**
 * Runs of 2–4 Han characters held by fewer than {@link rareHolders} zh-CN pages; the known items are
 * every page holding it, so recall@10 is the share of them in the top ten.
 */
export function rareRunQueries(index: RunIndex, count: number, seed: number): BenchQuery[] {
  return sampleRuns(index, count, seed, {
    length: [2, 4],
    from: 'all',
    limit: rareHolders,
    accept: (holders) => holders < rareHolders,
    known: 'holders',
  });
}

/**
 * Runs of 2–4 Han characters held by at least ten zh-CN pages: ten relevant pages exist, so precision@10
 * can reach 1. The known item is the page cut from.
 */
export function commonRunQueries(index: RunIndex, count: number, seed: number): BenchQuery[] {
  return sampleRuns(index, count, seed, {
    length: [2, 4],
    from: 'all',
    limit: 10,
    accept: (holders) => holders >= 10,
    known: 'source',
  });
}

/** Shortest and longest title sampled, in Han characters. */
export const titleHan = [5, 20] as const;

/**
 * Exact titles of zh-CN entry pages with 5–20 Han characters, typed as they are; the known items are
 * the pages with exactly that title (titles that more than ten pages share are left out: no top ten
 * could show them all). Relevant: every page holding the title's text.
 */
export function titleQueries(index: RunIndex, count: number, seed: number): BenchQuery[] {
  const byTitle = new Map<string, string[]>();
  for (const page of index.pages) {
    const title = page.title.trim();
    const urls = byTitle.get(title) ?? [];
    urls.push(page.url);
    byTitle.set(title, urls);
  }
  const eligible = [
    ...new Set(
      index.entries
        .map((page) => page.title.trim())
        .filter((title) => {
          const han = hanCount(title);
          return han >= titleHan[0] && han <= titleHan[1] && byTitle.get(title)!.length <= 10;
        }),
    ),
  ].sort();
  if (eligible.length === 0)
    throw new Error(
      `no zh-CN entry page has a title of ${titleHan[0]}–${titleHan[1]} Han characters shared by at most ten pages`,
    );
  const random = mulberry32(seed);
  // A seeded Fisher–Yates shuffle of the sorted titles: the same pages and seed, the same set.
  for (let at = eligible.length - 1; at > 0; at -= 1) {
    const other = Math.floor(random() * (at + 1));
    [eligible[at], eligible[other]] = [eligible[other]!, eligible[at]!];
  }
  return eligible.slice(0, count).map((title) => ({
    query: title,
    locale: 'zh-CN',
    relevant: index.holders(title),
    known: [...byTitle.get(title)!].sort(),
  }));
}

/** Words of 2–4 Han characters as a searcher would type them: the word segmenter's words of a text. */
function hanWords(text: string, segmenter: Intl.Segmenter): string[] {
  return [
    ...new Set(
      [...segmenter.segment(text)]
        .filter((segment) => segment.isWordLike && /^\p{Script=Han}{2,4}$/u.test(segment.segment))
        .map((segment) => segment.segment),
    ),
  ].sort();
}

/**
 * Two words of one long page (indexed in parts, `pageParts()`), typed with a space between: each taken
 * from another part, and no part of the page holding both (its title counts with its first part), so
 * that only the page as a whole holds the query. Pairs that more than ten pages hold together are left
 * out, as long runs are. The known item is the page; relevant: every page holding both words. No query
 * (and no error) when no entry page is long enough to be indexed in parts.
 */
export function spreadWordQueries(index: RunIndex, count: number, seed: number): BenchQuery[] {
  const long = index.entries
    .map((source) => ({ source, parts: pageParts(source) }))
    .filter(({ parts }) => parts.length > 1);
  if (long.length === 0) return [];
  const random = mulberry32(seed);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  const samples: BenchQuery[] = [];
  const seen = new Set<string>();
  const attempts = count * 200;
  for (let attempt = 0; samples.length < count && attempt < attempts; attempt += 1) {
    const { source, parts } = pick(long)!;
    const texts = parts.map((part, at) => (at === 0 ? `${part.title}\n${part.text}` : part.text));
    const first = Math.floor(random() * texts.length);
    const second = (first + 1 + Math.floor(random() * (texts.length - 1))) % texts.length;
    const a = pick(hanWords(texts[first]!, segmenter));
    const b = pick(hanWords(texts[second]!, segmenter));
    if (!a || !b || a.includes(b) || b.includes(a)) continue;
    if (texts.some((text) => text.includes(a) && text.includes(b))) continue;
    const query = `${a} ${b}`;
    if (seen.has(query)) continue;
    seen.add(query);
    const withB = index.holders(b);
    const relevant = new Set([...index.holders(a)].filter((url) => withB.has(url)));
    if (relevant.size > 10) continue;
    samples.push({ query, locale: 'zh-CN', relevant, known: [source.url] });
  }
  if (samples.length === 0)
    throw new Error(
      `no two words of different parts found in ${attempts} tries over ${long.length} long pages`,
    );
  return samples;
}

/** The name of the spread-words set, which its goal is read from. */
export const spreadWordsSet =
  'spread words: two 2–4-char words in different parts of a long page, ≤ 10 pages hold both';

/** A sampled set as the bench runs it. */
export interface SampledSet {
  /** Its name in the report and in `search.json`. */
  readonly name: string;
  readonly sample: (index: RunIndex, count: number, seed: number) => BenchQuery[];
  readonly seed: number;
  /** The old set, sized by `--sampled` rather than `--queries`. */
  readonly old?: boolean;
}

/** The sampled sets, in report order. */
export const sampledSets: readonly SampledSet[] = [
  { name: 'titles: exact zh-CN titles of 5–20 Han chars', sample: titleQueries, seed: 20261201 },
  {
    name: 'long runs: 5–8 Han chars cut from body text, ≤ 10 pages hold it',
    sample: longRunQueries,
    seed: 20261202,
  },
  { name: 'rare runs: 2–4 Han chars held by < 10 pages', sample: rareRunQueries, seed: 20261203 },
  { name: 'common runs: 2–4 Han chars held by ≥ 10 pages', sample: commonRunQueries, seed: 20261204 },
  {
    name: "OLD SET: sampled Han substrings of 2–4 chars (index's own text)",
    sample: sampledQueries,
    seed: 20261122,
    old: true,
  },
  { name: spreadWordsSet, sample: spreadWordQueries, seed: 20261207 },
];
