/**
 * The writer of a letter that did not come through the mailbox form (seeded, imported, or typed in by
 * the staff from a phone call) is kept as the mailbox keeps its own writers (docs/adr/0023-mailbox.md):
 * sealed with AES-256-GCM, bound to the letter's document id, in the private `writerSealed`. The
 * `writer` component is a form to type into: whatever arrives in it is sealed and the component itself
 * is never stored. It is read through 查看来信人信息 only (letter-contact.ts), which logs every look.
 * @module
 */
import type { Core } from '@strapi/strapi';
import { runTrusted } from '../plugins/review/server/src/trust';
import { loadMailboxKeys, open, seal } from './crypto';
import type { LetterContact } from './service';

const letterUid = 'api::letter.letter';
const writerComponent = 'letter.writer';

type Writer = Partial<Record<keyof LetterContact, unknown>>;

/** The writer as sealed: its four fields as text, null where empty; null when all are empty. */
function contactOf(writer: unknown): LetterContact | null {
  if (!writer || typeof writer !== 'object') return null;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  const { name, phone, email, idNumber } = writer as Writer;
  const contact = { name: text(name), phone: text(phone), email: text(email), idNumber: text(idNumber) };
  if (Object.values(contact).every((value) => value === null)) return null;
  return { ...contact, name: contact.name ?? '', phone: contact.phone ?? '' };
}

/** What binds a sealed writer to its letter: a sealed value moved to another letter does not open. */
const binding = (documentId: string) => `letter-writer:${documentId}`;

/** Seals the writer of every letter written through the document service. Register in `register()`. */
export function sealLetterWriters(strapi: Core.Strapi): void {
  let key: Buffer | undefined;
  const sealKey = () => {
    key ??= loadMailboxKeys(strapi.dirs.app.root).seal;
    return key;
  };
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== letterUid || !['create', 'update'].includes(ctx.action)) return next();
    const params = ctx.params as { documentId?: string; data?: Record<string, unknown> };
    if (!params.data || !('writer' in params.data)) return next();
    const contact = contactOf(params.data.writer);
    delete params.data.writer;
    if (contact && params.documentId) {
      params.data.writerSealed = seal(sealKey(), contact, binding(params.documentId));
    }
    const result = await next();
    const documentId = (result as { documentId?: string } | null)?.documentId;
    if (contact && !params.documentId && documentId) {
      // A new letter's id exists only now: its rows (every locale's draft) get the sealed writer.
      await strapi.db.query(letterUid as never).updateMany({
        where: { documentId },
        data: { writerSealed: seal(sealKey(), contact, binding(documentId)) },
      });
    }
    return result;
  });
}

/** The sealed writer of a letter, opened; null when it has none. */
export async function openLetterWriter(
  strapi: Core.Strapi,
  key: Buffer,
  documentId: string,
): Promise<LetterContact | null> {
  const rows = (await strapi.db.query(letterUid as never).findMany({
    where: { documentId, writerSealed: { $notNull: true } },
    select: ['writerSealed'],
    limit: 1,
  })) as { writerSealed: string }[];
  const sealed = rows[0]?.writerSealed;
  return sealed ? open<LetterContact>(key, sealed, binding(documentId)) : null;
}

/**
 * Seals the writers that a database made before this change still holds in the `writer` component,
 * and deletes those component rows. Idempotent; call in `bootstrap()`.
 */
export function sealStoredWriters(strapi: Core.Strapi): Promise<number> {
  // Raw writes of reviewed content are refused outside the review's trusted path (guards.ts); this
  // one changes no content the review sees, only how the writer is stored.
  return runTrusted('seal-writers', () => sealWriters(strapi));
}

async function sealWriters(strapi: Core.Strapi): Promise<number> {
  const rows = (await strapi.db.query(letterUid as never).findMany({
    where: { writer: { id: { $notNull: true } } },
    select: ['id', 'documentId', 'writerSealed'],
    populate: { writer: true },
  })) as { id: number; documentId: string; writerSealed?: string | null; writer?: { id: number } | null }[];
  const key = loadMailboxKeys(strapi.dirs.app.root).seal;
  let sealed = 0;
  const done = new Set(rows.filter((row) => row.writerSealed).map((row) => row.documentId));
  for (const row of rows) {
    if (!row.writer) continue;
    const contact = contactOf(row.writer);
    if (contact && !done.has(row.documentId)) {
      done.add(row.documentId);
      await strapi.db.query(letterUid as never).updateMany({
        where: { documentId: row.documentId },
        data: { writerSealed: seal(key, contact, binding(row.documentId)) },
      });
      sealed += 1;
    }
    await strapi.db.query(letterUid as never).update({ where: { id: row.id }, data: { writer: null } });
    await strapi.db.query(writerComponent as never).delete({ where: { id: row.writer.id } });
  }
  return sealed;
}
