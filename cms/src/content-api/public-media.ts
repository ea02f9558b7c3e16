/**
 * What the content API lists of the media library: only files that a published entry of a public
 * content type uses (the registry's sites and columns have no draft, so every one of theirs counts).
 * A file that only drafts use — an image waiting in review — is not listed, not found by id and not
 * counted, for the public and for the build's read-only token alike.
 *
 * Decided by what the request is: a database read of `plugin::upload.file` made while serving a
 * read (GET, HEAD) on a route of type `content-api` gets `id IN (files used by published entries)`
 * added to its `where`. That covers `/api/upload/files`, `/files/page`, `/files/:id` and any other
 * content-API route that reads files, however its path was spelled. The admin's media library is
 * not a content-API route and sees everything.
 * @module
 */
import type { Core } from '@strapi/strapi';
import { publicContentTypes } from '../setup/public-access';

const fileUid = 'plugin::upload.file';

/** The morph join table between files and the entries that use them, as Strapi's metadata names it. */
interface MorphJoinTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { idColumn: { name: string }; typeColumn: { name: string } };
}

/**
 * A subquery (knex) of the ids of files used by a published entry of a public content type, built
 * from Strapi's own metadata (table and column names differ between SQLite and PostgreSQL setups).
 */
export function publicFileIds(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  const related = strapi.db.metadata.get(fileUid).attributes.related as unknown as {
    joinTable: MorphJoinTable;
  };
  const { name: table, joinColumn, morphColumn } = related.joinTable;
  const owners = publicContentTypes.map((uid) => {
    const meta = strapi.db.metadata.get(uid);
    const publishedAt = (meta.attributes.publishedAt as { columnName?: string } | undefined)?.columnName;
    const rows = knex(meta.tableName).select('id');
    return { uid, rows: publishedAt ? rows.whereNotNull(publishedAt) : rows };
  });
  return knex(table)
    .select(joinColumn.name)
    .where((where) => {
      for (const owner of owners) {
        where.orWhere((one) =>
          one.where(morphColumn.typeColumn.name, owner.uid).whereIn(morphColumn.idColumn.name, owner.rows),
        );
      }
    });
}

/** Whether the current request is a read on a content-API route. */
function isContentApiRead(strapi: Core.Strapi): boolean {
  const ctx = strapi.requestContext.get() as
    | { method?: string; state?: { route?: { info?: { type?: string } } } }
    | undefined;
  return ctx?.state?.route?.info?.type === 'content-api' && (ctx.method === 'GET' || ctx.method === 'HEAD');
}

/**
 * Components can hold media too; a file used only inside a component is not resolved to its entry
 * here. Refuse to start when a public content type would need that, rather than hide its images.
 */
function assertNoMediaInComponents(strapi: Core.Strapi): void {
  type Attributes = Record<string, { type: string; component?: string; components?: string[] }>;
  const seen = new Set<string>();
  const visit = (attributes: Attributes, where: string) => {
    for (const [name, attribute] of Object.entries(attributes)) {
      const uids = attribute.type === 'component' ? [attribute.component] : (attribute.components ?? []);
      for (const uid of uids) {
        const component = uid
          ? (strapi.components as unknown as Record<string, { attributes: Attributes }>)[uid]
          : null;
        if (!uid || !component || seen.has(uid)) continue;
        seen.add(uid);
        const media = Object.entries(component.attributes).find(([, a]) => a.type === 'media');
        if (media) {
          throw new Error(
            `${where}.${name} (${uid}) holds media (${media[0]}): public-media.ts lists files of entries only; extend publicFileIds() to components before adding media to one`,
          );
        }
        visit(component.attributes, `${where}.${name}`);
      }
    }
  };
  for (const uid of publicContentTypes) visit(strapi.contentType(uid).attributes as Attributes, uid);
}

/** Limits content-API reads of the media library to files that published entries use. */
export function limitContentApiMedia(strapi: Core.Strapi): void {
  assertNoMediaInComponents(strapi);
  const restrict = (event: { params: { where?: unknown } }) => {
    if (!isContentApiRead(strapi)) return;
    const where = event.params.where;
    const onlyPublic = { id: { $in: publicFileIds(strapi) } };
    event.params.where = where ? { $and: [where, onlyPublic] } : onlyPublic;
  };
  strapi.db.lifecycles.subscribe({
    models: [fileUid],
    beforeFindOne: restrict,
    beforeFindMany: restrict,
    beforeCount: restrict,
  });
}
