/**
 * Random changes to a snapshot, as the publisher sees them: entries created, edited, withdrawn, moved
 * to another column, given another key (a village's slug), and a column renamed in the registry.
 * For the incremental build's equivalence test (docs/adr/0016-incremental-build.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '@govcluster/demo';

type SnapshotRecord = Record<string, unknown> & { type: string };
type SiteRecord = SnapshotRecord & {
  id: string;
  columns: { slug: string; type: string; name: Record<string, string> }[];
};

/** What one mutation did, for the test's messages. */
export interface Mutation {
  kind: 'create' | 'edit' | 'withdraw' | 'move' | 'rekey' | 'rename-column';
  /** `type|id|locale` of the entry, or the site and column. */
  target: string;
}

/** A snapshot file held in memory, changed by seeded random mutations. */
export class SnapshotMutator {
  readonly #file: string;
  readonly #records: SnapshotRecord[];
  readonly #random: () => number;
  #counter = 0;
  #clock: number;

  constructor(snapshot: string, seed: number) {
    this.#file = path.join(snapshot, 'snapshot.jsonl');
    this.#records = readFileSync(this.#file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as SnapshotRecord);
    this.#random = mulberry32(seed);
    this.#clock = Math.max(
      ...this.#entries().map((record) => Date.parse(String(record.publishedAt ?? '2020-01-01'))),
    );
  }

  #entries(): SnapshotRecord[] {
    return this.#records.filter((record) => typeof record.locale === 'string');
  }

  #pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.#random() * list.length)] as T;
  }

  #site(id: unknown): SiteRecord | undefined {
    return this.#records.find((record) => record.type === 'site' && record.id === id) as
      | SiteRecord
      | undefined;
  }

  /** A time after every entry's, as a newly approved entry would have. */
  #now(): string {
    this.#clock += 60_000 * (1 + Math.floor(this.#random() * 600));
    return new Date(this.#clock).toISOString().replace('.000Z', '+00:00');
  }

  /**
   * Applies one random mutation and returns what it did; `create` makes it a new entry copied from one
   * of that type (the publisher's commonest change: a newly approved article).
   */
  mutate(create?: string): Mutation {
    const roll = create ? 0 : this.#random();
    const entries = this.#entries();
    const entry = this.#pick(create ? entries.filter((record) => record.type === create) : entries);
    const key = () => `${entry.type}|${entry.id}|${entry.locale}`;
    if (roll < 0.3) {
      this.#counter += 1;
      const copy: SnapshotRecord = structuredClone(entry);
      copy.id = `${entry.id}-n${this.#counter}`;
      if (typeof copy.slug === 'string') copy.slug = `${copy.slug}-n${this.#counter}`;
      if (typeof copy.title === 'string') copy.title = `${copy.title}（新增${this.#counter}）`;
      if (typeof copy.name === 'string') copy.name = `${copy.name}${this.#counter}`;
      copy.publishedAt = this.#now();
      copy.updatedAt = copy.publishedAt;
      this.#records.push(copy);
      return { kind: 'create', target: `${copy.type}|${copy.id}|${copy.locale}` };
    }
    if (roll < 0.55) {
      this.#counter += 1;
      if (typeof entry.title === 'string') entry.title = `${entry.title}·改${this.#counter}`;
      else if (typeof entry.name === 'string') entry.name = `${entry.name}改${this.#counter}`;
      if (typeof entry.summary === 'string') entry.summary = `${entry.summary}（更新${this.#counter}）`;
      if (typeof entry.body === 'string') entry.body = `${entry.body}\n\n修订说明第${this.#counter}号。`;
      entry.updatedAt = this.#now();
      return { kind: 'edit', target: key() };
    }
    if (roll < 0.75) {
      this.#records.splice(this.#records.indexOf(entry), 1);
      return { kind: 'withdraw', target: key() };
    }
    if (roll < 0.9) {
      const site = this.#site(entry.site);
      const current = site?.columns.find((column) => column.slug === entry.column);
      const others =
        site?.columns.filter((column) => column.slug !== entry.column && column.type === current?.type) ?? [];
      if (current && others.length > 0) {
        entry.column = this.#pick(others).slug;
        return { kind: 'move', target: key() };
      }
      const village = this.#pick(entries.filter((record) => record.type === 'village'));
      if (village) {
        this.#counter += 1;
        village.slug = `${String(village.slug).replace(/-k\d+$/, '')}-k${this.#counter}`;
        return { kind: 'rekey', target: `village|${village.id}|${village.locale}` };
      }
    }
    const site = this.#pick(this.#records.filter((record) => record.type === 'site')) as SiteRecord;
    const column = this.#pick(site.columns);
    this.#counter += 1;
    column.name = {
      ...column.name,
      'zh-CN': `${String(column.name['zh-CN']).replace(/·\d+$/, '')}·${this.#counter}`,
    };
    return { kind: 'rename-column', target: `${site.id}|${column.slug}` };
  }

  /** Writes the snapshot back. */
  save(): void {
    writeFileSync(this.#file, `${this.#records.map((record) => JSON.stringify(record)).join('\n')}\n`);
  }
}
