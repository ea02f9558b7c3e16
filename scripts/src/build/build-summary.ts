/**
 * What a cluster build tells the person who ran it: pages, time and memory, where the time went stage by
 * stage, and where the output is.
 * @module
 */
import path from 'node:path';
import type { BuildResult } from '../build-cluster.ts';
import type { BuildStage } from '../lib/partitioned-build.ts';

/** The stages of a build, one line each: seconds and share of the whole. */
export function formatStages(stages: readonly BuildStage[]): string {
  const total = stages.reduce((sum, stage) => sum + stage.ms, 0) || 1;
  return stages
    .map(
      (stage) =>
        `  ${(stage.ms / 1000).toFixed(1).padStart(7)} s ${`${Math.round((stage.ms / total) * 100)}%`.padStart(4)}  ${stage.name}\n`,
    )
    .join('');
}

/** The summary `pnpm build` prints after a build that succeeded; `previous` as given on the command line. */
export function buildSummary(result: BuildResult, previous?: string): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  return (
    `\nbuilt ${result.pages} pages into ${path.relative(process.cwd(), result.outDir) || '.'} in ${seconds(result.wallMs)} s` +
    ` (peak ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MB); ${result.skipped.length} invalid entries skipped; ` +
    `${result.searchDocuments} pages in the search index\n` +
    `${result.fullBuildReason ? `full build (${result.fullBuildReason})` : `incremental build: ${result.rendered} files rendered, ${result.copied} taken from ${previous}`}; ${result.redirects} redirects\n` +
    `search pages use ${result.meiliHost ? `Meilisearch at ${result.meiliHost} (Pagefind as fallback)` : 'Pagefind'}\n` +
    `manifest: ${path.join(result.outDir, 'sites.json')}\n` +
    `nginx configuration: ${path.join(result.outDir, 'nginx.conf')}\n` +
    `time by stage (Astro processes ${seconds(result.astroMs)} s of ${seconds(result.wallMs)} s):\n${formatStages(result.stages)}`
  );
}
