/**
 * How the CMS (Strapi 5 REST) names and shapes things, in one module; everything else in the build
 * speaks the shared model. The type keys, REST plurals, localization and renames come from the one
 * statement of the mapping, `@govcluster/shared/cms-mapping`; the answer shapes below are Strapi's.
 *
 * Strapi 5 REST: `GET /api/<plural>?locale=<locale>&status=published&pagination[page]=…`, answer
 * `{ data: [{ id, documentId, locale, …attributes }], meta: { pagination: { page, pageCount } } }`.
 * - our `id` is the attribute `key`; our `publishedAt`/`updatedAt` are `datePublished`/`dateModified`
 *   (Strapi keeps its own `publishedAt`/`updatedAt`, which say when the CMS record changed: the
 *   incremental fetch filters on Strapi's `updatedAt`);
 * - a letter's `status` is `handlingStatus`; its `writer` is private and never requested;
 * - relations (`site`, `column`, `policy`, `interpretations`, `parent`) come populated and are reduced to
 *   ids (`key`, or the column's `slug`); a site's `columns` become the nested Column list;
 * - `LocalizedText` is the component `shared.localized-text` `{ zhCN, en, ru }`;
 * - `process` steps are components `{ text }`;
 * - media fields are Strapi upload files, reduced to `MediaRef` (`{ id }`, the file's name without
 *   extension; `caption` holds the alt text of every locale as JSON) or to an `Attachment`
 *   (`{ name, file, mime, size }`).
 */
import { localizedTextKeys, reservedRenames, typeMappings } from '@govcluster/shared/cms-mapping';

/** REST plural of every type the build reads. */
export const cmsPlural: Record<string, string> = Object.fromEntries(
  typeMappings.map((mapping) => [mapping.typeKey, mapping.pluralName]),
);

/** Types stored once, not per locale (no `locale` query). */
export const cmsUnlocalized = new Set(
  typeMappings.filter((mapping) => !mapping.localized).map((mapping) => mapping.typeKey),
);

/** The attribute that holds our stable id (Strapi keeps `id` and `documentId` for itself). */
export const cmsIdField = reservedRenames.id as string;

/** Extra query parameters per type: what to populate, and which records are public at all. */
export const cmsQuery: Record<string, Record<string, string>> = {
  site: {
    'populate[name]': 'true',
    'populate[shortName]': 'true',
    'populate[parent]': 'true',
    // `*` populates one level only: the footer's contact holds the localized `address` one level down.
    'populate[footer][populate][sponsor]': 'true',
    'populate[footer][populate][organizer]': 'true',
    'populate[footer][populate][contact][populate][address]': 'true',
    'populate[investorContacts][populate]': '*',
    'populate[hotline][populate][hours]': 'true',
    'populate[newMedia][populate][name]': 'true',
    'populate[columns][populate]': '*',
  },
  letter: {
    'filters[handlingStatus][$eq]': 'replied',
    'populate[site]': 'true',
    'populate[column]': 'true',
  },
};

/** Populate everything but private components for the other types. */
export const cmsDefaultQuery: Record<string, string> = { populate: '*' };

/** Strapi attribute → shared field: the inverse of every type's renames. */
const renames: Record<string, string> = Object.fromEntries(
  typeMappings.flatMap((mapping) => Object.entries(mapping.rename).map(([shared, cms]) => [cms, shared])),
);
const strapiOwn = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'localizations',
  'locale',
]);
/** Attributes hidden from every content-API answer, per type: never mapped even if a CMS sent them. */
const privateFields = new Map(typeMappings.map((mapping) => [mapping.typeKey, new Set(mapping.private)]));
/** Attributes that hold media library files (images): a list or one file. */
export const mediaFields: ReadonlySet<string> = new Set(['images', 'photos', 'portrait']);
const attachmentFields = new Set(['attachments']);

type Doc = Record<string, unknown>;

/** The component's attribute that holds the default locale's text: its presence marks a LocalizedText. */
const defaultTextKey = localizedTextKeys['zh-CN'] as string;

function isLocalizedText(value: unknown): value is Doc {
  return !!value && typeof value === 'object' && defaultTextKey in (value as Doc);
}

