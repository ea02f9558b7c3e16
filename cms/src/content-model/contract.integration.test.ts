import { join } from 'node:path';
import { columnMapping, mappingFor, typeMappings } from '@govcluster/shared/cms-mapping';
import {
  AttachmentSchema,
  ColumnSchema,
  contentTypes,
  LocalizedTextSchema,
  MediaRefSchema,
  SiteSchema,
} from '@govcluster/shared/schemas';
import { describe, expect, it } from 'vitest';
import { compareTypeToZod, readStrapiSchemas } from './contract';

const appDir = join(__dirname, '..', '..');
const schemas = readStrapiSchemas(appDir);
const shapes = { LocalizedTextSchema, MediaRefSchema, AttachmentSchema } as never;

describe('Strapi content types agree with the shared zod schemas', () => {
  it('maps every content type of the shared model, and nothing else', () => {
    const mapped = typeMappings.map((mapping) => mapping.typeKey).filter((key) => key !== 'site');
    expect(mapped.sort()).toEqual(Object.keys(contentTypes).sort());
  });

  it.each(Object.keys(contentTypes))('%s: fields, types, required, localized, private', (typeKey) => {
    const mapping = mappingFor(typeKey);
    expect(mapping, `no Strapi mapping for shared type ${typeKey}`).toBeDefined();
    const schema = contentTypes[typeKey as keyof typeof contentTypes].schema;
    // A letter's sealed writer is how the CMS stores `writer` (cms/src/mailbox/sealed-writer.ts).
    const cmsOnly = typeKey === 'letter' ? ['writerSealed'] : [];
    expect(compareTypeToZod(mapping!, schema as never, schemas, shapes, cmsOnly)).toEqual([]);
  });

  it('site: the registry entry, with columns as their own content type', () => {
    // `label` is the admin's display name, derived from the names (cms/src/setup/registry-labels.ts).
    expect(compareTypeToZod(mappingFor('site')!, SiteSchema as never, schemas, shapes, ['label'])).toEqual(
      [],
    );
    // Columns are nested in the site in the shared model; in Strapi they point back to their site.
    expect(
      compareTypeToZod(columnMapping, ColumnSchema as never, schemas, shapes, ['site', 'label']),
    ).toEqual([]);
  });

  it('content is per locale with draft and publish; the registry is neither', () => {
    for (const mapping of [...typeMappings, columnMapping]) {
      const type = schemas.contentTypes.get(mapping.uid)!;
      expect({ uid: mapping.uid, draftAndPublish: type.options?.draftAndPublish === true }).toEqual({
        uid: mapping.uid,
        draftAndPublish: mapping.localized,
      });
    }
  });

  it('compares the fields inside components as well', () => {
    const broken = structuredClone(schemas);
    delete broken.components.get('service.material')!.attributes.copies;
    broken.components.get('village.affair')!.attributes.category.enum = ['party', 'village'];
    broken.components.get('site.footer')!.attributes.siteCode.required = false;
    const problems = [
      ...compareTypeToZod(
        mappingFor('serviceGuide')!,
        contentTypes.serviceGuide.schema as never,
        broken,
        shapes,
      ),
      ...compareTypeToZod(mappingFor('village')!, contentTypes.village.schema as never, broken, shapes),
      ...compareTypeToZod(mappingFor('site')!, SiteSchema as never, broken, shapes, ['label']),
    ];
    expect(problems).toEqual([
      'serviceGuide.materials.copies: missing in component service.material',
      'village.affairs.category: enumeration values ["party","village"] differ from ["party","village","finance"]',
      'site.footer.siteCode: required is false in Strapi but true in the shared schema',
    ]);
  });

  it('catches a disagreement (the rules can fail)', () => {
    const mapping = mappingFor('article')!;
    const broken = structuredClone(schemas);
    const article = broken.contentTypes.get(mapping.uid)!;
    delete article.attributes.summary;
    article.attributes.title.required = false;
    article.attributes.documentNumber = { type: 'string' };
    article.attributes.source.pluginOptions = { i18n: { localized: false } };
    article.attributes.datePublished.type = 'date';
    expect(compareTypeToZod(mapping, contentTypes.article.schema as never, broken, shapes)).toEqual([
      'article.title: required is false in Strapi but true in the shared schema',
      'article.summary: missing in api::article.article',
      'article.publishedAt (Strapi "datePublished"): type is "date" in Strapi, the shared datetime needs datetime',
      'article.source: localized is false in Strapi, ADR 0004 says true',
      'article.documentNumber: in api::article.article but not in the shared schema',
      'article.documentNumber: localized is unset in Strapi, ADR 0004 says true',
    ]);
  });
});
