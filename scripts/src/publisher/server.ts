/**
 * The publisher's HTTP face: `POST /webhook` takes a signed change notice (ADR 15), `GET /status`
 * says what is queued, building and live. Bound to 127.0.0.1 unless told otherwise.
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Publisher } from './publisher.ts';
import { ReplayGuard, signatureHeader, verify } from './webhook.ts';

/** Largest notice accepted. */
const maxBody = 64 * 1024;

/** Options of {@link servePublisher}. */
export interface PublisherServerOptions {
  secret: string;
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

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
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
  const server = createServer((request, response) => {
    void (async () => {
      const url = (request.url ?? '/').split('?')[0];
      if (url === '/status' && (request.method === 'GET' || request.method === 'HEAD')) {
        json(response, 200, publisher.status());
        return;
      }
      if (url === '/webhook') {
        if (request.method !== 'POST') {
          response.setHeader('allow', 'POST');
          json(response, 405, { error: 'POST a signed change notice' });
          return;
        }
        const body = await readBody(request);
        if (body === null) {
          log(`webhook refused (413): body over ${maxBody} bytes from ${request.socket.remoteAddress}`);
          json(response, 413, { error: `body over ${maxBody} bytes` });
          return;
        }
        const verdict = verify(
          options.secret,
          body,
          request.headers[signatureHeader] as string | undefined,
          guard,
        );
        if (!verdict.ok) {
          log(`webhook refused (${verdict.status}): ${verdict.reason}; nothing built`);
          json(response, verdict.status, { error: verdict.reason });
          return;
        }
        const { notice } = verdict;
        publisher.request(
          `${notice.event}${notice.uid ? ` ${notice.uid}` : ''}${notice.documentId ? ` ${notice.documentId}` : ''}${notice.locale ? `@${notice.locale}` : ''} at ${notice.at}`,
        );
        json(response, 202, { queued: notice.id });
        return;
      }
      json(response, 404, { error: 'the publisher answers GET /status and POST /webhook' });
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
