/**
 * Loads a snapshot (the demo generator's `snapshot.jsonl` + `media/`) into Strapi through the document
 * service, one record per (id, locale), published as the snapshot says (letters only once replied).
 *
 * Idempotent and resumable: every record's hash is kept in a ledger table (seed-ledger.ts) written in
 * the same database transaction as the record itself, batch by batch. A second run skips what is
 * unchanged; a run killed half-way leaves whole batches only, and the next run carries on (an entry
 * written without its ledger row is found by its key and updated, never duplicated).
 * Long on purpose: one run's steps (sites, columns, media, content, deferred links) share its
 * transaction, caches and counters as closures.
 */
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  localizedTextKeys,
  mappingFor,
  type TypeMapping,
  typeMappings,
} from '@govcluster/shared/cms-mapping';
import {
  entryName,
  mailboxStatisticsRecordType,
  readSnapshot,
  snapshotFile,
} from '@govcluster/shared/snapshot';
import type { Core } from '@strapi/strapi';
import { runTrusted } from '../src/plugins/review/server/src/trust';
import { ensureKeyIndexes, ensureLedger, hashOf, type Ledger, ledgerTable } from './seed-ledger';

/** Counts per record type. */
export interface SeedCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What a seed run did. */
export interface SeedReport {
  /** Per record type (`site`, `column`, `media`, `attachment`, content type keys). */
  counts: Record<string, SeedCounts>;
  /** Records read from the snapshot, header excluded. */
  records: number;
  seconds: number;
}

/** Options of {@link seedSnapshot}. */
export interface SeedOptions {
  /** Records per database transaction (default 100). */
  batchSize?: number;
  /** Called after every record with how many are done. */
  onProgress?: (done: number, type: string) => void;
}

type Raw = Record<string, any>;

/** An error about one record of the snapshot: names the file, line and entry. */
export class SeedError extends Error {
  /** Builds the message `<file>:<line>: <entry>: <what went wrong>`. */
  constructor(file: string, line: number, entry: string, cause: unknown) {
    const details = (cause as any)?.details?.errors as { path: string[]; message: string }[] | undefined;
    const why = details?.length
      ? details.map((error) => `${error.path.join('.')}: ${error.message}`).join('; ')
      : ((cause as Error)?.message ?? String(cause));
    super(`${file}:${line}: ${entry}: ${why}`);
    this.name = 'SeedError';
  }
}

/** `{ 'zh-CN', en?, ru? }` → the `shared.localized-text` component. */
function localizedText(value: Raw | undefined): Raw | undefined {
  if (!value) return undefined;
  const out: Raw = {};
  for (const [locale, key] of Object.entries(localizedTextKeys))
    if (value[locale] !== undefined) out[key] = value[locale];
  return out;
}

/**
 * Seeds a snapshot folder that `validateSnapshot` has accepted. The snapshot holds content already
 * published elsewhere, so it is written on the review gate's trusted path (`runTrusted('seed', …)`).
 */
export function seedSnapshot(
  strapi: Core.Strapi,
  dir: string,
  options: SeedOptions = {},
): Promise<SeedReport> {
  return runTrusted('seed', () => seedTrusted(strapi, dir, options));
}

