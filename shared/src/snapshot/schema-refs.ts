/**
 * Finds the media references and attachments inside a snapshot record by walking its zod schema, so a
 * new field of either kind is checked without being listed anywhere.
 * @module
 */
import type { z } from 'zod';
import { valueAt } from '../registry/problems.ts';
import { AttachmentSchema, MediaRefSchema } from '../schemas/media.ts';

/** Calls back for every media reference and attachment inside a value, by walking its schema. */
export function collectRefs(
  schema: z.core.$ZodType,
  value: unknown,
  onMedia: (id: unknown, path: string) => void,
  onAttachment: (file: unknown, path: string) => void,
  path = '',
): void {
  if (value === undefined || value === null) return;
  if (schema === MediaRefSchema) {
    onMedia(valueAt(value, ['id']), path);
    return;
  }
  if (schema === AttachmentSchema) {
    onAttachment(valueAt(value, ['file']), path);
    return;
  }
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    shape?: Record<string, z.core.$ZodType>;
    element?: z.core.$ZodType;
    innerType?: z.core.$ZodType;
    in?: z.core.$ZodType;
  };
  if (def.type === 'object' && def.shape !== undefined && typeof value === 'object') {
    for (const [key, field] of Object.entries(def.shape)) {
      collectRefs(
        field,
        (value as Record<string, unknown>)[key],
        onMedia,
        onAttachment,
        path ? `${path}.${key}` : key,
      );
    }
  } else if (def.type === 'array' && def.element !== undefined && Array.isArray(value)) {
    value.forEach((item, index) => {
      collectRefs(def.element as z.core.$ZodType, item, onMedia, onAttachment, `${path}.${index}`);
    });
  } else if (def.innerType !== undefined) {
    collectRefs(def.innerType, value, onMedia, onAttachment, path);
  } else if (def.type === 'pipe' && def.in !== undefined) {
    collectRefs(def.in, value, onMedia, onAttachment, path);
  }
}
