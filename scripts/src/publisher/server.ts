/**
 * The publisher's HTTP face: `POST /webhook` takes a signed change notice (ADR 15), `GET /status`
 * says what is queued, building and live, `POST /preview` builds the preview of a draft the CMS sends
 * (signed like a notice) and `GET /preview/<id>/_astro/<file>` (signed: the signature covers the path)
 * hands the CMS a preview's scripts and images (ADR 25), `GET /health/report` (signed) the last
 * inspection's HTML report (ADR 29). Bound to 127.0.0.1 unless told otherwise.
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkSignature, signatureHeader } from '@govcluster/shared/publishing';
import type { HealthChecker } from './health.ts';
import { type Previewer, PreviewFailed, type PreviewRequest } from './preview.ts';
import type { Publisher } from './publisher.ts';
import { ReplayGuard, verify } from './webhook.ts';

/** Largest notice accepted. */
const maxBody = 64 * 1024;
/** Largest preview request (a draft with its long texts) accepted. */
const maxPreviewBody = 8 * 1024 * 1024;

/** Where the publisher hands the CMS the last inspection's HTML report (signed `GET`). */
export const healthReportPath = '/health/report';

/** Options of {@link servePublisher}. */
export interface PublisherServerOptions {
  secret: string;
  /** Builds previews; absent: `POST /preview` answers 404. */
  previewer?: Previewer;
  /** Inspects releases; absent: `GET /health/report` answers 404. */
  health?: HealthChecker;
  port?: number;
  host?: string;
  log?: (line: string) => void;
}

/** A running publisher server. */
export interface PublisherServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

function readBody(request: IncomingMessage, limit = maxBody): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Starts the publisher's HTTP server. */
export function servePublisher(
  publisher: Publisher,
  options: PublisherServerOptions,
): Promise<PublisherServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[publisher] ${line}\n`));
  const guard = new ReplayGuard();
  /**
   * A signed request's notice, or null when it was refused (too large, or its signature, time or id
   * wrong), the refusal answered and logged as `what`.
   */
  const signedNotice = async (
    request: IncomingMessage,
    response: ServerResponse,
    limit: number,
    what: string,
  ) => {
    const body = await readBody(request, limit);
    if (body === null) {
      log(`${what} (413): body over ${limit} bytes from ${request.socket.remoteAddress}`);
      json(response, 413, { error: `body over ${limit} bytes` });
      return null;
    }
    const verdict = verify(
      options.secret,
      body,
      request.headers[signatureHeader] as string | undefined,
      guard,
    );
    if (!verdict.ok) {
      log(`${what} (${verdict.status}): ${verdict.reason}`);
      json(response, verdict.status, { error: verdict.reason });
      return null;
    }
    return verdict.notice;
  };
  /** Whether a GET of `url` carries the CMS's signature; answers 401 when it does not. */
  const signedGet = (request: IncomingMessage, response: ServerResponse, url: string): boolean => {
    const refused = checkSignature(options.secret, `GET ${url}`, request.headers[signatureHeader] as string);
    if (refused) json(response, 401, { error: refused });
    return !refused;
  };
  const server = createServer((request, response) => {
    void (async () => {
      const url = (request.url ?? '/').split('?')[0] ?? '/';
      if (url === '/status' && (request.method === 'GET' || request.method === 'HEAD')) {
        json(response, 200, publisher.status());
        return;
      }
      const previewer = options.previewer;
      if (previewer && url === '/preview' && request.method === 'POST') {
        const notice = await signedNotice(request, response, maxPreviewBody, 'preview refused');
        if (!notice) return;
        const asked = notice as unknown as Partial<PreviewRequest>;
        if (
          typeof asked.uid !== 'string' ||
          typeof asked.documentId !== 'string' ||
          typeof asked.locale !== 'string' ||
          typeof asked.version !== 'string' ||
          !asked.document ||
          typeof asked.document !== 'object'
        ) {
          json(response, 400, {
            error: 'a preview request names uid, documentId, locale, version and document',
          });
          return;
        }
        try {
          json(response, 200, await previewer.build(asked as PreviewRequest));
        } catch (error) {
          if (!(error instanceof PreviewFailed)) throw error;
          json(response, 422, { error: error.message });
        }
        return;
      }
      const asset = /^\/preview\/([0-9a-f]{20})\/_astro\/([^/]+)$/.exec(url ?? '');
      if (previewer && asset && request.method === 'GET') {
        if (!signedGet(request, response, url)) return;
        const file = previewer.asset(asset[1] as string, asset[2] as string);
        if (!file) {
          json(response, 404, { error: 'no such preview file' });
          return;
        }
        response.writeHead(200, {
          'content-type': file.type,
          'content-length': file.body.length,
          'cache-control': 'private, max-age=3600',
        });
        response.end(file.body);
        return;
      }
      // The last inspection's report (ADR 29): internal (CMS edit links), so signed like a preview asset.
      if (options.health && url === healthReportPath && request.method === 'GET') {
        if (!signedGet(request, response, url)) return;
        const report = options.health.report();
        if (!report) {
          json(response, 404, { error: 'no release has been inspected yet' });
          return;
        }
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': report.length,
          'cache-control': 'no-store',
        });
        response.end(report);
        return;
      }
      if (url === '/webhook') {
        if (request.method !== 'POST') {
          response.setHeader('allow', 'POST');
          json(response, 405, { error: 'POST a signed change notice' });
          return;
        }
        const notice = await signedNotice(request, response, maxBody, 'webhook refused; nothing built');
        if (!notice) return;
        publisher.request(
          `${notice.event}${notice.uid ? ` ${notice.uid}` : ''}${notice.documentId ? ` ${notice.documentId}` : ''}${notice.locale ? `@${notice.locale}` : ''} at ${notice.at}`,
        );
        json(response, 202, { queued: notice.id });
        return;
      }
      json(response, 404, { error: 'the publisher answers GET /status, POST /webhook and POST /preview' });
    })().catch((error: unknown) => {
      log(`request failed: ${(error as Error).message}`);
      if (!response.headersSent) json(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://${address.address}:${address.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
