/**
 * Markdown to the HTML of an entry body: headings moved under the page's own title, each with an id
 * to link to, tables with column headers in a scroll box of their own (class `gc-table`, styled by the
 * themes), footnotes as links to a list of notes at the body's end and back.
 * @module
 */
import type { Token } from 'markdown-it';
import { createToken, type FootnoteEnv, markdownParser } from './parse.ts';
import { inlineText } from './text.ts';

/**
 * The ids one page has given out, shared by every body rendered onto it (a village page renders one
 * body per 村务公开 item), so that no two headings or footnotes of a page get the same id.
 */
export interface PageIds {
  /** Heading ids given out so far. */
  readonly used: Set<string>;
  /** Bodies rendered onto the page so far: the n-th body's footnotes are `fn-n-1`, `fn-n-2`… */
  bodies: number;
}

/** The ids of a new page: none given out yet. */
export function pageIds(): PageIds {
  return { used: new Set(), bodies: 0 };
}

/** How a body is rendered into its page. */
export interface MarkdownHtmlOptions {
  /**
   * The level of the body's biggest heading (1–6), so that headings never skip a level under the
   * page's own: 2 for a body right under the page's h1, 3 under a section's h2.
   * @example 3
   */
  readonly topLevel?: number;
  /**
   * What the body is about (an entry's or a 村务公开 item's title): names a table that no heading of the
   * body names.
   * @example '2025年3月财务收支公开'
   */
  readonly context?: string;
  /**
   * The accessible name of a table's scroll box, from what the table is about, in the page's language.
   * @example (name) => `表格：${name}`
   */
  readonly tableLabel?: (name: string) => string;
  /** The ids of the page the body goes on; without it, the body is the page's only one. */
  readonly ids?: PageIds;
  /**
   * The accessible name of the list of footnotes and of a note's link back to where it is referred
   * to, in the page's language.
   * @example { list: '注释', back: (n) => `返回注释${n}的引用处` }
   */
  readonly footnoteLabels?: { readonly list: string; readonly back: (note: number) => string };
}

/** Sets every heading's level so that the biggest one is `topLevel`, keeping their relative levels. */
function shiftHeadings(tokens: Token[], topLevel: number): void {
  const headings = tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
  const biggest = Math.min(...headings.map((t) => Number(t.tag.slice(1))));
  for (const token of headings) {
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) - biggest + topLevel)}`;
  }
}

/**
 * The id of a heading: its words joined by hyphens (Han characters kept as they are, other marks
 * dropped), lower case, made unique on the page with `-2`, `-3`….
 * @example headingId('一、工作目标', new Set()) // '一-工作目标'
 */
export function headingId(text: string, used: Set<string>): string {
  const base =
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'section';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** Gives every heading an id unique on the page, so that a section can be linked to (`#一-工作目标`). */
function anchorHeadings(tokens: Token[], used: Set<string>): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'heading_open')
      token.attrSet('id', headingId(inlineText(tokens[i + 1] as Token), used));
  }
}

/** The scroll box of one table: a focusable region, named so that a screen reader announces it. */
function tableBox(label: string, nesting: 1 | -1): Token {
  const token = createToken(nesting === 1 ? 'gc_table_box_open' : 'gc_table_box_close', 'div', nesting);
  token.block = true;
  if (nesting === 1) {
    token.attrs = [
      ['class', 'gc-table'],
      ['role', 'region'],
      ['tabindex', '0'],
      ['aria-label', label],
    ];
  }
  return token;
}

/** Wraps each table in its scroll box and gives its column headers `scope="col"`. */
function boxTables(tokens: Token[], options: MarkdownHtmlOptions): Token[] {
  const out: Token[] = [];
  const used = new Map<string, number>();
  let heading = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'heading_open') heading = inlineText(tokens[i + 1] as Token).trim();
    if (token.type === 'th_open') token.attrSet('scope', 'col');
    if (token.type === 'table_open') {
      const headers: string[] = [];
      for (let j = i; j < tokens.length && tokens[j]?.type !== 'thead_close'; j++) {
        if (tokens[j]?.type === 'th_open') headers.push(inlineText(tokens[j + 1] as Token).trim());
      }
      const name = heading || options.context?.trim() || headers.filter(Boolean).join(' ');
      const count = (used.get(name) ?? 0) + 1;
      used.set(name, count);
      const label = options.tableLabel ?? ((n: string) => n);
      out.push(tableBox(label(count > 1 ? `${name} (${count})` : name), 1));
    }
    out.push(token);
    if (token.type === 'table_close') out.push(tableBox('', -1));
  }
  return out;
}

/**
 * The HTML of a Markdown body. Raw HTML in the source prints as text; unsafe links keep only their
 * label (see ./parse.ts).
 * @example markdownToHtml('# 标题', { topLevel: 3 }) // '<h3>标题</h3>'
 */
export function markdownToHtml(markdown: string, options: MarkdownHtmlOptions = {}): string {
  const topLevel = options.topLevel ?? 2;
  if (!Number.isInteger(topLevel) || topLevel < 1 || topLevel > 6) {
    throw new RangeError(`topLevel must be a heading level from 1 to 6, not ${topLevel}`);
  }
  const md = markdownParser();
  const ids = options.ids ?? pageIds();
  ids.bodies += 1;
  // `docId` names this body's footnotes apart from those of the page's other bodies.
  const env: FootnoteEnv = { docId: String(ids.bodies), labels: options.footnoteLabels };
  const tokens = md.parse(markdown, env);
  shiftHeadings(tokens, topLevel);
  anchorHeadings(tokens, ids.used);
  return md.renderer.render(boxTables(tokens, options), md.options, env).trimEnd();
}
