import { describe, expect, it } from 'vitest';
import { challengeBits, leadingZeroBits, solveChallenge } from './challenge.ts';
import { idChecksumOk, mailboxColumn, validateLetter } from './form.ts';
import { renderLetterForm } from './form-html.ts';
import { renderLetterStatus } from './page-html.ts';

const valid = {
  kind: 'complaint',
  subject: '噪音扰民问题',
  text: '小区旁工地夜间施工，噪音很大，影响休息。',
  name: '李先生',
  phone: '0871-63123456',
  mayPublish: 'no',
};

describe('the letter form', () => {
  it('accepts a valid letter, trimmed, with the phone number without separators', () => {
    const result = validateLetter({
      ...valid,
      subject: '  噪音扰民问题 ',
      email: '',
      idNumber: '11010519491231002x',
    });
    expect(result).toEqual({
      ok: true,
      letter: {
        ...valid,
        phone: '087163123456',
        email: null,
        idNumber: '11010519491231002X',
        mayPublish: false,
      },
    });
  });

  it('gives a reason in Chinese for every field that is wrong, whatever the input', () => {
    for (const input of [null, 42, 'text', [], { kind: ['consult'], subject: { a: 1 }, text: 5 }]) {
      const result = validateLetter(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(Object.keys(result.errors).length).toBeGreaterThan(0);
        for (const message of Object.values(result.errors)) expect(message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('checks the ID number’s check digit', () => {
    expect(idChecksumOk('11010519491231002X')).toBe(true);
    expect(idChecksumOk('110105194912310021')).toBe(false);
  });

  it('finds the mailbox column: the first interaction column by order', () => {
    expect(
      mailboxColumn([
        { slug: 'news', type: 'news', order: 1 },
        { slug: 'talks', type: 'interaction', order: 7 },
        { slug: 'letters', type: 'interaction', order: 6 },
      ])?.slug,
    ).toBe('letters');
    expect(mailboxColumn([{ type: 'news', order: 1 }])).toBeUndefined();
  });

  it('renders everything typed inert', () => {
    const html = renderLetterForm({
      site: 'fgw"><script>',
      mailbox: '<b>主任信箱</b>',
      values: { subject: '"><img src=x onerror=alert(1)>', text: '</textarea><script>alert(1)</script>' },
      errors: { subject: '<i>错误</i>' },
    });
    expect(html).not.toMatch(/<(script|img|b|i)\b/);
    const status = renderLetterStatus({
      code: '20261206-AAAAAA',
      subject: '<script>x</script>',
      text: '第一段\n<svg onload=x>\n\n第二段',
      kind: '投诉',
      submittedAt: '2026年12月6日',
      status: 'received',
      handlingUnit: '<u>x</u>',
      reply: null,
      repliedAt: null,
      rating: null,
      answerBy: '2026年12月28日',
      publicUrl: null,
    });
    expect(status).not.toMatch(/<(script|svg|u)\b/);
    expect(status).toContain('第一段<br />&lt;svg onload=x&gt;</p><p>第二段');
  });
});

describe('the proof of work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0x0f]), 12)).toBe(true);
    expect(leadingZeroBits(new Uint8Array([0, 0x10]), 12)).toBe(false);
    expect(leadingZeroBits(new Uint8Array([0x80]), 0)).toBe(true);
  });

  it('solves a token for the bits it asks', async () => {
    const token = `${btoa(JSON.stringify({ n: 'x', e: 0, b: 10 }))}.sig`;
    expect(challengeBits(token)).toBe(10);
    expect(challengeBits('garbage')).toBeNull();
    const solution = await solveChallenge(token);
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${token}:${solution}`)),
    );
    expect(leadingZeroBits(digest, 10)).toBe(true);
  });
});