/** The component's `{ zhCN, en, ru }` as our `{ 'zh-CN', en?, ru? }`, empty locales left out. */
function localizedText(value: Doc): Doc {
  const out: Doc = { 'zh-CN': value[defaultTextKey] };
  for (const [locale, key] of Object.entries(localizedTextKeys))
    if (locale !== 'zh-CN' && value[key]) out[locale] = value[key];
  return out;
}

/**
 * Our id of a Strapi upload: its `name` without extension (the seeding uploads `media/<id>.<ext>` under
 * the name `<id>.<ext>`; Strapi's own file name in `url` carries a hash).
 */
export function cmsMediaId(file: Doc): string {
  return String(file.name ?? '').replace(/\.[^.]+$/, '');
}

/** The alt text of every locale: the JSON in `caption` when it holds one, else `alternativeText`. */
export function cmsMediaAlt(file: Doc, fallback: string): Record<string, string> {
  if (typeof file.caption === 'string' && file.caption.startsWith('{')) {
    try {
      const alt = JSON.parse(file.caption) as Record<string, unknown>;
      if (alt && typeof alt['zh-CN'] === 'string') {
        return Object.fromEntries(
          Object.entries(alt).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
        );
      }
    } catch {
      // not JSON: fall through
    }
  }
  return { 'zh-CN': String(file.alternativeText || fallback) };
}

function mediaRef(file: Doc): { id: string } {
  return { id: cmsMediaId(file) };
}

function attachment(file: Doc): Doc {
  return {
    name: String(file.name ?? ''),
    file: String(file.url ?? '').replace(/^\//, ''),
    mime: String(file.mime ?? 'application/octet-stream'),
    size: Math.round(Number(file.size ?? 0) * 1024),
  };
}

/** A related document reduced to our id: its `key`, or for a column its `slug`. */
function relationId(value: Doc): unknown {
  return value[cmsIdField] ?? value.slug ?? value.documentId;
}

/** Strips Strapi's own fields from a component (and its nested components). */
function component(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(component);
  if (isLocalizedText(value)) return localizedText(value);
  if (value && typeof value === 'object') {
    const out: Doc = {};
    for (const [key, inner] of Object.entries(value as Doc)) {
      if (key === 'id' || key === '__component' || inner === null) continue;
      out[key] = component(inner);
    }
    return out;
  }
  return value;
}

/** Maps one Strapi document to a record of the shared model (validated afterwards with the shared schema). */
export function fromCms(type: string, document: Doc): Doc {
  const out: Doc = {};
  if (typeof document.locale === 'string' && !cmsUnlocalized.has(type)) out.locale = document.locale;
  for (const [key, value] of Object.entries(document)) {
    if (value === null || value === undefined) continue;
    if (key !== cmsIdField && strapiOwn.has(key)) continue;
    if (privateFields.get(type)?.has(key)) continue;
    const name = renames[key] ?? key;
    if (mediaFields.has(key)) {
      out[name] = Array.isArray(value) ? value.map((f) => mediaRef(f as Doc)) : mediaRef(value as Doc);
    } else if (attachmentFields.has(key)) {
      out[name] = (Array.isArray(value) ? value : [value]).map((f) => attachment(f as Doc));
    } else if (key === 'process' && Array.isArray(value)) {
      out[name] = value.map((step) => (typeof step === 'object' && step ? (step as Doc).text : step));
    } else if (type === 'site' && key === 'columns' && Array.isArray(value)) {
      out[name] = value.map((c) => {
        const { site: _site, ...rest } = component(c) as Doc;
        return rest;
      });
    } else if (['site', 'column', 'policy', 'parent'].includes(key) && typeof value === 'object') {
      out[name] = relationId(value as Doc);
    } else if (key === 'interpretations' && Array.isArray(value)) {
      out[name] = value.map((v) => (typeof v === 'object' && v ? relationId(v as Doc) : v));
    } else {
      out[name] = component(value);
    }
  }
  if (type === 'site' && !('parent' in out)) out.parent = null;
  // Attachments and images default to empty lists where the model requires a list.
  for (const field of ['images', 'attachments', 'photos'])
    if (field in out && out[field] === undefined) out[field] = [];
  return out;
}
