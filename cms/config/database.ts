import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { appDirFrom } from '../src/setup/app-dir';
import { parseDatabaseUrl } from '../src/setup/database-url';
import { keepPreparedStatements, type PreparingConnection } from '../src/setup/sqlite-statements';

/**
 * SQLite in the git-ignored `cms/.data/` by default; PostgreSQL when `DATABASE_URL` is set.
 * `DATABASE_FILENAME` moves the SQLite file (tests use a temporary one). SQLite runs in WAL mode and
 * keeps its prepared statements.
 */
export default ({ env }: { env: (name: string, fallback?: string) => string }) => {
  const url = env('DATABASE_URL', '');
  if (url) {
    const pg = parseDatabaseUrl(url);
    return {
      connection: {
        client: 'postgres',
        connection: {
          host: pg.host,
          port: pg.port,
          database: pg.database,
          user: pg.user,
          password: pg.password,
          ssl: pg.ssl ? { rejectUnauthorized: true } : false,
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: 0, max: Number(env('DATABASE_POOL_MAX', '10')) },
        acquireConnectionTimeout: 60000,
      },
    };
  }
  const appDir = appDirFrom(__dirname, 1);
  const file = env('DATABASE_FILENAME', join('.data', 'cms.sqlite'));
  const filename = isAbsolute(file) ? file : join(appDir, file);
  mkdirSync(dirname(filename), { recursive: true });
  return {
    connection: {
      client: 'sqlite',
      connection: { filename },
      useNullAsDefault: true,
      pool: {
        // Write-ahead logging: readers never wait for a writer, and a commit needs no fsync of the
        // whole file (synchronous=NORMAL is durable across a crash of the process in WAL mode).
        afterCreate(
          connection: PreparingConnection & { pragma(source: string): unknown },
          done: (error?: Error) => void,
        ) {
          try {
            keepPreparedStatements(connection);
            connection.pragma('journal_mode = WAL');
            connection.pragma('synchronous = NORMAL');
            connection.pragma('busy_timeout = 5000');
            done();
          } catch (error) {
            done(error as Error);
          }
        },
      },
    },
  };
};
