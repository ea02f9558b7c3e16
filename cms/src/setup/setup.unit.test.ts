import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../tools/boot';
import { parseDatabaseUrl, redactDatabaseUrl } from './database-url';
import {
  assertProductionSecrets,
  ensureSecrets,
  generatedMarker,
  productionSecretProblems,
  secretNames,
} from './secrets';

describe('secrets', () => {
  it('generates the missing secrets into .env once, and keeps them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcluster-secrets-'));
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'development' };
    expect(ensureSecrets(dir, env)).toEqual([...secretNames]);
    const written = readFileSync(join(dir, '.env'), 'utf8');
    for (const name of secretNames) expect(written).toContain(`${name}=${env[name]}`);
    expect(env.APP_KEYS?.split(',')).toHaveLength(4);
    const again: NodeJS.ProcessEnv = { NODE_ENV: 'development' };
    expect(ensureSecrets(dir, again)).toEqual([]);
    expect(again.JWT_SECRET).toBe(env.JWT_SECRET);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(written);
  });

  it('adds only what is missing to an existing .env', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcluster-secrets-'));
    writeFileSync(join(dir, '.env'), 'JWT_SECRET=kept-from-the-file-123456\nPORT=1400');
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'development' };
    expect(ensureSecrets(dir, env)).not.toContain('JWT_SECRET');
    expect(env.JWT_SECRET).toBe('kept-from-the-file-123456');
    expect(env.PORT).toBe('1400');
  });

  it('generates nothing in production and refuses missing, placeholder or demo secrets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcluster-secrets-'));
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
    expect(ensureSecrets(dir, env)).toEqual([]);
    expect(() => assertProductionSecrets(env)).toThrow(
      /Refusing to start in production:[\s\S]*APP_KEYS is missing/,
    );
    const good = Object.fromEntries(secretNames.map((name) => [name, `a-real-secret-for-${name}`]));
    expect(productionSecretProblems({ NODE_ENV: 'production', ...good })).toEqual([]);
    expect(productionSecretProblems({ NODE_ENV: 'production', ...good, JWT_SECRET: 'tobemodified' })).toEqual(
      ['JWT_SECRET holds a placeholder value'],
    );
    expect(
      productionSecretProblems({ NODE_ENV: 'production', ...good, APP_KEYS: 'short,also-a-long-enough-key' }),
    ).toEqual(['APP_KEYS is shorter than 16 characters']);
    expect(() =>
      assertProductionSecrets({ NODE_ENV: 'production', ...good, [generatedMarker]: '1' }),
    ).toThrow(/generated for the demo/);
    // The development secrets written by ensureSecrets are refused when the same .env is used in production.
    const dev: NodeJS.ProcessEnv = { NODE_ENV: 'development' };
    ensureSecrets(dir, dev);
    const prod: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
    ensureSecrets(dir, prod);
    expect(() => assertProductionSecrets(prod)).toThrow(/generated for the demo/);
  });
});

describe('DATABASE_URL', () => {
  it('reads a PostgreSQL URL', () => {
    expect(parseDatabaseUrl('postgres://cms:s%40cret@db.example:5433/govcluster?sslmode=require')).toEqual({
      host: 'db.example',
      port: 5433,
      database: 'govcluster',
      user: 'cms',
      password: 's@cret',
      ssl: true,
    });
  });

  it.each([
    ['mysql://u:p@h/db', /scheme "mysql" is not supported, only postgres/],
    ['postgres://u:p@h', /no database name/],
    ['not a url', /not a URL/],
    ['postgres://u:p@h:99999/db', /DATABASE_URL is not usable/],
  ])('refuses %s with a message that names the variable', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });

  it('never shows the password', () => {
    expect(() => parseDatabaseUrl('mysql://u:hunter2@h/db')).toThrow(/mysql:\/\/u:\*\*\*@h\/db/);
    expect(redactDatabaseUrl('postgres://u:hunter2@h/db')).toBe('postgres://u:***@h/db');
  });

  it('says which database cannot be reached', async () => {
    await expect(checkDatabase({ DATABASE_URL: 'postgres://nobody:pw@127.0.0.1:1/none' })).rejects.toThrow(
      /cannot reach the database of DATABASE_URL "postgres:\/\/nobody:\*\*\*@127.0.0.1:1\/none": .*ECONNREFUSED/,
    );
  });
});
