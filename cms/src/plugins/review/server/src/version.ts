/**
 * A document version as the review sees it: every field of one locale version (draft or published),
 * components, relations and media included, in a canonical form. Its hash ties approvals to exactly
 * what the reviewers approved: any change, made by any path (an edit, a relation connected from the
 * other side, a media file replaced, a delete and re-create, a raw write), gives another hash.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** Attributes of an entry that are bookkeeping, not content. */
const systemFields = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

/** What a media file contributes to a version: the bytes (by hash), where they are and what they say. */
const mediaFields = ['id', 'hash', 'url', 'name', 'alternativeText', 'caption', 'mime', 'size'] as const;

/** Attribute types whose text the screening reads. */
const textTypes = new Set(['string', 'text', 'richtext', 'email', 'blocks']);

interface Attribute {
  type: string;
  target?: string;
  relation?: string;
  component?: string;
  private?: boolean;
  multiple?: boolean;
  repeatable?: boolean;
}

interface Model {
  uid: string;
  attributes: Record<string, Attribute>;
}

/** A relation of the version to a document of another (or the same) content type. */
export interface VersionRelation {
  /** The attribute, e.g. `policy` or `interpretations`. */
  readonly field: string;
  readonly target: string;
  readonly documentIds: readonly string[];
}

/** One document version, read for the review. */
export interface Version {
  /** sha256 of the canonical content (hex). */
  readonly hash: string;
  /** Every public text of the version (private fields left out), for the screening. */
  readonly text: string;
  /** The key of the site whose people act on the version (its `office`, else its `site`), when it has one. */
  readonly site: string | null;
  /** What the version is called (title, name or key). */
  readonly title: string | null;
  /** The admin user who saved it last, when known. */
  readonly updatedBy: number | null;
  /** Its relations to other documents, by attribute. */
  readonly relations: readonly VersionRelation[];
  /** Ids of the media files it uses. */
  readonly mediaIds: readonly number[];
  /**
   * Each public field as a reviewer reads it (text as written, relations and media by name, components
   * as "label: value" lines), for the diff against the online version; private fields left out.
   */
  readonly fields: Readonly<Record<string, string>>;
  /** The row id. */
  readonly rowId: number;
}

