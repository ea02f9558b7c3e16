import { pageIds } from '@govcluster/shared/markdown';
import { describe, expect, it } from 'vitest';
import { markdownSummary, renderMarkdown } from './markdown.ts';

const zh = (markdown: string, topLevel?: number) => renderMarkdown(markdown, { locale: 'zh-CN', topLevel });

const recruitment = [
  '## 一、招聘岗位',
  '',
  '| 岗位 | 人数 | 学历要求 |',
  '| --- | --- | --- |',
  '| 综合文秘 | 2 | 本科及以上 |',
  '| 财务会计 | 1 | 大专及以上 |',
].join('\n');

describe('renderMarkdown', () => {
  it('renders a table with column headers in a focusable, labelled scroll box', () => {
    const html = zh(recruitment);
    expect(html).toContain(
      '<div class="gc-table" role="region" tabindex="0" aria-label="表格：一、招聘岗位">\n<table>\n<thead>\n<tr>\n<th scope="col">岗位</th>',
    );
    expect(html).toContain('<tbody>\n<tr>\n<td>综合文秘</td>\n<td>2</td>');
    expect(html).toMatch(/<\/table>\n<\/div>$/);
    expect(html).not.toContain('|');
  });

  it('names a table by the page language and, without a heading, by what the body is about', () => {
    const table = '| 项目 | 金额（万元） |\n| --- | --- |\n| 本月收入 | 12.5 |';
    expect(renderMarkdown(table, { locale: 'zh-CN', context: '3月财务收支' })).toContain(
      'aria-label="表格：3月财务收支"',
    );
    expect(renderMarkdown(table, { locale: 'en' })).toContain('aria-label="Table: 项目 金额（万元）"');
    // Two tables under one heading get different names.
    expect(zh(`## 附表\n\n${table}\n\n${table}`)).toContain('aria-label="表格：附表 (2)"');
  });

  it('renders nested lists', () => {
    expect(zh('- 甲\n  - 甲一\n  - 甲二\n- 乙\n\n1. 一\n   1. 一之一')).toBe(
      '<ul>\n<li>甲\n<ul>\n<li>甲一</li>\n<li>甲二</li>\n</ul>\n</li>\n<li>乙</li>\n</ul>\n' +
        '<ol>\n<li>一\n<ol>\n<li>一之一</li>\n</ol>\n</li>\n</ol>',
    );
  });

  it('renders emphasis written with underscores or stars, and honours backslash escapes', () => {
    expect(zh('_强调_、*强调*、__加粗__、**加粗**')).toBe(
      '<p><em>强调</em>、<em>强调</em>、<strong>加粗</strong>、<strong>加粗</strong></p>',
    );
    expect(zh('\\*不是强调\\*，1\\. 不是列表，\\| 不是表格 \\|')).toBe(
      '<p>*不是强调*，1. 不是列表，| 不是表格 |</p>',
    );
  });

  it('prints raw HTML as text, so a body can never inject markup or script', () => {
    const html = zh(
      '你好<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<iframe src="//evil"></iframe>',
    );
    expect(html).not.toMatch(/<(script|img|iframe)/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;iframe src=&quot;//evil&quot;&gt;');
  });

  it('refuses javascript: and protocol-relative links, keeping their label as text', () => {
    expect(zh('[点击](javascript:alert%281%29)')).toBe('<p>点击</p>');
    expect(zh('[点击](JaVaScRiPt&colon;alert(1))')).toBe('<p>点击</p>');
    expect(zh('<javascript:alert(1)>')).toBe('<p>javascript:alert(1)</p>');
    expect(zh('[外站](//evil.example/)')).toBe('<p>外站</p>');
    expect(zh('[政府网](https://www.gov.cn/) [附件](/uploads/a.pdf)')).toBe(
      '<p><a href="https://www.gov.cn/">政府网</a> <a href="/uploads/a.pdf">附件</a></p>',
    );
  });

  it("puts the body's biggest heading right under the page's own", () => {
    expect(zh('## 一、总体要求\n\n正文\n\n### （一）目标')).toBe(
      '<h2 id="一-总体要求">一、总体要求</h2>\n<p>正文</p>\n<h3 id="一-目标">（一）目标</h3>',
    );
    expect(zh('# 标题', 3)).toBe('<h3 id="标题">标题</h3>');
  });

  it('gives every heading an id to link to, unique across the bodies of one page', () => {
    const ids = pageIds();
    const first = renderMarkdown('## 一、工作目标\n\n## Work plan 2026!\n\n## 一、工作目标', {
      locale: 'zh-CN',
      ids,
    });
    const second = renderMarkdown('## 一、工作目标\n\n## ——', { locale: 'zh-CN', ids });
    expect(first).toContain('<h2 id="一-工作目标">');
    expect(first).toContain('<h2 id="work-plan-2026">');
    expect(first).toContain('<h2 id="一-工作目标-2">');
    expect(second).toContain('<h2 id="一-工作目标-3">');
    expect(second).toContain('<h2 id="section">');
  });

  it('renders footnotes as a list named in the page language, each note and its reference linked both ways', () => {
    const html = zh(
      '依据《条例》[^1]和细则[^细则]。\n\n[^1]: 2019年修订。\n[^细则]: 见[附件](/uploads/a.pdf)。',
    );
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn-1-1" id="fnref-1-1">[1]</a></sup>');
    expect(html).toContain('<a href="#fn-1-2" id="fnref-1-2">[2]</a>');
    expect(html).toContain(
      '<section class="gc-footnotes" aria-label="注释">\n<ol class="gc-footnotes__list">',
    );
    expect(html).toContain('<li id="fn-1-1" class="footnote-item"><p>2019年修订。');
    expect(html).toContain('<a href="#fnref-1-1" class="footnote-backref" aria-label="返回注释1的引用处">');
    expect(html).toContain('见<a href="/uploads/a.pdf">附件</a>。');
    expect(html).not.toContain('[^');
    const en = renderMarkdown('Text[^a].\n\n[^a]: Note.', { locale: 'en' });
    expect(en).toContain('aria-label="Notes"');
    expect(en).toContain('aria-label="Back to the reference of note 1"');
  });

  it('names the footnotes of each body of a page apart, and judges links in a note like any other', () => {
    const ids = pageIds();
    const a = renderMarkdown('甲[^1]\n\n[^1]: 注甲', { locale: 'zh-CN', ids });
    const b = renderMarkdown('乙[^1]\n\n[^1]: [点击](javascript:alert(1))，[外站](//evil.example/)', {
      locale: 'zh-CN',
      ids,
    });
    expect(a).toContain('id="fn-1-1"');
    expect(b).toContain('id="fn-2-1"');
    expect(b).toContain('href="#fnref-2-1"');
    expect(b).not.toMatch(/javascript:|evil\.example/);
    expect(b).toContain('<p>点击，外站');
  });
});

describe('markdownSummary', () => {
  it('gives plain text on one line, shortened with an ellipsis', () => {
    expect(markdownSummary('## 标题\n\n**重点**内容', 100)).toBe('标题 重点内容');
    expect(markdownSummary('一二三四五六', 3)).toBe('一二三…');
  });

  it('keeps hyphens and digits, and drops table pipes and separator rows', () => {
    expect(markdownSummary('联系电话：0871-12345678，截止2025-03-01。\n\n- 第一项')).toBe(
      '联系电话：0871-12345678，截止2025-03-01。 第一项',
    );
    expect(markdownSummary(recruitment)).toBe(
      '一、招聘岗位 岗位 人数 学历要求 综合文秘 2 本科及以上 财务会计 1 大专及以上',
    );
  });
});
