import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeXml } from './escape.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that end text or an attribute, and each only once', () => {
    expect(escapeHtml(`<a href="x" title='y'>R&D</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;R&amp;D&lt;/a&gt;',
    );
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves other text, Chinese and Cyrillic included, as it is', () => {
    expect(escapeHtml('临江市人民政府 — Правительство 2026')).toBe('临江市人民政府 — Правительство 2026');
    expect(escapeHtml('')).toBe('');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML special characters with XML entities', () => {
    expect(escapeXml(`Tom's <feed> & "news"`)).toBe('Tom&apos;s &lt;feed&gt; &amp; &quot;news&quot;');
  });

  it('gives well-formed XML for any text in an element and an attribute', () => {
    const text = `a<b>&c"d'e]]>`;
    const xml = `<item title="${escapeXml(text)}">${escapeXml(text)}</item>`;
    expect(xml).not.toMatch(/<(?!\/?item)/);
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  });
});
