import { describe, expect, it } from 'vitest';
import { manPage, markdownParagraph, pagesAtHeadings, paragraphsOf, roffText } from './real-text.ts';

describe('pages cut at headings', () => {
  const html = `<div class="toc"><p>目录</p></div>
    <h2 class="title"><a id="_a"></a>2.4. 河道巡查安排</h2><p>巡查员每周&amp;沿<b>东岸步道</b>巡查一次。</p>
    <script>ignored()</script><ul><li>第一步</li><li>第二步</li></ul>
    <h3 class="title" id="_b">2.4.1. 汛期：加密巡查</h3><p>汛期每天巡查两次。</p>`;

  it('takes the heading without its number as the title and the text under it as paragraphs', () => {
    const pages = pagesAtHeadings(html, [2, 3], 'ch03.html');
    expect(pages.map((page) => page.title)).toEqual(['河道巡查安排', '汛期：加密巡查']);
    expect(pages[0]!.paragraphs).toEqual(['巡查员每周&沿东岸步道巡查一次。', '第一步', '第二步']);
    expect(pages[1]!.origin).toBe('ch03.html#_b');
  });

  it('drops what comes before the first heading, and scripts', () => {
    const text = pagesAtHeadings(html, [2, 3], 'x').flatMap((page) => page.paragraphs);
    expect(text).not.toContain('目录');
    expect(paragraphsOf('<p>甲</p><script>乙()</script><nav>丙</nav>')).toEqual(['甲']);
  });
});

describe('manual pages', () => {
  const roff = [
    '.\\" a comment',
    '.TH TEA 1',
    '.SH 名称',
    'tea \\- 沏一壶绿茶。',
    '.SH 描述',
    '.PP',
    '先把清水烧到',
    '八十度左右。',
    '.TP',
    '\\fB\\-g\\fP, \\fB\\-\\-green\\fP',
    '只用明前采摘的茶叶',
  ].join('\n');

  it('titles a page with the description of its NAME section', () => {
    const [page] = manPage(roff, 'man1/tea.1.gz');
    expect(page?.title).toBe('沏一壶绿茶');
  });

  it('joins wrapped Chinese lines without a space and keeps a tag apart from its text', () => {
    const [page] = manPage(roff, 'man1/tea.1.gz');
    expect(page?.paragraphs).toContain('先把清水烧到八十度左右。');
    expect(page?.paragraphs).toContain('-g, --green');
    expect(page?.paragraphs).toContain('只用明前采摘的茶叶');
    expect(page?.paragraphs.join('')).not.toContain('comment');
  });

  it('gives no page without a NAME section', () => {
    expect(manPage('.SH 描述\n只有描述。', 'x')).toEqual([]);
  });

  it('drops font escapes', () => {
    expect(roffText('\\fB粗体\\fR与\\fI斜体\\fP')).toBe('粗体与斜体');
  });
});

describe('Markdown paragraphs', () => {
  it('keep the text as written, with nothing Markdown or HTML would read as syntax', () => {
    expect(markdownParagraph('选择 <b>格式</b> - *全部*')).toBe('选择 ＜b＞格式＜/b＞ - \\*全部\\*');
    expect(markdownParagraph('# 标题')).toBe('\\# 标题');
    expect(markdownParagraph('1. 第一')).toBe('1\\. 第一');
  });
});
