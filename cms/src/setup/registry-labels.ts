import type { Core } from '@strapi/strapi';

const siteUid = 'api::site.site';
const columnUid = 'api::column.column';

/** Separates a site's name from its column's in a column label: 市发展改革委 › 通知公告. */
export const labelSeparator = ' › ';

interface Named {
  id: number;
  documentId: string;
  label?: string | null;
  name?: { zhCN?: string | null } | null;
}
interface ColumnRow extends Named {
  slug?: string;
  site?: Named | null;
}

/** What a column is called in pickers and lists: its site's Chinese name, then its own. */
export function columnLabel(column: ColumnRow): string {
  const own = column.name?.zhCN || column.slug || '';
  const site = column.site?.name?.zhCN;
  return site ? `${site}${labelSeparator}${own}` : own;
}

async function setLabel(strapi: Core.Strapi, uid: string, row: Named, label: string): Promise<void> {
  if (row.label === label) return;
  await strapi.db.query(uid as never).update({ where: { id: row.id }, data: { label } });
}

/** Puts the labels of the given sites (all when omitted) and of their columns right. */
async function refreshSites(strapi: Core.Strapi, documentIds?: string[]): Promise<void> {
  const sites = (await strapi.db.query(siteUid as never).findMany({
    ...(documentIds ? { where: { documentId: { $in: documentIds } } } : {}),
    select: ['id', 'documentId', 'label'],
    populate: { name: true },
  })) as Named[];
  for (const site of sites) await setLabel(strapi, siteUid, site, site.name?.zhCN ?? '');
  await refreshColumns(strapi, documentIds ? { site: { documentId: { $in: documentIds } } } : undefined);
}

async function refreshColumns(strapi: Core.Strapi, where?: Record<string, unknown>): Promise<void> {
  const columns = (await strapi.db.query(columnUid as never).findMany({
    ...(where ? { where } : {}),
    select: ['id', 'documentId', 'label', 'slug'],
    populate: { name: true, site: { populate: { name: true } } },
  })) as ColumnRow[];
  for (const column of columns) await setLabel(strapi, columnUid, column, columnLabel(column));
}

/**
 * Keeps the stored `label` of sites and columns (the content manager's main field for both, so pickers
 * and list views show names, not keys) equal to the Chinese names after every write of either. The
 * label is written with the query engine, which passes neither the review gate nor the registry log:
 * it is derived, never edited. Register in `register()`.
 */
export function maintainRegistryLabels(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if ((ctx.uid !== siteUid && ctx.uid !== columnUid) || !['create', 'update'].includes(ctx.action)) {
      return next();
    }
    const result = await next();
    const documentId =
      (ctx.params as { documentId?: string }).documentId ??
      (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    if (ctx.uid === siteUid) await refreshSites(strapi, [documentId]);
    else await refreshColumns(strapi, { documentId });
    return result;
  });
}

/** Labels every site and column (call in `bootstrap()`: rows written before labels existed). */
export async function labelRegistry(strapi: Core.Strapi): Promise<void> {
  await refreshSites(strapi);
}
