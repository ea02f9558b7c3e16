/**
 * Seeded pseudo-random numbers for the demo-city generator.
 *
 * Every entity draws from its own stream, derived from the run's seed and a stable key
 * (`fgw/news/17`), so an entity's content does not depend on what was generated before it:
 * the generator can stream record by record and stays byte-identical for a seed.
 */
import { fnv1a } from '@govcluster/shared/hash';

/** A deterministic random source (mulberry32 underneath). */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** `count` distinct elements of a list, in random order (all of them when the list is shorter). */
  sample<T>(list: readonly T[], count: number): T[];
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A new independent stream for a sub-key. */
  fork(key: string): Rng;
}

/** The mulberry32 generator: a 32-bit state, good enough for content generation. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit FNV-1a hash of a string with a final avalanche, used to derive stream seeds from keys. */
export function hashString(text: string): number {
  let hash = fnv1a(text);
  // A final avalanche so that similar keys give unrelated seeds.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Creates the random stream for `key` under a run's `seed`. */
export function createRng(seed: number, key = ''): Rng {
  const base = `${seed >>> 0}:${key}`;
  const next = mulberry32(hashString(base));
  const rng: Rng = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    pick(list) {
      if (list.length === 0) throw new Error('pick from an empty list');
      return list[Math.floor(next() * list.length)] as (typeof list)[number];
    },
    sample(list, count) {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        const tmp = copy[i] as (typeof copy)[number];
        copy[i] = copy[j] as (typeof copy)[number];
        copy[j] = tmp;
      }
      return copy.slice(0, Math.min(count, copy.length));
    },
    chance(p) {
      return next() < p;
    },
    fork(sub) {
      return createRng(seed, `${key}/${sub}`);
    },
  };
  return rng;
}
