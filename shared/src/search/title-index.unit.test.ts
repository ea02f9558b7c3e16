import { describe, expect, it } from 'vitest';
import {
  intersectPostings,
  parsePostings,
  postingValue,
  titleCandidates,
  titleGrams,
  titleProbes,
} from './title-index.ts';
import { parseQuery } from './tokenize.ts';

describe('title index', () => {
  it('writes postings as base-36 differences and reads them back', () => {
    const ids = [0, 3, 4, 40, 1_000_000];
    expect(postingValue(ids)).toBe('0,3,1,10,lfko');
    expect(parsePostings(postingValue(ids))).toEqual(ids);
    expect(parsePostings('*')).toBe('*');
  });

  it('cuts a title into Han bigrams and lowercased words, digits and Latin letters as words', () => {
    expect(titleGrams(parseQuery('2024年GDP增长5G基站'))).toEqual([
      '2024',
      '年',
      'gdp',
      '增长',
      '5g',
      '基站',
    ]);
  });

  it('looks a long title up by a few spread bigrams, the words always', () => {
    expect(titleProbes(parseQuery('灵活就业人员参加基本养老保险登记'))).toEqual([
      '灵活',
      '登记',
      '员参',
      '养老',
    ]);
    expect(titleProbes(parseQuery('第24次常务会议'))).toEqual(['24', '次常', '会议', '常务']);
    expect(titleProbes(parseQuery('临江'))).toEqual(['临江']);
  });

  it('intersects posting lists', () => {
    expect(
      intersectPostings([
        [1, 2, 5, 9],
        [2, 9, 11],
        [0, 2, 3, 9],
      ]),
    ).toEqual([2, 9]);
    expect(intersectPostings([])).toEqual([]);
  });

  it('answers nothing found when a gram is in no title, cannot answer when every gram is too common', async () => {
    const postings: Record<string, number[] | '*'> = {
      灵活: [1, 4, 7],
      登记: [4, 7, 9],
      员参: '*',
      养老: [0, 4],
    };
    const lookup = async (_bucket: number, gram: string) => postings[gram];
    expect(await titleCandidates(parseQuery('灵活就业人员参加基本养老保险登记'), 8, lookup)).toEqual([4]);
    expect(await titleCandidates(parseQuery('灵活就业的说明'), 8, lookup)).toEqual([]);
    // Many titles hold the first grams: more of the query's grams narrow the candidates down.
    const broad: Record<string, number[]> = {
      一图: Array.from({ length: 100 }, (_, id) => id),
      读懂: Array.from({ length: 100 }, (_, id) => id),
      临江: Array.from({ length: 100 }, (_, id) => id),
      方案: Array.from({ length: 100 }, (_, id) => id),
      异地: [7, 70],
    };
    const broadLookup = async (_bucket: number, gram: string) =>
      broad[gram] ?? Array.from({ length: 100 }, (_, id) => id);
    expect(
      await titleCandidates(parseQuery('一图读懂｜《临江市异地就医结算实施方案》'), 8, broadLookup),
    ).toEqual([7, 70]);
    // The ends of a templated title are too common to list: its middle picks it out.
    const template: Record<string, number[] | '*'> = { 信访: [3, 40], 访事: [3, 40, 41] };
    const templateLookup = async (_bucket: number, gram: string) => template[gram] ?? '*';
    expect(
      await titleCandidates(parseQuery('2023年全市信访事项办理业务骨干培训班开班'), 8, templateLookup),
    ).toEqual([3, 40, 41]);
    const common = async () => '*' as const;
    expect(await titleCandidates(parseQuery('人员'), 8, common)).toBeUndefined();
  });
});
