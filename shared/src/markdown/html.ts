/**
 * Markdown to the HTML of an entry body: headings moved under the page's own title, tables with
 * column headers in a scroll box of their own (class `gc-table`, styled by the themes).
 * @module
 */
import type { Token } from 'markdown-it';
import { createToken, markdownParser } from './parse.ts';
import { inlineText } from './text.ts';

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
}

/** Sets every heading's level so that the biggest one is `topLevel`, keeping their relative levels. */
function shiftHeadings(tokens: Token[], topLevel: number): void {
  const headings = tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
  const biggest = Math.min(...headings.map((t) => Number(t.tag.slice(1))));
  for (const token of headings) {
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) - biggest + topLevel)}`;
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
  const tokens = md.parse(markdown, {});
  shiftHeadings(tokens, topLevel);
  return md.renderer.render(boxTables(tokens, options), md.options, {}).trimEnd();
}
