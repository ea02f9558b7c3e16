/**
 * Search shared by the indexer, Meilisearch and the browser: Han bigram tokenization, the search
 * document (from snapshot entries or built pages), the Pagefind page format and the cluster search engine.
 * Everything here is pure and browser-safe (no Node APIs, no zod). The search document of a snapshot
 * entry is in `./entry.ts` (`@govcluster/shared/search/entry`), apart, for it needs the Markdown parser.
 * @module
 */

export * from './bundle-loader.ts';
export * from './cluster-search.ts';
export * from './document.ts';
export * from './engine-types.ts';
export * from './excerpt.ts';
export * from './html.ts';
export * from './meilisearch.ts';
export * from './page-parts.ts';
export * from './pagefind.ts';
export * from './part-join.ts';
export * from './query-plan.ts';
export * from './relax.ts';
export * from './routed-shards.ts';
export * from './routes.ts';
export * from './title-index.ts';
export * from './tokenize.ts';
