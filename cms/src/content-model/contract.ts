/**
 * Compares a Strapi content-type schema (schema.json and its components) with a zod object schema of
 * the shared model and lists every disagreement: a field missing on either side, a type, required,
 * localized. Used by the contract test; kept apart from it so the rules read as one piece.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localizedTextComponent, localizedTextKeys, type TypeMapping } from '@govcluster/shared/cms-mapping';

/** A Strapi attribute as written in schema.json. */
export interface StrapiAttribute {
  type: string;
  required?: boolean;
  private?: boolean;
  enum?: string[];
  regex?: string;
  component?: string;
  repeatable?: boolean;
  multiple?: boolean;
  min?: number;
  relation?: string;
  target?: string;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

/** A content type or component as written in its JSON file. */
export interface StrapiSchema {
  pluginOptions?: { i18n?: { localized?: boolean } };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, StrapiAttribute>;
}

/** Reads every schema.json under `src/api` (by uid) and every component under `src/components`. */
export function readStrapiSchemas(appDir: string): {
  contentTypes: Map<string, StrapiSchema>;
  components: Map<string, StrapiSchema>;
} {
  const contentTypes = new Map<string, StrapiSchema>();
  const apiDir = join(appDir, 'src', 'api');
  for (const api of readdirSync(apiDir)) {
    const typesDir = join(apiDir, api, 'content-types');
    // An API may be routes and controllers only (the publisher's notices), with no content type of its own.
    if (!existsSync(typesDir)) continue;
    for (const name of readdirSync(typesDir)) {
      contentTypes.set(
        `api::${api}.${name}`,
        JSON.parse(readFileSync(join(typesDir, name, 'schema.json'), 'utf8')),
      );
    }
  }
  const components = new Map<string, StrapiSchema>();
  const componentsDir = join(appDir, 'src', 'components');
  for (const category of readdirSync(componentsDir)) {
    for (const file of readdirSync(join(componentsDir, category))) {
      components.set(
        `${category}.${file.replace(/\.json$/, '')}`,
        JSON.parse(readFileSync(join(componentsDir, category, file), 'utf8')),
      );
    }
  }
  return { contentTypes, components };
}

// Zod 4 internals: every schema carries `def` with a `type`; we only read, never build.
type ZodLike = { def: Record<string, any>; shape?: Record<string, ZodLike> };

/** A zod schema reduced to what a CMS field can express. */
interface FieldShape {
  optional: boolean;
  kind:
    | 'string'
    | 'date'
    | 'datetime'
    | 'email'
    | 'integer'
    | 'number'
    | 'boolean'
    | 'enum'
    | 'array'
    | 'object';
  values?: string[];
  element?: ZodLike;
  minItems?: number;
  schema: ZodLike;
}

/** Unwraps optional/nullable/default/pipe/readonly and says what kind of value is left. */
export function describeZod(schema: ZodLike): FieldShape {
  let current = schema;
  let optional = false;
  for (;;) {
    const t = current.def.type;
    if (t === 'optional' || t === 'nullable' || t === 'default' || t === 'prefault') {
      optional = true;
      current = current.def.innerType;
    } else if (t === 'readonly' || t === 'catch') {
      current = current.def.innerType;
    } else if (t === 'pipe') {
      current = current.def.in.def.type === 'transform' ? current.def.out : current.def.in;
    } else break;
  }
  const def = current.def;
  const base = { optional, schema: current };
  switch (def.type) {
    case 'string': {
      const format = def.format as string | undefined;
      if (format === 'date') return { ...base, kind: 'date' };
      if (format === 'datetime') return { ...base, kind: 'datetime' };
      if (format === 'email') return { ...base, kind: 'email' };
      return { ...base, kind: 'string' };
    }
    case 'number': {
      const isInt = (def.checks ?? []).some((check: any) => /int/.test(check?._zod?.def?.format ?? ''));
      return { ...base, kind: isInt ? 'integer' : 'number' };
    }
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'enum':
      return { ...base, kind: 'enum', values: Object.values(def.entries as Record<string, string>) };
    case 'literal':
      return { ...base, kind: 'enum', values: (def.values as unknown[]).map(String) };
    case 'array': {
      const min = (def.checks ?? []).find((check: any) => check?._zod?.def?.check === 'min_length');
      return { ...base, kind: 'array', element: def.element, minItems: min ? min._zod.def.minimum : 0 };
    }
    case 'object':
      return { ...base, kind: 'object' };
    default:
      throw new Error(`zod type "${def.type}" has no CMS equivalent in the contract rules`);
  }
}

function keysOf(schema: ZodLike): string[] {
  return Object.keys(schema.def.shape ?? schema.shape ?? {});
}

function sameKeys(schema: ZodLike, keys: string[]): boolean {
  const own = keysOf(schema).sort();
  return own.length === keys.length && [...keys].sort().every((key, i) => key === own[i]);
}

/** The reference shapes of the shared model that map to Strapi built-ins rather than fields. */
export interface SharedShapes {
  LocalizedTextSchema: ZodLike;
  MediaRefSchema: ZodLike;
  AttachmentSchema: ZodLike;
}

/** Context of one comparison. */
interface Context {
  components: Map<string, StrapiSchema>;
  shapes: SharedShapes;
  problems: string[];
}

function isLocalizedText(schema: ZodLike, shapes: SharedShapes) {
  return schema === shapes.LocalizedTextSchema || sameKeys(schema, Object.keys(localizedTextKeys));
}
function isMediaRef(schema: ZodLike, shapes: SharedShapes) {
  return schema === shapes.MediaRefSchema || sameKeys(schema, ['id']);
}
function isAttachment(schema: ZodLike, shapes: SharedShapes) {
  return schema === shapes.AttachmentSchema || sameKeys(schema, ['name', 'file', 'mime', 'size']);
}

/** Whether a string attribute's regex accepts exactly the enum values (Strapi enums must be ASCII-ish). */
function regexIsEnum(regex: string | undefined, values: string[]): boolean {
  if (!regex) return false;
  const pattern = new RegExp(regex, 'u');
  return values.every((value) => pattern.test(value)) && !pattern.test(`${values[0]}x`) && !pattern.test('');
}

function compareField(
  where: string,
  zod: ZodLike,
  attr: StrapiAttribute,
  ctx: Context,
  relation: boolean,
): void {
  const shape = describeZod(zod);
  const problem = (message: string): void => {
    ctx.problems.push(`${where}: ${message}`);
  };
  const expectType = (allowed: string[]) => {
    if (!allowed.includes(attr.type))
      problem(`type is "${attr.type}" in Strapi, the shared ${shape.kind} needs ${allowed.join(' or ')}`);
  };
  // Required: relations cannot be required in Strapi 5; arrays are required only with a minimum length.
  if (attr.type !== 'relation') {
    const zodRequired = shape.kind === 'array' ? (shape.minItems ?? 0) > 0 : !shape.optional;
    const strapiRequired = attr.required === true;
    if (zodRequired !== strapiRequired) {
      problem(`required is ${strapiRequired} in Strapi but ${zodRequired} in the shared schema`);
    }
  }
  if (relation) {
    expectType(['relation']);
    const many = shape.kind === 'array';
    const strapiMany = attr.relation === 'oneToMany' || attr.relation === 'manyToMany';
    if (attr.type === 'relation' && many !== strapiMany)
      problem(`relation "${attr.relation}" but the shared field holds ${many ? 'a list of ids' : 'one id'}`);
    return;
  }
  switch (shape.kind) {
    case 'string':
      if (attr.type === 'string' && attr.regex === undefined) return;
      expectType(['string', 'text', 'richtext', 'email']);
      return;
    case 'email':
      expectType(['email', 'string']);
      return;
    case 'date':
      expectType(['date']);
      return;
    case 'datetime':
      expectType(['datetime']);
      return;
    case 'integer':
      expectType(['integer', 'biginteger']);
      return;
    case 'number':
      expectType(['decimal', 'float', 'integer']);
      return;
    case 'boolean':
      expectType(['boolean']);
      return;
    case 'enum': {
      const values = shape.values ?? [];
      if (attr.type === 'enumeration') {
        const same =
          values.length === (attr.enum ?? []).length && values.every((v) => attr.enum?.includes(v));
        if (!same)
          problem(`enumeration values ${JSON.stringify(attr.enum)} differ from ${JSON.stringify(values)}`);
      } else if (attr.type === 'string') {
        if (!regexIsEnum(attr.regex, values))
          problem(`string regex does not accept exactly ${JSON.stringify(values)}`);
      } else expectType(['enumeration', 'string']);
      return;
    }
    case 'object': {
      if (isMediaRef(shape.schema, ctx.shapes)) {
        expectType(['media']);
        if (attr.multiple) problem('media allows several files, the shared field holds one');
        return;
      }
      if (isLocalizedText(shape.schema, ctx.shapes)) {
        if (attr.type !== 'component' || attr.component !== localizedTextComponent || attr.repeatable) {
          problem(`a LocalizedText must be the component ${localizedTextComponent}`);
        }
        return;
      }
      if (attr.type !== 'component' || attr.repeatable) {
        problem('an object must be a single component');
        return;
      }
      compareComponent(where, shape.schema, attr.component ?? '', ctx);
      return;
    }
    case 'array': {
      const element = describeZod(shape.element as ZodLike);
      if (
        element.kind === 'object' &&
        (isMediaRef(element.schema, ctx.shapes) || isAttachment(element.schema, ctx.shapes))
      ) {
        expectType(['media']);
        if (attr.type === 'media' && !attr.multiple)
          problem('media allows one file, the shared field holds a list');
        return;
      }
      if (element.kind === 'object') {
        if (attr.type !== 'component' || !attr.repeatable) {
          problem('a list of objects must be a repeatable component');
          return;
        }
        if ((shape.minItems ?? 0) > 0 && (attr.min ?? 0) < (shape.minItems ?? 0))
          problem(`min is ${attr.min ?? 0}, the shared schema needs ${shape.minItems}`);
        compareComponent(where, element.schema, attr.component ?? '', ctx);
        return;
      }
      if (element.kind === 'enum') {
        expectType(['json']);
        return;
      }
      // A list of plain strings: a repeatable component with one `text` field (each step its own row).
      if (attr.type === 'json') return;
      if (attr.type !== 'component' || !attr.repeatable) {
        problem('a list of strings must be a repeatable component or json');
        return;
      }
      const component = ctx.components.get(attr.component ?? '');
      const names = Object.keys(component?.attributes ?? {});
      if (names.length !== 1 || names[0] !== 'text')
        problem(`component ${attr.component} must have exactly one attribute "text"`);
      if ((shape.minItems ?? 0) > 0 && (attr.min ?? 0) < (shape.minItems ?? 0))
        problem(`min is ${attr.min ?? 0}, the shared schema needs ${shape.minItems}`);
      return;
    }
  }
}

function compareComponent(where: string, zod: ZodLike, uid: string, ctx: Context): void {
  const component = ctx.components.get(uid);
  if (!component) {
    ctx.problems.push(`${where}: component "${uid}" does not exist`);
    return;
  }
  const shape = (zod.def.shape ?? zod.shape) as Record<string, ZodLike>;
  for (const [name, field] of Object.entries(shape)) {
    const attr = component.attributes[name];
    if (!attr) ctx.problems.push(`${where}.${name}: missing in component ${uid}`);
    else compareField(`${where}.${name}`, field, attr, ctx, false);
  }
  for (const name of Object.keys(component.attributes)) {
    if (!(name in shape))
      ctx.problems.push(`${where}.${name}: in component ${uid} but not in the shared schema`);
  }
}

/**
 * Every disagreement between a Strapi content type and its zod schema, as readable lines
 * (`article.title: required is false in Strapi but true in the shared schema`). Empty when they agree.
 */
export function compareTypeToZod(
  mapping: TypeMapping,
  zod: ZodLike,
  schemas: { contentTypes: Map<string, StrapiSchema>; components: Map<string, StrapiSchema> },
  shapes: SharedShapes,
  extraStrapiAttributes: string[] = [],
): string[] {
  const ctx: Context = { components: schemas.components, shapes, problems: [] };
  const type = schemas.contentTypes.get(mapping.uid);
  if (!type) return [`${mapping.typeKey}: content type ${mapping.uid} does not exist`];
  const typeLocalized = type.pluginOptions?.i18n?.localized === true;
  if (typeLocalized !== mapping.localized) {
    ctx.problems.push(
      `${mapping.typeKey}: i18n is ${typeLocalized ? 'on' : 'off'}, the model map says ${mapping.localized ? 'on' : 'off'}`,
    );
  }
  const shape = (zod.def.shape ?? zod.shape) as Record<string, ZodLike>;
  const seen = new Set<string>();
  for (const [field, fieldSchema] of Object.entries(shape)) {
    if (field === 'locale' && mapping.localized) continue;
    const name = mapping.rename[field] ?? field;
    seen.add(name);
    const attr = type.attributes[name];
    const where = `${mapping.typeKey}.${field}${name === field ? '' : ` (Strapi "${name}")`}`;
    if (!attr) {
      ctx.problems.push(`${where}: missing in ${mapping.uid}`);
      continue;
    }
    compareField(where, fieldSchema, attr, ctx, name in mapping.relations);
  }
  for (const [name, attr] of Object.entries(type.attributes)) {
    if (!seen.has(name) && !extraStrapiAttributes.includes(name)) {
      ctx.problems.push(`${mapping.typeKey}.${name}: in ${mapping.uid} but not in the shared schema`);
    }
    if (mapping.localized) {
      const declared = attr.pluginOptions?.i18n?.localized;
      if (attr.type === 'relation') {
        if (declared === false)
          ctx.problems.push(
            `${mapping.typeKey}.${name}: relations are always per locale in Strapi 5; do not mark them localized: false`,
          );
        continue;
      }
      const expected = !mapping.notLocalized.includes(name);
      if (declared !== expected) {
        ctx.problems.push(
          `${mapping.typeKey}.${name}: localized is ${declared ?? 'unset'} in Strapi, ADR 0004 says ${expected}`,
        );
      }
    }
    if ((attr.private === true) !== mapping.private.includes(name)) {
      ctx.problems.push(
        `${mapping.typeKey}.${name}: private is ${attr.private === true}, the model map says ${mapping.private.includes(name)}`,
      );
    }
  }
  return ctx.problems;
}
