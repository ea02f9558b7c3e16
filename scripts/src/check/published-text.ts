/**
 * The text a record shows the public: every string field, deeply, except identifiers, dates and
 * the letter writer's contact data (never published).
 * @module
 */
import type { CheckedRecord } from './data.ts';

const notText = new Set([
  'id',
  'locale',
  'site',
  'column',
  'slug',
  'policy',
  'interpretations',
  'writer',
  'publishedAt',
  'updatedAt',
  'submittedAt',
  'repliedAt',
  'writtenDate',
  'file',
  'media',
  'mime',
]);

function collect(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!notText.has(key)) collect(item, out);
  }
}

/** The public text of a record, its fields joined by new lines. */
export function publishedText(record: CheckedRecord): string {
  const out: string[] = [];
  collect(record.raw, out);
  return out.join('\n');
}

/** A short excerpt of `text` around `index`, for a finding's message. */
export function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 8);
  const end = Math.min(text.length, index + length + 8);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}
