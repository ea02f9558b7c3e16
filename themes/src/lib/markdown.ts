/**
 * A small, fast Markdown renderer for entry bodies: headings, paragraphs, lists, block quotes,
 * emphasis, code spans and links. Everything is escaped first, so raw HTML in a body can never
 * reach the page. Fast enough for 100,000 pages, unlike a full remark pipeline.
 */

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:|mailto:|tel:|\/|#|\.)/i.test(trimmed)) return trimmed;
  return null;
}

function inline(text: string): string {
  let html = escapeHtml(text);
  html = html.replace(/`([^`]+)`/g, '<code>$1</code>');
  html = html.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, href: string) => {
    const safe = safeHref(href.replace(/&amp;/g, '&'));
    return safe ? `<a href="${escapeHtml(safe)}">${label}</a>` : label;
  });
  html = html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  html = html.replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
  return html;
}

/**
 * Renders Markdown to HTML. Heading levels are shifted so that the body's biggest heading is
 * `topLevel` (default h2, under the page's own h1).
 */
export function renderMarkdown(markdown: string, topLevel = 2): string {
  const out: string[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  // The body's biggest heading becomes `topLevel`, so headings never skip a level below the page's h1.
  let biggest = 6;
  for (const line of lines) {
    const match = /^(#{1,6})\s/.exec(line);
    if (match?.[1] && match[1].length < biggest) biggest = match[1].length;
  }
  const headingOffset = topLevel - biggest;
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
  let quote: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list)
      out.push(`<${list.tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${list.tag}>`);
    list = null;
  };
  const flushQuote = () => {
    if (quote.length) out.push(`<blockquote><p>${inline(quote.join(' '))}</p></blockquote>`);
    quote = [];
  };
  const flushAll = () => {
    flushParagraph();
    flushList();
    flushQuote();
  };
  for (const line of lines) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const ordered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const quoted = /^>\s?(.*)$/.exec(line);
    if (line.trim() === '') {
      flushAll();
    } else if (heading?.[1] && heading[2] !== undefined) {
      flushAll();
      const level = Math.min(6, heading[1].length + headingOffset);
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (bullet?.[1] !== undefined || ordered?.[1] !== undefined) {
      flushParagraph();
      flushQuote();
      const tag = bullet ? 'ul' : 'ol';
      const text = (bullet?.[1] ?? ordered?.[1]) as string;
      if (!list || list.tag !== tag) {
        flushList();
        list = { tag, items: [] };
      }
      list.items.push(text);
    } else if (quoted?.[1] !== undefined) {
      flushParagraph();
      flushList();
      quote.push(quoted[1]);
    } else if (/^(-{3,}|\*{3,})$/.test(line.trim())) {
      flushAll();
      out.push('<hr>');
    } else {
      flushList();
      flushQuote();
      paragraph.push(line.trim());
    }
  }
  flushAll();
  return out.join('\n');
}

/** Plain text of a Markdown body, for summaries and feeds. */
export function markdownToText(markdown: string, maxLength = 160): string {
  const text = markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*`>_-]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
