/**
 * Search documents from built HTML pages, without a DOM: a small tag scanner that is enough for the
 * well-formed pages the build writes. Pure and browser-safe.
 *
 * What a page tells the indexer (see docs/adr/0007-chinese-search.md):
 * - `<html lang>`: the locale;
 * - the text of `[data-pagefind-body]` (else `<main>`, else `<body>`), minus `[data-pagefind-ignore]`,
 *   `<script>`, `<style>`, `<template>`, `<noscript>`, `<nav>` and `<footer>`;
 * - apart from it, the facts: `[data-search-facts]` (a policy's catalogue, an article's source),
 *   `<figcaption>` and image `alt` text, searchable but never an excerpt;
 * - the title: the first `<h1>` in that text, else `<title>`;
 * - `<meta name="gc:site|gc:type|gc:date">`: site id, content type key, publication date; without them
 *   the site is the one with the longest matching base path, the type `page`, the date the first `<time datetime>`;
 * - `<meta name="robots" content="noindex">` or `data-pagefind-ignore="all"` on the body root: not indexed.
 * @module
 */

import { calendarDay, calendarYear, isDateValue } from '../dates/index.ts';
import { isContentTypeKey, locales } from '../model/constants.ts';
import type { Locale } from '../schemas/locale.ts';
import type { SearchDocument, SearchSite } from './document.ts';

const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const skippedElements = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'nav',
  'footer',
  'svg',
  'button',
]);
const blockElements = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'main',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'figcaption',
  'blockquote',
  'pre',
]);

const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** HTML character references decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** The value of one attribute in a tag's attribute source, decoded; `undefined` when absent. */
export function attribute(source: string, name: string): string | undefined {
  const match = new RegExp(
    `(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?(?=\\s|/|$)`,
    'i',
  ).exec(source);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
}

/** One element found by the scanner: its name, attributes source and the text inside it. */
interface ScannedPage {
  readonly lang: string | undefined;
  readonly headTitle: string;
  readonly metas: ReadonlyMap<string, string>;
  readonly firstTime: string | undefined;
  readonly h1: string | undefined;
  readonly text: string;
  /** Text of the facts about the page (`[data-search-facts]`, image descriptions and captions). */
  readonly facts: string;
  readonly ignored: boolean;
}

/** Scans a page once: metadata from the head, text of the indexed region. */
function scan(html: string): ScannedPage {
  const metas = new Map<string, string>();
  const tag = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  const hasBodyMarker = /\sdata-pagefind-body[\s=>]/.test(html);
  const hasMain = /<main[\s>]/i.test(html);
  let lang: string | undefined;
  let headTitle = '';
  let firstTime: string | undefined;
  let h1: string | undefined;
  let ignored = false;
  const stack: { name: string; region: boolean; skip: boolean; h1: boolean; facts: boolean }[] = [];
  let inRegion = 0;
  let skipping = 0;
  let inFacts = 0;
  const facts: string[] = [];
  let inTitle = false;
  let h1Depth = 0;
  let h1Text = '';
  const out: string[] = [];
  let last = 0;
  const text = (chunk: string): void => {
    if (chunk === '') return;
    if (inTitle) headTitle += chunk;
    if (inRegion > 0 && skipping === 0) {
      (inFacts > 0 ? facts : out).push(chunk);
      if (h1Depth > 0) h1Text += chunk;
    }
  };
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    text(html.slice(last, match.index));
    last = tag.lastIndex;
    const [, closing, rawName, attrs = ''] = match;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      if (name === 'title') inTitle = false;
      // Pop to the matching element (tolerates unclosed children).
      const at = stack.map((item) => item.name).lastIndexOf(name);
      if (at < 0) continue;
      for (const item of stack.splice(at)) {
        if (item.region) inRegion -= 1;
        if (item.skip) skipping -= 1;
        if (item.facts) inFacts -= 1;
        if (item.h1) {
          h1Depth -= 1;
          if (h1 === undefined) h1 = h1Text;
        }
      }
      if (blockElements.has(name) && inRegion > 0) (inFacts > 0 ? facts : out).push('\n');
      continue;
    }
    if (name === 'html') lang = attribute(attrs, 'lang');
    if (name === 'title') inTitle = true;
    if (name === 'meta') {
      const key = attribute(attrs, 'name') ?? attribute(attrs, 'property');
      const content = attribute(attrs, 'content');
      if (key && content !== undefined) metas.set(key.toLowerCase(), content);
    }
    if (name === 'time' && firstTime === undefined && inRegion > 0) firstTime = attribute(attrs, 'datetime');
    if (voidElements.has(name) || attrs.trimEnd().endsWith('/')) {
      if (name === 'br' && inRegion > 0) (inFacts > 0 ? facts : out).push('\n');
      // An image's description is searchable, never body text: it may even be in another language.
      if (name === 'img' && inRegion > 0 && skipping === 0)
        facts.push(`\n${attribute(attrs, 'alt') ?? ''}\n`);
      continue;
    }
    const isRegion = hasBodyMarker
      ? attribute(attrs, 'data-pagefind-body') !== undefined
      : name === (hasMain ? 'main' : 'body');
    const ignore = attribute(attrs, 'data-pagefind-ignore');
    if (isRegion && inRegion === 0 && ignore === 'all') ignored = true;
    const skip = skippedElements.has(name) || ignore !== undefined;
    const isH1 =
      name === 'h1' && inRegion + (isRegion ? 1 : 0) > 0 && h1 === undefined && skipping === 0 && !skip;
    const isFacts = name === 'figcaption' || attribute(attrs, 'data-search-facts') !== undefined;
    stack.push({ name, region: isRegion, skip, h1: isH1, facts: isFacts });
    if (isRegion) inRegion += 1;
    if (skip) skipping += 1;
    if (isFacts) inFacts += 1;
    if (isH1) {
      h1Depth += 1;
      h1Text = '';
    }
    if (blockElements.has(name) && inRegion > 0) (inFacts > 0 ? facts : out).push('\n');
  }
  text(html.slice(last));
  return {
    lang,
    headTitle: clean(decodeEntities(headTitle)),
    metas,
    firstTime,
    h1: h1 === undefined ? undefined : clean(decodeEntities(h1)),
    text: decodeEntities(out.join('')),
    facts: decodeEntities(facts.join('')),
    ignored,
  };
}

