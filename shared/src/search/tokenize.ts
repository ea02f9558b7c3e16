/**
 * Tokenization shared by the indexer (Node), the browser and Meilisearch: Han text becomes overlapping
 * bigrams, other scripts stay words of their locale (the engine stems them).
 *
 * A bigram is written as an ASCII token (`q` + two 4-letter base-26 code points, e.g. `临江` →
 * `qbdqabpbb`) so that no engine re-segments it: Pagefind runs a Chinese word segmenter over `zh`
 * text at index time and `Intl.Segmenter` over the query in the browser, both of which would split
 * a bigram like `江市` into two characters (Pagefind issues #659, #889, #987).
 * @module
 */

/** One Han character (CJK ideographs of every block, and 〇). */
const hanChar = /\p{Script=Han}/u;
/** A maximal run of Han characters. */
const hanRun = /\p{Script=Han}+/gu;
/** An encoded bigram or unigram token. */
const hanTokenPattern = /^q[a-z]{4}(?:[a-z]{4})?$/;
/** A run of encoded tokens in indexed text (one space between tokens, one around the run). */
const encodedRun = / ?(q[a-z]{8}(?: q[a-z]{8})*|q[a-z]{4}) ?/g;
const alphabet = 'abcdefghijklmnopqrstuvwxyz';

/** Whether a character (or the first of a string) is Han. */
export function isHan(char: string): boolean {
  return hanChar.test(char.slice(0, char.codePointAt(0)! > 0xffff ? 2 : 1));
}

/** Whether the text holds at least one Han character. */
export function hasHan(text: string): boolean {
  return hanChar.test(text);
}

/** The four-letter code of one character. */
function encodeChar(char: string): string {
  let code = char.codePointAt(0) ?? 0;
  let out = '';
  for (let i = 0; i < 4; i += 1) {
    out = alphabet[code % 26] + out;
    code = Math.floor(code / 26);
  }
  return out;
}

/** The character of a four-letter code. */
function decodeChar(code: string): string {
  let value = 0;
  for (const letter of code) value = value * 26 + (letter.charCodeAt(0) - 97);
  return String.fromCodePoint(value);
}

/**
 * The token of one or two Han characters.
 * @example encodeHan('临江') // 'qbdqabpbb'
 */
export function encodeHan(chars: string): string {
  return `q${[...chars].map(encodeChar).join('')}`;
}

/**
 * The Han characters of a token, or `undefined` when it is not one.
 * @example decodeHan('qbdqabpbb') // '临江'
 */
export function decodeHan(token: string): string | undefined {
  if (!hanTokenPattern.test(token)) return undefined;
  const chars = token.length === 9 ? [token.slice(1, 5), token.slice(5)] : [token.slice(1)];
  const text = chars.map(decodeChar).join('');
  return [...text].every(isHan) ? text : undefined;
}

/**
 * The overlapping bigrams of a Han run (a run of one character is its own unigram).
 * @example hanBigrams('临江市') // ['临江', '江市']
 */
export function hanBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * Text as an engine should index it: each Han run replaced by its bigram tokens (separated from the
 * surrounding text by one space), everything else unchanged, so the engine's own word splitting and
 * stemming still apply to Latin and Cyrillic words. `decodeIndexedText()` reverses it.
 * @example encodeForIndex('临江市GDP') // 'qbdqabpbb qbpbbbjpq GDP'
 */
