import { describe, expect, it } from 'vitest';
import { entryUrl } from '../urls/url-plan.ts';
import { documentId } from './document.ts';
import { searchDocumentFromEntry } from './entry.ts';
import { bodyOf } from './excerpt.ts';
import { searchDocumentFromHtml } from './html.ts';
import { factsMarker, pagefindHtml } from './pagefind.ts';
import { encodeForIndex, encodeHan } from './tokenize.ts';

const sites = [
  { id: 'portal', kind: 'portal' as const, basePath: '/' },
  { id: 'fgw', kind: 'department' as const, basePath: '/bm/fgw/' },
  { id: 'jiangning', kind: 'township' as const, basePath: '/xz/jiangning/' },
];

describe('search document', () => {
  it('builds a document from an entry with its URL, filters and text', () => {
    const entry = {
      id: 'fgw-policy-1',
      locale: 'zh-CN' as const,
      site: 'fgw',
      column: 'policies',
      title: '关于印发《临江市促进就业办法》的通知',
      documentNumber: '临发改〔2024〕3号',
      issuingAuthority: '临江市发展和改革委员会',
      body: '## 第一条\n\n为了**促进就业**，见[附件](a.pdf)。',
      publishedAt: '2024-03-15T09:30:00+08:00',
    };
    const document = searchDocumentFromEntry('policy', entry, sites[1]!);
    expect(document).toMatchObject({
      url: '/bm/fgw/policies/fgw-policy-1/',
      site: 'fgw',
      siteKind: 'department',
      type: 'policy',
      year: '2024',
      date: '2024-03-15',
      locale: 'zh-CN',
    });
    // The catalogue is searchable as the document's facts, never body text an excerpt could show.
    expect(document.facts).toContain('临发改〔2024〕3号');
    expect(document.text).not.toContain('临发改〔2024〕3号');
    expect(document.text).toContain('为了促进就业，见附件。');
    expect(document.text).not.toContain('**');
  });

  it('dates a document by the day and year in China time, and leaves one without a valid date undated', () => {
    const entry = { id: 'n-1', locale: 'zh-CN' as const, site: 'fgw', column: 'news', title: '新年致辞' };
    // 01:30 on New Year's Day in Beijing, as the CMS answers it (UTC).
    const late = searchDocumentFromEntry(
      'article',
      { ...entry, publishedAt: '2024-12-31T17:30:00.000Z' },
      sites[1]!,
    );
    expect(late).toMatchObject({ date: '2025-01-01', year: '2025' });
    for (const publishedAt of [undefined, '', 'soon']) {
      expect(searchDocumentFromEntry('article', { ...entry, publishedAt }, sites[1]!)).toMatchObject({
        date: '',
        year: '',
      });
    }
    const page = (time: string) =>
      `<html lang="zh-CN"><body><main><h1>新年致辞</h1><p>正文<time datetime="${time}">发布</time></p></main></body></html>`;
    expect(searchDocumentFromHtml(page('2024-12-31T17:30:00Z'), '/bm/fgw/news/n-1/', sites)).toMatchObject({
      date: '2025-01-01',
      year: '2025',
    });
    expect(searchDocumentFromHtml(page('next week'), '/bm/fgw/news/n-1/', sites)).toMatchObject({
      date: '',
      year: '',
    });
  });

  it('never puts a letter writer into the text', () => {
    const letter = {
      id: 'l-1',
      locale: 'zh-CN' as const,
      site: 'portal',
      column: 'letters',
      title: '关于小区停车的建议',
      question: '建议增加车位。',
      category: '城乡建设',
      handlingUnit: '市住建局',
      reply: '已安排。',
      writer: { name: '张三', phone: '13800000000' },
      publishedAt: '2025-01-02T08:00:00+08:00',
    };
    const document = searchDocumentFromEntry('letter', letter, sites[0]!);
    expect(document.text).not.toContain('张三');
    expect(document.text).not.toContain('13800000000');
  });

  it('puts other locales under the site path', () => {
    expect(entryUrl('investmentProject', { id: 'p-1', locale: 'en' }, sites[0]!)).toBe('/en/investment/p-1/');
    expect(documentId({ url: '/bm/fgw/leaders/#leader-1' })).toBe('bm_fgw_leaders_--leader-1');
  });

  it('reads a built page: locale, site by path, title, text without navigation and footer', () => {
    const html = `<!doctype html><html lang="zh-CN"><head><title>通知 - 临江市发改委</title>
      <meta name="gc:type" content="article"><meta name="gc:date" content="2025-06-01"></head>
      <body><nav>首页 栏目</nav><main data-pagefind-body><h1>关于开展&ldquo;安全生产月&rdquo;活动的通知</h1>
      <p>各单位：<strong>六月</strong>是安全生产月。</p><div data-pagefind-ignore>分享到</div><script>x()</script></main>
      <footer>主办单位</footer></body></html>`;
    const document = searchDocumentFromHtml(html, '/bm/fgw/notices/n-1/', sites);
    expect(document).toMatchObject({
      site: 'fgw',
      siteKind: 'department',
      type: 'article',
      year: '2025',
      locale: 'zh-CN',
    });
    expect(document?.text).toBe('各单位：六月是安全生产月。');
    expect(
      searchDocumentFromHtml(
        html.replace('<head>', '<head><meta name="robots" content="noindex">'),
        '/x/',
        sites,
      ),
    ).toBeUndefined();
    const english = searchDocumentFromHtml(
      '<html lang="en"><body><main><h1>Invest</h1><p>Parks</p></main></body></html>',
      '/en/investment/',
      sites,
    );
    expect(english).toMatchObject({
      locale: 'en',
      site: 'portal',
      type: 'page',
      title: 'Invest',
      text: 'Parks',
    });
  });

  it('keeps a page’s catalogue, source and image descriptions out of its body text, as facts', () => {
    const html = `<!doctype html><html lang="zh-CN"><head><meta name="gc:type" content="policy"></head>
      <body><main><h1>关于加快推进招商引资的实施意见</h1>
      <table data-search-facts><tr><th>索引号</th><td>11740101932993732X/2023-00025</td></tr>
      <tr><th>文号</th><td>临政发〔2023〕2号</td></tr></table>
      <figure lang="en"><img src="a.webp" alt="The Yunjiang River Bridge"><figcaption>Bridge</figcaption></figure>
      <p>为深入贯彻落实有关部署，提出如下实施意见。</p></main></body></html>`;
    const document = searchDocumentFromHtml(html, '/policies/p-1/', sites)!;
    expect(document.text).toBe('为深入贯彻落实有关部署，提出如下实施意见。');
    expect(document.facts).toContain('临政发〔2023〕2号');
    expect(document.facts).toContain('The Yunjiang River Bridge');
    // Pagefind gets the facts after the body; an excerpt of its stored text ends with the body.
    const written = pagefindHtml(document);
    expect(written.indexOf(factsMarker)).toBeGreaterThan(written.indexOf(encodeHan('意见')));
    const stored = `${encodeForIndex(document.title)}. ${encodeForIndex(document.text)}. ${factsMarker}. ${encodeForIndex(document.facts!)}.`;
    expect(bodyOf(stored, document.title)).toBe('为深入贯彻落实有关部署，提出如下实施意见。');
  });

  it('writes the Pagefind page with the title as h1, bigram text and filters as meta', () => {
    const document = searchDocumentFromEntry(
      'article',
      {
        id: 'a',
        locale: 'zh-CN',
        site: 'portal',
        column: 'news',
        title: '临江"新闻"',
        body: '江市场',
        publishedAt: '2023-01-01T00:00:00+08:00',
      },
      sites[0]!,
    );
    const html = pagefindHtml(document);
    expect(html).toContain('<html lang="zh-cn">');
    expect(html).toContain(`<h1>${encodeHan('临江')} &quot; ${encodeHan('新闻')} &quot;</h1>`);
    expect(html).toContain('data-pagefind-filter="year[content]" content="2023"');
    expect(html).toContain('data-pagefind-meta="title[content]" content="临江&quot;新闻&quot;"');
    expect(html).toContain(encodeHan('江市'));
  });
});
