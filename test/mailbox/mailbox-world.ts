/**
 * A real Strapi with a portal and a department that have mailboxes, and the calls a writer's browser
 * makes: challenge, letter (JSON or a plain form), confirmation, tracking, rating.
 */
import { randomBytes } from 'node:crypto';
import { solveChallenge } from '@govcluster/shared/mailbox';
import { runTrusted } from '../../cms/src/plugins/review/server/src/trust.ts';
import { compileCms } from '../../cms/src/setup/compile.ts';
import { appDir, bootStrapi, type TestDatabase, type TestStrapi } from '../../cms/src/testing/boot-strapi.ts';
import { createTestSite } from '../../cms/src/testing/test-site.ts';

/** A booted mailbox world. */
export interface MailboxWorld {
  app: TestStrapi;
  /** Site key → document id. */
  sites: Record<string, string>;
  /** A solved challenge (fields `challenge` and `solution`). */
  solved(): Promise<{ challenge: string; solution: string }>;
  /** POST with a JSON body from an address (`X-Forwarded-For` through the loopback proxy). */
  postJson(
    path: string,
    body: unknown,
    ip?: string,
  ): Promise<{ status: number; body: any; headers: Headers }>;
  /** POST a form as a browser does (urlencoded, Accept: text/html), without following redirects. */
  postForm(
    path: string,
    fields: Record<string, string>,
    ip?: string,
  ): Promise<{ status: number; text: string; headers: Headers }>;
  get(path: string): Promise<{ status: number; text: string; headers: Headers }>;
  close(): Promise<void>;
}

/** A valid letter, varied by `n` so that fingerprints and contacts differ. */
export function validLetter(n: number, site = 'fgw'): Record<string, string> {
  return {
    site,
    kind: 'suggestion',
    subject: `关于路灯维修的建议${n}`,
    text: `我家门口的路灯已经坏了两个星期，晚上出行很不方便，希望尽快维修。编号${n}。`,
    name: '陈女士',
    phone: `139${String(10000000 + n).slice(-8)}`,
    email: `writer${n}@example.com`,
    idNumber: '11010519491231002X',
    mayPublish: 'yes',
  };
}

/** Boots Strapi with mailbox keys and limits for tests, and creates the sites and their columns. */
export async function createMailboxWorld(
  limits: Record<string, { max: number; windowMs: number }> = {},
  options: {
    database?: TestDatabase;
    challengeBits?: number;
    sites?: [string, 'portal' | 'department' | 'township', string, string][];
  } = {},
): Promise<MailboxWorld> {
  process.env.MAILBOX_KEY = randomBytes(32).toString('hex');
  process.env.MAILBOX_SECRET = randomBytes(32).toString('hex');
  process.env.MAILBOX_CHALLENGE_BITS = String(options.challengeBits ?? 8);
  process.env.MAILBOX_LIMITS = JSON.stringify(limits);
  // This project has no global setup that compiles the CMS: compile it here (when it changed).
  await compileCms(appDir);
  const app = await bootStrapi(options.database ?? 'sqlite');
  const sites: Record<string, string> = {};
  try {
    for (const [key, kind, name, mailbox] of options.sites ?? [
      ['portal', 'portal', '临江市人民政府', '市长信箱'],
      ['fgw', 'department', '临江市发展和改革委员会', '主任信箱'],
      ['nobox', 'department', '临江市档案馆', ''],
    ]) {
      const site = await createTestSite(app.strapi, { key, kind, name: { zhCN: name } });
      sites[key] = site.documentId;
      const columns: [string, string, string][] = [['news', 'news', '新闻动态']];
      if (mailbox) columns.push(['letters', 'interaction', mailbox]);
      for (const [order, [slug, type, label]] of columns.entries()) {
        await app.strapi.documents('api::column.column').create({
          data: { slug, type, name: { zhCN: label }, order: order + 1, site: site.documentId } as any,
        });
      }
    }
  } catch (error) {
    await app.close();
    throw error;
  }
  const headersOf = (ip?: string): Record<string, string> => (ip ? { 'x-forwarded-for': ip } : {});
  const world: MailboxWorld = {
    app,
    sites,
    async solved() {
      const answer = await fetch(`${app.url}/api/mailbox/challenge`);
      const { token } = (await answer.json()) as { token: string };
      return { challenge: token, solution: await solveChallenge(token) };
    },
    async postJson(path, body, ip) {
      const response = await fetch(`${app.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headersOf(ip) },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {}
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async postForm(path, fields, ip) {
      const response = await fetch(`${app.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html,application/xhtml+xml',
          ...headersOf(ip),
        },
        body: new URLSearchParams(fields).toString(),
      });
      return { status: response.status, text: await response.text(), headers: response.headers };
    },
    async get(path) {
      const response = await fetch(`${app.url}${path}`, { redirect: 'manual' });
      return { status: response.status, text: await response.text(), headers: response.headers };
    },
    close: () => app.close(),
  };
  return world;
}

/**
 * The intake of the letter with tracking code `code` once the letter is drafted: after a burst (ten
 * letters a second) the mailbox drafts behind the acknowledgement, within seconds (ADR 23).
 */
// biome-ignore lint/suspicious/noExplicitAny: the intake row as the database query returns it
export async function draftedIntake(strapi: TestStrapi['strapi'], code: string): Promise<any> {
  const until = Date.now() + 20_000;
  for (;;) {
    const intake = await strapi.db.query('api::letter-intake.letter-intake').findOne({ where: { code } });
    if (!intake) throw new Error(`no letter with the tracking code ${code}`);
    if (intake.letter) return intake;
    if (Date.now() > until) throw new Error(`the letter ${code} was not drafted within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The office answers the letter with tracking code `code` and the reply passes the review (here:
 * published on the review gate's trusted path, as the seeder does). Returns the letter's document id.
 */
export async function publishReply(app: TestStrapi, code: string, reply: string): Promise<string> {
  const intake = await draftedIntake(app.strapi, code);
  // biome-ignore lint/suspicious/noExplicitAny: the document service's types are generated per app
  const documents = app.strapi.documents('api::letter.letter' as never) as any;
  await documents.update({
    documentId: intake.letter,
    locale: 'zh-CN',
    data: { handlingStatus: 'replied', reply, repliedAt: new Date().toISOString() },
  });
  await runTrusted('test', () => documents.publish({ documentId: intake.letter, locale: 'zh-CN' }));
  return intake.letter;
}
