/**
 * The proof of work of the mailbox (docs/adr/0023-mailbox.md): the CMS issues a signed challenge, the
 * page's script finds a number whose SHA-256 with the challenge starts with `bits` zero bits, the CMS
 * checks it in one hash. It costs a person's browser about a second and a flood of letters as much per
 * letter. Pure and browser-safe (Web Crypto).
 * @module
 */

/** Leading zero bits asked for by default: about 2^16 hashes, a second or less in a browser. */
export const defaultChallengeBits = 16;

/** Whether a digest starts with `bits` zero bits. */
export function leadingZeroBits(digest: Uint8Array, bits: number): boolean {
  let left = bits;
  for (const byte of digest) {
    if (left <= 0) return true;
    if (left >= 8) {
      if (byte !== 0) return false;
      left -= 8;
    } else {
      return byte >> (8 - left) === 0;
    }
  }
  return left <= 0;
}

/** The text that is hashed for a solution. */
export function challengeInput(token: string, solution: string): string {
  return `${token}:${solution}`;
}

/** The bits a challenge token asks for (its `b` field), or null when the token is not one. */
export function challengeBits(token: string): number | null {
  const payload = token.split('.')[0] ?? '';
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { b?: unknown };
    return typeof json.b === 'number' && json.b >= 0 && json.b <= 32 ? json.b : null;
  } catch {
    return null;
  }
}

/**
 * Finds a solution of a challenge token: the first number whose hash has the bits asked for.
 * @example await solveChallenge(token) // '48213'
 */
export async function solveChallenge(
  token: string,
  bits = challengeBits(token) ?? defaultChallengeBits,
): Promise<string> {
  const encoder = new TextEncoder();
  for (let n = 0; ; n++) {
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', encoder.encode(challengeInput(token, String(n)))),
    );
    if (leadingZeroBits(digest, bits)) return String(n);
  }
}
