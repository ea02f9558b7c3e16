/**
 * The snapshot validator: one streaming pass over `snapshot.jsonl`, each record against its schema and
 * the rules across records (see `validateSnapshot()`).
 * Long on purpose (about 400 lines): the per-record checks and the cross-record rules share one pass's
 * state (ids, links, counts) as closures; the schema walk, the policy links and the file checks are in
 * files of their own.
 * @module
 */
import type { z } from 'zod';
import { valueAt } from '../registry/problems.ts';
import { validateRegistry } from '../registry/registry.ts';
import { type ContentTypeKey, contentTypes } from '../schemas/content-types.ts';
import { defaultLocale } from '../schemas/locale.ts';
import { type EntryAt, entryName, issueRule, type LocateProblem, type SnapshotProblem } from './errors.ts';
import { type AttachmentFileRef, checkFiles, type MediaFileRef } from './file-checks.ts';
import {
  mailboxStatisticsRecordType,
  phaseOf,
  type RawSnapshotRecord,
  type SnapshotHeader,
  SnapshotHeaderSchema,
  type SnapshotRecordType,
  schemaOfRecordType,
} from './format.ts';
import { checkPolicyLinks } from './policy-links.ts';
import { readLines, snapshotFile } from './reader.ts';
import { collectRefs } from './schema-refs.ts';

/** Options of `validateSnapshot()`. */
export interface ValidateSnapshotOptions {
  /** Check that media and attachment files exist in the folder (default `true`). */
  readonly checkFiles?: boolean;
  /** Keep at most this many problems in the result (default 10,000); `problemCount` counts them all. */
  readonly maxProblems?: number;
  /** The locales that have UI strings, passed on to the registry check. */
  readonly uiLocales?: readonly string[];
}

/** What `validateSnapshot()` found. */
export interface SnapshotValidation {
  /** The header, if it was valid. */
  readonly header: SnapshotHeader | undefined;
  /** How many records of each type the file holds (`header`, `site`, `media`, content type keys). */
  readonly counts: Readonly<Record<string, number>>;
  /** The problems, in file order for per-record rules, then the cross-record rules. */
  readonly problems: readonly SnapshotProblem[];
  /** How many problems there are in all, also those left out of `problems` by `maxProblems`. */
  readonly problemCount: number;
}

