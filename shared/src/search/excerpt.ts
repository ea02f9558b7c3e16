/**
 * Result text as a visitor sees it: a passage around the first match, the matches marked, Pagefind's
 * block separators tidied. Pure and browser-safe.
 * @module
 */
import type { ExcerptPiece } from './engine-types.ts';
import { factsMarker } from './pagefind.ts';
import { decodeIndexedText, needlePattern, type QueryPart, queryChunks } from './tokenize.ts';

/** What is marked: each chunk of the query as typed, and its parts of two characters or more. */
function needlesOf(parts: readonly QueryPart[]): string[] {
  const needles = [...queryChunks(parts), ...parts.map((part) => part.text)].filter(
    (needle) => [...needle].length > 1 || parts.length === 1,
  );
  return [...new Set(needles)].sort((a, b) => b.length - a.length);
}

/**
 * Splits text into marked and unmarked pieces, marking every occurrence of the query's parts.
 * @example markPieces('临江市政府', parseQuery('江市')) // [{text:'临',mark:false},{text:'江市',mark:true},{text:'政府',mark:false}]
 */
export function markPieces(text: string, parts: readonly QueryPart[]): ExcerptPiece[] {
  const needles = needlesOf(parts);
  if (needles.length === 0) return [{ text, mark: false }];
  const pattern = new RegExp(needles.map(needlePattern).join('|'), 'giu');
  const pieces: ExcerptPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), mark: false });
    pieces.push({ text: match[0], mark: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
  return pieces;
}

/** A letter or digit of a script that separates words with spaces. */
const wordChar = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u;

/** How far an excerpt's edge moves to a space so that it does not cut a word. */
const wordSlack = 20;

/**
 * A passage of about `length` characters around the first match in the text, with the matches marked.
 * Starts at the beginning when nothing matches.
 */
export function excerpt(text: string, parts: readonly QueryPart[], length = 90): ExcerptPiece[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  // Around the query as typed when the text holds it, else around the first of its parts.
  const at = (needles: readonly string[]) =>
    needles
      .map((needle) => lower.search(new RegExp(needlePattern(needle), 'u')))
      .filter((position) => position >= 0);
  const whole = at(queryChunks(parts));
  const positions = whole.length > 0 ? whole : at(needlesOf(parts));
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  let start = Math.max(0, Math.min(first - Math.floor(length / 3), flat.length - length));
  let end = Math.min(flat.length, start + length);
  // Latin and Cyrillic words are not cut in two ("…ects. Biopharmaceutical … projec…"): the passage
  // starts after a space and ends before one, when one is near and the match stays inside.
  const inWord = (at: number) => wordChar.test(flat[at - 1] ?? '') && wordChar.test(flat[at] ?? '');
  if (start > 0 && inWord(start)) {
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < first && space - start <= wordSlack) start = space + 1;
  }
  if (end < flat.length && inWord(end)) {
    const space = flat.lastIndexOf(' ', end);
    if (space > first && end - space <= wordSlack) end = space;
  }
  const passage = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
  return markPieces(passage, parts);
}

/** The body text of a fragment: without its leading title and without the facts that follow the body. */
export function bodyOf(content: string, title: string): string {
  const end = content.indexOf(factsMarker);
  // Pagefind ends the last body block with a full stop before the marker's block.
  const body = end < 0 ? content : content.slice(0, end).replace(/\.[\s\u200b]*$/, '');
  const text = joinBlocks(decodeIndexedText(body)).trim();
  return title && text.startsWith(title) ? text.slice(title.length).trim() : text;
}

/**
 * Pagefind joins the blocks of a page with a full stop; between Chinese blocks that reads as a stray
 * "." (".来源.临江市人民政府"), so there it becomes a space. Latin text and decimal numbers keep theirs.
 * @example joinBlocks('.来源.临江市人民政府.GDP增长3.5%') // ' 来源 临江市人民政府 GDP增长3.5%'
 */
export function joinBlocks(text: string): string {
  return text.replace(/^\.|(?<=\p{Script=Han})\.|\.(?=\p{Script=Han})/gu, ' ');
}
