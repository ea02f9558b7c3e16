/**
 * What a new entry starts with in the content manager's create form (issue 14): the site of an author
 * who writes for one site only, and that site's first column that holds the type — news before notices
 * for an article, as `columnTypes` lists them; the dates printed on the page (发布日期, 更新日期), now.
 * Someone who writes for several sites (the web office, a site administrator) chooses site and column.
 * The form stays free: this only fills what is empty.
 */
import { reservedRenames, typeMappings } from '@govcluster/shared/cms-mapping';
import { contentTypes, isContentTypeKey } from '@govcluster/shared/schemas';
import type { Core } from '@strapi/strapi';
import { type AdminUser, resolveActor } from './actors';

/** A relation as the create form shows it: the row and its label (the picker's main field). */
export interface DefaultRelation {
  id: number;
  documentId: string;
  label: string;
}

/** The pre-filled relations of a new entry (null where there is nothing sensible to fill) and values. */
export interface EntryDefaults {
  site: DefaultRelation | null;
  column: DefaultRelation | null;
  /** Plain fields by attribute name: the page's dates, as ISO instants. */
  values: Record<string, string>;
}

/** The shared model's page dates (`publishedAt`, `updatedAt`) under their Strapi names. */
const pageDates = [reservedRenames.publishedAt, reservedRenames.updatedAt] as const;

interface ColumnRow extends DefaultRelation {
  type: string;
  order?: number | null;
}

/** The defaults of a new `uid` entry for `user`; both null for types without a site. */
export async function entryDefaults(
  strapi: Core.Strapi,
  user: AdminUser,
  uid: string,
  now: Date = new Date(),
): Promise<EntryDefaults> {
  const mapping = typeMappings.find((candidate) => candidate.uid === uid);
  const model = mapping ? (strapi.getModel(uid as never) as { attributes?: object } | undefined) : undefined;
  const attributes = model?.attributes ?? {};
  const values = Object.fromEntries(
    pageDates.filter((name) => name && name in attributes).map((name) => [name, now.toISOString()]),
  );
  const none: EntryDefaults = { site: null, column: null, values };
  if (!mapping?.relations.site) return none;
  const actor = await resolveActor(strapi, user);
  if (actor.sites.length !== 1) return none;
  const site = (await strapi.db.query('api::site.site' as never).findOne({
    where: { key: actor.sites[0] },
    select: ['id', 'documentId', 'label'],
  })) as DefaultRelation | null;
  if (!site) return none;
  const holds = isContentTypeKey(mapping.typeKey) ? contentTypes[mapping.typeKey].columnTypes : [];
  if (!mapping.relations.column || holds.length === 0) return { site, column: null, values };
  const columns = (await strapi.db.query('api::column.column' as never).findMany({
    where: { site: { id: site.id }, type: { $in: [...holds] } },
    select: ['id', 'documentId', 'label', 'type', 'order'],
  })) as ColumnRow[];
  const rank = (column: ColumnRow) => [holds.indexOf(column.type as never), column.order ?? 0] as const;
  const [first] = columns.sort((a, b) => {
    const [typeA, orderA] = rank(a);
    const [typeB, orderB] = rank(b);
    return typeA - typeB || orderA - orderB;
  });
  const column = first ? { id: first.id, documentId: first.documentId, label: first.label } : null;
  return { site, column, values };
}
