import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('escapes raw HTML, so a body can never inject markup', () => {
    const html = renderMarkdown('你好<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops links to unsafe schemes and keeps safe ones', () => {
    expect(renderMarkdown('[点击](javascript:alert%281%29)')).toBe('<p>点击</p>');
    expect(renderMarkdown('[政府网](https://www.gov.cn/)')).toBe(
      '<p><a href="https://www.gov.cn/">政府网</a></p>',
    );
  });

  it("puts the body's biggest heading right under the page's h1", () => {
    expect(renderMarkdown('## 一、总体要求\n\n正文\n\n### （一）目标')).toBe(
      '<h2>一、总体要求</h2>\n<p>正文</p>\n<h3>（一）目标</h3>',
    );
    expect(renderMarkdown('# 标题', 3)).toBe('<h3>标题</h3>');
  });

  it('renders lists, emphasis and quotes', () => {
    expect(renderMarkdown('- 甲\n- **乙**\n\n1. 一\n2. 二\n\n> 引文')).toBe(
      '<ul><li>甲</li><li><strong>乙</strong></li></ul>\n<ol><li>一</li><li>二</li></ol>\n<blockquote><p>引文</p></blockquote>',
    );
  });
});

describe('markdownToText', () => {
  it('gives plain text, shortened with an ellipsis', () => {
    expect(markdownToText('## 标题\n\n**重点**内容', 100)).toBe('标题 重点内容');
    expect(markdownToText('一二三四五六', 3)).toBe('一二三…');
  });
});
