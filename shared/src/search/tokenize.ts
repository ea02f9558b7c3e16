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
/**
 * A run of encoded tokens in indexed text (one space between tokens, one around the run): a chain of
 * bigrams, with the unigram of its first or last character where it touches a word, or one unigram.
 */
const encodedRun = / ?((?:q[a-z]{4} )?q[a-z]{8}(?: q[a-z]{8})*(?: q[a-z]{4})?|q[a-z]{4}) ?/g;
/** A letter or digit of another script than Han: what makes a word that touches a Han run. */
const wordChar = /[\p{L}\p{N}]/u;
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
 * The tokens of a Han run in its text: its bigrams, and where the run touches a number or a Latin word
 * (`第24次`), the character on that side as a unigram too. So the run `市政府第` of `市政府第24次` also
 * holds `第` right before `24`, and a query `第24次` (unigram, word, unigram) is a phrase of adjacent
 * tokens in the page, as a query `政府第24次` is.
 * @example hanRunTokens('市政府第', '', '24') // ['市政', '政府', '府第', '第']
 */
export function hanRunTokens(run: string, before: string, after: string): string[] {
  const chars = [...run];
  const bigrams = hanBigrams(run);
  if (chars.length < 2) return bigrams;
  return [
    ...(wordChar.test(before.slice(-1)) ? [chars[0]!] : []),
    ...bigrams,
    ...(wordChar.test([...after][0] ?? '') ? [chars.at(-1)!] : []),
  ];
}

/**
 * Text as an engine should index it: each Han run replaced by its tokens (`hanRunTokens()`, separated
 * from the surrounding text by one space), everything else unchanged, so the engine's own word splitting
 * and stemming still apply to Latin and Cyrillic words and numbers stay whole words.
 * `decodeIndexedText()` reverses it.
 * @example encodeForIndex('临江市GDP') // 'qbdqabpbb qbpbbbjpq qbpbb GDP'
 */
export function encodeForIndex(text: string): string {
  return text
    .replace(
      hanRun,
      (run, at: number, whole: string) =>
        ` ${hanRunTokens(run, whole.slice(0, at), whole.slice(at + run.length))
          .map(encodeHan)
          .join(' ')} `,
    )
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
    // The unigram of a chain's first or last character (where the run touches a word) is that character again.
    const unigram = (at: number) => tokens[at]!.length === 5;
    if (chars.length > 1 && unigram(0) && !unigram(1) && chars[1]!.startsWith(chars[0]!)) chars.shift();
    const last = tokens.length - 1;
    if (chars.length > 1 && unigram(last) && !unigram(last - 1) && chars.at(-2)!.endsWith(chars.at(-1)!))
      chars.pop();
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
  /**
   * The engine tokens: those of a Han run as the page is indexed (`hanRunTokens()`, with its edge
   * characters where it touches a word of the same chunk), or the word itself.
   */
  readonly tokens: readonly string[];
  /**
   * Which chunk of the query (text between spaces and punctuation) the part belongs to: `第24次` is one
   * chunk of three parts, which a page must hold as written.
   */
  readonly chunk?: number;
}

/**
 * A query split into Han runs and words. Punctuation and quotes separate chunks and are dropped; within a
 * chunk, Han runs and words (numbers, Latin) are parts of their own.
 * @example parseQuery('临江市 GDP').map((part) => part.text) // ['临江市', 'gdp']
 */
export function parseQuery(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  let chunk = 0;
  for (const text of query.normalize('NFKC').split(/[\s\p{P}\p{S}]+/u)) {
    if (!text) continue;
    let at = 0;
    const word = (end: number) => {
      const lower = text.slice(at, end).toLowerCase();
      if (lower) parts.push({ kind: 'word', text: lower, tokens: [lower], chunk });
    };
    for (const match of text.matchAll(hanRun)) {
      word(match.index);
      const end = match.index + match[0].length;
      const tokens = hanRunTokens(match[0], text.slice(0, match.index), text.slice(end)).map(encodeHan);
      parts.push({ kind: 'han', text: match[0], tokens, chunk });
      at = end;
    }
    word(text.length);
    chunk += 1;
  }
  return parts;
}

/**
 * The chunks of a parsed query as typed (lowercased): what a page holding "the query as written" holds.
 * @example queryChunks(parseQuery('第24次 常务会议')) // ['第24次', '常务会议']
 */
