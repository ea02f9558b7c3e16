import { describe, expect, it } from 'vitest';
import { relaxQueries } from './relax.ts';

describe('relaxQueries', () => {
  it('searches the runs between the words that ask, then every word', () => {
    expect(relaxQueries('如何申请高龄津贴需要什么材料')).toEqual([
      '申请高龄津贴 材料',
      '申请 高龄 津贴 材料',
    ]);
    expect(relaxQueries('请问政府信息公开申请需要什么材料？')).toEqual([
      '政府信息公开申请 材料',
      '政府 信息 公开 申请 材料',
    ]);
    expect(relaxQueries('营业执照办理流程')).toEqual(['营业 执照 办理 流程']);
  });

  it('keeps runs of characters the dictionary does not know together, as typed', () => {
    expect(relaxQueries('公积金提取')).toEqual(['公积金 提取']);
    expect(relaxQueries('我想开个小餐馆')).toEqual(['开个小餐馆', '开个 餐馆']);
  });

  it('keeps numbers and Latin words', () => {
    // The runs are the query as typed: only the words are left to search.
    expect(relaxQueries('2024年 营商环境 report')).toEqual(['2024 营商 环境 report']);
  });

  it('has nothing else to search for one word or only asking words', () => {
    expect(relaxQueries('津贴')).toEqual([]);
    expect(relaxQueries('怎么办')).toEqual([]);
    expect(relaxQueries('')).toEqual([]);
    // The same words in other case or width are no other search.
    expect(relaxQueries('Investment Guide')).toEqual([]);
    expect(relaxQueries('ＡＢＣ　ｄｅｆ')).toEqual([]);
  });
});