/** JSON with object keys in a fixed order, so that equal content gives equal text. */
function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A datetime as an ISO string whatever the database driver returned (Date, number or text). */
function isoTime(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/**
 * The site whose people act on an entry in the review: its `office` when it has one (a letter the web
 * office assigned to another office, docs/adr/0023-mailbox.md), else its `site`.
 */
function responsibleSite(row: Record<string, unknown>): string | null {
  const key = (field: string) => (row[field] as { key?: string } | null | undefined)?.key ?? null;
  return key('office') ?? key('site');
}

/** Reads document versions for the review (one reader per Strapi instance; populates are cached). */
export function createVersionReader(strapi: Core.Strapi) {
  const populates = new Map<string, Record<string, unknown>>();
  const model = (uid: string) => strapi.getModel(uid as never) as unknown as Model;

  /** The query-engine populate that loads everything a version is made of. */
  function populateFor(uid: string): Record<string, unknown> {
    const cached = populates.get(uid);
    if (cached) return cached;
    const populate: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(model(uid).attributes)) {
      if (systemFields.has(name)) continue;
      if (attribute.type === 'relation' && attribute.target) {
        // documentId makes the version; a name (not hashed) lets a reviewer read what it points at.
        const named = ['key', 'label', 'title', 'name'].filter(
          (field) => model(attribute.target as string).attributes[field]?.type === 'string',
        );
        populate[name] = { select: ['documentId', ...named] };
      } else if (attribute.type === 'media') {
        populate[name] = { select: [...mediaFields] };
      } else if (attribute.type === 'component' && attribute.component) {
        const nested = populateFor(attribute.component);
        populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
      } else if (attribute.type === 'dynamiczone') {
        populate[name] = true;
      }
    }
    populates.set(uid, populate);
    return populate;
  }

  /** The canonical form of a row (or component) of a model, and the texts and references found in it. */
  function canonical(
    uid: string,
    row: Record<string, unknown>,
    found: { texts: string[]; relations: VersionRelation[]; mediaIds: number[] },
    top: boolean,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(model(uid).attributes)) {
      if (systemFields.has(name)) continue;
      const value = row[name];
      switch (attribute.type) {
        case 'relation': {
          const targets = (Array.isArray(value) ? value : value ? [value] : []) as { documentId: string }[];
          const documentIds = targets.map((target) => target.documentId);
          out[name] = documentIds;
          if (top && attribute.target)
            found.relations.push({ field: name, target: attribute.target, documentIds });
          break;
        }
        case 'media': {
          const files = (Array.isArray(value) ? value : value ? [value] : []) as Record<string, unknown>[];
          out[name] = files.map((file) =>
            Object.fromEntries(mediaFields.map((key) => [key, file[key] ?? null])),
          );
          for (const file of files) {
            found.mediaIds.push(Number(file.id));
            for (const key of ['alternativeText', 'caption'] as const)
              if (typeof file[key] === 'string') found.texts.push(file[key] as string);
          }
          break;
        }
        case 'component': {
          const items = (Array.isArray(value) ? value : value ? [value] : []) as Record<string, unknown>[];
          const forms = items.map((item) =>
            canonical(
              attribute.component as string,
              item,
              attribute.private ? { ...found, texts: [] } : found,
              false,
            ),
          );
          out[name] = attribute.repeatable ? forms : (forms[0] ?? null);
          break;
        }
        case 'dynamiczone':
          out[name] = value ?? null;
          break;
        case 'datetime':
        case 'timestamp':
          out[name] = isoTime(value);
          break;
        case 'decimal':
        case 'float':
        case 'integer':
        case 'biginteger':
          out[name] = value === null || value === undefined ? null : Number(value);
          break;
        case 'boolean':
          out[name] = value === null || value === undefined ? null : Boolean(value);
          break;
        default:
          out[name] = value ?? null;
          if (textTypes.has(attribute.type) && !attribute.private && name !== 'key' && value) {
            found.texts.push(typeof value === 'string' ? value : JSON.stringify(value));
          }
      }
    }
    return out;
  }

  /** What a value of an attribute reads as, for a reviewer comparing two versions. */
  function display(attribute: Attribute, value: unknown): string {
    const list = (Array.isArray(value) ? value : value ? [value] : []) as Record<string, unknown>[];
    switch (attribute.type) {
      case 'relation':
        return list
          .map((target) =>
            String(target.label ?? target.title ?? target.name ?? target.key ?? target.documentId),
          )
          .join('\n');
      case 'media':
        return list
          .map((file) =>
            [file.name, file.alternativeText, file.caption]
              .filter((part) => typeof part === 'string' && part)
              .join(' · '),
          )
          .join('\n');
      case 'component':
        return list
          .map((item) =>
            Object.entries(model(attribute.component as string).attributes)
              .filter(([name, nested]) => !systemFields.has(name) && !nested.private)
              .map(([name, nested]) => `${name}: ${display(nested, item[name])}`)
              .join('\n'),
          )
          .join('\n\n');
      case 'datetime':
      case 'timestamp':
        return isoTime(value) ?? '';
      case 'blocks':
      case 'json':
      case 'dynamiczone':
        return value === null || value === undefined ? '' : JSON.stringify(value, null, 1);
      default:
        return value === null || value === undefined ? '' : String(value);
    }
  }

  /** The public fields of a row as a reviewer reads them. */
  function fieldsOf(uid: string, row: Record<string, unknown>): Record<string, string> {
    return Object.fromEntries(
      Object.entries(model(uid).attributes)
        .filter(([name, attribute]) => !systemFields.has(name) && !attribute.private)
        .map(([name, attribute]) => [name, display(attribute, row[name])]),
    );
  }

  const reader = {
    /** Whether the type has locale versions. */
    isLocalized(uid: string): boolean {
      const localized = (model(uid) as unknown as { pluginOptions?: { i18n?: { localized?: boolean } } })
        .pluginOptions?.i18n?.localized;
      return localized === true;
    },

    /** The relation attributes of a type that point at one of `targets`, with the target type. */
    relationsTo(uid: string, targets: (target: string) => boolean): { field: string; target: string }[] {
      return Object.entries(model(uid).attributes)
        .filter(
          ([, attribute]) => attribute.type === 'relation' && attribute.target && targets(attribute.target),
        )
        .map(([field, attribute]) => ({ field, target: attribute.target as string }));
    },

    /** The site and title of a document's online version (or its draft), without reading the rest. */
    async label(
      uid: string,
      documentId: string,
      locale: string,
    ): Promise<Pick<Version, 'site' | 'title'> | null> {
      const attributes = model(uid).attributes;
      const named = ['title', 'name', 'key'].filter((field) => attributes[field]?.type === 'string');
      const row = (await strapi.db.query(uid as never).findOne({
        where: { documentId, ...(reader.isLocalized(uid) ? { locale } : {}) },
        select: named,
        orderBy: { publishedAt: 'desc' },
        populate: Object.fromEntries(
          ['site', 'office']
            .filter((field) => attributes[field]?.type === 'relation')
            .map((field) => [field, { select: ['key'] }]),
        ),
      })) as Record<string, unknown> | null;
      if (!row) return null;
      const title = named.map((field) => row[field]).find((value) => typeof value === 'string');
      return {
        site: responsibleSite(row),
        title: (title as string) ?? null,
      };
    },

    /**
     * One version of a document: its draft (`published: false`) or its online version, in a locale;
     * null when there is none.
     */
    async read(uid: string, documentId: string, locale: string, published = false): Promise<Version | null> {
      const row = (await strapi.db.query(uid as never).findOne({
        where: {
          documentId,
          publishedAt: published ? { $notNull: true } : null,
          ...(reader.isLocalized(uid) ? { locale } : {}),
        },
        populate: { ...populateFor(uid), updatedBy: { select: ['id'] } },
      })) as Record<string, unknown> | null;
      if (!row) return null;
      const found = { texts: [] as string[], relations: [] as VersionRelation[], mediaIds: [] as number[] };
      const form = canonical(uid, row, found, true);
      const site = responsibleSite(row);
      const title = (row.title ?? row.name ?? row.key ?? null) as string | null;
      return {
        hash: createHash('sha256').update(uid).update('\n').update(canonicalJson(form)).digest('hex'),
        text: found.texts.join('\n'),
        site,
        title: typeof title === 'string' ? title : null,
        updatedBy: (row.updatedBy as { id?: number } | null)?.id ?? null,
        relations: found.relations,
        mediaIds: found.mediaIds,
        rowId: Number(row.id),
        fields: fieldsOf(uid, row),
      };
    },
  };
  return reader;
}

/** The version reader type. */
export type VersionReader = ReturnType<typeof createVersionReader>;
