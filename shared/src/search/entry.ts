/**
 * The search document of a snapshot entry, for the indexers (Pagefind at scale, Meilisearch). Kept out of
 * the `@govcluster/shared/search` index, which the search page's browser bundle imports: the Markdown
 * parser it needs would weigh on every search page.
 * @module
 */

import { calendarDay, calendarYear, isDateValue } from '../dates/index.ts';
import { markdownToText } from '../markdown/text.ts';
import type { ContentTypeKey } from '../model/constants.ts';
import { serviceGuideRequiredElements } from '../schemas/service-guide.ts';
import { entryUrl } from '../urls/url-plan.ts';
import type { SearchableEntry, SearchDocument, SearchSite } from './document.ts';

/** The strings of a value (strings, arrays and objects, depth first), for the text of structured fields. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * The fields that make up the searchable body text of each content type, in reading order.
 * Markdown fields are converted to text. Private fields (a letter's writer) are never listed.
 */
export const searchTextFields: Readonly<Record<ContentTypeKey, readonly string[]>> = {
  article: ['summary', 'body'],
  policy: ['body'],
  interpretation: ['body'],
  // The eight elements but the title (the document's title already), and the optional time limit and fee.
  serviceGuide: [
    ...serviceGuideRequiredElements.filter((element) => element !== 'title'),
    'timeLimit',
    'fee',
  ],
  leader: ['position', 'bio', 'responsibilities'],
  village: ['overview', 'committee', 'industry', 'affairs'],
  investmentProject: ['sector', 'location', 'summary', 'body', 'cooperation'],
  letter: ['question', 'reply'],
  interview: ['summary', 'guests', 'transcript'],
  // The feedback summary shows only once the period has closed, so the index leaves it out.
  consultation: ['summary', 'document'],
};

/**
 * The fields that are facts about an entry rather than its body (a policy's catalogue, an article's
 * source): searchable, never an excerpt (`SearchDocument.facts`).
 */
export const searchFactFields: Readonly<Partial<Record<ContentTypeKey, readonly string[]>>> = {
  article: ['source', 'author'],
  policy: ['indexNumber', 'topic', 'issuingAuthority', 'documentNumber'],
  interpretation: ['source'],
  letter: ['category', 'handlingUnit'],
};

/** Fields that hold Markdown. */
const markdownFields = new Set([
  'body',
  'bio',
  'responsibilities',
  'overview',
  'reply',
  'question',
  'transcript',
  'document',
]);

/** Keys inside structured fields that are not text a reader searches for (dates, enums, ids). */
const skippedKeys = new Set(['date', 'category', 'form', 'copies', 'phone', 'id']);

/** Plain text of one field of an entry. */
function fieldText(name: string, value: unknown): string {
  if (typeof value === 'string') return markdownFields.has(name) ? markdownToText(value) : value;
  if (Array.isArray(value)) return value.map((item) => fieldText(name, item)).join('\n');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => !skippedKeys.has(key))
      .map(([key, item]) =>
        key === 'body' || key === 'description'
          ? markdownToText(strings(item).join('\n'))
          : strings(item).join(' '),
      )
      .join(' ');
  }
  return '';
}

/**
 * The search document of a snapshot entry.
 * @example searchDocumentFromEntry('article', entry, site).title
 */
export function searchDocumentFromEntry(
  type: ContentTypeKey,
  entry: SearchableEntry,
  site: SearchSite,
  url: string = entryUrl(type, entry, site),
): SearchDocument {
  const title = String(entry.title ?? entry.name ?? entry.id);
  const textOf = (names: readonly string[]) =>
    names
      .map((name) => fieldText(name, entry[name]))
      .filter((part) => part.trim() !== '')
      .join('\n');
  const text = textOf(searchTextFields[type]);
  const facts = textOf(searchFactFields[type] ?? []);
  // A snapshot entry is loosely typed: one without a valid publication date is indexed without one.
  const published = isDateValue(entry.publishedAt) ? entry.publishedAt : undefined;
  return {
    url,
    site: site.id,
    siteKind: site.kind,
    type,
    year: published === undefined ? '' : calendarYear(published),
    date: published === undefined ? '' : calendarDay(published),
    locale: entry.locale,
    title,
    text,
    ...(facts ? { facts } : {}),
  };
}
