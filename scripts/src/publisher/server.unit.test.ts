import { sign, signatureHeader } from '@govcluster/shared/publishing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Publisher, PublisherStatus } from './publisher.ts';
import { type PublisherServer, servePublisher } from './server.ts';

const secret = 'a-test-secret-that-is-long-enough';
let requested: string[];
let logged: string[];
let server: PublisherServer;

const publisher = {
  request: (change: string) => requested.push(change),
  status: () => ({ live: 'r1', queue: [] }) as unknown as PublisherStatus,
} as unknown as Publisher;

beforeEach(async () => {
  requested = [];
  logged = [];
  server = await servePublisher(publisher, { secret, log: (line) => logged.push(line) });
});

afterEach(async () => {
  await server.close();
});

function notice(id: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id,
    event: 'publish',
    at: new Date().toISOString(),
    uid: 'api::article.article',
    documentId: 'd1',
    locale: 'zh-CN',
    ...extra,
  });
}

async function post(body: string, signature?: string) {
  const response = await fetch(`${server.url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { [signatureHeader]: signature } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

describe('publisher webhook', () => {
  it('queues a build for a correctly signed notice', async () => {
    const body = notice('n1');
    expect((await post(body, sign(secret, body))).status).toBe(202);
    expect(requested).toEqual([expect.stringMatching(/^publish api::article\.article d1@zh-CN at /)]);
  });

  it('refuses a wrong signature, a missing one, a replay, a stale time and a malformed body, building nothing', async () => {
    const body = notice('n2');
    const wrong = await post(body, sign('another-secret', body));
    expect(wrong).toEqual({ status: 401, body: { error: 'signature does not match' } });
    expect((await post(body)).status).toBe(401);
    const tampered = await post(notice('n2', { documentId: 'd2' }), sign(secret, body));
    expect(tampered.status).toBe(401);
    const stale = await post(body, sign(secret, body, Date.now() - 10 * 60_000));
    expect(stale.body.error).toMatch(/too far from now/);
    expect((await post(body, sign(secret, body))).status).toBe(202);
    const replay = await post(body, sign(secret, body));
    expect(replay).toEqual({ status: 409, body: { error: 'notice n2 was already received (replay)' } });
    const notJson = '{"id": ';
    expect((await post(notJson, sign(secret, notJson))).status).toBe(400);
    const notNotice = JSON.stringify({ id: 5, event: [] });
    expect((await post(notNotice, sign(secret, notNotice))).status).toBe(400);
    expect(requested).toHaveLength(1);
    expect(logged.filter((line) => line.startsWith('webhook refused'))).toHaveLength(7);
  });

  it('answers its status as JSON and nothing else on other paths', async () => {
    const status = await fetch(`${server.url}/status`);
    expect(await status.json()).toEqual({ live: 'r1', queue: [] });
    expect((await fetch(`${server.url}/webhook`)).status).toBe(405);
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });
});
