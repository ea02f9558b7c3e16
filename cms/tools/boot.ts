/**
 * Boots the CMS in this process for the command-line tools (seed, start): secrets in place, database
 * reachable (a clear message otherwise), TypeScript compiled, Strapi loaded.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Core } from '@strapi/strapi';
import pg from 'pg';
import { compileCms } from '../src/setup/compile';
import { parseDatabaseUrl, redactDatabaseUrl } from '../src/setup/database-url';
import { ensureSecrets } from '../src/setup/secrets';

// Strapi's ESM build imports `lodash/fp` as a directory, which Node's ESM loader refuses: use the CJS build.
const strapiModule = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');

/** The cms folder. */
export const appDir = resolve(import.meta.dirname, '..');

/** Where the CLI keeps its state (git-ignored): the SQLite file, the build token, markers. */
export const dataDir = join(appDir, '.data');

/** The file the static build reads its read-only API token from. */
export const buildTokenFile = join(dataDir, 'build-token');

/** Fails with a readable message when DATABASE_URL is malformed or the server does not answer. */
export async function checkDatabase(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const url = env.DATABASE_URL;
  if (!url) return `SQLite ${env.DATABASE_FILENAME ?? join(dataDir, 'cms.sqlite')}`;
  const connection = parseDatabaseUrl(url);
  const client = new pg.Client({
    ...connection,
    ssl: connection.ssl ? { rejectUnauthorized: true } : false,
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `cannot reach the database of DATABASE_URL "${redactDatabaseUrl(url)}": ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  return `PostgreSQL ${redactDatabaseUrl(url)}`;
}

/** Options of {@link bootCms}. */
export interface BootOptions {
  /** Serve the admin panel (needs `strapi build` first). Default false. */
  serveAdminPanel?: boolean;
  /** Log level of Strapi's logger. Default `warn`. */
  logLevel?: string;
}

/** Loads Strapi (not listening) after checking secrets, database and compiling. */
export async function bootCms(options: BootOptions = {}): Promise<Core.Strapi> {
  const generated = ensureSecrets(appDir);
  if (generated.length > 0) process.stderr.write(`[cms] generated ${generated.join(', ')} into cms/.env\n`);
  await checkDatabase();
  mkdirSync(join(appDir, 'public', 'uploads'), { recursive: true });
  const { distDir } = await compileCms(appDir);
  const strapi = strapiModule.createStrapi({
    appDir,
    distDir,
    serveAdminPanel: options.serveAdminPanel ?? false,
    autoReload: false,
  });
  (strapi.log as unknown as { level: string }).level = options.logLevel ?? 'warn';
  await strapi.load();
  return strapi;
}

export { strapiModule };

/** `strapi.destroy()` without its "Shutting down" chatter failing the caller. */
export async function destroyQuietly(strapi: Core.Strapi): Promise<void> {
  await strapi
    .destroy()
    .catch((error: unknown) => process.stderr.write(`[cms] shutdown: ${String(error)}\n`));
}
