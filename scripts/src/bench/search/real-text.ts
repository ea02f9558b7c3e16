/**
 * Pages of real Chinese text cut from HTML documentation: each page a heading of the text's own and the
 * paragraphs under it, as Markdown the snapshot accepts (plain paragraphs, no raw HTML). Used by
 * `real-corpus.ts`; the text itself is never part of the repository.
 */
import { decodeEntities } from '@govcluster/shared/search';

/** A page cut from a document. */
export interface RealPage {
  /** The heading the text gives it (section numbers dropped). */
  readonly title: string;
  /** Paragraphs, one a line. */
  readonly paragraphs: readonly string[];
  /** Where it was cut from: the file inside the package, and the heading's anchor if any. */
  readonly origin: string;
}

/** Markup to plain text: tags dropped, entities decoded, white space collapsed. */
export function plainText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Block-level tags: each starts a new paragraph. */
const blockTag = /<\/?(?:p|div|li|dt|dd|tr|td|th|pre|table|ul|ol|dl|br|blockquote|h[1-6])\b[^>]*>/gi;

/** The paragraphs of a piece of markup (empty ones dropped). */
export function paragraphsOf(html: string): string[] {
  return html
    .replace(/<(script|style|nav|header|footer|aside)\b[\s\S]*?<\/\1>/gi, '')
    .split(blockTag)
    .map(plainText)
    .filter((line) => line !== '');
}

/** A heading without its section number (`2.4.1. 汛期安排` → `汛期安排`, `第 2 章 河道管理` kept). */
export function headingTitle(html: string): string {
  return plainText(html)
    .replace(/^(?:[0-9A-Z]+\.)+[0-9]*\s*/, '')
    .trim();
}

/**
 * Cuts a document into pages at its headings of the given levels: each heading with the text up to the
 * next such heading. Text before the first heading is dropped (navigation, tables of contents).
 */
export function pagesAtHeadings(html: string, levels: readonly number[], origin: string): RealPage[] {
  const heading = new RegExp(`<h(${levels.join('|')})\\b[^>]*>([\\s\\S]*?)</h\\1>`, 'gi');
  const marks = [...html.matchAll(heading)];
  return marks.map((mark, at) => {
    const start = mark.index + mark[0].length;
    const end = marks[at + 1]?.index ?? html.length;
    const anchor = /\bid="([^"]+)"/.exec(mark[0])?.[1];
    return {
      title: headingTitle(mark[2]!),
      paragraphs: paragraphsOf(html.slice(start, end)),
      origin: anchor ? `${origin}#${anchor}` : origin,
    };
  });
}

/** The part of a page between two markers (the whole page when a marker is missing). */
export function between(html: string, from: RegExp, to: RegExp): string {
  const start = html.search(from);
  const rest = start >= 0 ? html.slice(start) : html;
  const end = rest.search(to);
  return end >= 0 ? rest.slice(0, end) : rest;
}

/**
 * A paragraph as Markdown that renders as the same plain text: characters Markdown or the snapshot's
 * raw-HTML rule would read as syntax are escaped or replaced by their full-width forms.
 */
export function markdownParagraph(text: string): string {
  return text
    .replace(/[<>]/g, (char) => (char === '<' ? '＜' : '＞'))
    .replace(/([\\`*_[\]{}()#+!|~])/g, '\\$1')
    .replace(/^(\d+)\. /, '$1\\. ')
    .replace(/^-/, '\\-');
}

/** Roff escapes and what they stand for (fonts, spacing and hyphenation marks stand for nothing). */
const roffEscapes: [RegExp, string][] = [
  [/\\"(.*)$/g, ''],
  [/\\f(?:\[[^\]]*\]|\(..|.)/g, ''],
  [/\\s[+-]?\d/g, ''],
  [/\\\*(?:\(..|\[[^\]]*\]|.)/g, ''],
  [/\\\(em/g, '—'],
  [/\\\(en/g, '–'],
  [/\\\(co/g, '©'],
  [/\\\(..|\\\[[^\]]*\]/g, ''],
  [/\\[-]/g, '-'],
  [/\\[e\\]/g, '\\'],
  [/\\[&,/|^%:]/g, ''],
  [/\\ /g, ' '],
];

/** A line of roff text as plain text. */
export function roffText(line: string): string {
  let text = line;
  for (const [pattern, replacement] of roffEscapes) text = text.replace(pattern, replacement);
  return text.replace(/\s+/g, ' ').trim();
}

/** Joins wrapped lines: no space between Han characters, one elsewhere. */
function joinLines(lines: readonly string[]): string {
  return lines.reduce((joined, line) => {
    if (joined === '') return line;
    const han = /\p{Script=Han}|[，。；：、）》」]/u;
    return han.test(joined.at(-1)!) || han.test(line[0]!) ? `${joined}${line}` : `${joined} ${line}`;
  }, '');
}

/**
 * A manual page as one page: its title the description of its NAME section (`tea \- 沏一壶绿茶` →
 * `沏一壶绿茶`), its paragraphs the text of every section, section headings included.
 */
export function manPage(roff: string, origin: string): RealPage[] {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  let title = '';
  let inName = false;
  // The line after `.TP` is a tag (`-a, --all`): a paragraph of its own.
  let tag = false;
  const flush = () => {
    const text = joinLines(lines);
    if (text !== '') {
      paragraphs.push(text);
      if (inName && title === '')
        title = (text.split(/ - /).slice(1).join(' - ').trim() || text).replace(/。$/, '');
    }
    lines = [];
  };
  for (const raw of roff.split('\n')) {
    const macro = /^[.'][ \t]*(\S+)\s*(.*)$/.exec(raw);
    if (!macro) {
      const text = roffText(raw);
      if (text !== '') lines.push(text);
      if (text !== '' && tag) {
        tag = false;
        flush();
      }
      continue;
    }
    const [, name, rest] = macro as unknown as [string, string, string];
    if (name.startsWith('\\"')) continue;
    const args = roffText(rest.replace(/"/g, ''));
    if (name === 'SH' || name === 'SS') {
      flush();
      inName = name === 'SH' && /^(名称|名字|NAME)$/i.test(args);
      if (args !== '') paragraphs.push(args);
    } else if (/^(B|I|SM|SB|BR|RB|IR|RI|BI|IB)$/.test(name)) {
      if (args !== '') lines.push(args);
      if (args !== '' && tag) {
        tag = false;
        flush();
      }
    } else {
      flush();
      tag = name === 'TP';
    }
  }
  flush();
  return title === '' ? [] : [{ title, paragraphs, origin }];
}
