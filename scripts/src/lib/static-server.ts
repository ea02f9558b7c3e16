/**
 * The one local static server of the project: `npm start`, `npm run serve`, the browser tests and
 * the search benchmark serve a built cluster with it. Files are sent by `send` (the module behind
 * Express's static files: decoding, traversal and NUL checks before any file-system access,
 * directory indexes, ETag / Last-Modified / ranges, HEAD) and compressed by `compression`.
 *
 * What it adds, as nginx (`dist/nginx.conf`) does it:
 * - each site's 404 page (the nearest `404.html` above the path) with status 404;
 * - a year of caching for hashed files (`/_astro/`, Pagefind's `.pf_*`), five minutes for the rest;
 * - Pagefind's index files (`.pf_*`, `*.pagefind`) sent as they are, as octet-stream: Pagefind
 *   gzips them itself and its script unpacks them;
 * - `/nginx.conf` and dot files are not served; query strings never change the file;
 * - the old URL of a moved entry answers 301 to its new URL (the release's
 *   `.govcluster/redirects.json`, docs/adr/0016-incremental-build.md).
 *
 * The root may be a symbolic link that is swapped for another release while the server runs: its
 * real path is resolved once per request, and the whole answer (file or 404 page) comes from that
 * release. A request never throws: a malformed or overlong path, a traversal in any encoding, a NUL
 * byte or a method other than GET and HEAD gets a 4xx with a short reason, and paths outside the
 * root are refused before anything is looked up (the same answer whether they exist or not).
 * Symbolic links inside a release are followed; the build makes none.
 * @module
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import send from 'send';
import { cacheImmutable, cacheShort, nginxConfigFile } from '../generate-nginx.ts';
import { isMailboxPath, proxyMailbox } from './mailbox-proxy.ts';

/** Options of {@link serveStatic} and {@link staticHandler}. */
export interface StaticServerOptions {
  /** Port to listen on; 0 (the default) takes a free one. */
  readonly port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  readonly host?: string;
  /**
   * `no-cache` on every answer, so that browsers revalidate (ETag, 304) instead of caching: for
   * benchmarks that count what a second visit transfers. Default: the cache policy of nginx.conf.
   */
  readonly revalidate?: boolean;
  /** Content types by file extension (`.ts` → `text/javascript`), over the standard ones. */
  readonly types?: Readonly<Record<string, string>>;
  /**
   * The CMS's origin (`http://127.0.0.1:1337`): the mailbox's endpoints under `/mailbox/` are passed
   * to it (scripts/src/lib/mailbox-proxy.ts). Without it they answer 503.
   */
  readonly cmsOrigin?: string;
}

