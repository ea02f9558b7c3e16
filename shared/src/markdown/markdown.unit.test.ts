import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToText, safeHref } from './index.ts';

describe('safeHref', () => {
  it('accepts web, mail and phone links and paths on this host', () => {
    for (const href of [
      'https://www.gov.cn/',
      'http://a.example',
      'mailto:a@b.cn',
      'tel:0871-1234',
      '/uploads/a.pdf',
      './a',
      '../a',
      'a.pdf',
      '#top',
      '?q=1',
    ])
      expect(safeHref(href), href).toBe(href);
  });

  it('refuses script and data schemes and protocol-relative hosts', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'vbscript:x',
      'data:text/html,<b>',
      'data:image/png;base64,AA',
      'file:///etc/passwd',
      '//evil.example/',
      '/\\evil.example/',
      '\\\\evil',
      '',
    ])
      expect(safeHref(href), href).toBeNull();
  });
});

describe('markdownToHtml', () => {
  it('turns an image into a link to it, labelled with its alt text', () => {
    expect(markdownToHtml('![会场照片](/uploads/a.jpg)')).toBe(
      '<p><a href="/uploads/a.jpg">会场照片</a></p>',
    );
    expect(markdownToHtml('![](/uploads/a.jpg)无说明')).toBe('<p>无说明</p>');
    expect(markdownToHtml('![x](javascript:alert(1))')).toBe('<p>x</p>');
    expect(markdownToHtml('[![图](/a.png)](/b)')).toBe('<p><a href="/b">图</a></p>');
  });

  it('keeps the level of a heading when there is room, and refuses an impossible level', () => {
    expect(markdownToHtml('#### 四级\n\n###### 六级', { topLevel: 5 })).toBe(
      '<h5 id="四级">四级</h5>\n<h6 id="六级">六级</h6>',
    );
    expect(() => markdownToHtml('# 标题', { topLevel: 0 })).toThrow(/heading level from 1 to 6/);
  });
});

describe('markdownToText', () => {
  it('keeps one line per block and drops marks and link targets; an image gives its alt text', () => {
    expect(markdownToText('# 标题\n\n- 一项\n- ![图](x.png)二项 [链接](/a)')).toBe('标题\n一项\n图二项 链接');
    expect(markdownToText('> 引文 _强调_ `代码`\n\n1. 甲\n   - 乙')).toBe('引文 强调 代码\n甲\n乙');
  });

  it('puts a table row on one line with its cells separated by spaces', () => {
    expect(
      markdownToText('| 项目 | 金额（万元） |\n| --- | --- |\n| 本月收入 | 12.5 |\n| 其中：经营收入 |  |'),
    ).toBe('项目 金额（万元）\n本月收入 12.5\n其中：经营收入');
  });

  it('drops a footnote reference mark and keeps the note, after the text', () => {
    expect(markdownToText('依据《条例》[^1]执行。\n\n[^1]: 2019年修订。')).toBe(
      '依据《条例》执行。\n2019年修订。',
    );
  });

  it('keeps hyphens, digits and the characters of escapes and raw HTML as text', () => {
    expect(markdownToText('电话 0871-12345678，2025-03-01 - 2025-03-08\n\n\\*注\\* a_b_c <b>x</b>')).toBe(
      '电话 0871-12345678，2025-03-01 - 2025-03-08\n*注* a_b_c <b>x</b>',
    );
  });
});
