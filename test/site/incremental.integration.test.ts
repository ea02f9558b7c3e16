/**
 * Incremental builds (docs/adr/0016-incremental-build.md): after random creates, edits, withdrawals,
 * column moves, key changes and column renames, the incremental build (the last incremental output as
 * `previous`) equals a full rebuild of the same snapshot file for file, byte for byte. The full rebuild
 * renders everything; it carries redirects from its own previous full rebuild, so redirect history is
 * computed independently in both chains.
 *
 * A build costs about 5 s of Astro's fixed cost whatever it renders, so `npm test` applies
 * `GOVCLUSTER_EQUIVALENCE_MUTATIONS` (default 200) random changes in `GOVCLUSTER_EQUIVALENCE_STEPS`
 * (default 10) steps, comparing after each step: the first four steps make one change each, the others
 * share the rest at random sizes. With as many steps as changes every change is compared on its own
 * (the longer run). The first change is a new article, built pages-first as the publisher builds it
 * (ADR 30). `GOVCLUSTER_EQUIVALENCE_SEED` reproduces a run.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { mulberry32 } from '@govcluster/demo';
import { decodeIndexedText } from '@govcluster/shared/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparePool } from '../../scripts/src/build/spare-trees.ts';
import { type BuildResult, buildCluster } from '../../scripts/src/build-cluster.ts';
import { serveStatic } from '../../scripts/src/lib/static-server.ts';
import { documentCacheFile } from '../../scripts/src/search/document-cache.ts';
import { fixtureBuild } from './fixture.ts';
import { type Mutation, SnapshotMutator } from './snapshot-mutations.ts';

const steps = Number(process.env.GOVCLUSTER_EQUIVALENCE_STEPS ?? 10);
const mutations = Number(process.env.GOVCLUSTER_EQUIVALENCE_MUTATIONS ?? 200);
const seed = Number(process.env.GOVCLUSTER_EQUIVALENCE_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** How many changes each step makes: one each for the first four, the rest shared at random sizes. */
function schedule(): number[] {
  const singles = Math.min(4, steps, mutations);
  const sizes = Array.from({ length: singles }, () => 1);
  const random = mulberry32(seed ^ 0x5bd1e995);
  let left = mutations - singles;
  for (let step = singles; step < steps; step += 1) {
    const remaining = steps - step;
    const size =
      remaining === 1
        ? left
        : Math.max(1, Math.min(left - (remaining - 1), Math.round((left / remaining) * (0.5 + random()))));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

let work: string;
let snapshot: string;
/** The fixture's own snapshot: each test starts from a fresh copy of it. */
let fixtureSnapshot: string;

/**
 * Every file under `dir` (relative path → bytes). The search-document cache names each page's file by
 * its inode, which two builds never share: it is compared by its pages' URLs and documents.
 */
function tree(dir: string, out = new Map<string, Buffer>(), at = dir): Map<string, Buffer> {
  for (const entry of readdirSync(at, { withFileTypes: true })) {
    const full = path.join(at, entry.name);
    const relative = path.relative(dir, full);
    if (entry.isDirectory()) tree(dir, out, full);
    else if (relative === documentCacheFile) {
      const lines = readFileSync(full, 'utf8').split('\n').filter(Boolean);
      const documents = lines.map((line) => {
        const { file: _file, ...rest } = JSON.parse(line) as Record<string, unknown>;
        return JSON.stringify(rest);
      });
      out.set(relative, Buffer.from(documents.join('\n')));
    } else out.set(relative, readFileSync(full));
  }
  return out;
}

/** The files that differ between two outputs, with what differs. */
function differences(a: string, b: string): string[] {
  const left = tree(a);
  const right = tree(b);
  const out: string[] = [];
  // Two empty outputs are equal too: that is a failed build, not a matching one.
  if (left.size === 0) out.push(`the incremental build is empty: ${a}`);
  if (right.size === 0) out.push(`the full rebuild is empty: ${b}`);
  for (const [file, bytes] of left) {
    const other = right.get(file);
    if (!other) out.push(`only in the incremental build: ${file}`);
    else if (!bytes.equals(other)) out.push(`differs: ${file}`);
  }
  for (const file of right.keys()) if (!left.has(file)) out.push(`only in the full rebuild: ${file}`);
  return out;
}

/** Interim outputs handed over (ADR 30), with their files as they were then. */
const interims: { dir: string; files: Map<string, Buffer> }[] = [];

/** Superseded outputs kept as spare trees, as the publisher keeps its releases (ADR 38). */
let spares: ReturnType<typeof sparePool>;

const build = (outDir: string, previous: string | undefined, incremental: boolean) =>
  buildCluster({
    snapshot,
    outDir,
    previous,
    incremental,
    // As the publisher builds: a publication's pages go first (ADR 30, 37); the final output is the same.
    ...(incremental && previous
      ? {
          pagesFirst: {
            outDir: `${outDir}-interim`,
            ready: async () => {
              interims.push({ dir: `${outDir}-interim`, files: tree(`${outDir}-interim`) });
            },
          },
          spares,
        }
      : {}),
    quiet: true,
    // The nginx root would otherwise be each folder's own path.
    nginxRoot: '/srv/govcluster/dist',
    searchShardSize: 20,
    processes: 1,
    env: { MEILI_HOST: '', MEILI_SEARCH_KEY: '' },
  });

const ok = (result: BuildResult) => {
  expect(result.ok, result.log.slice(-3000)).toBe(true);
  return result;
};

describe('incremental build', () => {
  beforeAll(async () => {
    const fixture = await fixtureBuild();
    work = mkdtempSync(path.join(tmpdir(), 'gc-incremental-'));
    fixtureSnapshot = fixture.snapshot;
    snapshot = path.join(work, 'snapshot');
    cpSync(fixtureSnapshot, snapshot, { recursive: true });
    spares = sparePool(work);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(`equals a full rebuild after each of ${steps} steps of ${mutations} random changes (seed printed on failure)`, async () => {
    const mutator = new SnapshotMutator(snapshot, seed);
    const first = ok(await build(path.join(work, 'full-0'), undefined, true));
    expect(first.fullBuildReason).toBe('no previous release was given');
    cpSync(path.join(work, 'full-0'), path.join(work, 'inc-0'), { recursive: true });
    let applied = 0;
    let inSpares = 0;
    const started = Date.now();
    const sizes = schedule();
    for (let step = 1; step <= steps; step += 1) {
      const count = sizes[step - 1] ?? 1;
      const done: Mutation[] = [];
      // The first step is a new article, which the publisher puts live pages-first (ADR 30): the interim
      // output is then checked at least once.
      for (let n = 0; n < count; n += 1) done.push(mutator.mutate(step === 1 ? 'article' : undefined));
      mutator.save();
      applied += count;
      const context = `seed ${seed}, step ${step}: ${done.map((m) => `${m.kind} ${m.target}`).join('; ')}`;
      const incremental = ok(
        await build(path.join(work, `inc-${step}`), path.join(work, `inc-${step - 1}`), true),
      );
      expect(incremental.fullBuildReason, context).toBeUndefined();
      const full = ok(
        await build(path.join(work, `full-${step}`), path.join(work, `full-${step - 1}`), false),
      );
      expect(full.fullBuildReason).toBe('asked to render everything');
      expect(differences(path.join(work, `inc-${step}`), path.join(work, `full-${step}`)), context).toEqual(
        [],
      );
      // A live interim release is never written to while the build goes on (its files are shared).
      const interim = interims.find(({ dir }) => dir === path.join(work, `inc-${step}-interim`));
      if (interim) expect(tree(interim.dir), context).toEqual(interim.files);
      // Every file was either rendered or taken over; a single change of an entry leaves most files to be
      // taken over (a registry change such as a column rename may re-render every page: the menus and
      // footers of all sites read the registry, and the fingerprint is coarse there on purpose).
      if (count === 1 && done[0]?.kind !== 'rename-column')
        expect(incremental.copied, context).toBeGreaterThan(incremental.rendered);
      expect(incremental.rendered + incremental.copied).toBe(full.rendered);
      // The incremental chain builds in its superseded outputs, as the publisher does in its releases.
      if (incremental.log.includes('in a spare tree')) inSpares += 1;
      for (const old of [`inc-${step - 1}`, `inc-${step}-interim`])
        if (existsSync(path.join(work, old))) await spares.put(path.join(work, old));
      rmSync(path.join(work, `full-${step - 1}`), { recursive: true, force: true });
    }
    expect(applied).toBe(mutations);
    expect(interims.length, 'steps that put their pages live first').toBeGreaterThan(0);
    if (steps > 1) expect(inSpares).toBeGreaterThan(0);
    process.stdout.write(
      `[incremental] seed ${seed}: ${steps} steps, ${applied} changes, each step's incremental build equal to a full rebuild (${interims.length} with an interim output, ${inSpares} in a spare tree), ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }, 3_600_000);

  it('redirects a moved entry, collapses chains, drops a withdrawn entry from pages, search and redirects', async () => {
    // The equivalence test's random changes may have withdrawn every village: start from the fixture again.
    snapshot = path.join(work, 'snapshot-moves');
    cpSync(fixtureSnapshot, snapshot, { recursive: true });
    const file = path.join(snapshot, 'snapshot.jsonl');
    const records = () =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    const save = (list: Record<string, unknown>[]) =>
      writeFileSync(file, `${list.map((record) => JSON.stringify(record)).join('\n')}\n`);
    const out = (n: number) => path.join(work, `moves-${n}`);
    ok(await build(out(0), undefined, true));
    const village = records().find((record) => record.type === 'village') as Record<string, string>;
    const site = records().find((record) => record.type === 'site' && record.id === village.site) as {
      basePath: string;
    };
    const urlOf = (slug: string) => `${site.basePath}villages/${slug}/`;
    const first = urlOf(village.slug as string);
    const rekey = (slug: string) =>
      save(records().map((record) => (record.id === village.id ? { ...record, slug } : record)));

    rekey('moved-once');
    const moved = ok(await build(out(1), out(0), true));
    expect(moved.redirects).toBe(1);
    const stub = readFileSync(path.join(out(1), first, 'index.html'), 'utf8');
    expect(stub).toContain(`<meta http-equiv="refresh" content="0; url=${urlOf('moved-once')}">`);
    expect(stub).toContain(`<a href="${urlOf('moved-once')}">`);
    expect(stub).toContain('<meta name="robots" content="noindex">');
    expect(readFileSync(path.join(out(1), 'nginx.conf'), 'utf8')).toContain(
      `    location = ${first} {\n        return 301 ${urlOf('moved-once')};\n    }`,
    );
    const server = await serveStatic(out(1));
    try {
      const answer = await fetch(`${server.url}${first}`, { redirect: 'manual' });
      expect(answer.status).toBe(301);
      expect(answer.headers.get('location')).toBe(urlOf('moved-once'));
      const page = await fetch(`${server.url}${urlOf('moved-once')}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(village.name);
    } finally {
      await server.close();
    }

    rekey('moved-twice');
    ok(await build(out(2), out(1), true));
    const twice = JSON.parse(readFileSync(path.join(out(2), '.govcluster', 'redirects.json'), 'utf8'));
    expect(twice).toEqual({ [first]: urlOf('moved-twice'), [urlOf('moved-once')]: urlOf('moved-twice') });

    // An edit is found by search after an incremental build; a withdrawn page is not.
    const articles = records().filter((record) => record.type === 'article' && record.locale === 'zh-CN');
    const [edited, withdrawn] = articles.slice(-2) as Record<string, string>[];
    save(
      records()
        .filter(
          (record) => record !== undefined && !(record.id === withdrawn?.id && record.type === 'article'),
        )
        .map((record) =>
          record.id === edited?.id && record.type === 'article' && record.locale === 'zh-CN'
            ? { ...record, title: '锦鲤跃龙门专项行动启动' }
            : record,
        ),
    );
    const third = ok(await build(out(3), out(2), true));
    expect(third.copied).toBeGreaterThan(third.rendered);
    const documents = fragments(out(3));
    const editedUrl = `${sitePath(records(), edited)}${edited?.column}/${edited?.id}/`;
    const withdrawnUrl = `${sitePath(records(), withdrawn)}${withdrawn?.column}/${withdrawn?.id}/`;
    expect(documents.get(editedUrl)).toContain('锦鲤跃龙门专项行动启动');
    expect(documents.has(withdrawnUrl)).toBe(false);
    expect(existsSync(path.join(out(3), withdrawnUrl, 'index.html'))).toBe(false);

    // The village withdrawn: its old URLs answer the site's 404 page, no redirect is left.
    save(records().filter((record) => record.id !== village.id));
    ok(await build(out(4), out(3), true));
    expect(JSON.parse(readFileSync(path.join(out(4), '.govcluster', 'redirects.json'), 'utf8'))).toEqual({});
    const after = await serveStatic(out(4));
    try {
      for (const url of [first, urlOf('moved-once'), urlOf('moved-twice'), withdrawnUrl]) {
        const answer = await fetch(`${after.url}${url}`, { redirect: 'manual' });
        expect(answer.status, url).toBe(404);
      }
    } finally {
      await after.close();
    }
  }, 600_000);
});

/** The base path of an entry's site in the snapshot. */
function sitePath(records: Record<string, unknown>[], entry: Record<string, string> | undefined): string {
  const site = records.find((record) => record.type === 'site' && record.id === entry?.site);
  return String(site?.basePath);
}

/** Every page in an output's Pagefind fragments: URL → its title and decoded text. */
function fragments(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.pf_fragment')) {
        const text = gunzipSync(readFileSync(full))
          .toString('utf8')
          .replace(/^pagefind_dcd/, '');
        const fragment = JSON.parse(text) as { url: string; content: string; meta: { title?: string } };
        out.set(fragment.url, `${fragment.meta.title ?? ''}\n${decodeIndexedText(fragment.content)}`);
      }
    }
  };
  walk(path.join(dir, 'pagefind'));
  return out;
}
