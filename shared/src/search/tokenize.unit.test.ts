import { describe, expect, it } from 'vitest';
import {
  containsQuery,
  decodeHan,
  decodeIndexedText,
  encodeForIndex,
  encodeHan,
  engineQuery,
  hanBigrams,
  parseQuery,
} from './tokenize.ts';

describe('tokenize', () => {
  it('turns a Han run into overlapping bigrams', () => {
    expect(hanBigrams('临江市政府')).toEqual(['临江', '江市', '市政', '政府']);
    expect(hanBigrams('市')).toEqual(['市']);
  });

  it('encodes bigrams as ASCII tokens that decode back', () => {
    const token = encodeHan('江市');
    expect(token).toMatch(/^q[a-z]{8}$/);
    expect(decodeHan(token)).toBe('江市');
    expect(decodeHan('question')).toBeUndefined();
    // A rare character outside the BMP survives too.
    expect(decodeHan(encodeHan('𠀀江'))).toBe('𠀀江');
  });

  it('indexes Han runs as bigrams and leaves other words for the engine', () => {
    const indexed = encodeForIndex('临江市2024年GDP增长');
    expect(indexed.split(' ')).toEqual([
      encodeHan('临江'),
      encodeHan('江市'),
      '2024',
      encodeHan('年'),
      'GDP',
      encodeHan('增长'),
    ]);
    expect(decodeIndexedText(indexed)).toBe('临江市2024年GDP增长');
    // As Pagefind stores zh text: a zero-width space before every word.
    expect(decodeIndexedText(indexed.split(' ').join(' \u200b'))).toBe('临江市2024年GDP增长');
    expect(decodeIndexedText(encodeForIndex('关于印发《临江市办法》的通知。'))).toBe(
      '关于印发《临江市办法》的通知。',
    );
  });

  it('finds a run across a word boundary: the query bigrams are a chain inside the page bigrams', () => {
    // 江市 spans 临江 | 市场 — what a word segmenter never indexes.
    const page = new Set(encodeForIndex('临江市场监管局').split(' '));
    const query = parseQuery('江市');
    expect(query[0]!.tokens.every((token) => page.has(token))).toBe(true);
  });

  it('parses mixed queries into Han runs and lowercased words', () => {
    const parts = parseQuery('临江市 GDP，“发改委”');
    expect(parts.map((part) => [part.kind, part.text])).toEqual([
      ['han', '临江市'],
      ['word', 'gdp'],
      ['han', '发改委'],
    ]);
    expect(engineQuery(parseQuery('临江市'), { exact: true })).toBe(
      `"${encodeHan('临江')} ${encodeHan('江市')}"`,
    );
    // Several parts cannot be one Pagefind phrase: no quotes.
    expect(engineQuery(parts, { exact: true })).not.toContain('"');
  });

  it('checks containment per part', () => {
    expect(containsQuery('临江市发展和改革委员会', parseQuery('发展 改革'))).toBe(true);
    expect(containsQuery('临江市发展和改革委员会', parseQuery('发改'))).toBe(false);
  });
});
