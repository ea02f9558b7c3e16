/**
 * The 索引号 (index number) of a document of the 政府信息公开目录, as the cluster writes it
 * (docs/adr/0027-open-information.md): the publishing body's code, a slash, the year and a serial.
 *
 *   11740100001234567X/2024-00123
 *   └ 机构代码 ──────────┘ └年┘ └流水号
 *
 * The body's code is its 18-character 统一社会信用代码 (or the 9-character 组织机构代码 it replaced):
 * digits and capital letters. The year is four digits from 1949 on; the serial 3 to 6 digits, not all 0.
 * @module
 */
import { z } from 'zod';

/** The parts of an index number. */
export interface IndexNumberParts {
  /** The publishing body's code (统一社会信用代码 or 组织机构代码). */
  readonly code: string;
  /** The year (年份). */
  readonly year: number;
  /** The serial within the body and year (流水号), as written. */
  readonly serial: string;
}

const shape = /^([0-9A-Z]+)\/(\d{4})-(\d+)$/;

/**
 * What is wrong with an index number, in words an editor understands; `undefined` when it is well formed.
 * @example indexNumberProblem('1174/2024-1') // 'the body code "1174" must be 9 or 18 digits and capital letters (…)'
 */
export function indexNumberProblem(value: string): string | undefined {
  const match = shape.exec(value);
  if (!match) {
    return `"${value}" must be <body code>/<year>-<serial>, e.g. 11740100001234567X/2024-00123 (索引号)`;
  }
  const [, code = '', year = '', serial = ''] = match;
  if (code.length !== 9 && code.length !== 18) {
    return `the body code "${code}" must be 9 or 18 digits and capital letters (组织机构代码 or 统一社会信用代码)`;
  }
  if (Number(year) < 1949 || Number(year) > 2100) return `the year ${year} is not a plausible year`;
  if (serial.length < 3 || serial.length > 6) return `the serial "${serial}" must have 3 to 6 digits`;
  if (/^0+$/.test(serial)) return `the serial "${serial}" must not be 0`;
  return undefined;
}

/** The parts of a well-formed index number; `undefined` when it is malformed. */
export function parseIndexNumber(value: string): IndexNumberParts | undefined {
  if (indexNumberProblem(value) !== undefined) return undefined;
  const [, code = '', year = '', serial = ''] = shape.exec(value) ?? [];
  return { code, year: Number(year), serial };
}

/**
 * An index number (索引号): `<body code>/<year>-<serial>`. A malformed one is refused with the part
 * that is wrong; the snapshot's validation names the entry.
 * @example '11740100001234567X/2024-00123'
 */
export const IndexNumberSchema = z.string().superRefine((value, ctx) => {
  const problem = indexNumberProblem(value);
  if (problem !== undefined)
    ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'index-number' } });
});
