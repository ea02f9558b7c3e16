/**
 * The mailbox route of the local static server (docs/adr/0023-mailbox.md): `/mailbox/<endpoint>` on
 * the sites' origin goes to the CMS's `/api/mailbox/<endpoint>`, for the mailbox's endpoints only, as
 * `dist/nginx.conf` routes it in production. The writer's address is passed as `X-Forwarded-For` (set,
 * never appended to what the client sent), which the CMS trusts from a proxy on its own machine.
 */
import { type IncomingMessage, request, type ServerResponse } from 'node:http';
import { mailboxEndpoints, mailboxPublicPath } from '@govcluster/shared/mailbox';

/** Request bodies larger than this are refused before they reach the CMS (nginx: `client_max_body_size`). */
export const mailboxBodyLimit = 64 * 1024;

/** The pattern of the mailbox's public paths (nginx uses the same, as a regex location). */
export const mailboxPathPattern = `^${mailboxPublicPath}(${Object.values(mailboxEndpoints)
  .sort((a, b) => b.length - a.length)
  .join('|')})$`;

const mailboxPath = new RegExp(mailboxPathPattern);

/** Whether a request path (without query) is one of the mailbox's endpoints. */
export function isMailboxPath(urlPath: string): boolean {
  return mailboxPath.test(urlPath);
}

const passHeaders = ['content-type', 'accept', 'accept-language', 'user-agent'];
const backHeaders = [
  'content-type',
  'location',
  'cache-control',
  'content-security-policy',
  'referrer-policy',
  'x-content-type-options',
  'x-frame-options',
  'retry-after',
];

/** Forwards one mailbox request to the CMS at `cmsOrigin` and pipes the answer back. */
export function proxyMailbox(
  cmsOrigin: string,
  incoming: IncomingMessage,
  response: ServerResponse,
  urlPath: string,
  query: string,
): void {
  const fail = (status: number, message: string) => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(message);
  };
  if (incoming.method !== 'GET' && incoming.method !== 'POST') {
    response.writeHead(405, { allow: 'GET, POST', 'content-type': 'text/plain; charset=utf-8' });
    response.end('method not allowed');
    return;
  }
  const declared = Number(incoming.headers['content-length'] ?? 0);
  if (declared > mailboxBodyLimit) {
    fail(413, '提交的内容过大');
    return;
  }
  const headers: Record<string, string> = { 'x-forwarded-for': incoming.socket.remoteAddress ?? '' };
  for (const name of passHeaders) {
    const value = incoming.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (incoming.headers['content-length']) headers['content-length'] = String(declared);
  const target = new URL(`/api${urlPath}${query}`, cmsOrigin);
  const upstream = request(target, { method: incoming.method, headers, timeout: 30_000 }, (answer) => {
    const back: Record<string, string | string[]> = {};
    for (const name of backHeaders) {
      const value = answer.headers[name];
      if (value !== undefined) back[name] = value;
    }
    response.writeHead(answer.statusCode ?? 502, back);
    answer.pipe(response);
  });
  upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
  upstream.on('error', () => fail(502, '信箱暂时无法访问，请稍后再试'));
  let received = 0;
  incoming.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > mailboxBodyLimit) {
      upstream.destroy();
      incoming.destroy();
      fail(413, '提交的内容过大');
    }
  });
  incoming.pipe(upstream);
}