export function queryChunks(parts: readonly QueryPart[]): string[] {
  const chunks: string[] = [];
  for (const [index, part] of parts.entries()) {
    const chunk = part.chunk ?? -1 - index;
    const previous = parts[index - 1];
    if (index > 0 && previous && (previous.chunk ?? -index) === chunk) chunks[chunks.length - 1] += part.text;
    else chunks.push(part.text);
  }
  return chunks;
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

/**
 * Pagefind's exact search for a query that is one chunk holding Han text or a number (`常务会议`,
 * `第24次常务会议`, `24`): its tokens as one quoted phrase, so they must be adjacent in the page and
 * every word matches whole (`24` is not `240`; ranked search matches words by prefix); two Han
 * characters are their one bigram, quoted. `undefined` for anything else: several chunks (Pagefind
 * honours one phrase per query), a single Han character, or Latin words (whose stems the ranked search
 * matches).
 * @example phraseQuery(parseQuery('第24次')) // '"qbuqu 24 qboov"'
 */
export function phraseQuery(parts: readonly QueryPart[]): string | undefined {
  if (parts.length === 0 || parts.some((part) => part.chunk !== parts[0]!.chunk)) return undefined;
  const tokens = parts.flatMap((part) => part.tokens);
  const han = parts.some((part) => part.kind === 'han');
  const number = parts.length === 1 && /^\p{N}+$/u.test(parts[0]!.text);
  // Two Han characters are one bigram: quoted, Pagefind matches it as a whole word, where its ranked
  // search also took a page holding only the first character as a unigram (位 in 16位格式 for 位格).
  const bigram = parts.length === 1 && parts[0]!.kind === 'han' && [...parts[0]!.text].length === 2;
  if (!(han && (tokens.length > 1 || bigram)) && !number) return undefined;
  return `"${tokens.join(' ')}"`;
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

/**
 * The tokens a one-chunk phrase of more than three tokens is searched by (`第24次常务会议`, a long Han
 * run): its first and last token and every word (number, Latin) between, at most four, each at its offset
 * in the phrase; `spansRun()` then checks the page holds them as far apart as in the phrase. A quoted
 * phrase would load an index chunk (about 20 KB) for every token. `undefined` for what `phraseQuery()`
 * leaves unquoted, and for phrases of three tokens or fewer (quoted as they are).
 * @example phraseProbes(parseQuery('第24次常务会议')).map((probe) => probe.offset) // [0, 1, 6]
 */
export function phraseProbes(
  parts: readonly QueryPart[],
): { readonly token: string; readonly offset: number }[] | undefined {
  if (phraseQuery(parts) === undefined) return undefined;
  const tokens = parts.flatMap((part) => part.tokens.map((token) => ({ token, word: part.kind === 'word' })));
  if (tokens.length <= 3) return undefined;
  const last = tokens.length - 1;
  const words = tokens.flatMap(({ word }, offset) => (word && offset > 0 && offset < last ? [offset] : []));
  const offsets = [0, ...words.slice(0, 2), last];
  return offsets.map((offset) => ({ token: tokens[offset]!.token, offset }));
}

/** Whether the query is one Han run longer than `longRunChars` (searched by its probe bigrams). */
export function isLongHanRun(parts: readonly QueryPart[]): boolean {
  return parts.length === 1 && parts[0]!.kind === 'han' && [...parts[0]!.text].length > longRunChars;
}

/**
 * The regular expression source that finds a piece of a query in text: as written, and a number at its
 * edge not as part of a longer number (`24` is not in `240` or `2024`).
 * @example new RegExp(needlePattern('24'), 'u').test('2024') // false
 */
export function needlePattern(needle: string): string {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `${/^\p{N}/u.test(needle) ? '(?<!\\p{N})' : ''}${escaped}${/\p{N}$/u.test(needle) ? '(?!\\p{N})' : ''}`;
}

/**
 * Whether a text contains the query as written: each chunk (`第24次常务会议`, `GDP`) as a substring,
 * words case-insensitively (the engine stems words, so this is only a plausibility check), numbers
 * whole (`needlePattern()`).
 */
export function containsQuery(text: string, parts: readonly QueryPart[]): boolean {
  const lower = text.normalize('NFKC').toLowerCase();
  return queryChunks(parts).every((chunk) => new RegExp(needlePattern(chunk), 'u').test(lower));
}
