import { describe, expect, it } from 'vitest';
import { checkSevereErrors } from './check-severe-errors.ts';
import { checkContext, endOfDay } from './context.ts';
import type { CheckedRecord, ClusterData } from './data.ts';

function record(type: CheckedRecord['type'], raw: Record<string, unknown>): CheckedRecord {
  return {
    type,
    raw: { locale: 'zh-CN', site: 'fgw', publishedAt: '2026-12-01T09:00:00+08:00', ...raw },
    entry: undefined,
    where: 'test',
  };
}

function errorsIn(body: string) {
  const data: ClusterData = {
    sites: [],
    records: [
      record('leader', { id: 'l-1', name: '王新', position: '副局长' }),
      record('leader', { id: 'l-2', name: '王强英', position: '局长' }),
      record('article', { id: 'a-1', column: 'news', title: '标题', body }),
    ],
  };
  return checkSevereErrors(checkContext(data, { now: endOfDay('2026-12-06') })).map((f) => [
    f.rule,
    f.message,
  ]);
}

describe('severe errors in published text', () => {
  it('finds a leader name one character off, next to the position', () => {
    expect(errorsIn('副局长王欣到白沙镇调研。')).toEqual([
      ['leader-name', expect.stringContaining('“王欣”疑为副局长“王新”之误')],
    ]);
    expect(errorsIn('王欣同志出席会议。')).toEqual([['leader-name', expect.stringContaining('王欣')]]);
  });

  it('takes a longer leader name for what it is, and the right name for no error', () => {
    expect(errorsIn('副局长王强英到白沙镇调研，副局长王新陪同。')).toEqual([]);
  });

  it('finds listed wrong words and secrecy markings', () => {
    expect(errorsIn('中华人民共合国成立。')).toEqual([
      ['wrong-word', expect.stringContaining('应为“中华人民共和国”')],
    ]);
    expect(errorsIn('绝密★启用前')).toEqual([['secrecy-marking', expect.stringContaining('绝密')]]);
  });
});
