import { describe, expect, it } from 'vitest';
import type { BenchQuery } from './query-sets.ts';
import { setFigures } from './report.ts';
import type { Answer, Visit } from './visitor.ts';

const answer = (bytes: number, chunkBytes: number, fragmentBytes: number): Answer => ({
  top: ['/a/'],
  ms: 10,
  bytes,
  requests: 5,
  metaBytes: 1000,
  chunkBytes,
  fragmentBytes,
  shards: 1,
});

const query = (text: string): BenchQuery => ({
  query: text,
  locale: 'zh-CN',
  relevant: new Set(['/a/']),
  known: ['/a/'],
});

describe('the bench report', () => {
  it('says how much of a first answer were index chunks and fragments', () => {
    const visits: Visit[] = [
      { first: answer(200_000, 40_000, 20_000), olderOffered: false },
      { first: answer(300_000, 90_000, 150_000), olderOffered: false },
      { first: answer(100_000, 10_000, 5_000), olderOffered: false },
    ];
    const figures = setFigures(['临江', '江市', '市政'].map(query), visits);
    expect(figures.first.chunkP50Bytes).toBe(40_000);
    expect(figures.first.chunkMaxBytes).toBe(90_000);
    expect(figures.first.fragmentP50Bytes).toBe(20_000);
    expect(figures.first.fragmentMaxBytes).toBe(150_000);
  });
});
