/**
 * Entry bodies on pages: the cluster's Markdown (@govcluster/shared/markdown) with the page's
 * language for the names of tables, and the short plain text of meta descriptions and feeds.
 */
import type { Locale } from '@govcluster/shared/constants';
import { markdownToHtml, markdownToText, type PageIds } from '@govcluster/shared/markdown';
import { t } from './i18n.ts';

/** Where a body sits on its page. */
export interface RenderOptions {
  /** The level of the body's biggest heading: 2 right under the page's h1 (the default), 3 under an h2. */
  readonly topLevel?: number;
  /** The page's language, for the accessible names of tables. */
  readonly locale: Locale;
  /** What the body is about (the entry's title), to name a table no heading of the body names. */
  readonly context?: string;
  /** The ids of the page, when it renders more than one body (`pageIds()`, one per page). */
  readonly ids?: PageIds;
}

/**
 * The HTML of a Markdown body: headings under the page's own with ids unique on the page, tables in a
 * labelled scroll box, footnotes in a labelled list, raw HTML printed as text and unsafe links reduced
 * to their label.
 */
export function renderMarkdown(markdown: string, options: RenderOptions): string {
  return markdownToHtml(markdown, {
    topLevel: options.topLevel,
    context: options.context,
    ids: options.ids,
    tableLabel: (name) => t(options.locale, 'common.table', { name }),
    footnoteLabels: {
      list: t(options.locale, 'common.footnotes'),
      back: (note) => t(options.locale, 'common.footnoteBack', { note: String(note) }),
    },
  });
}

/**
 * Plain text of a Markdown body on one line, shortened with an ellipsis: for meta descriptions and
 * feeds. Hyphens, digits and table cells are kept; Markdown marks are not.
 */
export function markdownSummary(markdown: string, maxLength = 160): string {
  const chars = [...markdownToText(markdown).replace(/\s+/g, ' ')];
  return chars.length > maxLength ? `${chars.slice(0, maxLength).join('')}…` : chars.join('');
}
