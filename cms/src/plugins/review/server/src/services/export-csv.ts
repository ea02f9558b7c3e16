/** The review log as CSV (UTF-8 with BOM for spreadsheet programs), filtered by site and date range. */
import type { Core } from '@strapi/strapi';
import { logUid } from './state-store';

const columns = [
  'at',
  'site',
  'targetUid',
  'targetDocumentId',
  'targetLocale',
  'title',
  'action',
  'fromStage',
  'toStage',
  'actorId',
  'actorName',
  'actorEmail',
  'actorRole',
  'comment',
] as const;

/** One quoted cell; spreadsheet formulas neutralised. */
function cell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The CSV of the log entries matching the filter, oldest first. */
export async function exportCsv(
  strapi: Core.Strapi,
  filter: { site?: string; from?: Date; to?: Date },
): Promise<string> {
  const where: Record<string, unknown> = {};
  if (filter.site) where.site = filter.site;
  if (filter.from || filter.to) {
    where.at = {
      ...(filter.from ? { $gte: filter.from.toISOString() } : {}),
      ...(filter.to ? { $lt: filter.to.toISOString() } : {}),
    };
  }
  const lines = [columns.join(',')];
  for (let offset = 0; ; ) {
    const rows = (await strapi.db.query(logUid as never).findMany({
      where,
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      offset,
      limit: 1000,
    })) as Record<string, unknown>[];
    for (const row of rows) {
      const at = row.at instanceof Date ? row.at.toISOString() : new Date(String(row.at)).toISOString();
      lines.push(columns.map((column) => cell(column === 'at' ? at : row[column])).join(','));
    }
    if (rows.length < 1000) break;
    offset += rows.length;
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
