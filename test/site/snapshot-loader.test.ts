/**
 * The content loaders between builds of a snapshot (sites/src/loaders/cluster-loader.ts): a build keeps
 * the entries whose record did not change since the last build, and still leaves the store exactly as a
 * fresh load of the same snapshot would — same entries, same order, same texts.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentTypeKeys } from '@govcluster/shared/constants';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureSnapshot } from './fixture.ts';
import { SnapshotMutator } from './snapshot-mutations.ts';

interface Entry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
}

/** Astro's store of one collection and its meta, as a loader sees them, kept between "builds". */
function memoryStore() {
  const entries = new Map<string, Entry>();
  const meta = new Map<string, string>();
  const store = {
    get: (id: string) => entries.get(id),
    entries: () => [...entries],
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    has: (id: string) => entries.has(id),
    delete: (id: string) => entries.delete(id),
    clear: () => entries.clear(),
    set: (entry: Entry) => {
      const existing = entries.get(entry.id);
      if (entry.digest && existing?.digest === entry.digest) return false;
      entries.set(entry.id, { ...entry });
      return true;
    },
  };
  const metaStore = {
    get: (key: string) => meta.get(key),
    set: (key: string, value: string) => void meta.set(key, value),
    delete: (key: string) => void meta.delete(key),
    has: (key: string) => meta.has(key),
  };
  return { entries, store, meta: metaStore };
}

type Stores = Map<string, ReturnType<typeof memoryStore>>;

const loaderModule = path.resolve(import.meta.dirname, '../../sites/src/loaders/cluster-loader.ts');

/** One build's content load in a fresh module state (a build is a new process), into `stores`. */
async function load(stores: Stores, textStore: string, version: string, fresh = false): Promise<void> {
  process.env.GOVCLUSTER_TEXT_STORE = textStore;
  process.env.GOVCLUSTER_BUILD_VERSION = version;
  if (fresh) process.env.GOVCLUSTER_FRESH_CONTENT = '1';
  else delete process.env.GOVCLUSTER_FRESH_CONTENT;
  vi.resetModules();
  // Not followed by the test project's type check: the loaders' types need the sites project's.
  const { clusterLoader } = (await import(loaderModule)) as {
    clusterLoader: (type: string) => { load: (context: unknown) => Promise<void> };
  };
  for (const type of contentTypeKeys) {
    const memory = stores.get(type) ?? memoryStore();
    stores.set(type, memory);
    const context = {
      store: memory.store,
      meta: memory.meta,
      logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} },
    };
    await clusterLoader(type).load(context);
  }
}

/** The stores' entries with their texts, in order. */
async function contents(stores: Stores): Promise<unknown> {
  const { storedText } = await import('../../sites/src/lib/text-store.ts');
  const out: Record<string, unknown> = {};
  for (const [type, { entries }] of stores) {
    out[type] = [...entries.values()].map(({ id, data }) => ({
      id,
      data,
      texts: ((data.storedTexts ?? []) as ('body' | 'reply')[]).map((field) => storedText(type, id, field)),
    }));
  }
  return out;
}

let work: string;
let snapshot: string;
const saved = { ...process.env };

describe('snapshot loader between builds', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'gc-loader-'));
    snapshot = path.join(work, 'snapshot');
    cpSync(await fixtureSnapshot(), snapshot, { recursive: true });
    process.env.GOVCLUSTER_SNAPSHOT = snapshot;
    delete process.env.CMS_URL;
    delete process.env.CMS_TOKEN;
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  }, 300_000);

  afterAll(() => {
    vi.restoreAllMocks();
    for (const name of [
      'GOVCLUSTER_SNAPSHOT',
      'GOVCLUSTER_TEXT_STORE',
      'GOVCLUSTER_BUILD_VERSION',
      'GOVCLUSTER_FRESH_CONTENT',
    ])
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('keeps the entries of unchanged records: a publication stores one entry, not all of them', async () => {
    const stores: Stores = new Map();
    await load(stores, path.join(work, 'keep.sqlite'), 'v1');
    const before = new Map([...stores].map(([type, { entries }]) => [type, new Map(entries)]));
    // A publication, as the publisher sees one in a snapshot: a new article appended.
    const file = path.join(snapshot, 'snapshot.jsonl');
    const model = readFileSync(file, 'utf8')
      .split('\n')
      .find((line) => line.includes('"type":"article"'));
    const record = { ...JSON.parse(model ?? '{}'), id: 'published-now', title: '新发布' };
    appendFileSync(file, `${JSON.stringify(record)}\n`);
    await load(stores, path.join(work, 'keep.sqlite'), 'v1');
    let kept = 0;
    let stored = 0;
    for (const [type, { entries }] of stores) {
      for (const [id, entry] of entries) {
        if (before.get(type)?.get(id) === entry) kept += 1;
        else stored += 1;
      }
    }
    expect(stored, 'only the new article is stored').toBe(1);
    expect(kept).toBeGreaterThan(50);
  });

  it('leaves the store as a fresh load does, after each of many random changes', async () => {
    const stores: Stores = new Map();
    const textStore = path.join(work, 'incremental.sqlite');
    await load(stores, textStore, 'v2');
    const mutator = new SnapshotMutator(snapshot, 11);
    for (let step = 1; step <= 25; step += 1) {
      const done = [mutator.mutate(), mutator.mutate(), mutator.mutate()];
      mutator.save();
      await load(stores, textStore, 'v2');
      const fresh: Stores = new Map();
      await load(fresh, path.join(work, `fresh-${step}.sqlite`), 'v2', true);
      const label = `step ${step}: ${done.map((m) => `${m.kind} ${m.target}`).join('; ')}`;
      // Texts are read through the current store file: compare each against its own.
      process.env.GOVCLUSTER_TEXT_STORE = textStore;
      const mine = await contents(stores);
      process.env.GOVCLUSTER_TEXT_STORE = path.join(work, `fresh-${step}.sqlite`);
      const theirs = await contents(fresh);
      expect(mine, label).toEqual(theirs);
    }
  });
});
