/**
 * What a written Pagefind shard costs the browser to load: its metadata and index chunk sizes, its
 * result fragments, and the index chunks (read from the CBOR metadata) that a search for a run loads.
 * @module
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { encodeHan, hanBigrams } from '@govcluster/shared/search';

/**
 * Sizes of a shard as the browser loads it: its metadata, and an index chunk — the 90th percentile of
 * its chunk sizes, so the engine's estimate of a routed query errs on the safe side (the mean let 2 % of
 * queries pass 300 KB).
 */
export async function shardSizes(dir: string): Promise<{ metaBytes: number; chunkBytes: number }> {
  let metaBytes = 0;
  for (const name of await readdir(dir)) {
    if (name.endsWith('.pf_meta') || name === 'pagefind-entry.json')
      metaBytes += (await stat(path.join(dir, name))).size;
  }
  const chunks = await readdir(path.join(dir, 'index')).catch(() => [] as string[]);
  const sizes: number[] = [];
  for (const name of chunks) sizes.push((await stat(path.join(dir, 'index', name))).size);
  return { metaBytes, chunkBytes: percentile90(sizes) };
}

/** The 90th percentile of sizes (0 for none): the high estimate the engine's byte budget counts with. */
export function percentile90(sizes: readonly number[]): number {
  const sorted = [...sizes].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))] ?? 0;
}

/** Mean size of a shard's result fragments (a sample of up to 200). */
export async function fragmentBytes(dir: string): Promise<number> {
  const names = (await readdir(path.join(dir, 'fragment')).catch(() => [] as string[])).slice(0, 200);
  let total = 0;
  for (const name of names) total += (await stat(path.join(dir, 'fragment', name))).size;
  return names.length > 0 ? total / names.length : 0;
}

/**
 * The fragment id of every page of a shard by its URL: Pagefind names a page's fragment
 * `fragment/<id>.pf_fragment` (gzipped `pagefind_dcd` + JSON with the page's `url`), and a result's id
 * is the same. The routing table lists older pages by it (docs/adr/0034).
 */
export async function shardFragmentIds(dir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const folder = path.join(dir, 'fragment');
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!name.endsWith('.pf_fragment')) continue;
    ids.set(
      fragmentUrl(gunzipSync(await readFile(path.join(folder, name)))),
      name.slice(0, -'.pf_fragment'.length),
    );
  }
  return ids;
}

/**
 * The URL of a fragment (its gunzipped bytes). Pagefind writes the URL first (`{"url":…,"content":…`), so
 * only that much is parsed: the content is the page's whole text, and parsing it for every page of a
 * large city took seconds.
 */
export function fragmentUrl(raw: Buffer): string {
  const head = raw.toString(
    'utf8',
    'pagefind_dcd'.length,
    Math.min(raw.length, 'pagefind_dcd'.length + 4096),
  );
  const end = head.indexOf(',"content":');
  const json = end > 0 ? `${head.slice(0, end)}}` : raw.subarray('pagefind_dcd'.length).toString('utf8');
  return (JSON.parse(json) as { url: string }).url;
}

/** A minimal CBOR decoder for Pagefind's metadata (arrays, maps, text, bytes, integers, simple values). */
export function decodeCbor(data: Uint8Array): unknown {
  let at = 0;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = 1 << (info - 24);
    const start = at;
    at += size;
    if (size === 1) return view.getUint8(start);
    if (size === 2) return view.getUint16(start);
    if (size === 4) return view.getUint32(start);
    return Number(view.getBigUint64(start));
  };
  const text = new TextDecoder();
  const item = (): unknown => {
    const head = data[at++]!;
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22 || info === 23) return null;
      const size = info === 25 ? 2 : info === 26 ? 4 : 8;
      const start = at;
      at += size;
      return size === 4 ? view.getFloat32(start) : size === 8 ? view.getFloat64(start) : 0;
    }
    const count = length(info);
    switch (major) {
      case 0:
        return count;
      case 1:
        return -1 - count;
      case 2:
        at += count;
        return data.subarray(at - count, at);
      case 3:
        at += count;
        return text.decode(data.subarray(at - count, at));
      case 4:
        return Array.from({ length: count }, item);
      case 5:
        return Object.fromEntries(Array.from({ length: count }, () => [item(), item()]));
      default:
        return item();
    }
  };
  return item();
}

/** One index chunk of a shard: the words it covers and its size. */
export interface ShardChunk {
  readonly from: string;
  readonly to: string;
  readonly bytes: number;
}

/** The index chunks of a shard, from its `*.pf_meta` (gzipped `pagefind_dcd` + CBOR) and `index/`. */
export async function shardChunks(dir: string): Promise<ShardChunk[]> {
  const meta = (await readdir(dir)).find((name) => name.endsWith('.pf_meta'));
  if (!meta) return [];
  const raw = gunzipSync(await readFile(path.join(dir, meta)));
  const decoded = decodeCbor(raw.subarray('pagefind_dcd'.length)) as unknown[];
  // The chunk list: the array of [from, to, hash] triples.
  const chunks = decoded.find(
    (part): part is [string, string, string][] =>
      Array.isArray(part) &&
      part.length > 0 &&
      part.every(
        (chunk) => Array.isArray(chunk) && chunk.length === 3 && chunk.every((v) => typeof v === 'string'),
      ),
  );
  const out: ShardChunk[] = [];
  for (const [from, to, hash] of chunks ?? []) {
    const bytes = await stat(path.join(dir, 'index', `${hash}.pf_index`)).then(
      (file) => file.size,
      () => 0,
    );
    out.push({ from, to, bytes });
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** Bytes of the chunks a search for a run loads in a shard (each chunk once). */
export function chunkBytesOf(run: string, chunks: readonly ShardChunk[]): number {
  const loaded = new Set<ShardChunk>();
  for (const token of hanBigrams(run).map(encodeHan)) {
    // Binary search for the last chunk that starts at or before the token.
    let low = 0;
    let high = chunks.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (chunks[mid]!.from <= token) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const chunk = chunks[found];
    if (chunk && token <= chunk.to) loaded.add(chunk);
  }
  let bytes = 0;
  for (const chunk of loaded) bytes += chunk.bytes;
  return bytes;
}
