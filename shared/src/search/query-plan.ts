/**
 * How a query is put to the engine: the locales it is searched in, the terms of a ranked search and the
 * engine's filters. Pure and browser-safe.
 * @module
 */
import type { Locale } from '../schemas/locale.ts';
import type { SearchFilters } from './engine-types.ts';
import { engineQuery, type QueryPart } from './tokenize.ts';

/**
 * The locales a query is searched in: Han text only in zh-CN (the only locale written in Han),
 * Cyrillic in ru first, anything else in every locale (Latin names and numbers occur in Chinese pages too).
 */
export function localesForQuery(parts: readonly QueryPart[], available: readonly Locale[]): Locale[] {
  const text = parts.map((part) => part.text).join(' ');
  const wanted: Locale[] = parts.some((part) => part.kind === 'han')
    ? ['zh-CN']
    : /\p{Script=Cyrillic}/u.test(text)
      ? ['ru']
      : ['en', 'zh-CN', 'ru'];
  return wanted.filter((locale) => available.includes(locale));
}

/**
 * The terms of a ranked (unquoted) search: every token of a short query; of a longer one (several
 * chunks, more than six tokens) the first and last token of each part, so that
 * `一图读懂｜《临江市异地就医结算实施方案》` loads six index chunks a shard instead of eighteen. Pages
 * that hold the parts as typed still rank first: the engine checks the text it shows.
 */
export function rankedTerms(parts: readonly QueryPart[]): string {
  const tokens = parts.flatMap((part) => part.tokens);
  if (tokens.length <= 6) return engineQuery(parts);
  return [...new Set(parts.flatMap((part) => [part.tokens[0], part.tokens.at(-1)]))]
    .filter((token): token is string => token !== undefined)
    .join(' ');
}

/** Pagefind filters for our filters (unset keys left out). */
export function pagefindFilters(filters: SearchFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''),
  );
}

/**
 * The ranked search's terms word by word, for a query of several chunks (`养老保险 失业登记`): per chunk,
 * the tokens `rankedTerms()` takes of it, so that searching them loads no index chunk the whole query did
 * not. `undefined` for a query of one chunk. A long page may hold the words in different parts, which
 * Pagefind searches apart (docs/adr/0040-words-in-different-parts.md).
 * @example wordTerms(parseQuery('临江 市场'))?.length // 2
 */
export function wordTerms(parts: readonly QueryPart[]): string[] | undefined {
  const chunks = new Map<number, QueryPart[]>();
  for (const [index, part] of parts.entries()) {
    const chunk = part.chunk ?? -1 - index;
    chunks.set(chunk, [...(chunks.get(chunk) ?? []), part]);
  }
  if (chunks.size < 2) return undefined;
  const ranked = new Set(rankedTerms(parts).split(' '));
  const terms = [...chunks.values()].map((chunk) =>
    [...new Set(chunk.flatMap((part) => part.tokens))].filter((token) => ranked.has(token)).join(' '),
  );
  return terms.every((term) => term !== '') ? terms : undefined;
}
