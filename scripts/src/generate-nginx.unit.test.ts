import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, nginxConfig } from './generate-nginx.ts';

describe('nginx configuration', () => {
  const sites = [
    { id: 'portal', basePath: '/', url: 'https://www.example.gov.cn/', locales: ['zh-CN', 'en'] as const },
    { id: 'fgw', basePath: '/bm/fgw/', url: 'https://fgw.example.gov.cn/' },
    { id: 'town', basePath: '/xz/town/', url: 'https://www.example.gov.cn/xz/town/' },
  ];
  const config = nginxConfig({
    root: '/srv/govcluster/dist',
    sites,
    serverNames: ['www.example.gov.cn'],
    notFoundPages: new Map([
      ['/bm/fgw/', '/bm/fgw/404.html'],
      ['/en/', '/en/404.html'],
    ]),
    inlineScriptHashes: ["'sha256-abc='"],
    connectSources: ['https://search.example.gov.cn'],
  });

  it('gives every site a location with its 404 page, longest base path first', () => {
    expect(config).toMatch(/location \/bm\/fgw\/ \{\n\s+error_page 404 \/bm\/fgw\/404\.html;/);
    expect(config).toMatch(/location \/xz\/town\/ \{\n\s+error_page 404 \/404\.html;/);
    expect(config.indexOf('location /bm/fgw/')).toBeLessThan(config.indexOf('location / {'));
    expect(config).toContain('root /srv/govcluster/dist;');
  });

  it('answers unknown URLs under a locale prefix with that locale’s 404 page', () => {
    expect(config).toMatch(/location \/en\/ \{\n\s+error_page 404 \/en\/404\.html;/);
    expect(config.indexOf('location /en/')).toBeLessThan(config.indexOf('location / {'));
    expect(config).not.toContain('location /bm/fgw/en/');
  });

  it('serves a site with a host of its own under that host, opening at its base path', () => {
    expect(config).toContain('server_name www.example.gov.cn fgw.example.gov.cn;');
    expect(config).toMatch(/map \$host \$govcluster_home \{[^}]*fgw\.example\.gov\.cn \/bm\/fgw\/;/);
  });

  it('repeats the security headers wherever a location sets its own cache header', () => {
    const locations = config.split(/\n\s+location /).slice(1);
    const withHeaders = locations.filter((block) => block.includes('add_header'));
    expect(withHeaders.length).toBeGreaterThan(3);
    for (const block of withHeaders) {
      expect(block).toContain('X-Content-Type-Options "nosniff"');
      expect(block).toContain('Content-Security-Policy');
    }
  });

  it('allows the hashed inline scripts, WebAssembly and the search server, and nothing else inline', () => {
    const csp = contentSecurityPolicy(["'sha256-abc='"], ['https://search.example.gov.cn']);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='");
    expect(csp).toContain("connect-src 'self' https://search.example.gov.cn");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
