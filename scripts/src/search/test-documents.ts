/**
 * Search documents for tests: a zh-CN article of the portal with only the fields a test cares about
 * written out. The index writers' unit tests, the benchmark's query-set tests and the search browser
 * tests make their pages here.
 * @module
 */
import type { SearchDocument } from '@govcluster/shared/search';

/** The fields a test sets: the URL, title and text, and any other it needs. */
export type TestDocumentFields = Pick<SearchDocument, 'url' | 'title' | 'text'> & Partial<SearchDocument>;

/**
 * A search document: a zh-CN article of the portal dated 2024-01-01 unless `fields` say otherwise; the
 * year is the date's.
 * @example testDocument({ url: '/n1/', title: '通知', text: '临江港口' })
 */
export function testDocument(fields: TestDocumentFields): SearchDocument {
  const date = fields.date ?? '2024-01-01';
  return {
    site: 'portal',
    siteKind: 'portal',
    type: 'article',
    year: date.slice(0, 4),
    date,
    locale: 'zh-CN',
    ...fields,
  };
}
