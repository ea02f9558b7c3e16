/**
 * The admin panel as an author sees it: the CMS is started the way `npm start` does (its CLI, admin
 * build when needed, the generator's fixture city seeded into a throw-away SQLite database), an author
 * logs in with Chromium and opens the article list. Asserts what the author sees and keeps a
 * screenshot in test/.artifacts/cms-author-articles.png.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { generateDemoCity } from '@govcluster/demo';
import { freePort } from '@govcluster/shared/ports';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../lib/chromium.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const artifacts = path.join(root, 'test', '.artifacts');

interface Ready {
  adminUrl: string;
  demoAccounts: string[];
  demoPassword?: string;
}

/** Starts `scripts/src/start-cms.ts --json` and waits for its ready line. */
function startCmsCli(
  snapshot: string,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts', 'src', 'start-cms.ts'), '--json', '--snapshot', snapshot],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const tail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('GOVCLUSTER_CMS_READY '))
        resolve({ child, ready: JSON.parse(line.slice(21)) as Ready });
    });
    child.on('exit', (code) => reject(new Error(`start-cms exited with ${code}:\n${tail.join('\n')}`)));
  });
}

describe('the admin panel for an author', () => {
  let cms: { child: ChildProcess; ready: Ready };
  let browser: Browser;
  let dir: string;
  let title: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govcluster-admin-'));
    const snapshot = path.join(dir, 'snapshot');
    await generateDemoCity({ seed: 1, scale: 'fixture', today: '2026-06-01', outDir: snapshot });
    // The newest Chinese article of the portal: the first row of the list sorted by 发布日期.
    const articles = readFileSync(path.join(snapshot, 'snapshot.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{"type":"article"'))
      .map((line) => JSON.parse(line) as { locale: string; title: string; publishedAt: string })
      .filter((article) => article.locale === 'zh-CN')
      .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
    title = articles[0]!.title;
    cms = await startCmsCli(snapshot, {
      PORT: String(await freePort()),
      DATABASE_FILENAME: path.join(dir, 'cms.sqlite'),
      DATABASE_URL: '',
      PUBLIC_DIR: path.join(dir, 'public'),
      GOVCLUSTER_BUILD_TOKEN_FILE: path.join(dir, 'build-token'),
    });
    browser = await launchChromium();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    if (cms && cms.child.exitCode === null) {
      const exited = new Promise((resolve) => cms.child.once('exit', resolve));
      cms.child.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('logs in as author.portal@demo.gov.cn and lists the Chinese articles, in Chinese', async () => {
    expect(cms.ready.demoAccounts).toContain('author.portal@demo.gov.cn');
    const page = await browser.newPage({
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    mkdirSync(artifacts, { recursive: true });
    try {
      await page.goto(`${cms.ready.adminUrl}/auth/login`);
      await page.locator('input[name="email"]').fill('author.portal@demo.gov.cn', { timeout: 90_000 });
      await page.locator('input[name="password"]').fill(cms.ready.demoPassword ?? '');
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
      await page.goto(
        `${cms.ready.adminUrl}/content-manager/collection-types/api::article.article?page=1&pageSize=10&sort=datePublished:DESC&plugins[i18n][locale]=zh-CN`,
      );
      await page.getByText(title).first().waitFor({ state: 'visible', timeout: 60_000 });
      // The admin speaks Chinese to this author (preferred language zh-Hans) and labels fields in Chinese.
      await page.getByText('内容管理').first().waitFor({ state: 'visible', timeout: 5_000 });
      await page.getByText('发布日期').first().waitFor({ state: 'visible', timeout: 5_000 });
    } finally {
      await page.screenshot({ path: path.join(artifacts, 'cms-author-articles.png') });
    }
  }, 300_000);
});
