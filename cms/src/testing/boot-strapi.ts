/**
 * Boots a real Strapi for integration tests on a throw-away database: a temporary SQLite file, or a
 * fresh PostgreSQL database (127.0.0.1:5432, trust auth) created for this run and dropped afterwards.
 * The admin panel is not served, so no admin build is needed. One Strapi per test file (per worker).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@govcluster/shared/ports';
import type { Core } from '@strapi/strapi';
import pg from 'pg';
import { secretNames } from '../setup/secrets';

// Strapi's ESM build imports `lodash/fp` as a directory, which Node's ESM loader refuses: use the CJS build.
const strapiModule = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');

/** Which database a test Strapi runs on. */
export type TestDatabase = 'sqlite' | 'postgres';

/** A running test Strapi. */
export interface TestStrapi {
  strapi: Core.Strapi;
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  database: TestDatabase;
  /** A temporary folder for this instance (the SQLite file lives here), removed by close(). */
  tmpDir: string;
  /**
   * Stops Strapi, runs `whileDown`, and starts a new Strapi on the same database, port and secrets
   * (admin logins stay valid); `strapi` then names the new instance.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  /** Stops Strapi and removes its database. */
  close(): Promise<void>;
}

/** The cms folder. */
export { strapiModule };
export const appDir = resolve(import.meta.dirname, '..', '..');

/** Where PostgreSQL is: `GOVCLUSTER_TEST_PG` (an admin URL without database) or the machine's default. */
export function postgresAdminUrl(database = 'postgres'): string {
  const base =
    process.env.GOVCLUSTER_TEST_PG ?? `postgres://${process.env.PGUSER ?? 'postgres'}@127.0.0.1:5432`;
  return `${base.replace(/\/$/, '')}/${database}`;
}

/** Creates an empty PostgreSQL database with a unique name; returns its name. */
export async function createPostgresDatabase(prefix = 'govcluster_test'): Promise<string> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return name;
}

/** Drops a database made by {@link createPostgresDatabase}, even with connections left open. */
export async function dropPostgresDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * `strapi.destroy()` ends with `process.removeAllListeners()`, which also cuts the test worker's IPC
 * listeners (the worker then exits mid-run): put back whatever was registered before.
 */
export async function destroyKeepingListeners(strapi: Core.Strapi): Promise<void> {
  const saved = process.eventNames().map((event) => [event, process.listeners(event as never)] as const);
  try {
    await strapi.destroy();
  } finally {
    for (const [event, listeners] of saved) {
      for (const listener of listeners) {
        if (!process.listeners(event as never).includes(listener))
          process.on(event as never, listener as never);
      }
    }
  }
}

/** Fresh random values, in this process's environment, for every secret Strapi refuses to start without. */
export function setFreshSecrets(): void {
  for (const name of secretNames) {
    const one = () => randomBytes(24).toString('base64');
    process.env[name] = name === 'APP_KEYS' ? `${one()},${one()}` : one();
  }
}

/**
 * Starts Strapi (compiled by the suite's global setup) on a new database and an unused port.
 * Secrets are random per run and never written to disk.
 */
export async function bootStrapi(database: TestDatabase): Promise<TestStrapi> {
  const port = await freePort();
  const env = process.env;
  setFreshSecrets();
  env.HOST = '127.0.0.1';
  env.PORT = String(port);
  env.STRAPI_TELEMETRY_DISABLED = 'true';
  env.STRAPI_STARTUP_LOG = 'false';
  const tmpDir = mkdtempSync(join(tmpdir(), 'govcluster-cms-'));
  env.PUBLIC_DIR = join(tmpDir, 'public');
  let cleanup: () => Promise<void>;
  if (database === 'postgres') {
    const name = await createPostgresDatabase();
    env.DATABASE_URL = postgresAdminUrl(name);
    delete env.DATABASE_FILENAME;
    cleanup = async () => {
      await dropPostgresDatabase(name);
      rmSync(tmpDir, { recursive: true, force: true });
    };
  } else {
    env.DATABASE_FILENAME = join(tmpDir, 'cms.sqlite');
    delete env.DATABASE_URL;
    cleanup = async () => rmSync(tmpDir, { recursive: true, force: true });
  }
  const start = async () => {
    const strapi = strapiModule.createStrapi({
      appDir,
      distDir: join(appDir, 'dist'),
      serveAdminPanel: false,
      autoReload: false,
    });
    (strapi.log as unknown as { level: string }).level = process.env.STRAPI_TEST_LOG_LEVEL ?? 'error';
    try {
      // Not strapi.start(): on failure it calls process.exit, which would hide the error from the test.
      await strapi.load();
      await strapi.listen();
    } catch (error) {
      await destroyKeepingListeners(strapi).catch(() => undefined);
      throw error;
    }
    return strapi;
  };
  const strapi = await start().catch(async (error: unknown) => {
    await cleanup();
    throw error;
  });
  const app: TestStrapi = {
    strapi,
    url: `http://127.0.0.1:${port}`,
    database,
    tmpDir,
    async restart(whileDown) {
      await destroyKeepingListeners(app.strapi);
      await whileDown?.();
      app.strapi = await start();
    },
    async close() {
      await destroyKeepingListeners(app.strapi);
      await cleanup();
    },
  };
  return app;
}
