import { describe, expect, it } from 'vitest';
import { excerpt, markPieces } from './excerpt.ts';
import {
  containsQuery,
  decodeHan,
  decodeIndexedText,
  encodeForIndex,
  encodeHan,
  engineQuery,
  hanBigrams,
  parseQuery,
  phraseProbes,
  phraseQuery,
  queryChunks,
  spansRun,
} from './tokenize.ts';

describe('tokenize', () => {
  it('searches a long phrase by its ends and its numbers, at their offsets, and finds it by their positions', () => {
    const meeting = phraseProbes(parseQuery('第24次常务会议'))!;
    expect(meeting.map((probe) => probe.offset)).toEqual([0, 1, 6]);
    expect(meeting[1]!.token).toBe('24');
    const title = phraseProbes(parseQuery('灵活就业人员参加基本养老保险登记'))!;
    expect(title.map((probe) => [probe.offset, probe.token])).toEqual([
      [0, encodeHan('灵活')],
      [14, encodeHan('登记')],
    ]);
    // Three tokens or fewer stay a quoted phrase; several chunks are not a phrase.
    expect(phraseProbes(parseQuery('临江市场'))).toBeUndefined();
    expect(phraseProbes(parseQuery('临江 市场监管局'))).toBeUndefined();
    // Positions 10 and 24 are 14 apart: the page holds the title's ends where the title would.
    expect(spansRun([3, 10, 24], title)).toBe(true);
    expect(spansRun([3, 10, 23], title)).toBe(false);
  });

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
      encodeHan('市'),
      '2024',
      encodeHan('年'),
      'GDP',
      encodeHan('增'),
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

  it('indexes a number next to Han text as a whole word with the characters that touch it', () => {
    // 第 of 市政府第24次 is only the end of the bigram 府第: without its unigram, no token starts with it.
    const page = encodeForIndex('市长主持召开市政府第24次常务会议').split(' ');
    const tokens = parseQuery('第24次常务会议').flatMap((part) => part.tokens);
    expect(tokens).toEqual([
      encodeHan('第'),
      '24',
      encodeHan('次'),
      ...hanBigrams('次常务会议').map(encodeHan),
    ]);
    // The query is a chain of adjacent tokens in the page: what Pagefind's phrase search asks.
    const at = page.indexOf(tokens[0]!);
    expect(page.slice(at, at + tokens.length)).toEqual(tokens);
    expect(decodeIndexedText(page.join(' \u200b'))).toBe('市长主持召开市政府第24次常务会议');
    expect(decodeIndexedText(encodeForIndex('高新区A区B栋2号楼'))).toBe('高新区A区B栋2号楼');
  });

  it('searches a chunk with Han text or a number as one phrase, several chunks and Latin words ranked', () => {
    expect(phraseQuery(parseQuery('第24次常务会议'))).toBe(
      `"${parseQuery('第24次常务会议')
        .flatMap((part) => part.tokens)
        .join(' ')}"`,
    );
    expect(phraseQuery(parseQuery('24'))).toBe('"24"');
    expect(phraseQuery(parseQuery('第24次 常务会议'))).toBeUndefined();
    expect(phraseQuery(parseQuery('investment'))).toBeUndefined();
    expect(phraseQuery(parseQuery('市'))).toBeUndefined();
    // Two characters are one bigram: a phrase of one token, matched as a whole word, not by prefix.
    expect(phraseQuery(parseQuery('位格'))).toBe(`"${encodeHan('位格')}"`);
    expect(queryChunks(parseQuery('第24次，常务会议'))).toEqual(['第24次', '常务会议']);
  });

  it('checks containment per chunk, a number whole', () => {
    expect(containsQuery('市政府第24次常务会议', parseQuery('第24次常务会议'))).toBe(true);
    expect(containsQuery('第24次会议 常务会议', parseQuery('第24次常务会议'))).toBe(false);
    expect(containsQuery('第240次常务会议', parseQuery('24'))).toBe(false);
    expect(containsQuery('2024年3月24日', parseQuery('24'))).toBe(true);
    // Marked whole too: not the 24 of 2024.
    expect(markPieces('2024年3月24日', parseQuery('24')).filter((piece) => piece.mark)).toEqual([
      { text: '24', mark: true },
    ]);
    expect(excerpt('2024年的工作。3月24日召开会议', parseQuery('24'), 6)[1]).toEqual({
      text: '24',
      mark: true,
    });
  });

  it('checks containment per part', () => {
    expect(containsQuery('临江市发展和改革委员会', parseQuery('发展 改革'))).toBe(true);
    expect(containsQuery('临江市发展和改革委员会', parseQuery('发改'))).toBe(false);
  });
});
