/**
 * Prepared statements kept between queries on SQLite. Knex's better-sqlite3 client prepares every
 * query anew; under the mailbox's load that was an eighth of the CMS's time (the same few dozen
 * statements prepared tens of thousands of times). The connection keeps the most recently used
 * statements by their SQL text, and forgets them all when a statement changes the schema.
 */

/** The part of a better-sqlite3 `Database` this needs. */
export interface PreparingConnection {
  prepare(source: string): unknown;
}

const changesSchema = /^\s*(create|alter|drop)\b/i;

/** Makes `connection.prepare` reuse the statement of the same SQL text, `size` of them at most. */
export function keepPreparedStatements(connection: PreparingConnection, size = 500): void {
  const prepare = connection.prepare.bind(connection);
  const kept = new Map<string, unknown>();
  connection.prepare = (source: string) => {
    const statement = kept.get(source);
    if (statement !== undefined) {
      // Most recently used last: the first key is the one to forget.
      kept.delete(source);
      kept.set(source, statement);
      return statement;
    }
    if (changesSchema.test(source)) {
      kept.clear();
      return prepare(source);
    }
    const prepared = prepare(source);
    kept.set(source, prepared);
    if (kept.size > size) kept.delete(kept.keys().next().value as string);
    return prepared;
  };
}
