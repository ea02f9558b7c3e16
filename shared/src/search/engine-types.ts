/**
 * The shapes the cluster search works with: the part of Pagefind's API it uses, a locale's bundle as
 * the search sees it, and the results it hands out. Types only.
 * @module
 */
import type { Locale } from '../schemas/locale.ts';
import type { SearchFilterKey } from './pagefind.ts';
import type { TitleRecord } from './title-index.ts';
import type { QueryPart } from './tokenize.ts';

/** The part of Pagefind's result object the engine uses. */
export interface PagefindResultLike {
  /** Fragment hash, unique per page within a bundle. */
  readonly id: string;
  /** Ranking score. */
  readonly score: number;
  /** Word positions in the page that matched a term of the query. */
  readonly words?: readonly number[];
  /** Loads the fragment. */
  data(): Promise<{
    readonly url: string;
    readonly content: string;
    readonly meta: Readonly<Record<string, string>>;
  }>;
}

/** The part of Pagefind's JS API the engine uses (`pagefind.js` of one bundle). */
export interface PagefindLike {
  search(
    term: string,
    options?: { readonly filters?: Readonly<Record<string, string | readonly string[]>> },
  ): Promise<{ readonly results: readonly PagefindResultLike[] } | null>;
}

/** Filters of a search: each unset or one value. */
export type SearchFilters = Partial<Record<SearchFilterKey, string>>;

/** How well a result matches: 0 the title contains the query, 1 the text does, 2 all its parts occur apart. */
export type MatchTier = 0 | 1 | 2;

/** A piece of an excerpt; `mark` pieces are the matched text. */
export interface ExcerptPiece {
  /** The text. */
  readonly text: string;
  /** Whether this piece matched the query. */
  readonly mark: boolean;
}

/** One search result, ready to show. */
export interface SearchHit {
  /** The page URL. */
  readonly url: string;
  /** The title. */
  readonly title: string;
  /** The title split into marked and unmarked pieces. */
  readonly titlePieces: readonly ExcerptPiece[];
  /** Site id. */
  readonly site: string;
  /** Site kind. */
  readonly kind: string;
  /** Content type key. */
  readonly type: string;
  /** Publication date `YYYY-MM-DD`, or empty. */
  readonly date: string;
  /** Locale of the page. */
  readonly locale: string;
  /** A passage around the first match. */
  readonly excerpt: readonly ExcerptPiece[];
  /** How well it matches. */
  readonly tier: MatchTier;
}

/** A page of results. */
export interface SearchPage {
  /** The query as parsed. */
  readonly parts: readonly QueryPart[];
  /**
   * How many pages match in what was searched so far (exact matches when the query is one Han run).
   * A lower bound while `complete` is false.
   */
  readonly total: number;
  /** Whether every shard that could hold a match has been searched. */
  readonly complete: boolean;
  /** Whether what was searched holds results beyond this page. */
  readonly more: boolean;
  /** While not `complete`: the oldest publication date of the pages searched (`YYYY-MM-DD`, or empty). */
  readonly since: string;
  /** The results asked for. */
  readonly hits: readonly SearchHit[];
}

/** The older shards a routed query searches besides shard 0 (docs/adr/0011-shard-routing.md). */
export interface RoutePlan {
  /** Older shards, newest first. */
  readonly shards: readonly number[];
  /** Whether shard 0 and these (and `pages`) hold every page that contains the run. */
  readonly complete: boolean;
  /**
   * Older pages the table lists for the run, loaded by their fragments without searching their shards
   * (docs/adr/0034); newest first. Their text is checked like any result's.
   */
  readonly pages?: readonly PagefindResultLike[];
  /** With `pages` not complete: the older shards whose every page with the run is listed (for "since"). */
  readonly covered?: readonly number[];
}

/**
 * One locale's bundle as the engine sees it: shards, newest first, of which a query searches the newest
 * `count` that can hold its year. A query searches the newest such shard, plus the older shards the
 * routing table sends a rare Han run to; every shard when asked.
 */
export interface LocaleBundle {
  /** How many shards can hold pages of `year` (every shard when unset). */
  eligible(year?: string): number;
  /**
   * A bundle that searches (at least) the newest `count` shards that can hold `year`, and the older
   * shards `routed`.
   */
  searchable(count: number, year?: string, routed?: readonly number[]): Promise<PagefindLike>;
  /**
   * The oldest publication date in the newest `count` shards that can hold `year` and the `routed` ones
   * (empty if unknown).
   */
  since?(count: number, year?: string, routed?: readonly number[]): string;
  /**
   * The page of every record that is a part of a long page, by its result id (fragment id → page URL),
   * in the shards `searchable()` searches for the same arguments; `undefined` when none of them holds a
   * part (nothing is loaded then). From the shards' `page-parts.json`.
   */
  partPages?(
    count: number,
    year?: string,
    routed?: readonly number[],
  ): Promise<ReadonlyMap<string, string> | undefined>;
  /**
   * The older shards to search with shard 0 for the Han runs of a query, when the routing table lists
   * them: one run, or several that a matching page holds every one of (`otherTokens`: the query's other
   * tokens, which load index chunks too).
   */
  route?(runs: readonly string[], otherTokens?: number): Promise<RoutePlan | undefined>;
  /**
   * The pages of every shard whose title holds the query, newest first, from the title index of a
   * sharded locale; `undefined` when the locale has none or the query is too common for it to answer.
   */
  titles?(parts: readonly QueryPart[]): Promise<readonly TitleRecord[] | undefined>;
  /**
   * Loads, after an answer, what a next query may need that costs no download of its own (the search
   * instance the answer did not use), so that it does not start cold.
   */
  warm?(): Promise<void>;
}

/** Options of `createSearch()`. */
export interface SearchEngineOptions {
  /** Opens (once; later calls return the same) a locale's bundle; rejects when it has none. */
  readonly open: (locale: Locale) => Promise<LocaleBundle>;
  /** The locales that have bundles. */
  readonly locales: readonly Locale[];
}

/** A search over the Pagefind bundles of the cluster. */
export interface ClusterSearch {
  /**
   * Runs a query and returns results `offset … offset + limit` (default 0 … 10).
   * Han runs match as exact substrings first (title matches first), then pages that hold all
   * their bigrams apart; other words are searched stemmed in their locale. A long page whose parts hold
   * the words of the query between them is found too, once. A query searches the
   * newest shard that can hold its year; `older: true` searches every shard, results ranked anew
   * (ask from offset 0).
   */
  search(
    query: string,
    options?: {
      readonly filters?: SearchFilters;
      readonly offset?: number;
      readonly limit?: number;
      readonly older?: boolean;
    },
  ): Promise<SearchPage>;
}

/** One Pagefind instance: the module's own, or one made by its `createInstance()`. */
export interface PagefindInstanceLike extends PagefindLike {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  /** Loads the instance (its worker, WebAssembly and metadata) without searching. */
  init?(): Promise<void>;
}

/** The part of a bundle's `pagefind.js` module the loader uses. */
export interface PagefindModuleLike extends PagefindInstanceLike {
  /**
   * A further instance of the same module (Pagefind ≥ 1.4): its own index and merged shards, the
   * module's code and web worker shared. Created loaded (it starts its initialisation at once).
   */
  createInstance?(options?: Record<string, unknown>): PagefindInstanceLike;
}
