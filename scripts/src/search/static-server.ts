/**
 * A small static server for search benchmarks and browser tests: serves a folder (gzip for text, as
 * any CDN would), and `/__search/*.ts` as the browser-safe modules of `shared/src/search`, types
 * stripped by Node, so the page runs exactly the code the site ships.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The folder of the shared search modules. */
export const searchModulesDir = fileURLToPath(new URL('../../../shared/src/search/', import.meta.url));

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.ts': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
};

/** A running server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Stops it. */
  close(): Promise<void>;
}

/** Serves `root` on a free port of 127.0.0.1 (`/x/` serves `/x/index.html`). */
export async function serveStatic(
  root: string,
  options: { readonly port?: number } = {},
): Promise<StaticServer> {
  const server = http.createServer(async (request, response) => {
    try {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      let body: Buffer;
      let ext: string;
      if (pathname.startsWith('/__search/')) {
        const file = path.join(searchModulesDir, path.basename(pathname));
        body = Buffer.from(stripTypeScriptTypes(await readFile(file, 'utf8')));
        ext = '.ts';
      } else {
        let file = path.join(root, path.normalize(pathname));
        if (!file.startsWith(path.resolve(root))) throw new Error('outside');
        if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
        body = await readFile(file);
        ext = path.extname(file);
      }
      // Validators, as a CDN sends them: a second load of the same file costs a 304, not the file.
      const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag, 'cache-control': 'no-cache' });
        response.end();
        return;
      }
      const type = types[ext] ?? 'application/octet-stream';
      const compress = ext in types && /gzip/.test(String(request.headers['accept-encoding'] ?? ''));
      const sent = compress ? gzipSync(body) : body;
      response.writeHead(200, {
        'content-type': type,
        'content-length': sent.length,
        'cache-control': 'no-cache',
        etag,
        ...(compress ? { 'content-encoding': 'gzip' } : {}),
      });
      response.end(sent);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
