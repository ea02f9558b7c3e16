/**
 * The sensitive words the web office maintains, read once and read again whenever the list changed
 * (its row count or newest change differ), so a screening never uses a stale list and never reads the
 * whole list for every submit.
 */
import type { Core } from '@strapi/strapi';
import { wordUid } from './state-store';

/** A reader of the sensitive-word list. */
export function createSensitiveWords(strapi: Core.Strapi): () => Promise<string[]> {
  let cached: { stamp: string; words: string[] } | undefined;
  const words = () => strapi.db.query(wordUid as never);
  return async () => {
    // Through the query engine, so that a call inside a transaction uses the transaction's connection.
    const [count, newest] = await Promise.all([
      words().count({}),
      words().findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } }) as Promise<{
        updatedAt?: unknown;
      } | null>,
    ]);
    const stamp = `${count}|${String(newest?.updatedAt)}`;
    if (cached?.stamp === stamp) return cached.words;
    const rows = (await words().findMany({ select: ['word'], limit: 100000 })) as { word: string }[];
    cached = { stamp, words: rows.map((entry) => entry.word) };
    return cached.words;
  };
}
