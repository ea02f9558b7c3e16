/**
 * Where the publisher reads content from, and its sync token: a short string that changes whenever
 * anything the public sees changes (ADR 15). The CMS computes it (`GET /api/publishing/sync-token`,
 * read-only build token); a snapshot's token is its file's size and modification time.
 * @module
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';

/** A content source. */
export type Source = { kind: 'cms'; url: string; token: string } | { kind: 'snapshot'; dir: string };

/** How a source is named in logs and in `release.json`. */
export function describeSource(source: Source): string {
  return source.kind === 'cms' ? `cms ${source.url}` : `snapshot ${source.dir}`;
}

/** The environment a build of this source needs. */
export function buildInput(source: Source): { snapshot?: string; env?: NodeJS.ProcessEnv } {
  return source.kind === 'cms'
    ? { env: { CMS_URL: source.url, CMS_TOKEN: source.token } }
    : { snapshot: source.dir };
}

/** The CMS origin without a trailing `/api`. */
function cmsOrigin(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/api$/, '');
}

/** The source's sync token now; throws with what went wrong when the source cannot be read. */
export async function syncToken(source: Source, timeoutMs = 10_000): Promise<string> {
  if (source.kind === 'snapshot') {
    const file = path.join(source.dir, 'snapshot.jsonl');
    const stat = statSync(file);
    return createHash('sha256').update(`${stat.size}:${stat.mtimeMs}`).digest('hex').slice(0, 24);
  }
  const response = await fetch(`${cmsOrigin(source.url)}/api/publishing/sync-token`, {
    headers: { authorization: `Bearer ${source.token}`, accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`the CMS answered ${response.status} for its sync token`);
  const body = (await response.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('the CMS sent a sync token that is not a string');
  return body.token;
}
