/**
 * `pnpm bench:search`: both engines through the same visitor path, each query typed into a search page
 * in Chromium with a cold cache: ours (the cluster's search page over its recency shards and routing
 * table, as built by `build-cluster.ts`) and Pagefind's default indexing of the same pages behind
 * Pagefind's own search UI. Per query set: recall@10 of known items, precision@10 (relevant in the top
 * ten over ten), what the first answer downloads and how long it takes, the same after the visitor
 * asks for older pages, and the time of a next query typed into the same page. Query sets
 * (`bench/search/query-sets.ts`): the judged set (demo scale only: it names demo-city pages), exact
 * titles, 5–8-character body runs, rare and common 2–4-character runs, and the old sampled set.
 * Then the figures of issue 15 per scale and engine against their targets (`bench/search/goals.ts`).
 * Writes `.data/bench/search.json`, keeping the results of scales this run did not measure.
 *
 * Usage: node --import tsx scripts/src/bench-search.ts [--scales demo[,large][,real]] [--queries 100]
 *        [--sampled 100] [--no-judged] [--engines ours,default] [--shard-size N] [--chunk-locations N]
 *        [--default-limit-gb 8] [--reuse]
 *        [--snapshots .data/bench/snapshots]
 * `--queries N`: queries per sampled set (titles, long, rare and common runs); `--sampled N`: the old set.
 * A missing snapshot is generated (demo and large: with the seed and date the judged set was judged
 * against; real: `bench/search/real-corpus.ts`, real Chinese text from Debian's archive).
 * `--reuse` keeps the build and the default index of the last run (unless the snapshot was generated
 * again). Ours is indexed again after the build, timed; `--shard-size N` does it in shards of N pages
 * (the build's default is 2,500), `--chunk-locations N` with index chunks of N word locations (the
 * build's default is `defaultChunkLocations`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexDefault } from './bench/search/default-engine.ts';
import { goalsTable } from './bench/search/goals.ts';
import {
  type BenchQuery,
  judgedGenerator,
  judgedQueries,
  RunIndex,
  sampledSets,
} from './bench/search/query-sets.ts';
import { ensureRealSnapshot } from './bench/search/real-corpus.ts';
import { engineGoals, type ScaleResult, setFigures, table } from './bench/search/report.ts';
import { type Engine, type Visit, visit } from './bench/search/visitor.ts';
import { indexCluster } from './index-search.ts';
import { launchChromium } from './lib/chromium.ts';
import { ensureGeneratedSnapshot } from './lib/snapshots.ts';
import { serveStatic } from './lib/static-server.ts';
import { clusterDocuments } from './search/cluster-documents.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const log = (scale: string, line: string) => console.log(`[bench:search] ${scale}: ${line}`);

/** Options of one run. */
interface Options {
  judged: boolean;
  queries: number;
  sampled: number;
  engines: readonly Engine[];
  shardSize?: number;
  chunkLocations?: number;
  defaultLimitBytes: number;
  reuse: boolean;
}

/** The snapshot of a scale, generated when missing or made from other sources; whether it was generated. */
function ensureSnapshot(dir: string, scale: string): Promise<boolean> {
  if (scale === 'real') return ensureRealSnapshot(dir, (line) => log(scale, line));
  const { seed, today } = judgedGenerator();
  return ensureGeneratedSnapshot(dir, ['--scale', scale, '--seed', String(seed), '--today', today], (line) =>
    log(scale, line),
  );
}

