/**
 * The seeder's ledger: a table of the hash, document id and file id of every record written, kept in
 * the same transaction as the record, so a second run skips what is unchanged and a killed run resumes.
 * @module
 */
import { createHash } from 'node:crypto';
import { typeMappings } from '@govcluster/shared/cms-mapping';
import type { Core } from '@strapi/strapi';

/** Bump when the mapping from snapshot to CMS changes: every record is then written again. */
const seedVersion = '1';
export const ledgerTable = 'govcluster_seed_ledger';

/** A ledger row: the record's hash and what it became in the CMS. */
export type Ledger = { hash: string; document_id: string | null; file_id: number | null };

/** The hash of a record's text under the current seed version. */
export function hashOf(text: string): string {
  return createHash('sha256').update(seedVersion).update('\n').update(text).digest('hex').slice(0, 40);
}

/** Creates the ledger table once. */
export async function ensureLedger(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(ledgerTable)) return;
  await knex.schema.createTable(ledgerTable, (table) => {
    table.string('record_type', 32).notNullable();
    table.string('record_key', 255).notNullable();
    table.string('locale', 16).notNullable();
    table.string('hash', 64).notNullable();
    table.string('document_id', 64);
    table.integer('file_id');
    table.primary(['record_type', 'record_key', 'locale']);
  });
}

/** Indexes the `key` column of every content table, so that looking entries up by key stays fast. */
export async function ensureKeyIndexes(strapi: Core.Strapi): Promise<void> {
  for (const mapping of typeMappings) {
    const table = strapi.getModel(mapping.uid as any).collectionName as string;
    await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (??)`, [
      `${table}_govcluster_key_idx`,
      table,
      'key',
    ]);
  }
}