/** A string field of a raw record, if it is a non-empty string. */
function str(record: unknown, key: string): string | undefined {
  const value = valueAt(record, [key]);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What the cross checks keep of a site. */
interface SiteFacts {
  readonly kind: string | undefined;
  readonly locales: ReadonlySet<string>;
  readonly columns: ReadonlyMap<string, string>;
}

/**
 * Validates a snapshot folder, streaming: each record against its schema, then the rules across records —
 * `site-exists`, `column-exists`, `column-accepts-type`, `village-township`, `unique-village-slug`,
 * `policy-interpretation-backlink` (both ways), `interpretation-exists`, `policy-exists`, `locale-declared`,
 * `locale-in-header`, `media-exists`, `unique-entry`, `default-locale-present`, `media-file-exists`,
 * `attachment-file-exists`, the registry rules on the site records, and the file rules `header-first`,
 * `record-order`, `record-type`, `json-syntax`, `line-ending`.
 * Memory holds ids and links, never bodies, so it copes with the large scale (~100,000 items).
 */
export async function validateSnapshot(
  dir: string,
  options: ValidateSnapshotOptions = {},
): Promise<SnapshotValidation> {
  const file = snapshotFile(dir);
  const maxProblems = options.maxProblems ?? 10_000;
  const problems: SnapshotProblem[] = [];
  let problemCount = 0;
  const report = (problem: SnapshotProblem): void => {
    problemCount += 1;
    if (problems.length < maxProblems) problems.push(problem);
  };
  const at: LocateProblem = (line, type, id, locale) => ({
    file: line > 0 ? `${file}:${line}` : file,
    line,
    entry: entryName(type, id, locale),
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof id === 'string' && id !== '' ? { id } : {}),
    ...(typeof locale === 'string' ? { locale } : {}),
  });

  const counts: Record<string, number> = {};
  let header: SnapshotHeader | undefined;
  let sawHeader = false;
  let phase = -1;
  let reportedLineEnding = false;
  const rawSites: { line: number; fields: Record<string, unknown> }[] = [];
  let sites: Map<string, SiteFacts> | undefined;
  const media = new Set<string>();
  const mediaFiles: MediaFileRef[] = [];
  const attachmentFiles = new Map<string, AttachmentFileRef>();
  const entries = new Set<string>();
  const idLocales = new Map<string, EntryAt & { hasDefault: boolean; type: string; id: string }>();
  const villageSlugs = new Set<string>();
  const statisticsSites = new Set<string>();
  const policies = new Map<string, (EntryAt & { interpretations: readonly string[] })[]>();
  const interpretations = new Map<string, (EntryAt & { policy: string | undefined })[]>();

  const finishSites = (): void => {
    if (sites !== undefined) return;
    sites = new Map();
    const registryProblems = validateRegistry(
      rawSites.map((site) => site.fields),
      {
        file,
        ...(options.uiLocales === undefined ? {} : { uiLocales: options.uiLocales }),
        fileOf: (index) => `${file}:${rawSites[index]?.line ?? 0}`,
        entryName: (index, id) =>
          id === undefined ? `site (line ${rawSites[index]?.line ?? 0})` : `site "${id}"`,
      },
    );
    for (const problem of registryProblems) {
      const suffix = Number(problem.file.slice(problem.file.lastIndexOf(':') + 1));
      const line = problem.file === file || Number.isNaN(suffix) ? 0 : suffix;
      const id = /^site "(.*)"$/.exec(problem.entry)?.[1];
      report({
        ...problem,
        line,
        ...(problem.entry === 'registry' ? {} : { type: 'site' }),
        ...(id === undefined ? {} : { id }),
      });
    }
    for (const { fields } of rawSites) {
      const id = str(fields, 'id');
      if (id === undefined || sites.has(id)) continue;
      const locales = valueAt(fields, ['locales']);
      const columns = valueAt(fields, ['columns']);
      sites.set(id, {
        kind: str(fields, 'kind'),
        locales: new Set(
          Array.isArray(locales) ? locales.filter((l): l is string => typeof l === 'string') : [],
        ),
        columns: new Map(
          (Array.isArray(columns) ? columns : []).flatMap((column) => {
            const slug = str(column, 'slug');
            const type = str(column, 'type');
            return slug === undefined || type === undefined ? [] : [[slug, type] as const];
          }),
        ),
      });
    }
  };

  const checkSchema = (
    line: number,
    type: string,
    schema: z.ZodType,
    value: unknown,
    fields: unknown,
  ): boolean => {
    const result = schema.safeParse(value);
    if (result.success) return true;
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      report({
        ...at(line, type, valueAt(fields, ['id']), valueAt(fields, ['locale'])),
        rule: issueRule(type, issue, fields),
        message: `${path || '(record)'}: ${issue.message}`,
        path,
      });
    }
    return false;
  };

  for await (const { line, text } of readLines(file)) {
    if (text.endsWith('\r') && !reportedLineEnding) {
      reportedLineEnding = true;
      report({
        ...at(line, undefined, undefined, undefined),
        entry: 'record',
        rule: 'line-ending',
        message: 'lines must end with \\n, not \\r\\n',
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      report({
        ...at(line, undefined, undefined, undefined),
        rule: 'json-syntax',
        message: (error as Error).message,
      });
      continue;
    }
    const raw = parsed as RawSnapshotRecord;
    const schema =
      parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? schemaOfRecordType(raw.type)
        : undefined;
    if (schema === undefined) {
      report({
        ...at(line, undefined, valueAt(parsed, ['id']), undefined),
        rule: 'record-type',
        message: `unknown record type ${JSON.stringify(valueAt(parsed, ['type']))}; expected header, site, media, mailboxStatistics or a content type key`,
      });
      continue;
    }
    const type = raw.type as SnapshotRecordType;
    counts[type] = (counts[type] ?? 0) + 1;
    const recordPhase = phaseOf(type);
    if (line === 1 && type !== 'header') {
      report({
        ...at(line, type, raw.id, raw.locale),
        rule: 'header-first',
        message: 'the first line must be the header',
      });
    } else if ((type === 'header' && line !== 1) || recordPhase < phase) {
      report({
        ...at(line, type, raw.id, raw.locale),
        rule: 'record-order',
        message: 'records come in this order: one header, the sites, the media, then content',
      });
    }
    phase = Math.max(phase, recordPhase);
    if (recordPhase >= 2) finishSites();
    const { type: _type, ...fields } = raw;

    if (type === 'header') {
      sawHeader = true;
      if (checkSchema(line, type, SnapshotHeaderSchema, raw, raw) && header === undefined) {
        header = SnapshotHeaderSchema.parse(raw);
      }
      continue;
    }
    if (type === 'site') {
      // The registry check of finishSites() covers the schema and the cross-site rules.
      if (sites === undefined) rawSites.push({ line, fields });
      continue;
    }
    if (type === mailboxStatisticsRecordType) {
      // One record per site, about a site of the snapshot; the schema checks the figures themselves.
      const siteId = str(raw, 'site');
      checkSchema(line, type, schema, fields, fields);
      if (siteId !== undefined && sites !== undefined && !sites.has(siteId)) {
        report({
          ...at(line, type, siteId, undefined),
          rule: 'site-exists',
          message: `site "${siteId}" is not in the snapshot's sites`,
          path: 'site',
        });
      }
      if (siteId !== undefined) {
        if (statisticsSites.has(siteId)) {
          report({
            ...at(line, type, siteId, undefined),
            rule: 'unique-entry',
            message: `the mailbox statistics of site "${siteId}" appear twice`,
          });
        }
        statisticsSites.add(siteId);
      }
      continue;
    }
    const id = str(raw, 'id');
    if (type === 'media') {
      checkSchema(line, type, schema, fields, fields);
      if (id !== undefined) {
        if (media.has(id))
          report({
            ...at(line, type, id, undefined),
            rule: 'unique-entry',
            message: `media "${id}" appears twice`,
          });
        media.add(id);
      }
      const mediaFile = str(raw, 'file');
      if (mediaFile !== undefined) mediaFiles.push({ line, id, file: mediaFile });
      continue;
    }

    // Content records.
    const typeKey: ContentTypeKey = type;
    const info = contentTypes[typeKey];
    const locale = str(raw, 'locale');
    const where = () => at(line, type, id, locale);
    checkSchema(line, type, schema, fields, fields);
    if (id !== undefined && locale !== undefined) {
      const key = `${type}\u0000${id}\u0000${locale}`;
      if (entries.has(key)) {
        report({
          ...where(),
          rule: 'unique-entry',
          message: `${type} "${id}" appears twice in locale ${locale}`,
        });
      }
      entries.add(key);
      const idKey = `${type}\u0000${id}`;
      const seen = idLocales.get(idKey);
      if (seen === undefined)
        idLocales.set(idKey, { line, locale, hasDefault: locale === defaultLocale, type, id });
      else if (locale === defaultLocale && !seen.hasDefault)
        idLocales.set(idKey, { ...seen, hasDefault: true });
    }
    if (locale !== undefined && header !== undefined && !header.locales.includes(locale as never)) {
      report({
        ...where(),
        rule: 'locale-in-header',
        message: `locale ${locale} is not among the header's locales (${header.locales.join(', ')})`,
      });
    }
    const siteId = str(raw, 'site');
    const site = siteId === undefined ? undefined : sites?.get(siteId);
    if (siteId !== undefined && site === undefined) {
      report({
        ...where(),
        rule: 'site-exists',
        message: `site "${siteId}" is not in the snapshot's sites`,
        path: 'site',
      });
    }
    if (site !== undefined) {
      if (locale !== undefined && !site.locales.has(locale)) {
        report({
          ...where(),
          rule: 'locale-declared',
          message: `site "${siteId}" does not publish in ${locale} (its locales: ${[...site.locales].join(', ')})`,
          path: 'locale',
        });
      }
      const column = str(raw, 'column');
      if (info.inColumn && column !== undefined) {
        const columnType = site.columns.get(column);
        if (columnType === undefined) {
          report({
            ...where(),
            rule: 'column-exists',
            message: `site "${siteId}" has no column "${column}"`,
            path: 'column',
          });
        } else if (!(info.columnTypes as readonly string[]).includes(columnType)) {
          report({
            ...where(),
            rule: 'column-accepts-type',
            message: `column "${column}" of site "${siteId}" is of type ${columnType}, which does not hold ${type} entries (it must be ${info.columnTypes.join(' or ')})`,
            path: 'column',
          });
        }
      }
      if (typeKey === 'village') {
        if (site.kind !== 'township') {
          report({
            ...where(),
            rule: 'village-township',
            message: `a village page belongs to a township site, but site "${siteId}" is a ${site.kind ?? 'site of unknown kind'}`,
            path: 'site',
          });
        }
        const slug = str(raw, 'slug');
        if (slug !== undefined && locale !== undefined) {
          const key = `${siteId}\u0000${locale}\u0000${slug}`;
          if (villageSlugs.has(key)) {
            report({
              ...where(),
              rule: 'unique-village-slug',
              message: `slug "${slug}" is used twice in site "${siteId}"`,
              path: 'slug',
            });
          }
          villageSlugs.add(key);
        }
      }
    }
    collectRefs(
      info.schema,
      fields,
      (mediaId, path) => {
        if (typeof mediaId === 'string' && !media.has(mediaId)) {
          report({
            ...where(),
            rule: 'media-exists',
            message: `${path} refers to media "${mediaId}", which is not in the snapshot`,
            path,
          });
        }
      },
      (attachment, path) => {
        if (typeof attachment === 'string' && !attachmentFiles.has(attachment)) {
          attachmentFiles.set(attachment, { line, type, id, locale, path });
        }
      },
    );
    if (typeKey === 'policy' && id !== undefined) {
      const list = valueAt(raw, ['interpretations']);
      const links = Array.isArray(list)
        ? list.filter((item): item is string => typeof item === 'string')
        : [];
      const records = policies.get(id) ?? [];
      records.push({ line, locale, interpretations: links });
      policies.set(id, records);
    }
    if (typeKey === 'interpretation' && id !== undefined) {
      const records = interpretations.get(id) ?? [];
      records.push({ line, locale, policy: str(raw, 'policy') });
      interpretations.set(id, records);
    }
  }

  finishSites();
  if (!sawHeader) {
    report({
      file,
      line: 0,
      entry: 'header',
      type: 'header',
      rule: 'header-first',
      message: 'the snapshot has no header line',
    });
  }

  checkPolicyLinks(policies, interpretations, at, report);

  for (const entry of idLocales.values()) {
    if (!entry.hasDefault) {
      report({
        ...at(entry.line, entry.type, entry.id, entry.locale),
        rule: 'default-locale-present',
        message: `${entry.type} "${entry.id}" has no ${defaultLocale} record; every entry exists in ${defaultLocale}`,
      });
    }
  }

  if (options.checkFiles ?? true) await checkFiles(dir, mediaFiles, attachmentFiles, at, report);

  return { header, counts, problems, problemCount };
}
