/**
 * `pnpm search:meili`: pushes the cluster's search documents to Meilisearch with the official client, for
 * clusters that outgrow static search. One index per locale (`govcluster-zh-cn`, `-en`, `-ru`) with
 * Chinese, English and Russian as localized attributes, filterable site, kind, type and year, and the Han
 * bigram attributes that make any run of two or more characters findable (shared/src/search).
 *
 * Each index is filled as `<uid>-next` and swapped in, so searches never see a half-filled index.
 *
 * Usage: MEILI_HOST=http://127.0.0.1:7700 MEILI_MASTER_KEY=… node --import tsx scripts/src/push-meilisearch.ts
 *        [--dist dist | --snapshot <dir>] [--prefix govcluster]
 * Prints a search-only key (an existing one, else one it creates) for `MEILI_SEARCH_KEY` of the build,
 * which then configures every search page for Meilisearch (README, "Operating it").
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '@govcluster/shared/schemas';
import { meiliDocument, meiliIndexUid, meiliSettings, type SearchDocument } from '@govcluster/shared/search';
import { Meilisearch } from 'meilisearch';
import { clusterDocuments, snapshotDocuments } from './search/cluster-documents.ts';

/** Documents per `addDocuments` call. */
const batchSize = 5_000;

/** What a push did, per locale. */
export interface PushResult {
  /** Index uid. */
  readonly uid: string;
  /** Documents pushed. */
  readonly documents: number;
}

/** The documents grouped by locale. */
function byLocale(documents: readonly SearchDocument[]): Map<Locale, SearchDocument[]> {
  const groups = new Map<Locale, SearchDocument[]>();
  for (const document of documents) {
    const list = groups.get(document.locale) ?? [];
    list.push(document);
    groups.set(document.locale, list);
  }
  return groups;
}

/**
 * Pushes documents into one index per locale: fills `<uid>-next` with the settings and documents, swaps it
 * with `<uid>` (created empty first if missing) and deletes the old one.
 */
export async function pushToMeilisearch(
  client: Meilisearch,
  documents: readonly SearchDocument[],
  options: { readonly prefix?: string; readonly log?: (line: string) => void } = {},
): Promise<PushResult[]> {
  const results: PushResult[] = [];
  const existing = new Set((await client.getIndexes({ limit: 1000 })).results.map((index) => index.uid));
  for (const [locale, list] of byLocale(documents)) {
    const uid = meiliIndexUid(locale, options.prefix);
    const next = `${uid}-next`;
    if (existing.has(next)) await client.deleteIndex(next).waitTask();
    await client.createIndex(next, { primaryKey: 'id' }).waitTask();
    const index = client.index(next);
    await index.updateSettings(meiliSettings(locale)).waitTask();
    for (let at = 0; at < list.length; at += batchSize) {
      const task = await index.addDocuments(list.slice(at, at + batchSize).map(meiliDocument)).waitTask();
      if (task.status !== 'succeeded') throw new Error(`Meilisearch ${next}: ${JSON.stringify(task.error)}`);
    }
    if (!existing.has(uid)) await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    await client.swapIndexes([{ indexes: [uid, next], rename: false }]).waitTask();
    await client.deleteIndex(next).waitTask();
    options.log?.(`${uid}: ${list.length} documents`);
    results.push({ uid, documents: list.length });
  }
  return results;
}

/** The search-only key to give the search page: the default one Meilisearch creates, if present. */
export async function searchOnlyKey(client: Meilisearch): Promise<string | undefined> {
  const keys = await client.getKeys({ limit: 100 });
  return keys.results.find((key) => key.actions.length === 1 && key.actions[0] === 'search')?.key;
}

/**
 * A key whose only action is `search`, for `MEILI_SEARCH_KEY`: an existing one, else one created for the
 * cluster's indexes (`<prefix>-*`). Needs the master key.
 */
export async function ensureSearchOnlyKey(client: Meilisearch, prefix = 'govcluster'): Promise<string> {
  const existing = await searchOnlyKey(client);
  if (existing) return existing;
  const created = await client.createKey({
    name: 'GovCluster search pages',
    description: 'Published in every search page: search only.',
    actions: ['search'],
    indexes: [`${prefix}-*`],
    expiresAt: null,
  });
  return created.key;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const host = process.env.MEILI_HOST;
  if (!host) {
    console.error(
      '[search:meili] MEILI_HOST is not set: nothing pushed. Set MEILI_HOST and MEILI_MASTER_KEY.',
    );
    process.exit(1);
  }
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const snapshot = option('snapshot');
  const documents = snapshot
    ? await snapshotDocuments(path.resolve(snapshot))
    : await clusterDocuments(path.resolve(root, option('dist') ?? 'dist'));
  const client = new Meilisearch({ host, apiKey: process.env.MEILI_MASTER_KEY });
  const started = performance.now();
  await pushToMeilisearch(client, documents, {
    prefix: option('prefix') ?? process.env.MEILI_INDEX_PREFIX,
    log: (line) => console.log(`[search:meili] ${line}`),
  });
  console.log(
    `[search:meili] ${documents.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const key = await ensureSearchOnlyKey(client, option('prefix') ?? process.env.MEILI_INDEX_PREFIX).catch(
    (error: Error) => {
      console.error(`[search:meili] could not get or create a search-only key: ${error.message}`);
      return undefined;
    },
  );
  if (key) {
    console.log(
      `[search:meili] search-only key for the search pages; build with\n  MEILI_HOST=${host} MEILI_SEARCH_KEY=${key} pnpm build`,
    );
  }
}
