/**
 * Fills a new entry's empty 所属站点 and 栏目 pickers and its empty page dates with what the server
 * suggests for this person (`GET /review/defaults/:uid`): an author's own site, its column that holds the
 * type, now. Once per create form; what is already filled stays, and every field stays free to change.
 */
import { useForm } from '@strapi/strapi/admin';
import { useEffect, useRef } from 'react';
import { type EntryDefaults, useReviewApi } from '../api';

type FieldValue = { connect?: unknown[] } | string | null | undefined;

const targets = { site: 'api::site.site', column: 'api::column.column' } as const;

/** A row of the form's `connect` list, as the relation picker itself adds one. */
function connectItem(field: keyof typeof targets, relation: NonNullable<EntryDefaults['site']>) {
  return {
    id: relation.id,
    apiData: { id: relation.id, documentId: relation.documentId, isTemporary: true },
    __temp_key__: 'a0',
    label: relation.label,
    href: `../collection-types/${targets[field]}/${relation.documentId}`,
  };
}

/** Renders nothing; sets the pickers of the create form it sits in. */
export function NewEntryDefaults({ model }: { model: string }) {
  const api = useReviewApi();
  const onChange = useForm('NewEntryDefaults', (form) => form.onChange, false);
  const values = useForm('NewEntryDefaults', (form) => form.values as Record<string, FieldValue>, false);
  const latest = useRef(values);
  latest.current = values;
  const asked = useRef(false);

  useEffect(() => {
    if (asked.current || !onChange) return;
    asked.current = true;
    api
      .defaults(model)
      .then((defaults) => {
        for (const field of Object.keys(targets) as (keyof typeof targets)[]) {
          const relation = defaults[field];
          const chosen =
            (latest.current?.[field] as { connect?: unknown[] } | undefined)?.connect?.length ?? 0;
          if (relation && chosen === 0) onChange(`${field}.connect`, [connectItem(field, relation)]);
        }
        for (const [field, value] of Object.entries(defaults.values)) {
          if (!latest.current?.[field]) onChange(field, value);
        }
      })
      // Nothing to suggest is no error: the pickers are there as before.
      .catch(() => undefined);
  }, [api, model, onChange]);

  return null;
}
