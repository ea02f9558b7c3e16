import { describe, expect, it } from 'vitest';
import { checkValidity } from './check-validity.ts';
import { checkContext, endOfDay } from './context.ts';
import type { CheckedRecord, ClusterData } from './data.ts';

function policy(id: string, raw: Record<string, unknown>): CheckedRecord {
  return {
    type: 'policy',
    raw: {
      id,
      locale: 'zh-CN',
      site: 'fgw',
      column: 'policies',
      title: `文件${id}`,
      validity: 'valid',
      ...raw,
    },
    entry: undefined,
    where: 'test',
  };
}

function findingsOf(...records: CheckedRecord[]) {
  const data: ClusterData = { sites: [], records };
  return checkValidity(checkContext(data, { now: endOfDay('2026-12-06') })).map((f) => [f.rule, f.message]);
}

describe('documents no longer in force', () => {
  it('are found without their day or with a replacement the data does not hold', () => {
    expect(
      findingsOf(
        policy('p-1', { validity: 'repealed' }),
        policy('p-2', { validity: 'amended', validityDate: '2025-06-30', replacedBy: 'p-9' }),
      ),
    ).toEqual([
      ['validity-undated', '政策文件“文件p-1”标为已废止，但未注明废止日期'],
      ['replacement-missing', '政策文件“文件p-2”的替代文件“p-9”不存在'],
    ]);
  });

  it('give no finding when dated and replaced by a document of the data, nor when valid', () => {
    expect(
      findingsOf(
        policy('p-1', { validity: 'expired', validityDate: '2025-12-31' }),
        policy('p-2', { validity: 'repealed', validityDate: '2025-06-30', replacedBy: 'p-3' }),
        policy('p-3', {}),
      ),
    ).toEqual([]);
  });
});
