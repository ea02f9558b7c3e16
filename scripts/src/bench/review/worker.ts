/**
 * The measuring half of `bench:review` (scripts/src/bench-review.ts), run in a child process per mode:
 * boots Strapi from a compiled app folder on a fresh database, times submit and approve with concurrent
 * reviewers at each level, and times ordinary content-manager operations.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@govcluster/shared/ports';
import { cmsDir } from '../../cms-paths.ts';
import { adminApi } from '../../lib/admin-api.ts';

/** Secrets the CMS needs in its environment (see cms/src/setup/secrets.ts). */
const secretNames = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
];

/** Latency summary of one operation, in milliseconds. */
export interface Summary {
  count: number;
  p50: number;
  p95: number;
  mean: number;
}

/** What a worker reports. */
export interface WorkerResult {
  mode: 'on' | 'off';
  review?: { submit: Summary; approve: Summary; final: Summary; reviewers: number; entries: number };
  contentManager: Record<string, Summary>;
  /** `reviewers` concurrent document-service updates of a draft, in process (no HTTP). */
  bareUpdate: Summary;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** p50, p95 and mean of a list of durations. */
function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return {
    count: sorted.length,
    p50: round1(at(0.5)),
    p95: round1(at(0.95)),
    mean: round1(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
  };
}

/** Boots Strapi from a compiled app folder on a fresh database and measures. */
export async function worker(
  mode: 'on' | 'off',
  distDir: string,
  options: { reviewers: number; rounds: number; ops: number; database: string },
): Promise<WorkerResult> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `govcluster-bench-review-${mode}-`));
  const port = await freePort();
  for (const name of secretNames) {
    const one = () => randomBytes(24).toString('base64');
    process.env[name] = name === 'APP_KEYS' ? `${one()},${one()}` : one();
  }
  Object.assign(process.env, {
    HOST: '127.0.0.1',
    PORT: String(port),
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_STARTUP_LOG: 'false',
    PUBLIC_DIR: path.join(tmp, 'public'),
  });
  let dropDatabase: (() => void) | undefined;
  if (options.database === 'postgres') {
    const name = `govcluster_bench_${mode}_${randomBytes(3).toString('hex')}`;
    execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-c', `CREATE DATABASE ${name}`], {
      stdio: 'ignore',
    });
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${name}`;
    dropDatabase = () =>
      execFileSync(
        'psql',
        ['-h', '127.0.0.1', '-U', 'postgres', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`],
        { stdio: 'ignore' },
      );
  } else {
    process.env.DATABASE_FILENAME = path.join(tmp, 'cms.sqlite');
    delete process.env.DATABASE_URL;
  }
  const strapiModule = createRequire(path.join(cmsDir, 'package.json'))('@strapi/strapi');
  const strapi = strapiModule.createStrapi({
    appDir: cmsDir,
    distDir,
    serveAdminPanel: false,
    autoReload: false,
  });
  strapi.log.level = 'error';
  await strapi.load();
  await strapi.listen();
  const url = `http://127.0.0.1:${port}`;
  const password = `Bench-${randomBytes(6).toString('hex')}-1a`;
  const api = adminApi(url);
  const call = async (method: string, route: string, token: string, body?: unknown) => {
    const started = performance.now();
    const json = await api.send(method, route, token, body);
    return { json, ms: performance.now() - started };
  };
  const login = (email: string) => api.login(email, password);
  const makeUser = async (email: string, code: string) => {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    return strapi.admin.services.user.create({
      email,
      firstname: email.split('@')[0],
      lastname: 'Bench',
      password,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
  };
  try {
    const site = await strapi.documents('api::site.site').create({
      data: {
        key: 'bench-town',
        kind: 'township',
        name: { zhCN: '基准镇' },
        basePath: '/xz/bench-town/',
        locales: ['zh-CN'],
        footer: {
          sponsor: { zhCN: '基准镇人民政府' },
          siteCode: '5301000009',
          icp: '云ICP备12345678号',
          publicSecurity: '云公网安备 53010202000123号',
          contact: { phone: '0871-12345678', address: { zhCN: '基准镇1号' } },
        },
      },
    });
    await makeUser('super@bench.test', 'strapi-super-admin');
    const superToken = await login('super@bench.test');
    const article = (n: number) => ({
      key: `bench-${n}`,
      title: `基准测试文章 ${n}`,
      body: `第 ${n} 篇文章的正文，用于测量审核流程的延迟。`.repeat(20),
      source: '基准镇人民政府',
      datePublished: '2026-03-01T09:30:00+08:00',
      dateModified: '2026-03-01T09:30:00+08:00',
      site: { connect: [{ documentId: site.documentId }] },
    });
    const cm = '/content-manager/collection-types/api::article.article';
    let serial = 0;
    // Warm-up and a body of entries to read.
    const ids: string[] = [];
    for (let n = 0; n < 50; n += 1)
      ids.push(
        (await call('POST', `${cm}?locale=zh-CN`, superToken, article(serial++))).json.data.documentId,
      );
    const timings: Record<string, number[]> = { list: [], findOne: [], create: [], update: [] };
    for (let n = 0; n < options.ops; n += 1) {
      timings.list?.push(
        (await call('GET', `${cm}?page=1&pageSize=10&sort=title:ASC&locale=zh-CN`, superToken)).ms,
      );
      const id = ids[n % ids.length] as string;
      timings.findOne?.push((await call('GET', `${cm}/${id}?locale=zh-CN`, superToken)).ms);
      timings.create?.push((await call('POST', `${cm}?locale=zh-CN`, superToken, article(serial++))).ms);
      timings.update?.push(
        (await call('PUT', `${cm}/${id}?locale=zh-CN`, superToken, { title: `基准测试文章 ${n} 修订` })).ms,
      );
    }
    const contentManager = Object.fromEntries(
      Object.entries(timings).map(([name, values]) => [name, summarize(values)]),
    );
    // The baseline: what a bare document-service update of a draft costs with the same concurrency.
    const bare: number[] = [];
    for (let r = 0; r < options.rounds * 3; r += 1) {
      const results = await Promise.all(
        Array.from({ length: options.reviewers }, async (_, lane) => {
          const started = performance.now();
          await strapi.documents('api::article.article').update({
            documentId: ids[lane % ids.length],
            locale: 'zh-CN',
            data: { title: `基准测试文章 ${lane} 第${r}次修订` },
          });
          return performance.now() - started;
        }),
      );
      bare.push(...results);
    }
    const bareUpdate = summarize(bare);
    if (mode === 'off') return { mode, contentManager, bareUpdate };

    // The review under load: `reviewers` people at each level act at the same time.
    const lanes = options.reviewers;
    await makeUser('author@bench.test', 'govcluster-author');
    const author = await strapi.db.query('admin::user').findOne({ where: { email: 'author@bench.test' } });
    await strapi
      .documents('api::site-membership.site-membership')
      .create({ data: { user: author.id, reviewRole: 'author', sites: [site.documentId] } });
    const authorToken = await login('author@bench.test');
    const tokens: Record<'unit' | 'web' | 'secrecy', string[]> = { unit: [], web: [], secrecy: [] };
    const codes = {
      unit: 'govcluster-unit-reviewer',
      web: 'govcluster-web-reviewer',
      secrecy: 'govcluster-secrecy-reviewer',
    } as const;
    for (const level of ['unit', 'web', 'secrecy'] as const) {
      for (let lane = 0; lane < lanes; lane += 1) {
        const email = `${level}${lane}@bench.test`;
        const user = await makeUser(email, codes[level]);
        if (level === 'unit') {
          await strapi.documents('api::site-membership.site-membership').create({
            data: { user: user.id, reviewRole: 'unit_reviewer', sites: [site.documentId] },
          });
        }
        tokens[level].push(await login(email));
      }
    }
    const submit: number[] = [];
    const approve: number[] = [];
    const final: number[] = [];
    const reviewPath = (id: string, action: string) =>
      `/review/${encodeURIComponent('api::article.article')}/${id}/${action}`;
    for (let r = 0; r < options.rounds; r += 1) {
      const batch: string[] = [];
      for (let lane = 0; lane < lanes; lane += 1) {
        batch.push(
          (await call('POST', `${cm}?locale=zh-CN`, authorToken, article(serial++))).json.data.documentId,
        );
      }
      const results = await Promise.all(
        batch.map((id) => call('POST', reviewPath(id, 'submit'), authorToken, { locale: 'zh-CN' })),
      );
      submit.push(...results.map((result) => result.ms));
      for (const level of ['unit', 'web', 'secrecy'] as const) {
        const approvals = await Promise.all(
          batch.map((id, lane) => call('POST', reviewPath(id, 'approve'), tokens[level][lane] as string, {})),
        );
        (level === 'secrecy' ? final : approve).push(...approvals.map((result) => result.ms));
      }
      const published = await strapi.db
        .query('api::article.article')
        .count({ where: { documentId: { $in: batch }, publishedAt: { $notNull: true } } });
      if (published !== batch.length)
        throw new Error(`round ${r}: ${published} of ${batch.length} entries published`);
    }
    return {
      mode,
      contentManager,
      bareUpdate,
      review: {
        submit: summarize(submit),
        approve: summarize(approve),
        final: summarize(final),
        reviewers: lanes,
        entries: lanes * options.rounds,
      },
    };
  } finally {
    const saved = process.eventNames().map((event) => [event, process.listeners(event as never)] as const);
    await strapi.destroy().catch(() => undefined);
    for (const [event, listeners] of saved)
      for (const listener of listeners)
        if (!process.listeners(event as never).includes(listener))
          process.on(event as never, listener as never);
    rmSync(tmp, { recursive: true, force: true });
    dropDatabase?.();
  }
}
