/**
 * Serves `dist/` (or `--dir`) on one local port: directory indexes, each site's 404 page,
 * gzip for text, long cache for hashed assets, Pagefind's pre-compressed index files as they are.
 * Query strings never change the file (`pagefind.js?wide`). Prints the portal URL.
 *
 *   node --import tsx scripts/src/serve-cluster.ts [--dir dist] [--port 4321] [--host 127.0.0.1]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { repoRoot } from './lib/paths.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/**
 * Pagefind's index files (`.pf_meta`, `.pf_index`, `.pf_fragment`, `wasm.*.pagefind`, …) are
 * gzipped by Pagefind itself: sent as they are, as octet-stream, never compressed again.
 */
function isPagefindData(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return ext === '.pagefind' || ext.startsWith('.pf_');
}

/** A running static server. */
export interface StaticServer {
  server: Server;
  url: string;
  close: () => Promise<void>;
}

function resolveFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = path.join(root, path.normalize(decoded));
  if (!file.startsWith(root)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) {
    const index = path.join(file, 'index.html');
    return existsSync(index) ? index : null;
  }
  return existsSync(file) ? file : null;
}

/** The 404 page of the site the path belongs to: the nearest `<folder>404.html` above it. */
function notFoundPage(root: string, pathname: string): string | null {
  const segments = decodeURIComponent(pathname).split('/').filter(Boolean);
  for (let depth = segments.length; depth >= 0; depth -= 1) {
    const candidate = path.join(root, ...segments.slice(0, depth), '404.html');
    if (candidate.startsWith(root) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Serves a built cluster folder on `host:port` (port 0 = any free port). */
export function serveStatic(dir: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // Directory without trailing slash: redirect, as a CDN would.
    const candidate = path.join(root, decodeURIComponent(url.pathname));
    if (!url.pathname.endsWith('/') && existsSync(candidate) && statSync(candidate).isDirectory()) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` });
      response.end();
      return;
    }
    let file = resolveFile(root, url.pathname);
    let status = 200;
    if (!file) {
      status = 404;
      file = notFoundPage(root, url.pathname);
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
        return;
      }
    }
    const type = isPagefindData(file)
      ? 'application/octet-stream'
      : (types[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': url.pathname.startsWith('/_astro/')
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    };
    const compress =
      !isPagefindData(file) &&
      /text|json|xml|javascript|svg/.test(type) &&
      /\bgzip\b/.test(String(request.headers['accept-encoding']));
    if (compress) headers['content-encoding'] = 'gzip';
    else headers['content-length'] = String(statSync(file).size);
    response.writeHead(status, headers);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(file);
    if (compress) stream.pipe(createGzip()).pipe(response);
    else stream.pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        url: `http://${host}:${actualPort}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: path.join(repoRoot, 'dist') },
      port: { type: 'string', default: process.env.PORT ?? '4321' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const dir = path.resolve(values.dir);
  if (!existsSync(path.join(dir, 'sites.json'))) {
    process.stderr.write(`${dir} holds no built cluster (no sites.json): run \`npm run build\` first\n`);
    process.exit(1);
  }
  const running = await serveStatic(dir, Number(values.port), values.host);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'sites.json'), 'utf8')) as {
    sites: { kind: string; basePath: string }[];
  };
  const portal = manifest.sites.find((site) => site.kind === 'portal');
  process.stdout.write(`portal: ${running.url}${portal?.basePath ?? '/'}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