/** Benchmarks one scale. */
async function benchScale(scale: string, snapshotDir: string, options: Options): Promise<ScaleResult> {
  const generated = await ensureSnapshot(snapshotDir, scale);
  const out = path.join(root, '.data/bench/search', scale);
  const site = path.join(out, 'site');
  const defaults = path.join(out, 'default');
  const statsFile = path.join(out, 'index-stats.json');
  let index: ScaleResult['index'] = {};
  const reuse =
    options.reuse && !generated && existsSync(path.join(site, 'search/index.html')) && existsSync(statsFile);
  if (reuse) {
    index = JSON.parse(await readFile(statsFile, 'utf8')) as ScaleResult['index'];
    log(scale, 'reusing the build and indexes of the last run (--reuse)');
  } else {
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    log(scale, 'building the cluster as `build-cluster.ts` does…');
    // With the heap bootstrap.cjs gave this process: at 100,000 pages the build holds over 4 GB, past
    // V8's default limit (the large build ran out of memory without it).
    const heap = process.execArgv.filter((flag) => flag.startsWith('--max-old-space-size'));
    execFileSync(
      process.execPath,
      [...heap, '--import', 'tsx', 'scripts/src/build-cluster.ts', '--snapshot', snapshotDir, '--out', site],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (options.engines.includes('default')) {
      log(
        scale,
        `indexing with Pagefind's defaults (limit ${(options.defaultLimitBytes / 2 ** 30).toFixed(0)} GB)…`,
      );
      const run = await indexDefault(await clusterDocuments(site), defaults, {
        memoryLimitBytes: options.defaultLimitBytes,
        log: (line) => log(scale, `default: ${line}`),
      });
      index.default = {
        seconds: run.seconds,
        peakGB: run.pagefindPeakBytes / 2 ** 30,
        indexMB: run.indexBytes / 2 ** 20,
        ...(run.stopped ? { stopped: run.stopped } : {}),
      };
    }
    await writeFile(statsFile, JSON.stringify(index, null, 2));
  }
  // The build indexed ours already, untimed: index again, as the build does (or in shards of
  // --shard-size, chunks of --chunk-locations), to measure time and peak memory; a reused build measured
  // before keeps its figures unless one of those two is given.
  if (!index.ours || options.shardSize || options.chunkLocations) {
    log(
      scale,
      options.shardSize || options.chunkLocations
        ? `re-indexing ours (shards of ${options.shardSize ?? 'the default'} pages, chunks of ${options.chunkLocations ?? 'the default'} locations)…`
        : 'indexing ours again as the build does, timed…',
    );
    const started = performance.now();
    const stats = await indexCluster(site, {
      ...(options.shardSize ? { shardSize: options.shardSize } : {}),
      ...(options.chunkLocations ? { chunkLocations: options.chunkLocations } : {}),
    });
    const runs = stats.locales.flatMap((locale) => locale.shards);
    index.ours = {
      seconds: (performance.now() - started) / 1000,
      peakGB: Math.max(...runs.map((run) => run.pagefindPeakBytes)) / 2 ** 30,
      indexMB: runs.reduce((sum, run) => sum + run.indexBytes, 0) / 2 ** 20,
    };
    await writeFile(statsFile, JSON.stringify(index, null, 2));
  }
  const documents = await clusterDocuments(site);
  // Copies an engine shows once count as found only where they are the same page to a reader: the
  // same title and the same text, whitespace aside, as the pages themselves hold them.
  const identities = new Map(
    documents.map((document) => [
      document.url,
      `${document.locale}\u0000${document.title.trim()}\u0000${document.text.replace(/\s+/g, ' ').trim()}`,
    ]),
  );
  const identity = (url: string) => identities.get(url);
  const manifest = JSON.parse(await readFile(path.join(site, 'pagefind/search.json'), 'utf8')) as {
    locales: Record<string, { shards: unknown[] }>;
  };
  const sets: Record<string, BenchQuery[]> = {};
  if (!options.judged) log(scale, 'the judged set is left out (--no-judged)');
  else if (scale === 'demo') sets['judged queries (judged-queries.json)'] = judgedQueries(documents);
  else log(scale, 'the judged set names demo-city pages: measured at demo scale only');
  const runs = new RunIndex(documents);
  for (const set of sampledSets) {
    const count = set.old ? options.sampled : options.queries;
    if (count <= 0) continue;
    const queries = set.sample(runs, count, set.seed);
    if (queries.length === 0) {
      log(scale, `${set.name}: no page to sample it from, left out`);
      continue;
    }
    sets[set.name] = queries;
    if (queries.length < count) log(scale, `${set.name}: only ${queries.length} of ${count} queries found`);
  }
  const servers = {
    ours: await serveStatic(site, { revalidate: true }),
    default: await serveStatic(defaults, { revalidate: true }),
  };
  const browser = await launchChromium();
  const result: ScaleResult = {
    scale,
    pages: documents.length,
    shards: Object.entries(manifest.locales).map(([locale, entry]) => ({
      locale,
      shards: entry.shards.length,
    })),
    index,
    sets: {},
    goals: {},
  };
  const seen: Record<Engine, Visit[]> = { ours: [], default: [] };
  try {
    for (const [name, queries] of Object.entries(sets)) {
      result.sets[name] = {};
      for (const engine of options.engines) {
        if (engine === 'default' && index.default?.stopped) continue;
        log(scale, `${engine}: ${queries.length} queries of "${name}", each in a new browser context…`);
        const visits: Visit[] = [];
        // The next query typed into the same page is the set's next one (the first, after the last).
        for (const [at, query] of queries.entries())
          visits.push(
            await visit(
              browser,
              servers[engine].url,
              engine,
              query.query,
              query.locale,
              queries[(at + 1) % queries.length]!.query,
            ),
          );
        result.sets[name][engine] = setFigures(queries, visits, identity);
        seen[engine].push(...visits);
      }
    }
  } finally {
    await browser.close();
    await servers.ours.close();
    await servers.default.close();
  }
  for (const engine of options.engines) result.goals[engine] = engineGoals(result, engine, seen[engine]);
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string): string => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
  };
  const engines = option('engines', 'ours,default').split(',');
  const unknown = engines.filter((engine) => engine !== 'ours' && engine !== 'default');
  if (unknown.length > 0) throw new Error(`--engines: unknown engine ${unknown.join(', ')} (ours, default)`);
  const scales = option('scales', 'demo').split(',');
  const snapshots = path.resolve(root, option('snapshots', '.data/bench/snapshots'));
  const shardSize = Number(option('shard-size', '0'));
  const chunkLocations = Number(option('chunk-locations', '0'));
  const results: ScaleResult[] = [];
  for (const scale of scales)
    results.push(
      await benchScale(scale, path.join(snapshots, scale), {
        judged: !args.includes('--no-judged'),
        queries: Number(option('queries', '100')),
        sampled: Number(option('sampled', '100')),
        engines: engines as Engine[],
        ...(shardSize > 0 ? { shardSize } : {}),
        ...(chunkLocations > 0 ? { chunkLocations } : {}),
        defaultLimitBytes: Number(option('default-limit-gb', '8')) * 2 ** 30,
        reuse: args.includes('--reuse'),
      }),
    );
  console.log(`\n${table(results)}\n`);
  console.log(
    `${goalsTable(results.flatMap((result) => Object.entries(result.goals).map(([engine, goals]) => ({ scale: result.scale, engine: engine as Engine, goals }))))}\n`,
  );
  // Every known item the first answer did not show, by kind: a verified copy shown in its place
  // (counted as found), shown after "older pages" (in a shard the first answer did not reach), missed.
  for (const result of results)
    for (const [name, sets] of Object.entries(result.sets))
      for (const [engine, figures] of Object.entries(sets)) {
        const list = figures.firstMisses ?? [];
        if (list.length === 0) continue;
        const counts = ['copy', 'older', 'missed'].map(
          (kind) => `${kind} ${list.filter((miss) => miss.kind === kind).length}`,
        );
        console.log(
          `${result.scale} ${engine} ${name}: first answer, known items not shown (${counts.join(', ')}):\n${list.map((miss) => `  [${miss.kind}] ${miss.query} ${miss.url} → ${miss.top.join(' ') || '(nothing)'}`).join('\n')}`,
        );
      }
  for (const result of results)
    for (const [name, sets] of Object.entries(result.sets))
      for (const [engine, figures] of Object.entries(sets))
        if (figures.misses.length > 0)
          console.log(
            `${result.scale} ${engine} ${name}: known items missed (query (pages holding it) → top 3):\n${figures.misses.map((miss) => `  ${miss.query} (${miss.holders}) → ${miss.top.join(' ') || '(nothing)'}`).join('\n')}`,
          );
  // Scales measured in other runs stay in the file, each with the time it was measured.
  const file = path.join(root, '.data/bench/search.json');
  const measuredAt = new Date().toISOString();
  const kept = existsSync(file)
    ? ((JSON.parse(await readFile(file, 'utf8')) as { results?: (ScaleResult & { measuredAt?: string })[] })
        .results ?? [])
    : [];
  const merged = [
    ...kept.filter((earlier) => !scales.includes(earlier.scale)),
    ...results.map((result) => ({ measuredAt, ...result })),
  ];
  await writeFile(file, `${JSON.stringify({ measuredAt, results: merged }, null, 2)}\n`);
  console.log(`[bench:search] written ${path.relative(root, file)}`);
}
