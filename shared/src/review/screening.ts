/** The secrecy markings (密级标志) that must never reach a public page. */
export const secrecyMarkings = ['绝密', '机密', '秘密', '内部'] as const;

/** The kinds of finding the screening at submit reports to reviewers. */
export const screeningKinds = {
  /** 密级标志 */
  'secrecy-marking': { 'zh-CN': '密级标志', en: 'Secrecy marking' },
  /** 身份证号码 (18 digits, valid checksum) */
  'id-number': { 'zh-CN': '身份证号码', en: 'Resident ID number' },
  /** 手机号码 */
  'mobile-phone': { 'zh-CN': '手机号码', en: 'Mobile phone number' },
  /** 固定电话 */
  'landline-phone': { 'zh-CN': '固定电话', en: 'Landline phone number' },
  /** 敏感词 */
  'sensitive-word': { 'zh-CN': '敏感词', en: 'Sensitive word' },
} as const;

/** A kind of screening finding. */
export type ScreeningKind = keyof typeof screeningKinds;

/** One thing the screening found: what kind, the text matched, and where (UTF-16 index). */
export interface ScreeningFinding {
  /** What kind of thing was found. */
  readonly kind: ScreeningKind;
  /** The text as it appears. */
  readonly match: string;
  /** Where it starts in the screened text (UTF-16 code units, like `String.prototype.indexOf`). */
  readonly index: number;
}

/**
 * The patterns the screening uses, as data. Digits around a match disqualify it, so a phone number is not
 * found inside a longer number. ID numbers are then checked for a real birth date and the checksum.
 */
export const screeningPatterns = {
  /** 18-character resident ID number: area, birth date YYYYMMDD, sequence, check character. */
  idNumber:
    /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g,
  /** Mainland mobile number, optionally with +86, optionally grouped 3-4-4. */
  mobilePhone: /(?<![\d+])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g,
  /** Landline number with area code: 025-83456789, (0510)82345678, 0510 8234 5678, with an optional extension. */
  landlinePhone:
    /(?<!\d)(?:\(0\d{2,3}\)\s?|（0\d{2,3}）|0\d{2,3}[-\s]?)[2-8]\d{2,3}[-\s]?\d{4}(?:[-转]\d{1,6})?(?!\d)/g,
} as const;

/** The weights of the first 17 digits of a resident ID number (GB 11643-1999). */
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The check character for each remainder mod 11. */
const idCheckCharacters = '10X98765432';

/**
 * Whether an 18-character resident ID number has a real birth date and the right check character.
 * @example isValidIdNumber('11010519491231002X') // true
 */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day)
    return false;
  let sum = 0;
  for (const [position, weight] of idWeights.entries()) sum += Number(value[position]) * weight;
  return idCheckCharacters[sum % 11] === value[17]?.toUpperCase();
}

/** Every match of a global pattern. */
function matchesOf(pattern: RegExp, text: string): { match: string; index: number }[] {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => ({
    match: m[0],
    index: m.index,
  }));
}

/** Every occurrence of a literal word. */
function occurrences(word: string, text: string): number[] {
  const found: number[] = [];
  if (word === '') return found;
  for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + word.length))
    found.push(index);
  return found;
}

/**
 * Screens a text before review (发布前检查): secrecy markings, resident ID numbers (valid checksum only),
 * mobile and landline phone numbers, and the given sensitive words. Pure; findings sorted by position.
 * @example screenText('联系人手机13800138000', []) // [{ kind: 'mobile-phone', match: '13800138000', index: 5 }]
 */
export function screenText(text: string, sensitiveWords: readonly string[] = []): ScreeningFinding[] {
  const findings: ScreeningFinding[] = [];
  for (const marking of secrecyMarkings) {
    for (const index of occurrences(marking, text))
      findings.push({ kind: 'secrecy-marking', match: marking, index });
  }
  for (const { match, index } of matchesOf(screeningPatterns.idNumber, text)) {
    if (isValidIdNumber(match)) findings.push({ kind: 'id-number', match, index });
  }
  for (const { match, index } of matchesOf(screeningPatterns.mobilePhone, text)) {
    findings.push({ kind: 'mobile-phone', match, index });
  }
  for (const { match, index } of matchesOf(screeningPatterns.landlinePhone, text)) {
    findings.push({ kind: 'landline-phone', match, index });
  }
  for (const word of new Set(sensitiveWords.map((w) => w.trim()).filter((w) => w !== ''))) {
    for (const index of occurrences(word, text))
      findings.push({ kind: 'sensitive-word', match: word, index });
  }
  return findings.sort((a, b) => a.index - b.index || a.kind.localeCompare(b.kind));
}
