/**
 * The audit log is append-only in the database itself: triggers refuse UPDATE and DELETE (and TRUNCATE
 * on PostgreSQL) of its table, so not even raw SQL through Strapi's connection can rewrite history.
 * Installed (idempotently) on every start, after Strapi has synchronised the schema.
 */
import type { Core } from '@strapi/strapi';

/** The message the database raises. */
export const appendOnlyMessage = 'review log is append-only (审核日志只能追加)';

/** Creates the triggers on the log table for SQLite or PostgreSQL. */
export async function installAppendOnlyTriggers(strapi: Core.Strapi, table: string): Promise<void> {
  const knex = strapi.db.connection;
  const client = strapi.config.get<string>('database.connection.client');
  if (!/^[a-z_]+$/.test(table)) throw new Error(`unexpected table name ${table}`);
  if (client === 'sqlite' || client === 'better-sqlite3') {
    for (const operation of ['UPDATE', 'DELETE']) {
      await knex.raw(
        `CREATE TRIGGER IF NOT EXISTS ${table}_no_${operation.toLowerCase()} BEFORE ${operation} ON ${table} BEGIN SELECT RAISE(ABORT, '${appendOnlyMessage}'); END;`,
      );
    }
    return;
  }
  if (client === 'postgres' || client === 'pg') {
    await knex.raw(
      `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${appendOnlyMessage}'; END; $$;`,
    );
    await knex.raw(`DROP TRIGGER IF EXISTS ${table}_append_only_rows ON ${table};`);
    await knex.raw(
      `CREATE TRIGGER ${table}_append_only_rows BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only();`,
    );
    await knex.raw(`DROP TRIGGER IF EXISTS ${table}_append_only_truncate ON ${table};`);
    await knex.raw(
      `CREATE TRIGGER ${table}_append_only_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only();`,
    );
    return;
  }
  strapi.log.warn(
    `[review] no append-only triggers for database client ${client}; the log is guarded by Strapi only`,
  );
}

/**
 * One review state per document version: a unique index on (uid, document id, locale), so two first
 * actions at the same moment cannot create two states. Same SQL on SQLite and PostgreSQL.
 */
export async function ensureStateIndex(strapi: Core.Strapi, table: string): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`unexpected table name ${table}`);
  await strapi.db.connection.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS ${table}_target_unique ON ${table} (target_uid, target_document_id, target_locale)`,
  );
}

/** The log is read per document version (the history of an entry): an index on the target. */
export async function ensureLogIndex(strapi: Core.Strapi, table: string): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`unexpected table name ${table}`);
  await strapi.db.connection.raw(
    `CREATE INDEX IF NOT EXISTS ${table}_target ON ${table} (target_uid, target_document_id, target_locale)`,
  );
}
