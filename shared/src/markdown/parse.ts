/**
 * The one Markdown parser of the cluster (markdown-it, CommonMark with GFM tables and strikethrough,
 * footnotes by markdown-it-footnote), shared by the page renderer and the plain text of feeds, meta
 * descriptions and search documents.
 *
 * Authors' text never becomes markup: raw HTML is off (it prints as text), a link keeps its target only
 * when {@link safeHref} accepts it (else its label stays as plain text), and an image becomes a link to
 * the image labelled with its alt text (docs/adr/0020-markdown-with-markdown-it.md).
 * @module
 */
/// <reference path="./markdown-it-footnote.d.ts" />
import markdownIt, { type MarkdownIt, type StateCore, type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';

/** Schemes a link may use; anything else with a scheme (`javascript:`, `data:`, `vbscript:`) is refused. */
const allowedSchemes = /^(?:https?|mailto|tel):/i;

/**
 * The target of a link or image if it is safe to put in an `href`, else null: `http(s):`, `mailto:`,
 * `tel:`, a path on this host (`/uploads/a.pdf`, `./a`, `a.pdf`) or a fragment. A protocol-relative
 * `//host` (or `/\host`, which browsers read alike) is refused: it leaves the cluster unannounced.
 * @example safeHref('javascript:alert(1)') // null
 * @example safeHref('/uploads/a.pdf') // '/uploads/a.pdf'
 */
export function safeHref(href: string): string | null {
  const url = href.trim();
  if (url === '') return null;
  if (allowedSchemes.test(url)) return url;
  if (/^[/\\]{2}/.test(url)) return null;
  // A colon before the first `/`, `?` or `#` is a scheme; none but the allowed ones pass.
  if (/^[^/?#]*:/.test(url)) return null;
  return url;
}

/** Replaces unsafe links by their label and images by a link to them (or their alt text). */
function secureLinks(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    // For each open link: whether it was kept, so its close token follows suit.
    const open: boolean[] = [];
    for (const token of block.children) {
      if (token.type === 'link_open') {
        const href = safeHref(String(token.attrGet('href') ?? ''));
        open.push(href !== null);
        if (href !== null) {
          token.attrSet('href', href);
          out.push(token);
        }
      } else if (token.type === 'link_close') {
        if (open.pop()) out.push(token);
      } else if (token.type === 'image') {
        const alt = token.children ?? [];
        const href = safeHref(String(token.attrGet('src') ?? ''));
        // Inside a link, or without a usable target or alt text, an image leaves only its alt text.
        if (href === null || open.length > 0 || token.content.trim() === '') {
          out.push(...alt);
          continue;
        }
        const linkOpen = new state.Token('link_open', 'a', 1);
        linkOpen.attrs = [['href', href]];
        out.push(linkOpen, ...alt, new state.Token('link_close', 'a', -1));
      } else {
        out.push(token);
      }
    }
    block.children = out;
  }
}

/** What a body's rendering tells the footnote rules: the body's number on its page and the labels. */
export type FootnoteEnv = {
  /** Names the body's footnotes apart from other bodies' on the page (`fn-2-1`: body 2, note 1). */
  docId: string;
  /** The list's accessible name and a note's link back, in the page's language. */
  labels?: { readonly list: string; readonly back: (note: number) => string };
};

/**
 * The footnotes in the cluster's markup: a list named for screen readers (no rule line before it),
 * and each note's link back to where it is referred to named by its number.
 */
function footnoteMarkup(md: MarkdownIt): void {
  const { escapeHtml } = md.utils;
  const labelsOf = (env: unknown) => (env as Partial<FootnoteEnv> | undefined)?.labels;
  md.renderer.rules.footnote_block_open = (_tokens, _idx, _options, env) => {
    const labels = labelsOf(env);
    return `<section class="gc-footnotes"${labels ? ` aria-label="${escapeHtml(labels.list)}"` : ''}>\n<ol class="gc-footnotes__list">\n`;
  };
  const anchor = md.renderer.rules.footnote_anchor;
  md.renderer.rules.footnote_anchor = (tokens, idx, options, env, self) => {
    const html = anchor?.(tokens, idx, options, env, self) ?? '';
    const note = Number(tokens[idx]?.meta?.id) + 1;
    const labels = labelsOf(env);
    return labels
      ? html.replace(
          'class="footnote-backref"',
          `class="footnote-backref" aria-label="${escapeHtml(labels.back(note))}"`,
        )
      : html;
  };
}

let parser: MarkdownIt | undefined;

/** The configured markdown-it instance, made on first use (so importing this module costs nothing). */
export function markdownParser(): MarkdownIt {
  if (parser) return parser;
  const md = markdownIt('default', { html: false, linkify: false, typographer: false });
  // Every destination parses as a link; `secureLinks` then decides, so a refused link keeps its label.
  md.validateLink = () => true;
  md.use(footnote);
  footnoteMarkup(md);
  // After the footnotes' own rule, so that links inside a note are judged like any other.
  md.core.ruler.push('gc_secure_links', secureLinks);
  parser = md;
  return md;
}

let TokenClass: typeof Token | undefined;

/** A new token, for rules that add markup of their own around what the parser found. */
export function createToken(type: string, tag: string, nesting: 1 | 0 | -1): Token {
  const md = markdownParser();
  TokenClass ??= new md.core.State('', md, {}).Token;
  return new TokenClass(type, tag, nesting);
}

/** The block tokens of a Markdown text (line endings normalised). */
export function parseMarkdown(markdown: string): Token[] {
  return markdownParser().parse(markdown, { docId: '1' } satisfies FootnoteEnv);
}
