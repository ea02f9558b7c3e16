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
      '<h2>一、总体要求</h2>\n<p>正文</p>\n<h3>（一）目标</h3>',
    );
    expect(zh('# 标题', 3)).toBe('<h3>标题</h3>');
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