async function seedTrusted(strapi: Core.Strapi, dir: string, options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const file = snapshotFile(dir);
  const batchSize = options.batchSize ?? 100;
  await ensureLedger(strapi);
  // On a database this seeder has never written to, an entry can only exist if its ledger row does
  // (both are written in one transaction): the lookups by key in the CMS are then skipped.
  const careful = Boolean(await strapi.db.connection(ledgerTable).first('record_key'));
  if (careful) await ensureKeyIndexes(strapi);
  const counts: Record<string, SeedCounts> = {};
  const count = (type: string, what: keyof SeedCounts) => {
    counts[type] ??= { created: 0, updated: 0, unchanged: 0 };
    counts[type][what] += 1;
  };

  const cmsLocales = new Set<string>(
    (await strapi.plugin('i18n').service('locales').find()).map((locale: { code: string }) => locale.code),
  );
  // documentIds and file ids known so far (type:key → documentId), filled from the ledger lazily.
  const documentIds = new Map<string, string>();
  const fileIds = new Map<string, number>();
  let trx: any;
  const ledger = () => strapi.db.connection(ledgerTable).transacting(trx);

  const readLedger = async (type: string, key: string, locale: string): Promise<Ledger | undefined> =>
    ledger().where({ record_type: type, record_key: key, locale }).first();
  const writeLedger = async (type: string, key: string, locale: string, row: Ledger, exists: boolean) => {
    if (exists) await ledger().where({ record_type: type, record_key: key, locale }).update(row);
    else await ledger().insert({ record_type: type, record_key: key, locale, ...row });
  };

  /** The documentId of an entry of `uid` with this key, in any locale: ledger first, then the CMS. */
  const findDocument = async (
    mapping: TypeMapping,
    key: string,
    locale?: string,
  ): Promise<string | undefined> => {
    const cacheKey = `${mapping.uid}:${key}`;
    if (!locale && documentIds.has(cacheKey)) return documentIds.get(cacheKey);
    const row = await ledger()
      .where({ record_type: mapping.typeKey, record_key: key })
      .whereNotNull('document_id')
      .first();
    if (row?.document_id && !locale) {
      documentIds.set(cacheKey, row.document_id);
      return row.document_id;
    }
    if (!careful) return undefined;
    const found = await strapi.documents(mapping.uid as any).findFirst({
      filters: { key } as any,
      ...(mapping.localized ? { locale: locale ?? '*' } : {}),
      fields: ['documentId'] as any,
    } as any);
    if (found?.documentId) documentIds.set(cacheKey, found.documentId);
    return found?.documentId;
  };

  /** Uploads a snapshot file (media or attachment) once; returns its file id. */
  const uploadFile = async (
    kind: 'media' | 'attachment',
    key: string,
    info: { path: string; mime: string; name: string; alternativeText?: string; caption?: string },
    hash: string,
  ): Promise<number> => {
    const cached = fileIds.get(`${kind}:${key}`);
    if (cached !== undefined) return cached;
    const row = await readLedger(kind, key, '');
    if (row && row.hash === hash && row.file_id !== null) {
      const exists = await strapi.db
        .query('plugin::upload.file')
        .findOne({ where: { id: row.file_id }, select: ['id'] });
      if (exists) {
        fileIds.set(`${kind}:${key}`, row.file_id);
        count(kind, 'unchanged');
        return row.file_id;
      }
    }
    const full = join(dir, info.path);
    const [uploaded] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name: info.name, alternativeText: info.alternativeText, caption: info.caption } },
        files: {
          filepath: full,
          originalFilename: basename(info.path),
          mimetype: info.mime,
          size: statSync(full).size,
        },
      });
    // A changed file is uploaded anew; the old upload stays, because entries that did not change still
    // point at it (removing it would silently drop their images or attachments).
    await writeLedger(kind, key, '', { hash, document_id: null, file_id: uploaded.id }, Boolean(row));
    fileIds.set(`${kind}:${key}`, uploaded.id);
    count(kind, row ? 'updated' : 'created');
    return uploaded.id;
  };

  const mediaRecords = new Map<string, { line: number; record: Raw; hash: string }>();
  const mediaId = async (ref: { id: string } | undefined): Promise<number | undefined> => {
    if (!ref) return undefined;
    const media = mediaRecords.get(ref.id);
    if (!media) throw new Error(`media "${ref.id}" is not in the snapshot`);
    const { record, hash } = media;
    return uploadFile(
      'media',
      ref.id,
      {
        path: record.file,
        mime: record.mime,
        name: basename(record.file),
        alternativeText: record.alt?.['zh-CN'],
        caption: JSON.stringify(record.alt),
      },
      hash,
    );
  };
  const attachmentIds = async (attachments: Raw[] | undefined): Promise<number[]> => {
    const ids: number[] = [];
    for (const attachment of attachments ?? []) {
      // One upload per file and display name: the same file may be attached under different names.
      ids.push(
        await uploadFile(
          'attachment',
          `${attachment.file}|${attachment.name}`,
          { path: attachment.file, mime: attachment.mime, name: attachment.name },
          hashOf(`${attachment.file}|${attachment.size}`),
        ),
      );
    }
    return ids;
  };

  const siteMapping = mappingFor('site')!;
  const columnUid = 'api::column.column';
  const columnKey = (site: string, slug: string) => `${site}/${slug}`;
  const columnDocument = async (site: string, slug: string): Promise<string> => {
    const cacheKey = `${columnUid}:${columnKey(site, slug)}`;
    const cached = documentIds.get(cacheKey);
    if (cached) return cached;
    const row = await readLedger('column', columnKey(site, slug), '');
    if (!row?.document_id) throw new Error(`column "${slug}" of site "${site}" is not in the CMS`);
    documentIds.set(cacheKey, row.document_id);
    return row.document_id;
  };
  const siteDocument = async (site: string): Promise<string> => {
    const id = await findDocument(siteMapping, site);
    if (!id) throw new Error(`site "${site}" is not in the CMS`);
    return id;
  };

  /** Converts a content record into Strapi data (renames, relations, media, components). */
  const toData = async (mapping: TypeMapping, record: Raw): Promise<Raw> => {
    const data: Raw = {};
    for (const [field, value] of Object.entries(record)) {
      if (field === 'type' || field === 'locale') continue;
      const name = mapping.rename[field] ?? field;
      data[name] = value;
    }
    if ('site' in data) data.site = await siteDocument(record.site);
    if ('column' in data) data.column = await columnDocument(record.site, record.column);
    // Policy ↔ interpretation is set from the interpretation's side (seeded after every policy).
    if (mapping.typeKey === 'policy') delete data.interpretations;
    if (mapping.typeKey === 'interpretation') {
      const policy = await findDocument(mappingFor('policy')!, record.policy);
      if (!policy) throw new Error(`policy "${record.policy}" is not in the CMS`);
      data.policy = policy;
    }
    for (const field of ['images', 'photos']) {
      if (Array.isArray(data[field]))
        data[field] = await Promise.all(data[field].map((ref: Raw) => mediaId(ref as any)));
    }
    if ('portrait' in data) data.portrait = (await mediaId(data.portrait)) ?? null;
    if ('attachments' in data) data.attachments = await attachmentIds(record.attachments);
    if (mapping.typeKey === 'serviceGuide')
      data.process = (record.process as string[]).map((text) => ({ text }));
    return data;
  };

  let done = 0;
  const progress = (type: string) => {
    done += 1;
    options.onProgress?.(done, type);
  };

  const seedSite = async (_line: number, record: Raw, hash: string) => {
    const row = await readLedger('site', record.id, '');
    const columnsChanged = row?.hash !== hash;
    if (!columnsChanged) {
      count('site', 'unchanged');
      return;
    }
    const data: Raw = {
      key: record.id,
      kind: record.kind,
      name: localizedText(record.name),
      shortName: localizedText(record.shortName) ?? null,
      basePath: record.basePath,
      host: record.host ?? null,
      locales: record.locales,
      footer: {
        sponsor: localizedText(record.footer.sponsor),
        organizer: localizedText(record.footer.organizer) ?? null,
        siteCode: record.footer.siteCode,
        icp: record.footer.icp,
        publicSecurity: record.footer.publicSecurity,
        contact: { ...record.footer.contact, address: localizedText(record.footer.contact.address) },
        partyGovMarkUrl: record.footer.partyGovMarkUrl ?? null,
      },
      investorContacts: ((record.investorContacts ?? []) as Raw[]).map((contact) => ({
        ...contact,
        office: localizedText(contact.office),
        subject: localizedText(contact.subject) ?? null,
        address: localizedText(contact.address) ?? null,
        hours: localizedText(contact.hours) ?? null,
      })),
      hotline: record.hotline ? { ...record.hotline, hours: localizedText(record.hotline.hours) } : null,
      newMedia: ((record.newMedia ?? []) as Raw[]).map((account) => ({
        ...account,
        name: localizedText(account.name),
      })),
      // 公开 body (ADR 27): yes when the registry does not say.
      openInfo: record.openInfo ?? true,
    };
    let documentId = row?.document_id ?? (await findDocument(siteMapping, record.id));
    if (documentId) await strapi.documents(siteMapping.uid as any).update({ documentId, data } as any);
    else
      documentId = (await strapi.documents(siteMapping.uid as any).create({ data } as any))
        .documentId as string;
    documentIds.set(`${siteMapping.uid}:${record.id}`, documentId);
    for (const column of record.columns as Raw[]) {
      const key = columnKey(record.id, column.slug);
      const columnRow = await readLedger('column', key, '');
      const columnHash = hashOf(JSON.stringify(column));
      if (columnRow?.hash === columnHash) {
        count('column', 'unchanged');
        continue;
      }
      const columnData = {
        slug: column.slug,
        type: column.type,
        name: localizedText(column.name),
        order: column.order,
        freshnessDays: column.freshnessDays ?? null,
        site: documentId,
      };
      let columnId = columnRow?.document_id;
      if (!columnId) {
        const existing = await strapi.documents(columnUid as any).findFirst({
          filters: { slug: column.slug, site: { documentId } } as any,
        } as any);
        columnId = existing?.documentId;
      }
      if (columnId)
        await strapi.documents(columnUid as any).update({ documentId: columnId, data: columnData } as any);
      else
        columnId = (await strapi.documents(columnUid as any).create({ data: columnData } as any))
          .documentId as string;
      await writeLedger(
        'column',
        key,
        '',
        { hash: columnHash, document_id: columnId, file_id: null },
        Boolean(columnRow),
      );
      count('column', columnRow ? 'updated' : 'created');
    }
    await writeLedger('site', record.id, '', { hash, document_id: documentId, file_id: null }, Boolean(row));
    count('site', row ? 'updated' : 'created');
  };

  const seedParents = async (sites: Raw[]) => {
    for (const site of sites) {
      if (!site.parent) continue;
      const documentId = await siteDocument(site.id);
      const parent = await siteDocument(site.parent);
      const current = await strapi
        .documents(siteMapping.uid as any)
        .findOne({ documentId, populate: ['parent'] } as any);
      if ((current as any)?.parent?.documentId !== parent) {
        await strapi.documents(siteMapping.uid as any).update({ documentId, data: { parent } } as any);
      }
    }
  };

  const seedContent = async (mapping: TypeMapping, record: Raw, hash: string) => {
    const locale = record.locale as string;
    if (!cmsLocales.has(locale)) {
      throw new Error(`locale "${locale}" does not exist in the CMS (it has ${[...cmsLocales].join(', ')})`);
    }
    const row = await readLedger(mapping.typeKey, record.id, locale);
    if (row?.hash === hash) {
      count(mapping.typeKey, 'unchanged');
      return;
    }
    const data = await toData(mapping, record);
    const publish = mapping.typeKey !== 'letter' || record.status === 'replied';
    const status = publish ? 'published' : 'draft';
    const documents = strapi.documents(mapping.uid as any);
    // The document of this key in this locale (written by an interrupted run without its ledger row)…
    let documentId = row?.document_id ?? (await findDocument(mapping, record.id, locale));
    let created = false;
    if (documentId) {
      await documents.update({ documentId, locale, data, status } as any);
    } else {
      // …or in another locale: this record becomes a new locale version of that document.
      documentId = await findDocument(mapping, record.id);
      if (documentId) await documents.update({ documentId, locale, data, status } as any);
      else
        documentId = ((await documents.create({ locale, data, status } as any)) as any).documentId as string;
      created = true;
    }
    if (!publish && row) {
      // A letter taken back from "replied": its public version goes offline.
      await documents.unpublish({ documentId, locale } as any).catch(() => undefined);
    }
    documentIds.set(`${mapping.uid}:${record.id}`, documentId);
    await writeLedger(
      mapping.typeKey,
      record.id,
      locale,
      { hash, document_id: documentId, file_id: null },
      Boolean(row),
    );
    count(mapping.typeKey, created || !row ? 'created' : 'updated');
  };

  // Records are handled in batches, each in one transaction with its ledger rows.
  type Pending = { line: number; record: Raw; text: string };
  let batch: Pending[] = [];
  const sites: Raw[] = [];
  const deferred: Pending[] = [];
  let sitesDone = false;
  let records = 0;

  const run = async (items: Pending[]) => {
    await strapi.db.transaction(async ({ trx: transaction }: { trx: unknown }) => {
      trx = transaction;
      try {
        for (const { line, record, text } of items) {
          try {
            const hash = hashOf(text);
            if (record.type === 'site') await seedSite(line, record, hash);
            else {
              const mapping = mappingFor(record.type);
              if (!mapping) throw new Error(`unknown record type "${record.type}"`);
              await seedContent(mapping, record, hash);
            }
          } catch (error) {
            throw error instanceof SeedError
              ? error
              : new SeedError(file, line, entryName(record.type, record.id, record.locale), error);
          }
          progress(record.type);
        }
      } finally {
        trx = undefined;
      }
    });
  };
  const flush = async () => {
    if (batch.length > 0) await run(batch);
    batch = [];
  };

  const finishSites = async () => {
    if (sitesDone) return;
    await flush();
    await strapi.db.transaction(async ({ trx: transaction }: { trx: unknown }) => {
      trx = transaction;
      try {
        await seedParents(sites);
      } finally {
        trx = undefined;
      }
    });
    sitesDone = true;
  };

  for await (const { line, record } of readSnapshot(dir)) {
    if (record.type === 'header') continue;
    // The CMS counts its own letters for the mailboxes' statistics (docs/adr/0023-mailbox.md).
    if (record.type === mailboxStatisticsRecordType) continue;
    records += 1;
    const text = JSON.stringify(record);
    if (record.type === 'site') {
      sites.push(record as Raw);
      batch.push({ line, record: record as Raw, text });
      continue;
    }
    await finishSites();
    if (record.type === 'media') {
      // Uploaded when first used, so an unused image costs nothing.
      mediaRecords.set(String(record.id), { line, record: record as Raw, hash: hashOf(text) });
      progress('media');
      continue;
    }
    if (record.type === 'interpretation') {
      // After every policy, so that the two-way link finds its policy.
      deferred.push({ line, record: record as Raw, text });
      continue;
    }
    batch.push({ line, record: record as Raw, text });
    if (batch.length >= batchSize) await flush();
  }
  await finishSites();
  await flush();
  for (let i = 0; i < deferred.length; i += batchSize) await run(deferred.slice(i, i + batchSize));
  return { counts, records, seconds: (Date.now() - started) / 1000 };
}

/** All content types the seeder writes, for reports. */
export const seededTypes = [
  'site',
  'column',
  'media',
  'attachment',
  ...typeMappings.filter((m) => m.localized).map((m) => m.typeKey),
];
