/**
 * Escaping text for markup, the one place for it (no dependencies, so browser bundles may use it).
 */

const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const xmlEntities: Readonly<Record<string, string>> = { ...htmlEntities, "'": '&apos;' };

/**
 * Text escaped for HTML content and for attributes in double or single quotes.
 * @example escapeHtml('<a href="x">R&D</a>') // '&lt;a href=&quot;x&quot;&gt;R&amp;D&lt;/a&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char] as string);
}

/**
 * Text escaped for XML content and attributes (RSS, sitemaps), with XML's own `&apos;`.
 * @example escapeXml("Tom's <feed>") // 'Tom&apos;s &lt;feed&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => xmlEntities[char] as string);
}
