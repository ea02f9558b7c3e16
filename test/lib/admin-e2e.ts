/**
 * What every walk through the admin UI in Chromium sets up first: a Strapi of its own (fresh secrets, a
 * SQLite file and a public folder in a temporary folder, a free port) serving the built admin panel,
 * accounts in the review roles, and Debian's Chromium with a login per account, the admin in Chinese.
 *
 * Any compile of the CMS (every cms test run) empties cms/dist, admin build included, so the walk runs
 * from its own copy of a built dist folder (or the one `GOVCLUSTER_E2E_DIST` names), building the admin
 * panel first when it is missing or outdated (about a minute on two cores).
 * @module
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@govcluster/shared/ports';
import type { ReviewRole } from '@govcluster/shared/review';
import type { Browser, Page } from 'playwright-core';
import { roleCodes } from '../../cms/src/plugins/review/server/src/actors.ts';
import { createAdminPerson } from '../../cms/src/testing/admin-people.ts';
import {
  appDir,
  destroyKeepingListeners,
  setFreshSecrets,
  strapiModule,
} from '../../cms/src/testing/boot-strapi.ts';
import { ensureAdminBuild } from '../../scripts/src/start-cms.ts';
import { launchChromium } from './chromium.ts';

/** One admin account of a walk. */
export interface AdminAccount {
  email: string;
  reviewRole: ReviewRole;
  /** documentIds of the sites the account works for (authors and unit reviewers). */
  sites?: readonly string[];
}

/** The e-mails of the four people of a review, by who they are. */
export interface Reviewers {
  author: string;
  unit: string;
  web: string;
  secrecy: string;
}

/** Where a walk's screenshots go: `GOVCLUSTER_E2E_SHOTS`, or a temporary folder named for the walk. */
export function screenshotsDir(name: string): string {
  const dir = process.env.GOVCLUSTER_E2E_SHOTS ?? mkdtempSync(join(tmpdir(), `govcluster-${name}-shots-`));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A running admin for one walk. */
export interface AdminE2e {
  // biome-ignore lint/suspicious/noExplicitAny: Strapi's instance type is generated per app
  strapi: any;
  /** `http://127.0.0.1:<port>`, the CMS and its admin. */
  url: string;
  /** The walk's temporary folder (database, public folder, admin build copy); removed by `close()`. */
  tmp: string;
  browser: Browser;
  /** The password of every account of the walk. */
  password: string;
  /** Creates an admin user with the role's admin role and its site membership; returns its id. */
  addAccount(account: AdminAccount): Promise<number>;
  /**
   * The four people of a review, `<who>.e2e@<domain>`: the author and the unit reviewer of `site` (a
   * documentId), the web-office and the secrecy reviewer cluster-wide. Returns their e-mails.
   */
  addReviewers(site: string, domain: string): Promise<Reviewers>;
  /** A fresh browser context logged in as one account, the admin in Chinese. */
  loginAs(email: string): Promise<Page>;
  /** Closes Chromium and Strapi and removes the temporary folder. */
  close(): Promise<void>;
}

/**
 * A fresh browser context logged in to the admin at `adminUrl` (`…/admin`) as one account, the admin in
 * Chinese; the page's errors, failed requests and console warnings go to the test's output.
 */
export async function loginToAdmin(
  browser: Browser,
  adminUrl: string,
  email: string,
  password: string,
  timeoutMs = 60_000,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await context.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'zh-Hans'));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      console.warn(`[browser ${message.type()}] ${message.text().slice(0, 400)}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      console.warn(
        `[http ${response.status()}] ${response.request().method()} ${response.url().slice(0, 200)}`,
      );
  });
  page.on('pageerror', (error) => console.warn(`[page error] ${error.message}`));
  await page.goto(`${adminUrl}/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((target) => !target.pathname.includes('/auth/login'), { timeout: timeoutMs });
  return page;
}

/** Builds the admin panel when it is missing or outdated, and copies the built app into `into`. */
async function builtAppCopy(into: string): Promise<string> {
  await ensureAdminBuild((line) => console.error(line));
  const copy = join(into, 'dist');
  cpSync(join(appDir, 'dist'), copy, { recursive: true });
  if (!existsSync(join(copy, 'build', 'index.html'))) throw new Error(`no admin build in ${copy}`);
  return copy;
}

/**
 * Starts Strapi with the admin panel and Chromium for a walk. `name` names the temporary folder; `env`
 * is set before Strapi boots (ports of other servers, the mailbox's keys).
 */
export async function startAdminE2e(options: {
  name: string;
  env?: Record<string, string>;
}): Promise<AdminE2e> {
  const port = await freePort();
  setFreshSecrets();
  const tmp = mkdtempSync(join(tmpdir(), `govcluster-${options.name}-e2e-`));
  const distDir = process.env.GOVCLUSTER_E2E_DIST || (await builtAppCopy(tmp));
  Object.assign(process.env, {
    HOST: '127.0.0.1',
    PORT: String(port),
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_STARTUP_LOG: 'false',
    PUBLIC_DIR: join(tmp, 'public'),
    DATABASE_FILENAME: join(tmp, 'cms.sqlite'),
    ...options.env,
  });
  delete process.env.DATABASE_URL;
  // biome-ignore lint/suspicious/noExplicitAny: Strapi's instance type is generated per app
  let strapi: any;
  let browser: Browser;
  try {
    strapi = strapiModule.createStrapi({ appDir, distDir, serveAdminPanel: true, autoReload: false });
    strapi.log.level = 'error';
    await strapi.load();
    await strapi.listen();
    browser = await launchChromium();
  } catch (error) {
    if (strapi) await destroyKeepingListeners(strapi);
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  const password = `E2e-${randomBytes(6).toString('hex')}-1a`;

  const addAccount = ({ email, reviewRole, sites = [] }: AdminAccount): Promise<number> =>
    createAdminPerson(strapi, {
      email,
      password,
      roles: [roleCodes[reviewRole]],
      reviewRole,
      sites,
      firstname: email.split('.')[0],
      lastname: 'E2E',
      language: 'zh-Hans',
    });

  const addReviewers = async (site: string, domain: string): Promise<Reviewers> => {
    const reviewers: Reviewers = {
      author: `author.e2e@${domain}`,
      unit: `unit.e2e@${domain}`,
      web: `web.e2e@${domain}`,
      secrecy: `secrecy.e2e@${domain}`,
    };
    await addAccount({ email: reviewers.author, reviewRole: 'author', sites: [site] });
    await addAccount({ email: reviewers.unit, reviewRole: 'unit_reviewer', sites: [site] });
    await addAccount({ email: reviewers.web, reviewRole: 'web_reviewer' });
    await addAccount({ email: reviewers.secrecy, reviewRole: 'secrecy_reviewer' });
    return reviewers;
  };

  const loginAs = (email: string): Promise<Page> => loginToAdmin(browser, `${url}/admin`, email, password);

  const close = async () => {
    await browser.close();
    await destroyKeepingListeners(strapi);
    rmSync(tmp, { recursive: true, force: true });
  };

  return { strapi, url, tmp, browser, password, addAccount, addReviewers, loginAs, close };
}
