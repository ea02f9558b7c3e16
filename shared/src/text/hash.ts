/**
 * FNV-1a, the one string hash of the cluster: the search's route buckets (a format the indexer and the
 * browser must agree on), the indexer's shard cuts and the demo generator's stream seeds all take it.
 * No dependencies; browser-safe.
 * @module
 */

/**
 * The 32-bit FNV-1a hash of a string's UTF-16 code units, unsigned.
 * @example fnv1a('') // 0x811c9dc5
 * @example fnv1a('a') // 0xe40c292c
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at += 1) {
    hash ^= text.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
