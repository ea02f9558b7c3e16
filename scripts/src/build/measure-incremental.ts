/**
 * Measures incremental builds against a full build of the same snapshot: a full build, an incremental
 * build with nothing changed (Astro's and the indexer's fixed cost), one with an article's title edited
 * and one with a new article published. Works on a copy of the snapshot.
 *
 *   node --import tsx scripts/src/build/measure-incremental.ts --snapshot <dir> --work <dir>
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCluster } from '../build-cluster.ts';

const { values } = parseArgs({ options: { snapshot: { type: 'string' }, work: { type: 'string' } } });
if (!values.snapshot || !values.work) {
  process.stderr.write('usage: measure-incremental.ts --snapshot <dir> --work <dir>\n');
  process.exit(2);
}
const work = path.resolve(values.work);
const snapshot = path.join(work, 'snapshot');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(values.snapshot, snapshot, { recursive: true });
const file = path.join(snapshot, 'snapshot.jsonl');

/** Changes the first zh-CN news article (`edit`) or publishes a copy of it as the newest entry (`create`). */
function change(kind: 'edit' | 'create'): void {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const at = lines.findIndex(
    (line) => /"type":"article".*"locale":"zh-CN"/.test(line) && line.includes('"column":"news"'),
  );
  if (at < 0) throw new Error(`${file} has no zh-CN news article`);
  const record = JSON.parse(lines[at] as string) as Record<string, string>;
  if (kind === 'edit') lines[at] = JSON.stringify({ ...record, title: `${record.title}（修订）` });
  else
    lines.push(
      JSON.stringify({
        ...record,
        id: `${record.id}-measured`,
        title: '新发布的文章',
        publishedAt: '2030-01-01T09:00:00+08:00',
        updatedAt: '2030-01-01T09:00:00+08:00',
      }),
    );
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const runs: [string, 'edit' | 'create' | undefined][] = [
  ['full', undefined],
  ['nothing changed', undefined],
  ['one article edited', 'edit'],
  ['one article published', 'create'],
];
let previous: string | undefined;
for (const [index, [label, kind]] of runs.entries()) {
  if (kind) change(kind);
  const outDir = path.join(work, `out-${index}`);
  const started = performance.now();
  const result = await buildCluster({ snapshot, outDir, previous, quiet: true });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`${label}: the build failed\n${result.log.slice(-3000)}`);
  const indexed = result.log.split('\n').filter((line) => /\[index-search\].*pages, [\d.]+ s/.test(line));
  process.stdout.write(
    `${label.padEnd(22)} ${seconds.toFixed(1).padStart(6)} s total, Astro ${(result.astroMs / 1000).toFixed(1)} s, ` +
      `${result.rendered} rendered, ${result.copied} taken over; re-indexed: ${indexed.map((line) => line.replace('[index-search] ', '')).join('; ') || 'nothing'}\n`,
  );
  if (previous && index > 1) rmSync(previous, { recursive: true, force: true });
  previous = outDir;
}