/** A running static server. */
export interface StaticServer {
  readonly server: Server;
  /** `http://<host>:<port>`, without a trailing slash. */
  readonly url: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Pagefind's index files: gzip already, read by Pagefind's own script. */
function isPagefindData(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return ext === '.pagefind' || ext.startsWith('.pf_');
}

/** Hashed file names never change: Astro's assets and Pagefind's index parts. */
function isHashed(urlPath: string): boolean {
  return urlPath.startsWith('/_astro/') || /^\/pagefind\/.+\.pf_(fragment|index|meta|filter)$/.test(urlPath);
}

/** The path part of a request target, or `null` when it is not an origin-form path. */
function pathOf(target: string | undefined): string | null {
  if (!target?.startsWith('/')) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** Answers with a short plain-text reason (the body is dropped for HEAD by Node). */
function plain(
  response: ServerResponse,
  status: number,
  reason: string,
  headers: Record<string, string> = {},
) {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(`${reason}\n`);
}

const reasons: Readonly<Record<number, string>> = {
  400: 'bad request: the path is not valid percent-encoding, or holds a NUL byte',
  403: 'forbidden: the path leaves the site (a ".." segment)',
  416: 'range not satisfiable',
};

/** The decoded path, or `null` when its percent-encoding is malformed or it holds a NUL byte. */
function decodePath(urlPath: string): string | null {
  try {
    const decoded = decodeURIComponent(urlPath);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

/** No site's base path is deeper than this: the 404 search starts no lower. */
const deepestSite = 16;

/**
 * The nearest `404.html` at or above the (decoded, checked) path inside `root`: each site's own 404
 * page, the portal's at the top.
 */
async function notFoundPage(root: string, decoded: string): Promise<Buffer | null> {
  const segments = decoded.split('/').filter(Boolean);
  for (let depth = Math.min(segments.length, deepestSite); depth >= 0; depth -= 1) {
    const candidate = path.join(root, ...segments.slice(0, depth), '404.html');
    if (!candidate.startsWith(`${root}${path.sep}`)) continue;
    const found = await stat(candidate).catch(() => null);
    if (found?.isFile()) return readFile(candidate).catch(() => null);
  }
  return null;
}

/** Each release's redirects, read once per release (a release never changes once complete). */
const redirectsByRelease = new Map<string, Promise<Map<string, string>>>();

function releaseRedirects(release: string): Promise<Map<string, string>> {
  let redirects = redirectsByRelease.get(release);
  if (!redirects) {
    redirects = readFile(path.join(release, '.govcluster', 'redirects.json'), 'utf8')
      .then((text) => new Map(Object.entries(JSON.parse(text) as Record<string, string>)))
      .catch(() => new Map<string, string>());
    // A handful of releases are live in a process's lifetime; keep the newest few.
    if (redirectsByRelease.size >= 16)
      redirectsByRelease.delete(redirectsByRelease.keys().next().value as string);
    redirectsByRelease.set(release, redirects);
  }
  return redirects;
}

/** The request handler, for a server of the caller's own (`serveStatic` wraps it). */
export function staticHandler(
  root: string,
  options: StaticServerOptions = {},
): (request: IncomingMessage, response: ServerResponse) => void {
  const configured = path.resolve(root);
  const compress = compression();
  const types = options.types ?? {};

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const target = pathOf(request.url);
    if (target !== null && isMailboxPath(target)) {
      if (!options.cmsOrigin) {
        plain(response, 503, 'the mailbox is not connected to a CMS on this server');
        return;
      }
      proxyMailbox(options.cmsOrigin, request, response, target, request.url?.slice(target.length) ?? '');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      plain(response, 405, 'method not allowed: this server only reads (GET, HEAD)', { allow: 'GET, HEAD' });
      return;
    }
    const urlPath = pathOf(request.url);
    if (urlPath === null) {
      plain(response, 400, 'bad request: the request target is not a path');
      return;
    }
    const decoded = decodePath(urlPath);
    if (decoded === null) {
      plain(response, 400, reasons[400]!);
      return;
    }
    // One release per request: the root's real path now, whatever it points to later.
    const release = await realpath(configured).catch(() => null);
    if (!release) {
      plain(response, 503, 'no release is published at the server root yet');
      return;
    }
    // The server's own configuration is not part of the site, however its name is spelled.
    if (path.posix.normalize(decoded) === `/${nginxConfigFile}`) {
      await sendNotFound(response, release, decoded, options);
      return;
    }
    const moved = (await releaseRedirects(release)).get(decoded);
    if (moved) {
      const query = request.url?.slice(urlPath.length) ?? '';
      response.writeHead(301, { location: `${moved}${query}`, 'cache-control': cacheShort });
      response.end();
      return;
    }
    const stream = send(request, urlPath, { root: release, index: ['index.html'], dotfiles: 'ignore' });
    // send calls these from file-system callbacks: a throw there would end the process.
    const guarded =
      <A extends unknown[]>(handle: (...args: A) => void) =>
      (...args: A) => {
        try {
          handle(...args);
        } catch {
          plain(response, 500, 'the file could not be sent');
        }
      };
    stream.on(
      'headers',
      guarded((res: ServerResponse, file: string) => {
        const type = isPagefindData(file) ? 'application/octet-stream' : types[path.extname(file)];
        if (type) res.setHeader('content-type', type);
        res.setHeader(
          'cache-control',
          options.revalidate ? 'no-cache' : isHashed(decoded) ? cacheImmutable : cacheShort,
        );
        res.setHeader('x-content-type-options', 'nosniff');
      }),
    );
    // A directory without its trailing slash: redirect, keeping the query, to one leading slash
    // (`//host/` would send the browser to another host).
    stream.on(
      'directory',
      guarded((res: ServerResponse) => {
        const query = request.url?.slice(urlPath.length) ?? '';
        const location = `/${urlPath.replace(/^\/+/, '')}/${query}`;
        res.writeHead(301, { location, 'cache-control': cacheShort });
        res.end();
      }),
    );
    stream.on(
      'error',
      guarded((error: { status?: number; statusCode?: number }) => {
        const status = error.status ?? error.statusCode ?? 500;
        if (status === 404) sendNotFound(response, release, decoded, options).catch(() => response.destroy());
        else plain(response, status, reasons[status] ?? 'the file could not be read');
      }),
    );
    stream.pipe(response);
  };

  return (request, response) => {
    response.on('error', () => response.destroy());
    compress(request as never, response as never, () => {
      answer(request, response).catch(() => plain(response, 500, 'the file could not be read'));
    });
  };
}

/** Answers 404 with the nearest site's 404 page, or a plain reason when there is none. */
async function sendNotFound(
  response: ServerResponse,
  release: string,
  decoded: string,
  options: StaticServerOptions,
): Promise<void> {
  const page = await notFoundPage(release, decoded);
  if (!page) {
    plain(response, 404, 'not found');
    return;
  }
  if (response.headersSent) return;
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  response.writeHead(404, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': options.revalidate ? 'no-cache' : cacheShort,
    'x-content-type-options': 'nosniff',
  });
  response.end(page);
}

/** Serves `root` on `host:port` until `close()`; rejects when the port cannot be had. */
export function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(staticHandler(root, options));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        server,
        url: `http://${host}:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
