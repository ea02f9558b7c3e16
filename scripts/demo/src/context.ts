/**
 * What text templates know about the body that publishes: its names, prefixes, fields of work,
 * leaders, and the city around it.
 */
import type { PolicyTopic } from '@govcluster/shared/schemas';
import type { Rng } from './prng.ts';
import { givenChars, type PersonName, personName, surnames } from './words.ts';

/** A publishing body (the portal's government, a department, a township government). */
export interface Org {
  /** Site id. */
  siteId: string;
  /** Site kind. */
  kind: 'portal' | 'department' | 'township';
  /** Full name, e.g. `临江市发展和改革委员会`, `临江市人民政府`, `临江市白沙镇人民政府`. */
  fullName: string;
  /** Name without the city, used as 来源: `市发展和改革委员会`, `白沙镇人民政府`. */
  sourceName: string;
  /** Short name in running text: `市发展改革委`, `市政府`, `白沙镇`. */
  short: string;
  /** 发文机关代字: `临发改`, `临政`, `白政`. */
  docPrefix: string;
  /** 主题分类 of its documents. */
  topic: PolicyTopic;
  /** Fields of work. */
  focus: string[];
  /** Scope word of its reach: `全市` or `全镇`. */
  scope: string;
  /** Telephone prefix of its offices, e.g. `0860-8861`: four more digits make a number. */
  phonePrefix: string;
  /** Postal address. */
  address: string;
  /** First 18 characters of its 索引号 (统一社会信用代码-like). */
  orgCode: string;
  /** Its leaders, head first (filled by the generator before texts are written). */
  leaders: { name: string; position: string }[];
  /** Township name (白沙镇) when a township. */
  town?: string;
  /** Villages of the township, by name. */
  villages?: string[];
}

/** The city the texts live in: names shared by every template. */
export interface CityContext {
  /** Township names with their suffix (`白沙镇`, `桃源乡`) of the scale. */
  towns: string[];
  /** Village names by township name. */
  villagesByTown: Map<string, string[]>;
  /** Department short names by site id. */
  departments: { id: string; short: string; sourceName: string; focus: string[] }[];
  /** Telephone area code. */
  areaCode: string;
}

/** The telephone area code of the demo city (invented). */
export const areaCode = '0860';

/** Draws a person's name, favouring common surnames. */
export function drawName(rng: Rng): PersonName {
  // Squaring favours the head of the list, where the common surnames are.
  const surname = surnames[Math.floor(rng.next() ** 2 * surnames.length)] ?? surnames[0];
  const count = rng.chance(0.72) ? 2 : 1;
  const given = rng.sample(givenChars, count);
  return personName(surname ?? { han: '王', py: 'wang', ru: 'ван' }, given);
}

/** A mobile number such as `139-0860-1234`: 11 digits. */
export function drawMobile(rng: Rng): string {
  const head = rng.pick([
    '133',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '158',
    '159',
    '177',
    '186',
    '187',
    '189',
  ]);
  return `${head}${String(rng.int(0, 9999)).padStart(4, '0')}${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

/** An office number of an org: its prefix and four digits. */
export function officePhone(org: Org, rng: Rng): string {
  return `${org.phonePrefix}${String(rng.int(1000, 9999))}`;
}

/** Replaces `{key}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template placeholder {${key}} has no value`);
    return String(value);
  });
}

/** Counts Han characters, to keep bodies within the intended length. */
export function hanLength(text: string): number {
  return (text.match(/\p{Script=Han}/gu) ?? []).length;
}

/** The Chinese numerals used in headings: 一 … 十. */
export const zhNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** `一、` style ordinal for index 0 … 9. */
export function zhOrdinal(index: number): string {
  return zhNumerals[index] ?? String(index + 1);
}
