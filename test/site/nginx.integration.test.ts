/**
 * The nginx configuration the build ships (`dist/nginx.conf`) for the fixture cluster: a location and a
 * 404 page of its own for every site, and, where this machine has nginx (`npm test` installs Debian's),
 * `nginx -t` on it and a real nginx on a loopback port answering as the configuration says; without
 * nginx that case is reported as skipped.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@govcluster/shared/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNginxConfig } from '../../scripts/src/generate-nginx.ts';
import { type FixtureBuild, fixtureBuild, repoRoot } from './fixture.ts';

/** The nginx binary, or undefined when the machine has none. */
function nginxBinary(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const nginx = nginxBinary();
const work = path.join(repoRoot, '.data', 'test-nginx', String(process.pid));

/** A main configuration around the generated server block, writing only under `work`. */
function mainConfig(serverFile: string): string {
  return [
    // Started as root, nginx's workers become `nobody`, who cannot read a checkout in a private
    // folder (a `mktemp -d` clone is 0700): here they keep the test's own user.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    `pid ${work}/nginx.pid;`,
    `error_log ${work}/error.log;`,
    'events { worker_connections 64; }',
    'http {',
    '    include /etc/nginx/mime.types;',
    `    access_log ${work}/access.log;`,
    `    client_body_temp_path ${work}/body;`,
    `    proxy_temp_path ${work}/proxy;`,
    `    fastcgi_temp_path ${work}/fastcgi;`,
    `    uwsgi_temp_path ${work}/uwsgi;`,
    `    scgi_temp_path ${work}/scgi;`,
    `    include ${serverFile};`,
    '}',
    '',
  ].join('\n');
}

describe('nginx configuration of the fixture cluster', () => {
  let fixture: FixtureBuild;
  let sites: { id: string; basePath: string }[];
  let config: string;

  beforeAll(async () => {
    fixture = await fixtureBuild();
    sites = (
      JSON.parse(readFileSync(path.join(fixture.dist, 'sites.json'), 'utf8')) as { sites: typeof sites }
    ).sites;
    config = readFileSync(path.join(fixture.dist, 'nginx.conf'), 'utf8');
    mkdirSync(work, { recursive: true });
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('has a location with a 404 page for every site, the dist folder as root and the security headers', () => {
    expect(config).toContain(`root ${fixture.dist};`);
    expect(sites.length).toBeGreaterThan(1);
    for (const site of sites) {
      const own = `${site.basePath}404.html`;
      expect(existsSync(path.join(fixture.dist, own)), `${site.id} has its own ${own}`).toBe(true);
      expect(config, site.id).toContain(`location ${site.basePath} {\n        error_page 404 ${own};`);
    }
    expect(config).toMatch(/location \/_astro\/ \{[^}]*max-age=31536000, immutable/);
    expect(config).toMatch(/pf_\(fragment\|index\|meta\|filter\)\$ \{[^}]*immutable/);
    expect(config).toContain('X-Content-Type-Options "nosniff"');
    expect(config).toContain('Referrer-Policy');
    // The elder-friendly mode's inline script is allowed by its hash, and nothing else inline.
    expect(config).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(config).not.toContain("'unsafe-inline' 'sha256");
  });

  it.skipIf(!nginx)('passes nginx -t and answers per site as configured', async () => {
    const port = await freePort();
    const serverFile = path.join(work, 'govcluster.conf');
    await writeNginxConfig(fixture.dist, { out: serverFile, listen: `127.0.0.1:${port}` });
    const main = path.join(work, 'nginx.conf');
    writeFileSync(main, mainConfig(serverFile));
    const test = execFileSync(nginx!, ['-t', '-p', work, '-e', path.join(work, 'error.log'), '-c', main], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(test).toBe('');
    const running = spawn(
      nginx!,
      ['-p', work, '-e', path.join(work, 'error.log'), '-c', main, '-g', 'daemon off;'],
      { stdio: 'ignore' },
    );
    try {
      const origin = `http://127.0.0.1:${port}`;
      for (let tries = 0; ; tries += 1) {
        const up = await fetch(`${origin}/`).then(
          () => true,
          () => false,
        );
        if (up) break;
        if (tries > 50) throw new Error('nginx did not start');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const department = sites.find((site) => site.basePath !== '/');
      if (!department) throw new Error('the fixture cluster has no site below the portal');
      const missing = await fetch(`${origin}${department.basePath}no-such-page/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe(
        readFileSync(path.join(fixture.dist, department.basePath, '404.html'), 'utf8'),
      );
      const home = await fetch(`${origin}${department.basePath}`);
      expect(home.status).toBe(200);
      expect(home.headers.get('cache-control')).toContain('max-age=300');
      expect(home.headers.get('content-security-policy')).toContain("default-src 'self'");
      const manifest = await fetch(`${origin}/pagefind/search.json`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(manifest.headers.get('content-type')).toContain('application/json');
      expect((await fetch(`${origin}/nginx.conf`)).status).toBe(404);
    } finally {
      running.kill('SIGTERM');
    }
  });
});
