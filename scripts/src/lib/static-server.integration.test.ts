/**
 * The static server over a real folder on disk, asked as a browser and as an attacker would: what a
 * site needs (indexes, redirects, each site's 404 page, gzip, cache headers, Pagefind's files as
 * they are, HEAD), what must never happen (a throw, a 5xx, a file outside the root or its existence
 * told, the server's own config served), and a release swapped under it while it serves.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from './static-server.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Sends the request target exactly as written (fetch would normalize dot segments away). */
function raw(
  origin: string,
  target: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path: target,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const text = (answer: Answer) =>
  (answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body).toString('utf8');

/** A release folder with what a built cluster holds, each file saying which release it is. */
function writeRelease(dir: string, release: string): void {
  const files: Record<string, string | Buffer> = {
    'index.html': `<h1>portal ${release}</h1>`,
    '404.html': `<h1>portal 404 ${release}</h1>`,
    'sites.json': JSON.stringify({ sites: [{ kind: 'portal', basePath: '/' }] }),
    'bm/fgw/index.html': `<h1>fgw ${release}</h1>`,
    'bm/fgw/404.html': `<h1>fgw 404 ${release}</h1>`,
    'bm/fgw/news/index.html': `<h1>fgw news ${release}</h1>`,
    '_astro/page.AbC123.css': `body{color:#111}\n${'.gc-x{margin:0}\n'.repeat(200)}`,
    'pagefind/pagefind.js': `export const release = '${release}';\n${'//\n'.repeat(600)}`,
    'pagefind/zh-CN/pf_meta/meta_1a2b.pf_meta': Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]),
    'pagefind/wasm.zh-cn.pagefind': Buffer.from([0x1f, 0x8b, 8, 0, 9, 9, 9]),
    'nginx.conf': 'server { root /srv/secret; }',
    '.env': 'SECRET=1',
    'big.bin': Buffer.alloc(4 * 1024 * 1024, release),
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

describe('static server', () => {
  let base: string;
  let root: string;
  let server: StaticServer;

  /** Points the `dist` link at another release, atomically (a new link renamed over the old). */
  const publish = (release: string) => {
    const link = path.join(base, `dist.${release}.tmp`);
    symlinkSync(path.join(base, 'releases', release), link);
    renameSync(link, root);
  };

  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'govcluster-static-'));
    for (const release of ['r1', 'r2']) writeRelease(path.join(base, 'releases', release), release);
    // Beside the root: what a traversal would be after.
    writeFileSync(path.join(base, 'outside.txt'), 'outside the root');
    root = path.join(base, 'dist');
    publish('r1');
    server = await serveStatic(root);
  });

  afterAll(async () => {
    await server?.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('serves indexes, redirects directories, and answers each site its own 404 page', async () => {
    expect(text(await raw(server.url, '/'))).toBe('<h1>portal r1</h1>');
    expect(text(await raw(server.url, '/bm/fgw/news/?q=1'))).toBe('<h1>fgw news r1</h1>');
    const redirect = await raw(server.url, '/bm/fgw?from=nav');
    expect([redirect.status, redirect.headers.location]).toEqual([301, '/bm/fgw/?from=nav']);
    // Two leading slashes would make the browser leave for a host named `bm`.
    expect((await raw(server.url, '//bm/fgw')).headers.location).toBe('/bm/fgw/');
    const inSite = await raw(server.url, '/bm/fgw/no-such-page/');
    expect([inSite.status, text(inSite)]).toEqual([404, '<h1>fgw 404 r1</h1>']);
    expect(inSite.headers['content-type']).toBe('text/html; charset=utf-8');
    const elsewhere = await raw(server.url, '/bm/no-such-site/x.html');
    expect([elsewhere.status, text(elsewhere)]).toEqual([404, '<h1>portal 404 r1</h1>']);
  });

  it('gzips text, sends Pagefind data as it is, and caches hashed files for a year', async () => {
    const gzip = { 'accept-encoding': 'gzip' };
    const css = await raw(server.url, '/_astro/page.AbC123.css', { headers: gzip });
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(text(css)).toMatch(/^body\{color:#111\}/);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const script = await raw(server.url, '/pagefind/pagefind.js?wide', { headers: gzip });
    expect([script.headers['content-encoding'], script.headers['cache-control']]).toEqual([
      'gzip',
      'public, max-age=300, must-revalidate',
    ]);
    for (const file of ['/pagefind/zh-CN/pf_meta/meta_1a2b.pf_meta', '/pagefind/wasm.zh-cn.pagefind']) {
      const data = await raw(server.url, file, { headers: gzip });
      expect([file, data.headers['content-type'], data.headers['content-encoding']]).toEqual([
        file,
        'application/octet-stream',
        undefined,
      ]);
      expect(data.body[0]).toBe(0x1f);
    }
    expect(
      (await raw(server.url, '/pagefind/zh-CN/pf_meta/meta_1a2b.pf_meta')).headers['cache-control'],
    ).toBe('public, max-age=31536000, immutable');
    const page = await raw(server.url, '/bm/fgw/');
    expect(page.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
    const again = await raw(server.url, '/bm/fgw/', {
      headers: { 'if-none-match': String(page.headers.etag) },
    });
    expect(again.status).toBe(304);
  });

  it('answers HEAD without a body and refuses every other method', async () => {
    const head = await raw(server.url, '/bm/fgw/', { method: 'HEAD' });
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, '15']);
    expect((await raw(server.url, '/missing', { method: 'HEAD' })).status).toBe(404);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND']) {
      const refused = await raw(server.url, '/', { method });
      expect([method, refused.status, refused.headers.allow]).toEqual([method, 405, 'GET, HEAD']);
    }
  });

  it('never throws, never serves its config, a dot file or anything outside the root', async () => {
    const hostile = [
      '/%E0',
      '/%',
      '/%zz/',
      '/bm/%E0%A4%A',
      '/%C0%AE%C0%AE/outside.txt',
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/%2E%2E%2Foutside.txt',
      '/..%2foutside.txt',
      '/bm/..%2f..%2foutside.txt',
      '/%252e%252e/outside.txt',
      '/..\\outside.txt',
      '/%5c..%5coutside.txt',
      '/bm/fgw/%2e%2e/%2e%2e/%2e%2e/outside.txt',
      '/%00',
      '/index.html%00.css',
      '/nginx.conf',
      '/%6Eginx.conf',
      '//nginx.conf',
      '/./nginx.conf',
      '/.env',
      '/%2eenv',
      `/${'a'.repeat(4000)}`,
      `/${'a/'.repeat(3000)}`,
      `/${'%E4%B8%AD'.repeat(900)}`,
      '*',
      'http://evil.example/',
    ];
    for (const target of hostile) {
      const answer = await raw(server.url, target);
      expect([target, answer.status >= 400 && answer.status < 500]).toEqual([target, true]);
      expect([target, text(answer)]).not.toEqual([
        target,
        expect.stringMatching(/outside the root|SECRET|srv\/secret/),
      ]);
    }
    // Outside the root, an existing and a missing file get the same answer.
    for (const [there, missing] of [
      ['/%2e%2e/outside.txt', '/%2e%2e/not-there.txt'],
      ['/..%2f..%2fetc/passwd', '/..%2f..%2fetc/no-such-file'],
    ]) {
      const [a, b] = [await raw(server.url, there!), await raw(server.url, missing!)];
      expect([a.status, a.body.toString()]).toEqual([b.status, b.body.toString()]);
    }
    const absurd: Record<string, string>[] = [
      { range: 'bytes=abc' },
      { range: 'bytes=999999999-' },
      { 'if-none-match': '"garbage, W/' },
      { 'if-modified-since': 'yesterday' },
      { 'accept-encoding': 'x'.repeat(8000) },
    ];
    for (const headers of absurd) {
      const answer = await raw(server.url, '/bm/fgw/', { headers });
      expect([headers, answer.status < 500]).toEqual([headers, true]);
    }
    const tooBig = await raw(server.url, '/', { headers: { 'x-big': 'y'.repeat(20_000) } }).catch(() => null);
    expect(tooBig === null || tooBig.status === 431).toBe(true);
    expect(text(await raw(server.url, '/'))).toBe('<h1>portal r1</h1>');
  });

  it('follows a swapped release link without a restart, one request from one release', async () => {
    const { hostname, port } = new URL(server.url);
    // A large answer in progress while the link is switched and the old release deleted.
    const slow = new Promise<Buffer>((resolve, reject) => {
      const req = request({ hostname, port, path: '/big.bin', agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.once('data', (first: Buffer) => {
          chunks.push(first);
          res.pause();
          publish('r2');
          rmSync(path.join(base, 'releases', 'r1'), { recursive: true, force: true });
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.resume();
        });
        res.on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    const body = await slow;
    expect(body.length).toBe(4 * 1024 * 1024);
    expect(body.every((byte) => byte === 'r1'.charCodeAt(0) || byte === '1'.charCodeAt(0))).toBe(true);
    expect(text(await raw(server.url, '/'))).toBe('<h1>portal r2</h1>');
    const missing = await raw(server.url, '/bm/fgw/gone/');
    expect([missing.status, text(missing)]).toEqual([404, '<h1>fgw 404 r2</h1>']);
  });

  it('refuses to start on a port that is taken, and says so', async () => {
    const port = Number(new URL(server.url).port);
    await expect(serveStatic(root, { port })).rejects.toThrow(/EADDRINUSE/);
  });
});