export function encodeForIndex(text: string): string {
  return text
    .replace(hanRun, (run) => ` ${hanBigrams(run).map(encodeHan).join(' ')} `)
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * The text an engine indexed, back to what a reader sees (spaces next to Han runs are dropped).
 * @example decodeIndexedText('qbdqabpbb qbpbbbjpq GDP') // '临江市GDP'
 */
export function decodeIndexedText(indexed: string): string {
  // Pagefind stores segmented (zh) text with a zero-width space before every word: drop them first.
  return indexed.replace(/\u200b/g, '').replace(encodedRun, (whole, run: string) => {
    const tokens = run.split(' ');
    const decoded = tokens.map(decodeHan);
    if (decoded.some((chars) => chars === undefined)) return whole;
    const chars = decoded as string[];
    // Consecutive bigrams share a character; a chain that breaks is the start of a new run.
    let out = chars[0]!;
    for (let i = 1; i < chars.length; i += 1) {
      const current = [...chars[i]!];
      const previous = [...chars[i - 1]!];
      out += previous[previous.length - 1] === current[0] ? current.slice(1).join('') : chars[i]!;
    }
    return out;
  });
}

/** One part of a query. */
export interface QueryPart {
  /** `han` for a run of Han characters, `word` for anything else between separators. */
  readonly kind: 'han' | 'word';
  /** The text as typed (lowercased for words). */
  readonly text: string;
  /** The engine tokens: the encoded bigrams of a Han run, or the word itself. */
  readonly tokens: readonly string[];
}

/**
 * A query split into Han runs and words. Punctuation and quotes separate parts and are dropped.
 * @example parseQuery('临江市 GDP').map((part) => part.text) // ['临江市', 'gdp']
 */
export function parseQuery(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  for (const chunk of query.normalize('NFKC').split(/[\s\p{P}\p{S}]+/u)) {
    if (!chunk) continue;
    let rest = chunk;
    for (const match of chunk.matchAll(hanRun)) {
      const before = rest.slice(0, rest.indexOf(match[0]));
      if (before) parts.push({ kind: 'word', text: before.toLowerCase(), tokens: [before.toLowerCase()] });
      parts.push({ kind: 'han', text: match[0], tokens: hanBigrams(match[0]).map(encodeHan) });
      rest = rest.slice(rest.indexOf(match[0]) + match[0].length);
    }
    if (rest) parts.push({ kind: 'word', text: rest.toLowerCase(), tokens: [rest.toLowerCase()] });
  }
  return parts;
}

/**
 * The engine query for a parsed query: the tokens of every part, space separated. With `exact`, each Han
 * run of two or more characters becomes a quoted phrase (its bigrams must be adjacent, which is what
 * "the page contains this run" means); Pagefind honours one quoted phrase per query, so `exact` only
 * applies when the query is a single Han run.
 * @example engineQuery(parseQuery('临江市')) // 'qbdqabpbb qbpbbbjpq'
 */
export function engineQuery(parts: readonly QueryPart[], options: { readonly exact?: boolean } = {}): string {
  const tokens = parts.flatMap((part) => part.tokens).join(' ');
  if (options.exact && isSingleHanPhrase(parts)) return `"${tokens}"`;
  return tokens;
}

/** Whether the query is one Han run of at least two characters (the case an exact phrase search serves). */
export function isSingleHanPhrase(parts: readonly QueryPart[]): boolean {
  return parts.length === 1 && parts[0]!.kind === 'han' && parts[0]!.tokens.length > 1;
}

/** Han runs longer than this are searched by a few of their bigrams (`probeBigrams()`), not all of them. */
export const longRunChars = 4;

/**
 * The bigrams a long Han run is searched by: the first and the last, at the offsets they have in the run.
 * Pagefind loads an index chunk (about 20 KB) for every token of a query, so a 16-character title searched
 * by all its 15 bigrams would cost 300 KB in each shard; two bigrams that span the run, found at the right
 * distance in a page (`spansRun()`), pick out the pages that hold it nearly as well, and the engine verifies
 * the text of what it shows (docs/adr/0022-title-index-and-long-runs.md).
 * @example probeBigrams('灵活就业人员').map((probe) => probe.offset) // [0, 4]
 */
export function probeBigrams(run: string): { readonly token: string; readonly offset: number }[] {
  const bigrams = hanBigrams(run);
  if (bigrams.length < 2) return bigrams.map((bigram) => ({ token: encodeHan(bigram), offset: 0 }));
  const last = bigrams.length - 1;
  return [
    { token: encodeHan(bigrams[0]!), offset: 0 },
    { token: encodeHan(bigrams[last]!), offset: last },
  ];
}

/**
 * Whether the word positions Pagefind matched for a page hold every probe at its offset from one start:
 * the page has the probes' bigrams as far apart as they are in the run.
 * @example spansRun([3, 7, 12], probeBigrams('灵活就业人员')) // true (3 and 3 + 4)
 */
export function spansRun(
  positions: readonly number[],
  probes: readonly { readonly offset: number }[],
): boolean {
  const held = new Set(positions);
  return positions.some((start) => probes.every(({ offset }) => held.has(start + offset)));
}

/** Whether the query is one Han run longer than `longRunChars` (searched by its probe bigrams). */
export function isLongHanRun(parts: readonly QueryPart[]): boolean {
  return parts.length === 1 && parts[0]!.kind === 'han' && [...parts[0]!.text].length > longRunChars;
}

/**
 * Whether a text contains every part of the query: each Han run as an exact substring, each word
 * case-insensitively as a substring (the engine stems words, so this is only a plausibility check).
 */
export function containsQuery(text: string, parts: readonly QueryPart[]): boolean {
  const lower = text.toLowerCase();
  return parts.every((part) => (part.kind === 'han' ? text.includes(part.text) : lower.includes(part.text)));
}