/** Whitespace collapsed: spaces within a line, blank lines between. */
function clean(text: string): string {
  return text
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/** The locale of a `lang` attribute, `undefined` when it is none of ours. */
export function localeOfLang(lang: string | undefined): Locale | undefined {
  if (!lang) return undefined;
  const lower = lang.toLowerCase();
  return locales.find(
    (locale) =>
      locale.toLowerCase() === lower ||
      lower.startsWith(`${locale.split('-')[0]}-`) ||
      lower === locale.split('-')[0],
  );
}

/** The site a URL belongs to: the one with the longest base path that prefixes it. */
export function siteOfUrl<S extends Pick<SearchSite, 'basePath'>>(
  url: string,
  sites: readonly S[],
): S | undefined {
  let best: S | undefined;
  for (const site of sites) {
    if (url.startsWith(site.basePath) && (!best || site.basePath.length > best.basePath.length)) best = site;
  }
  return best;
}

/**
 * The search document of a built page, or `undefined` when the page is not to be indexed (noindex,
 * `data-pagefind-ignore="all"`, unknown locale or site, no text).
 * @example searchDocumentFromHtml(html, '/bm/fgw/news/a-1/', sites)?.site // 'fgw'
 */
export function searchDocumentFromHtml(
  html: string,
  url: string,
  sites: readonly SearchSite[],
): SearchDocument | undefined {
  const page = scan(html);
  if (page.ignored || /noindex/i.test(page.metas.get('robots') ?? '')) return undefined;
  const locale = localeOfLang(page.lang);
  const siteId = page.metas.get('gc:site');
  const site = siteId ? sites.find((candidate) => candidate.id === siteId) : siteOfUrl(url, sites);
  if (!locale || !site) return undefined;
  const body = clean(page.text);
  const title = page.h1 || page.headTitle;
  if (!title && !body) return undefined;
  // The title is searched (and weighted) on its own: drop its first occurrence from the body.
  const text = title && body.startsWith(title) ? body.slice(title.length).trim() : body;
  const facts = clean(page.facts);
  const type = page.metas.get('gc:type');
  // A page's date is what it says: one that is not an ISO 8601 date leaves the document undated.
  const written = page.metas.get('gc:date') ?? page.firstTime;
  const dated = isDateValue(written) ? written : undefined;
  return {
    url,
    site: site.id,
    siteKind: site.kind,
    type: type && isContentTypeKey(type) ? type : 'page',
    year: dated === undefined ? '' : calendarYear(dated),
    date: dated === undefined ? '' : calendarDay(dated),
    locale,
    title,
    text,
    ...(facts ? { facts } : {}),
  };
}
