/** Connection settings for PostgreSQL taken from a `DATABASE_URL`. */
export interface PostgresConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | undefined;
  ssl: boolean;
}

/** The URL with its password replaced, for messages. */
export function redactDatabaseUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return raw.replace(/:[^:@/]*@/, ':***@');
  }
}

/**
 * Parses `DATABASE_URL` (`postgres://user:password@host:5432/database?sslmode=require`).
 * Throws an error that names the variable, shows the URL without its password and says what is wrong.
 */
export function parseDatabaseUrl(raw: string): PostgresConnection {
  const shown = redactDatabaseUrl(raw);
  const fail = (why: string): never => {
    throw new Error(
      `DATABASE_URL is not usable (${why}): "${shown}". Expected postgres://user:password@host:5432/database, ` +
        'or unset DATABASE_URL to use the embedded SQLite file.',
    );
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('not a URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    fail(`scheme "${url.protocol.replace(/:$/, '')}" is not supported, only postgres`);
  }
  if (!url.hostname) fail('no host');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database || database.includes('/')) fail('no database name after the host');
  const port = url.port ? Number(url.port) : 5432;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`port "${url.port}" is invalid`);
  const sslmode = url.searchParams.get('sslmode');
  return {
    host: url.hostname,
    port,
    database,
    user: decodeURIComponent(url.username || 'postgres'),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    ssl: sslmode === 'require' || sslmode === 'verify-full' || sslmode === 'verify-ca',
  };
}
