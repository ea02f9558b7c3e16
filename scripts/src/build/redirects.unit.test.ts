import { describe, expect, it } from 'vitest';
import { nginxConfig } from '../generate-nginx.ts';
import { carryRedirects, redirectPage } from './redirects.ts';

const pages = (...urls: string[]) => {
  const set = new Set(urls);
  return (url: string) => set.has(url);
};

describe('redirects of moved entries', () => {
  it('sends the old URL of a moved entry to its new one', () => {
    expect(
      carryRedirects({
        previousEntries: { 'article|a|zh-CN': '/news/a/', 'article|b|zh-CN': '/news/b/' },
        previousRedirects: {},
        entries: { 'article|a|zh-CN': '/notices/a/', 'article|b|zh-CN': '/news/b/' },
        isPage: pages('/notices/a/', '/news/b/'),
      }),
    ).toEqual({ '/news/a/': '/notices/a/' });
  });

  it('collapses a chain to the final URL and keeps earlier redirects', () => {
    expect(
      carryRedirects({
        previousEntries: { 'village|v|zh-CN': '/xz/t/villages/two/' },
        previousRedirects: { '/xz/t/villages/one/': '/xz/t/villages/two/', '/news/old/': '/news/new/' },
        entries: { 'village|v|zh-CN': '/xz/t/villages/three/' },
        isPage: pages('/xz/t/villages/three/', '/news/new/'),
      }),
    ).toEqual({
      '/news/old/': '/news/new/',
      '/xz/t/villages/one/': '/xz/t/villages/three/',
      '/xz/t/villages/two/': '/xz/t/villages/three/',
    });
  });

  it('drops a redirect whose old URL is a page again or whose entry was withdrawn', () => {
    expect(
      carryRedirects({
        previousEntries: { 'article|a|zh-CN': '/notices/a/', 'article|b|zh-CN': '/news/b2/' },
        previousRedirects: { '/news/a/': '/notices/a/', '/news/b/': '/news/b2/' },
        // a moved back to its first URL; b withdrawn.
        entries: { 'article|a|zh-CN': '/news/a/' },
        isPage: pages('/news/a/'),
      }),
    ).toEqual({ '/notices/a/': '/news/a/' });
  });

  it('leaves a page at the old URL that browsers follow and search engines do not index', () => {
    const html = redirectPage('/news/a/', 'https://www.example.gov.cn');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/news/a/">');
    expect(html).toContain('<link rel="canonical" href="https://www.example.gov.cn/news/a/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<a href="/news/a/">/news/a/</a>');
  });

  it('answers 301 in nginx.conf, and refuses a URL nginx would read as syntax', () => {
    const config = (redirects: Record<string, string>) =>
      nginxConfig({
        root: '/srv/dist',
        sites: [{ id: 'portal', basePath: '/' }],
        serverNames: ['_'],
        notFoundPages: new Map([['/', '/404.html']]),
        inlineScriptHashes: [],
        redirects,
      });
    expect(config({ '/news/a/': '/notices/a/' })).toContain(
      '    location = /news/a/ {\n        return 301 /notices/a/;\n    }',
    );
    expect(() => config({ '/news/a b/': '/x/' })).toThrow(/nginx cannot take/);
  });
});
