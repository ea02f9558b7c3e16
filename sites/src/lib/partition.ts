/**
 * The share of the cluster's pages this Astro process renders. The cluster build runs one Astro
 * process per core, each with `GOVCLUSTER_PARTITION=<index>/<count>`, and merges their outputs
 * (docs/adr/0009-partitioned-build.md). Without the variable one process renders everything.
 */
function parsePartition(value: string | undefined): { index: number; count: number } {
  if (!value) return { index: 0, count: 1 };
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) {
    throw new Error(`GOVCLUSTER_PARTITION must be <index>/<count> with index < count, not “${value}”`);
  }
  return { index, count };
}

const partition = parsePartition(process.env.GOVCLUSTER_PARTITION);

/** Whether the item at `position` of a route's full, ordered list of paths is rendered by this process. */
export function inPartition(position: number): boolean {
  return position % partition.count === partition.index;
}

/** The items of a route's full, ordered list of paths that this process renders. */
export function ownShare<T>(items: readonly T[]): T[] {
  return partition.count === 1 ? [...items] : items.filter((_, position) => inPartition(position));
}
