/**
 * Markdown of entry bodies: one parser (markdown-it, safe links, no raw HTML), its HTML for pages and
 * its plain text for search documents, meta descriptions and feeds. Pure and browser-safe.
 * @module
 */
export * from './html.ts';
export * from './parse.ts';
export * from './text.ts';
