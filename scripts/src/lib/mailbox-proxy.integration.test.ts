/**
 * The mailbox route of the static server and of nginx.conf: the mailbox's endpoints only, to the CMS's
 * `/api/mailbox/`, with the writer's address set in `X-Forwarded-For`, bodies over the limit refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxConfig } from '../generate-nginx.ts';
import { mailboxBodyLimit } from './mailbox-proxy.ts';
import { type StaticServer, serveStatic } from './static-server.ts';

describe('mailbox route', () => {
  let cms: Server;
  let cmsUrl: string;
  let server: StaticServer;
  let bare: StaticServer;
  let root: string;
  const seen: { method?: string; url?: string; forwarded?: string; body: string }[] = [];

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'govcluster-mailbox-proxy-'));
    mkdirSync(path.join(root, 'mailbox'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(path.join(root, '404.html'), '<!doctype html><title>404</title>');
    cms = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({
          method: request.method,
          url: request.url,
          forwarded: request.headers['x-forwarded-for'] as string | undefined,
          body: Buffer.concat(chunks).toString(),
        });
        response.writeHead(303, {
          location: '/mailbox/letters/done?ticket=t',
          'set-cookie': 'x=1',
          'x-powered-by': 'Strapi',
        });
        response.end();
      });
    });
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    const address = cms.address();
    cmsUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    server = await serveStatic(root, { cmsOrigin: cmsUrl });
    bare = await serveStatic(root);
  });
  afterAll(async () => {
    await server?.close();
    await bare?.close();
    await new Promise((resolve) => cms?.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('passes the mailbox endpoints to the CMS with the address set, not appended', async () => {
    seen.length = 0;
    const answer = await fetch(`${server.url}/mailbox/letters`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '6.6.6.6' },
      body: 'subject=%E8%B7%AF',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/mailbox/letters/done?ticket=t');
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(seen).toEqual([
      { method: 'POST', url: '/api/mailbox/letters', forwarded: '127.0.0.1', body: 'subject=%E8%B7%AF' },
    ]);
    await fetch(`${server.url}/mailbox/letters/done?ticket=abc`, { redirect: 'manual' });
    expect(seen[1]?.url).toBe('/api/mailbox/letters/done?ticket=abc');
  });

  it('passes nothing else', async () => {
    seen.length = 0;
    for (const target of [
      '/mailbox/',
      '/mailbox/admin',
      '/MAILBOX/letters',
      '/mailbox/letters%2F..%2Ftrack',
      '/mailbox/track;x',
      '/mailbox/%6cetters',
      '/mailbox/letters/',
      '/api/mailbox/letters',
    ]) {
      const answer = await fetch(`${server.url}${target}`, { method: 'POST', redirect: 'manual' });
      expect([target, answer.status >= 400]).toEqual([target, true]);
    }
    expect(seen).toEqual([]);
  });

  it('refuses a body over the limit without reaching the CMS, and answers 503 without a CMS', async () => {
    seen.length = 0;
    const big = await fetch(`${server.url}/mailbox/letters`, {
      method: 'POST',
      body: 'x'.repeat(mailboxBodyLimit + 1),
    });
    expect(big.status).toBe(413);
    expect(seen).toEqual([]);
    expect((await fetch(`${bare.url}/mailbox/challenge`)).status).toBe(503);
  });

  it('is routed the same way in nginx.conf', () => {
    const config = nginxConfig({
      root: '/srv/dist',
      sites: [{ id: 'portal', basePath: '/' }],
      serverNames: ['_'],
      notFoundPages: new Map(),
      inlineScriptHashes: [],
      cmsUpstream: 'http://10.0.0.5:1337',
    });
    expect(config).toContain('location ~ ^/mailbox/(letters/done|challenge|letters|track|rate)$ {');
    expect(config).toContain('rewrite ^/mailbox/(.*)$ /api/mailbox/$1 break;');
    expect(config).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(config).toContain('client_max_body_size 64k;');
    expect(config).toContain('proxy_pass http://10.0.0.5:1337;');
    expect(() =>
      nginxConfig({
        root: '/',
        sites: [],
        serverNames: [],
        notFoundPages: new Map(),
        inlineScriptHashes: [],
        cmsUpstream: 'http://x; evil',
      }),
    ).toThrow();
  });
});
