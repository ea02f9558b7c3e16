/**
 * The Meilisearch settings of a build's search pages, checked before anything is built.
 * @module
 */
import { type MeiliPageConfig, meiliPageConfig, probeSearchKey } from '@govcluster/shared/search';

/**
 * The search pages' Meilisearch configuration, refused before anything is built when it is half set or
 * its key is more than a search-only key. A server that cannot be reached now is only warned about: the
 * build machine need not reach the search server the visitors reach.
 */
export async function checkMeiliConfig(
  env: NodeJS.ProcessEnv,
  warn: (line: string) => void,
): Promise<MeiliPageConfig | undefined> {
  const config = meiliPageConfig(env);
  if (!config) return undefined;
  const probe = await probeSearchKey(config);
  if (probe.status === 'too-powerful' || probe.status === 'rejected') {
    throw new Error(
      `MEILI_SEARCH_KEY cannot go into public search pages: ${probe.detail}. Give a key whose only action is "search" (pnpm search:meili prints one).`,
    );
  }
  if (probe.status === 'unreachable') {
    warn(
      `could not check MEILI_SEARCH_KEY at ${config.host} (${probe.detail}): make sure it is a search-only key.`,
    );
  }
  return config;
}
