/**
 * Markdown to plain text, the one conversion behind search documents, meta descriptions and feeds.
 * @module
 */
import type { Token } from 'markdown-it';
import { parseMarkdown } from './parse.ts';

/** The text a reader sees in one inline token: no marks, link labels (and images' alt texts) kept. */
export function inlineText(inline: Token): string {
  let text = '';
  for (const child of inline.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
  }
  return text;
}

/**
 * Plain text of a Markdown body, one line per block: headings, paragraphs and list items (nested ones
 * too) each on their own line; a table row on one line with its cells separated by spaces (no pipes, no
 * separator row); code as written; an image as its alt text. Emphasis marks, escapes and link targets are dropped,
 * hyphens and digits kept. The text is not HTML-escaped.
 * @example markdownToText('## 一、总则\n\n**第一条** 见[附件](a.pdf)') // '一、总则\n第一条 见附件'
 * @example markdownToText('| 项目 | 金额 |\n| --- | --- |\n| 收入 | 1.5 |') // '项目 金额\n收入 1.5'
 */
export function markdownToText(markdown: string): string {
  const lines: string[] = [];
  let row: string[] | null = null;
  for (const token of parseMarkdown(markdown)) {
    if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close') {
      lines.push((row ?? []).filter(Boolean).join(' '));
      row = null;
    } else if (token.type === 'inline') {
      const text = inlineText(token).trim();
      if (row) row.push(text.replace(/\s+/g, ' '));
      else lines.push(text);
    } else if (token.type === 'fence' || token.type === 'code_block') {
      lines.push(token.content.trimEnd());
    }
  }
  return lines
    .flatMap((line) => line.split('\n'))
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
