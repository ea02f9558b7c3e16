/**
 * The text store: the long texts of entries (an article's body, a letter's reply) kept in a SQLite
 * file beside Astro's content data store instead of inside it. Astro bundles the whole data store into
 * the server build and loads it before the first page; at 100,000 pages the bodies were three quarters
 * of its 150 MB. Here a page reads its own text when it renders. See docs/adr/0012-text-store.md.
 *
 * The loaders write (`TextStoreWriter`), the pages read (`storedText`); both find the file through
 * `GOVCLUSTER_TEXT_STORE`, which astro.config.mjs sets inside Astro's cache folder.
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

/** The top-level text fields that live in the text store rather than in the entry's data. */
export const storedTextFields = ['body', 'reply'] as const;

/** A field of {@link storedTextFields}. */
export type StoredTextField = (typeof storedTextFields)[number];

/** The store's file, as astro.config.mjs sets it. */
export function textStoreFile(env: NodeJS.ProcessEnv = process.env): string {
  const file = env.GOVCLUSTER_TEXT_STORE;
  if (!file) throw new Error('GOVCLUSTER_TEXT_STORE is not set (sites/astro.config.mjs sets it)');
  return file;
}

/** The key of one text: collection, store id and field. */
export function textKey(collection: string, id: string, field: StoredTextField): string {
  return `${collection}|${id}|${field}`;
}

/**
 * The loaders' side of the store. Each collection's texts carry a token, kept both in the store and in
 * the collection's loader meta: a loader that keeps its entries from the last build (same snapshot,
 * or a CMS build fetching changes only) first checks that the store still holds that build's texts.
 */
export class TextStoreWriter {
  readonly #db: DatabaseSync;
  readonly #put: StatementSync;
  readonly #remove: StatementSync;

  constructor(file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file);
    // A cache: it is rebuilt from the source whenever its token does not match, so no fsync.
    this.#db.exec(`
      PRAGMA synchronous = OFF;
      CREATE TABLE IF NOT EXISTS text (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS token (collection TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `);
    this.#put = this.#db.prepare(
      'INSERT INTO text (key, value) VALUES (?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
    );
    this.#remove = this.#db.prepare('DELETE FROM text WHERE key = ?');
  }

  /** The token of a collection's texts, or undefined when the store has none. */
  token(collection: string): string | undefined {
    const row = this.#db.prepare('SELECT value FROM token WHERE collection = ?').get(collection);
    return row ? String(row.value) : undefined;
  }

  /** Removes every text of a collection and gives it a new token, which is returned. */
  reset(collection: string): string {
    const token = randomUUID();
    this.#transaction(() => {
      // Keys of a collection sort between `<collection>|` and `<collection>}` ('}' follows '|').
      this.#db.prepare('DELETE FROM text WHERE key >= ? AND key < ?').run(`${collection}|`, `${collection}}`);
      this.#db
        .prepare('INSERT INTO token (collection, value) VALUES (?, ?) ON CONFLICT DO UPDATE SET value = ?')
        .run(collection, token, token);
    });
    return token;
  }

  /**
   * Moves the stored text fields out of `data` into the store, under the entry's store id, and names
   * them in `data.storedTexts`, with their digest in `data.storedTextsDigest` (what a fingerprint hashes
   * instead of reading every text back: src/lib/fingerprint.ts); fields the entry does not have are
   * removed from the store.
   */
  takeTexts(collection: string, id: string, data: Record<string, unknown>): void {
    const moved: StoredTextField[] = [];
    const digest = createHash('sha256');
    for (const field of storedTextFields) {
      const value = data[field];
      if (typeof value === 'string') {
        this.#put.run(textKey(collection, id, field), value);
        digest.update(`${field}\u0000${value.length}\u0000`).update(value);
        delete data[field];
        moved.push(field);
      } else {
        this.#remove.run(textKey(collection, id, field));
      }
    }
    if (moved.length > 0) {
      data.storedTexts = moved;
      data.storedTextsDigest = digest.digest('base64url');
    }
  }

  /** Removes an entry's texts. */
  deleteTexts(collection: string, id: string): void {
    for (const field of storedTextFields) this.#remove.run(textKey(collection, id, field));
  }

  /** Runs `work` in one transaction (100,000 inserts take a second instead of minutes). */
  batch(work: () => void): void {
    this.#transaction(work);
  }

  #transaction(work: () => void): void {
    this.#db.exec('BEGIN');
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}

const writers = new Map<string, TextStoreWriter>();

/** The writer of a store file, opened once per process. */
export function textStoreWriter(file: string = textStoreFile()): TextStoreWriter {
  let writer = writers.get(file);
  if (!writer) {
    writer = new TextStoreWriter(file);
    writers.set(file, writer);
  }
  return writer;
}

let reader: { file: string; select: StatementSync } | undefined;

/** A text of an entry, read when a page needs it. */
export function storedText(collection: string, id: string, field: StoredTextField): string {
  const file = textStoreFile();
  if (reader?.file !== file) {
    const db = new DatabaseSync(file, { readOnly: true });
    reader = { file, select: db.prepare('SELECT value FROM text WHERE key = ?') };
  }
  const row = reader.select.get(textKey(collection, id, field));
  if (!row) {
    throw new Error(
      `The text store ${file} has no ${field} for ${collection} ${id}: delete that file and build again`,
    );
  }
  return String(row.value);
}
