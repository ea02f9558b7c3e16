/**
 * How the shared model (zod schemas in `@govcluster/shared`, snapshot type keys) maps onto Strapi.
 * Pure data, the one statement of the mapping: the CMS's seeder and contract test, the build's CMS
 * loader (`sites/src/loaders/cms-mapping.ts`) and the ADR on localized fields (docs/adr/0004) use it.
 */

/** A relation from a Strapi attribute to the entry of another type, found by its stable id. */
export interface RelationMapping {
  /** The Strapi content type the relation points to. */
  target: string;
  /** `one` for a single id (`site: 'fgw'`), `many` for a list of ids (`interpretations: [...]`). */
  cardinality: 'one' | 'many';
}

/** One entity of the shared model as a Strapi content type. */
export interface TypeMapping {
  /** The snapshot `type` key, e.g. `serviceGuide`. */
  typeKey: string;
  /** The Strapi content-type uid, e.g. `api::service-guide.service-guide`. */
  uid: string;
  /** The REST collection path under `/api/`, e.g. `service-guides`. */
  pluralName: string;
  /** Whether entries are one record per locale (Strapi i18n) — everything but sites and columns. */
  localized: boolean;
  /** Shared field → Strapi attribute, where Strapi reserves the shared name. */
  rename: Record<string, string>;
  /** Attributes that hold references by stable id. */
  relations: Record<string, RelationMapping>;
  /** Attributes that are the same in every locale (ADR 0004); every other attribute is localized. */
  notLocalized: string[];
  /** Attributes hidden from every content-API response. */
  private: string[];
}

/**
 * Renames forced by Strapi's reserved attribute names (`id`, `publishedAt`, `updatedAt`, and `status`
 * on draft-and-publish types). Strapi's own `publishedAt`/`updatedAt` say when an entry went online in
 * the CMS; the shared `publishedAt`/`updatedAt` are the dates printed on the page (发布日期, 更新日期).
 */
export const reservedRenames: Readonly<Record<string, string>> = {
  id: 'key',
  publishedAt: 'datePublished',
  updatedAt: 'dateModified',
};

const site: RelationMapping = { target: 'api::site.site', cardinality: 'one' };
const column: RelationMapping = { target: 'api::column.column', cardinality: 'one' };
const common = ['key', 'datePublished', 'dateModified'];

/** Every type of the shared model, in the order a snapshot lists them (sites first). */
export const typeMappings: readonly TypeMapping[] = [
  {
    typeKey: 'site',
    uid: 'api::site.site',
    pluralName: 'sites',
    localized: false,
    rename: { id: 'key' },
    relations: { parent: site, columns: { target: 'api::column.column', cardinality: 'many' } },
    notLocalized: [],
    private: [],
  },
  {
    typeKey: 'article',
    uid: 'api::article.article',
    pluralName: 'articles',
    localized: true,
    rename: reservedRenames,
    relations: { site, column },
    notLocalized: [...common, 'images', 'attachments'],
    private: [],
  },
  {
    typeKey: 'policy',
    uid: 'api::policy.policy',
    pluralName: 'policies',
    localized: true,
    rename: reservedRenames,
    relations: {
      site,
      column,
      interpretations: { target: 'api::interpretation.interpretation', cardinality: 'many' },
    },
    notLocalized: [
      ...common,
      'indexNumber',
      'documentNumber',
      'writtenDate',
      'topic',
      'validity',
      'validityDate',
      'replacedBy',
      'attachments',
    ],
    private: [],
  },
  {
    typeKey: 'interpretation',
    uid: 'api::interpretation.interpretation',
    pluralName: 'interpretations',
    localized: true,
    rename: reservedRenames,
    relations: { site, column, policy: { target: 'api::policy.policy', cardinality: 'one' } },
    notLocalized: [...common, 'form'],
    private: [],
  },
  {
    typeKey: 'serviceGuide',
    uid: 'api::service-guide.service-guide',
    pluralName: 'service-guides',
    localized: true,
    rename: reservedRenames,
    relations: { site, column },
    notLocalized: [...common, 'inquiryPhone', 'complaintPhone', 'topic', 'audience', 'onlineUrl'],
    private: [],
  },
  {
    typeKey: 'leader',
    uid: 'api::leader.leader',
    pluralName: 'leaders',
    localized: true,
    rename: reservedRenames,
    relations: { site },
    notLocalized: [...common, 'portrait', 'order'],
    private: [],
  },
  {
    typeKey: 'village',
    uid: 'api::village.village',
    pluralName: 'villages',
    localized: true,
    rename: reservedRenames,
    relations: { site },
    notLocalized: [...common, 'slug', 'photos'],
    private: [],
  },
  {
    typeKey: 'investmentProject',
    uid: 'api::investment-project.investment-project',
    pluralName: 'investment-projects',
    localized: true,
    rename: reservedRenames,
    relations: { site },
    notLocalized: [...common, 'images'],
    private: [],
  },
  {
    typeKey: 'letter',
    uid: 'api::letter.letter',
    pluralName: 'letters',
    localized: true,
    rename: { ...reservedRenames, status: 'handlingStatus' },
    relations: { site, column, office: site },
    notLocalized: [...common, 'submittedAt', 'handlingStatus', 'repliedAt', 'writer', 'writerSealed'],
    private: ['writer', 'writerSealed'],
  },
  {
    typeKey: 'interview',
    uid: 'api::interview.interview',
    pluralName: 'interviews',
    localized: true,
    rename: reservedRenames,
    relations: { site, column },
    notLocalized: [...common, 'heldAt', 'photos'],
    private: [],
  },
  {
    typeKey: 'consultation',
    uid: 'api::consultation.consultation',
    pluralName: 'consultations',
    localized: true,
    rename: reservedRenames,
    relations: { site, column },
    notLocalized: [...common, 'opensAt', 'closesAt', 'attachments'],
    private: [],
  },
];

/** Column (栏目) as its own content type: the shared model nests columns in their site. */
export const columnMapping: TypeMapping = {
  typeKey: 'column',
  uid: 'api::column.column',
  pluralName: 'columns',
  localized: false,
  rename: {},
  relations: { site },
  notLocalized: [],
  private: [],
};

/** The Strapi component that holds a `LocalizedText` ({ 'zh-CN', en?, ru? }) of the registry. */
export const localizedTextComponent = 'shared.localized-text';

/** `LocalizedText` key → attribute of {@link localizedTextComponent}. */
export const localizedTextKeys: Readonly<Record<string, string>> = { 'zh-CN': 'zhCN', en: 'en', ru: 'ru' };

/** The mapping of a snapshot type key, or undefined for keys that are not content (header, media). */
export function mappingFor(typeKey: string): TypeMapping | undefined {
  return typeMappings.find((mapping) => mapping.typeKey === typeKey);
}
