import { describe, expect, it } from 'vitest';
import { examplePolicy } from './examples.ts';
import { IndexNumberSchema, indexNumberProblem, parseIndexNumber } from './index-number.ts';
import { PolicyDocumentSchema } from './policy.ts';

describe('索引号 (index number)', () => {
  it('accepts a 统一社会信用代码 or a 组织机构代码, a year and a serial, and splits them', () => {
    expect(parseIndexNumber('11740100001234567X/2024-00123')).toEqual({
      code: '11740100001234567X',
      year: 2024,
      serial: '00123',
    });
    expect(IndexNumberSchema.safeParse('00000000X/1999-001').success).toBe(true);
    expect(PolicyDocumentSchema.safeParse(examplePolicy).success).toBe(true);
  });

  it('says which part of a malformed one is wrong', () => {
    expect(indexNumberProblem('11740100001234567X-2024-00123')).toMatch(
      /must be <body code>\/<year>-<serial>/,
    );
    expect(indexNumberProblem('1174010000/2024-00123')).toMatch(/body code "1174010000" must be 9 or 18/);
    expect(indexNumberProblem('11740100001234567X/1800-00123')).toMatch(/year 1800/);
    expect(indexNumberProblem('11740100001234567X/2024-12')).toMatch(/serial "12" must have 3 to 6 digits/);
    expect(indexNumberProblem('11740100001234567X/2024-0000')).toMatch(/must not be 0/);
    expect(indexNumberProblem('11740100001234567x/2024-00123')).toMatch(/must be <body code>/);
    expect(parseIndexNumber('2024-00123')).toBeUndefined();
  });

  it('is the policy schema’s rule for indexNumber, with the message on that field', () => {
    const result = PolicyDocumentSchema.safeParse({ ...examplePolicy, indexNumber: '1174/2024-00123' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'indexNumber: the body code "1174" must be 9 or 18 digits and capital letters (组织机构代码 or 统一社会信用代码)',
    ]);
  });
});

describe('有效性 (validity) fields of a policy document', () => {
  it('are optional: a document without them still parses', () => {
    const {
      validityDate: _date,
      replacedBy: _by,
      ...plain
    } = {
      ...examplePolicy,
      validityDate: undefined,
      replacedBy: undefined,
    };
    expect(PolicyDocumentSchema.safeParse(plain).success).toBe(true);
  });

  it('take the day it stopped being valid and the id of what replaced it', () => {
    const repealed = {
      ...examplePolicy,
      validity: 'repealed',
      validityDate: '2025-06-30',
      replacedBy: 'portal-policy-0042',
    };
    expect(PolicyDocumentSchema.parse(repealed)).toMatchObject({
      validityDate: '2025-06-30',
      replacedBy: 'portal-policy-0042',
    });
  });

  it('refuse a day that does not exist and an id that is not one', () => {
    const result = PolicyDocumentSchema.safeParse({
      ...examplePolicy,
      validity: 'amended',
      validityDate: '2025-02-30',
      replacedBy: 'Portal Policy 42',
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'replacedBy',
      'validityDate',
    ]);
  });
});
