import { describe, expect, it } from 'vitest';
import type { SearchDocument } from './document.ts';
import { pageParts, pagePartsTable, pageUrl, partMarker, partNumber, partPagesOf } from './page-parts.ts';
import { pagefindHtml } from './pagefind.ts';
import { encodeHan } from './tokenize.ts';

const long: SearchDocument = {
  url: '/bm/fgw/news/a-1/',
  site: 'fgw',
  siteKind: 'department',
  type: 'article',
  year: '2024',
  date: '2024-03-15',
  locale: 'zh-CN',
  title: '沏一壶绿茶',
  text: ['第一段临江市', '第二段政府工作', '第三段河西路口', '第四段'].join('\n'),
  facts: '来源 市发改委',
};

describe('a long page indexed in parts', () => {
  it('keeps a page no longer than the limit whole', () => {
    expect(pageParts(long, 100)).toEqual([long]);
  });

  it('cuts at line ends, never inside a line, each part at most the limit', () => {
    const parts = pageParts(long, 15);
    expect(parts.map((part) => part.text)).toEqual([
      '第一段临江市\n第二段政府工作',
      '第三段河西路口\n第四段',
    ]);
    expect(parts.map((part) => part.url)).toEqual(['/bm/fgw/news/a-1/', `/bm/fgw/news/a-1/${partMarker}1`]);
    // Every character of the text is in one part, in order.
    expect(parts.map((part) => part.text).join('\n')).toBe(long.text);
    // A line longer than the limit is a part of its own.
    expect(pageParts(long, 4).map((part) => part.text)).toEqual(long.text.split('\n'));
  });

  it('gives the facts to the first part only, and every part the title and filters of the page', () => {
    const [first, second] = pageParts(long, 15);
    expect(first?.facts).toBe(long.facts);
    expect(second?.facts).toBeUndefined();
    expect(second).toMatchObject({ title: long.title, site: 'fgw', type: 'article', date: '2024-03-15' });
  });

  it('reads a result back as its page', () => {
    const [, second] = pageParts(long, 15);
    expect(pageUrl(second!.url)).toBe(long.url);
    expect(partNumber(second!.url)).toBe(1);
    expect(pageUrl(long.url)).toBe(long.url);
    expect(partNumber(long.url)).toBe(0);
  });

  it('indexes the title as the heading of the first part only, and shows it with every part', () => {
    const [first, second] = pageParts(long, 15).map(pagefindHtml);
    const heading = `<h1>${encodeHan('沏一')}`;
    expect(first).toContain(heading);
    expect(second).not.toContain('<h1>');
    expect(second).toContain('data-pagefind-meta="title[content]" content="沏一壶绿茶"');
  });

  it('names the parts of each long page of a shard by their fragment ids, in part order', () => {
    const ids = new Map([
      ['/a/#gc-part-2', 'zh-cn_a2'],
      ['/a/', 'zh-cn_a0'],
      ['/short/', 'zh-cn_s'],
      ['/b/', 'zh-cn_b0'],
      ['/c/#gc-part-1', 'zh-cn_c1'],
    ]);
    // /b/ is long though this shard holds only its first part; /c/'s first part is in another shard.
    const table = pagePartsTable([...ids.keys()], ids, new Set(['/a/', '/b/', '/c/']));
    expect(table).toEqual({ '/a/': 'zh-cn_a0 zh-cn_a2', '/b/': 'zh-cn_b0', '/c/': 'zh-cn_c1' });
    expect(pagePartsTable(['/short/'], ids, new Set(['/a/']))).toEqual({});
    const pages = partPagesOf([table, { '/d/': 'zh-cn_d0 zh-cn_d1' }]);
    expect(pages.get('zh-cn_a2')).toBe('/a/');
    expect(pages.get('zh-cn_d1')).toBe('/d/');
    expect(pages.has('zh-cn_s')).toBe(false);
  });
});
