import { describe, expect, it } from 'vitest';
import { diffText, sentences } from './text-diff';

/** The pieces as `=same`, `-removed`, `+added`. */
const show = (before: string, after: string) =>
  diffText(before, after).map((piece) => `${{ same: '=', del: '-', ins: '+' }[piece.op]}${piece.text}`);

describe('text diff for reviewers', () => {
  it('cuts Chinese and Western sentences and lines, ends kept', () => {
    expect(sentences('第一句。第二句！Third. 四\n五')).toEqual([
      '第一句。',
      '第二句！',
      'Third.',
      ' 四\n',
      '五',
    ]);
  });

  it('shows a one-character edit in a long body as that character', () => {
    const body = `${'各镇人民政府、街道办事处：'.repeat(20)}请于3月15日前报送。${'特此通知。'.repeat(20)}`;
    const edited = body.replace('3月15日', '3月16日');
    const pieces = diffText(body, edited).filter((piece) => piece.op !== 'same');
    expect(pieces).toEqual([
      { op: 'del', text: '5' },
      { op: 'ins', text: '6' },
    ]);
  });

  it('shows added and removed sentences whole, the rest unchanged', () => {
    expect(show('一。二。三。', '一。三。四。')).toEqual(['=一。', '-二。', '=三。', '+四。']);
  });

  it('puts every character of both texts back together', () => {
    const before = '临江市人民政府关于加快推进招商引资的实施意见。总体要求：坚持问题导向。';
    const after = '临江市人民政府关于进一步加快招商引资的实施意见。总体要求：坚持目标导向，稳中求进。';
    const pieces = diffText(before, after);
    expect(
      pieces
        .filter((p) => p.op !== 'ins')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      pieces
        .filter((p) => p.op !== 'del')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });

  it('has nothing to show for equal texts, and replaces whole texts too long to compare', () => {
    expect(diffText('', '')).toEqual([]);
    expect(show('同', '同')).toEqual(['=同']);
    const long = '字'.repeat(3000);
    expect(show(long, `${long}。`).join('').length).toBeGreaterThan(0);
  });
});
