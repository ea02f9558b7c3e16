/**
 * Written reasons of the review (a rejection's comment, the reason of an emergency publish, a withdrawal
 * or a secrecy override): what counts as written. Whitespace, invisible characters (zero-width spaces,
 * joiners, BOM, variation selectors, fillers, control and format characters) and punctuation do not.
 */

/** Fewest letters or digits a reason needs (“政策调整”, “data wrong”). */
export const minimumReasonLength = 4;

/**
 * Characters that take no room on screen or render as blank: Unicode's default-ignorable code points
 * (zero-width spaces and joiners, fillers, variation selectors, tags), control, format, private-use and
 * unassigned characters, separators, and the blank braille pattern.
 */
const invisible = /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Z}\s\u2800]/gu;

/**
 * The text of a reason as a reader sees it: invisible characters removed, runs of whitespace made one
 * space, trimmed.
 * @example visibleText('\u200B 政策\u00A0调整 \uFEFF') // '政策 调整'
 */
export function visibleText(text: string): string {
  return text
    .replace(/[\s\p{Z}]+/gu, ' ')
    .replace(invisible, (match) => (match === ' ' ? ' ' : ''))
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Why a reason is not one: too short once invisible characters, spaces and punctuation are left out. */
export interface ReasonRefusal {
  readonly code: 'reason-too-short';
  readonly reason: { readonly 'zh-CN': string; readonly en: string };
}

/**
 * Whether `text` is a written reason: at least {@link minimumReasonLength} letters or digits that a
 * reader can see. Returns null when it is, the refusal otherwise.
 * @example reasonProblem('\u200B\u200B\u200B\u200B') // { code: 'reason-too-short', … }
 * @example reasonProblem('政策已调整') // null
 */
export function reasonProblem(text: string | undefined | null): ReasonRefusal | null {
  const letters = visibleText(text ?? '').match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (letters >= minimumReasonLength) return null;
  return {
    code: 'reason-too-short',
    reason: {
      'zh-CN': `须填写理由：至少 ${minimumReasonLength} 个字（空白、标点和不可见字符不计）`,
      en: `A reason is required: at least ${minimumReasonLength} letters or digits (spaces, punctuation and invisible characters do not count)`,
    },
  };
}
