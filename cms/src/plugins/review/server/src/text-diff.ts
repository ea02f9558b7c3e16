/**
 * What changed between two texts, as a reviewer reads it: the texts cut into sentences (Chinese and
 * Western sentence ends, line breaks), the sentences compared, and a changed sentence compared again
 * character by character, so a one-character edit in a long body shows as one character.
 */

/** A piece of the compared text: unchanged, removed (only in the old text) or added (only in the new). */
export interface DiffPiece {
  readonly op: 'same' | 'del' | 'ins';
  readonly text: string;
}

/** Beyond this many cells a longest-common-subsequence table is not built: the pieces are replaced whole. */
const maxCells = 4_000_000;

/** The sentences of a text, each with its end (。！？；.!?; or a line break) kept. */
export function sentences(text: string): string[] {
  return text.match(/[^。！？；.!?;\n]*(?:[。！？；.!?;]+|\n+|$)/gu)?.filter((part) => part !== '') ?? [];
}

/** The pieces that turn `before` into `after`, by a longest common subsequence of their units. */
function diffUnits(before: readonly string[], after: readonly string[]): DiffPiece[] {
  const n = before.length;
  const m = after.length;
  if (n * m > maxCells) {
    return [
      ...(n > 0 ? [{ op: 'del' as const, text: before.join('') }] : []),
      ...(m > 0 ? [{ op: 'ins' as const, text: after.join('') }] : []),
    ];
  }
  // lengths[i][j]: the longest common subsequence of before[i…] and after[j…].
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1)
    for (let j = m - 1; j >= 0; j -= 1)
      lengths[i]![j] =
        before[i] === after[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  const pieces: DiffPiece[] = [];
  const push = (op: DiffPiece['op'], text: string) => {
    const last = pieces.at(-1);
    if (last?.op === op) pieces[pieces.length - 1] = { op, text: last.text + text };
    else pieces.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      push('same', before[i]!);
      i += 1;
      j += 1;
    } else if (i < n && (j === m || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      // Removed before added, as a reader expects a replacement.
      push('del', before[i]!);
      i += 1;
    } else {
      push('ins', after[j]!);
      j += 1;
    }
  }
  return pieces;
}

/**
 * The pieces that turn `before` into `after`: sentences first, then the characters of a removed
 * sentence run against the added one that replaced it.
 * @example diffText('今天下雨。', '今天晴。') // [same 今天, del 下雨, ins 晴, same 。]
 */
export function diffText(before: string, after: string): DiffPiece[] {
  if (before === after) return before === '' ? [] : [{ op: 'same', text: before }];
  const coarse = diffUnits(sentences(before), sentences(after));
  const out: DiffPiece[] = [];
  for (let at = 0; at < coarse.length; at += 1) {
    const piece = coarse[at]!;
    const next = coarse[at + 1];
    if (piece.op === 'del' && next?.op === 'ins') {
      out.push(...diffUnits([...piece.text], [...next.text]));
      at += 1;
    } else out.push(piece);
  }
  // Merge neighbours of the same kind that the two passes left apart.
  return out.reduce<DiffPiece[]>((merged, piece) => {
    const last = merged.at(-1);
    if (last?.op === piece.op) merged[merged.length - 1] = { op: piece.op, text: last.text + piece.text };
    else merged.push(piece);
    return merged;
  }, []);
}
