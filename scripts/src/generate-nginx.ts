/**
 * The nginx configuration of a built cluster (DESIGN: "serving: nginx or any CDN, config shipped"),
 * written by every build as `dist/nginx.conf` and rewritable for another server path with this script:
 *
 *   node --import tsx scripts/src/generate-nginx.ts [--dist dist] [--root /srv/govcluster/dist]
 *     [--listen 80] [--server-name www.example.gov.cn] [--out <file>]
 *
 * It is one `server` block (plus a `map` when sites have hosts of their own), for nginx's `http`
 * context: `include` it from `nginx.conf` or drop it into `conf.d/`. Per site, a location at its base
 * path answers unknown URLs with that site's 404 page (`<basePath>404.html`, else the cluster's
 * `/404.html`); hashed assets are cached for a year, HTML and manifests briefly; every answer carries
 * a Content-Security-Policy that allows exactly the inline scripts the pages have, by hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLocale, type Locale, locales } from '@govcluster/shared/constants';
import { meiliPageConfig } from '@govcluster/shared/search';
import { sitePrefix } from '@govcluster/shared/urls';
import { mailboxBodyLimit, mailboxPathPattern } from './lib/mailbox-proxy.ts';
import { distDir as defaultDistDir, repoRoot } from './lib/paths.ts';

/** A site of `dist/sites.json`, as the configuration needs it. */
export interface NginxSite {
  /** Site id. */
  readonly id: string;
  /** URL path prefix, `/` for the portal. */
  readonly basePath: string;
  /** The site's public URL: `https://<host>/` for a site with a host of its own. */
  readonly url?: string;
  /** The site's locales; each but zh-CN has a location of its own (its 404 page). Default: zh-CN only. */
  readonly locales?: readonly Locale[];
}

/** What the configuration is made from. */
export interface NginxConfigOptions {
  /** Absolute path of the built cluster on the server. */
  readonly root: string;
  /** Sites of the manifest. */
  readonly sites: readonly NginxSite[];
  /** The cluster's host names (`_` for any). */
  readonly serverNames: readonly string[];
  /** `listen` parameter, e.g. `80` or `127.0.0.1:8080`. */
  readonly listen?: string;
  /** Per site-locale prefix (`/bm/fgw/`, `/en/`): the 404 page to answer with. */
  readonly notFoundPages: ReadonlyMap<string, string>;
  /** `'sha256-…'` sources of the inline scripts the pages carry. */
  readonly inlineScriptHashes: readonly string[];
  /** Origins the pages may fetch from besides their own (the Meilisearch host). */
  readonly connectSources?: readonly string[];
  /** Old URL → new URL of moved entries (scripts/src/build/redirects.ts). */
  readonly redirects?: Readonly<Record<string, string>>;
  /** Where the CMS answers, for the mailbox's endpoints (default `http://127.0.0.1:1337`). */
  readonly cmsUpstream?: string;
}

/** The file every build writes into its output. */
export const nginxConfigFile = 'nginx.conf';

/** Cache policies: hashed file names never change, everything else is revalidated soon. */
export const cacheImmutable = 'public, max-age=31536000, immutable';
export const cacheShort = 'public, max-age=300, must-revalidate';

/** The Content-Security-Policy of every page. */
export function contentSecurityPolicy(
  inlineScriptHashes: readonly string[],
  connectSources: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    // Pagefind runs WebAssembly; the only inline scripts are the ones hashed here.
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes.join(' ')}`.trim(),
    // Astro inlines each page's stylesheet (sites/astro.config.mjs).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ['connect-src', "'self'", ...connectSources].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** The configuration text. */
export function nginxConfig(options: NginxConfigOptions): string {
  const csp = contentSecurityPolicy(options.inlineScriptHashes, options.connectSources);
  const headers = (cache: string, indent: string) =>
    [
      `add_header Cache-Control "${cache}" always;`,
      'add_header X-Content-Type-Options "nosniff" always;',
      'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
      'add_header X-Frame-Options "SAMEORIGIN" always;',
      `add_header Content-Security-Policy "${csp}" always;`,
    ]
      .map((line) => `${indent}${line}`)
      .join('\n');
  const hosted = options.sites.flatMap((site) => {
    const host = site.url?.startsWith('https://') ? new URL(site.url).host : undefined;
    return host && site.basePath !== '/' ? [{ host, basePath: site.basePath }] : [];
  });
  const names = [...new Set([...options.serverNames, ...hosted.map((item) => item.host)])];
  // Every site-locale prefix (its own 404 page), longest first, as nginx matches prefixes; the
  // portal's `/` is the catch-all.
  const sites = options.sites
    .flatMap((site) =>
      locales
        .filter((locale) => locale === defaultLocale || site.locales?.includes(locale))
        .map((locale) => ({
          id: locale === defaultLocale ? site.id : `${site.id} ${locale}`,
          basePath: sitePrefix(site, locale),
        })),
    )
    .sort((a, b) => b.basePath.length - a.basePath.length);
  const lines: string[] = [`# GovCluster: generated by the build (scripts/src/generate-nginx.ts).`];
  if (hosted.length > 0) {
    lines.push(
      '# A site with a host of its own: its host name opens the site, its links stay on the cluster paths.',
      'map $host $govcluster_home {',
      '    default "";',
      ...hosted.map((item) => `    ${item.host} ${item.basePath};`),
      '}',
      '',
    );
  }
  lines.push(
    'server {',
    `    listen ${options.listen ?? '80'};`,
    `    server_name ${names.length > 0 ? names.join(' ') : '_'};`,
    `    root ${options.root};`,
    '    index index.html;',
    '    charset utf-8;',
    '    absolute_redirect off;',
    '    server_tokens off;',
    '',
    '    gzip on;',
    '    gzip_vary on;',
    '    gzip_comp_level 6;',
    '    gzip_min_length 512;',
    // Pagefind's index files are gzip already and served as application/octet-stream: not listed here.
    '    gzip_types text/css text/javascript application/javascript application/json application/xml application/rss+xml image/svg+xml text/plain;',
    '    # With ngx_brotli: brotli on; brotli_types (the same list).',
    '',
    `    location = /${nginxConfigFile} {`,
    '        return 404;',
    '    }',
    '    location ~ /\\. {',
    '        return 404;',
    '    }',
    '',
    '    # Hashed file names: Astro assets and Pagefind index, fragment, metadata and filter files.',
    '    location /_astro/ {',
    headers(cacheImmutable, '        '),
    '    }',
    '    location ~ ^/pagefind/.+\\.pf_(fragment|index|meta|filter)$ {',
    '        default_type application/octet-stream;',
    headers(cacheImmutable, '        '),
    '    }',
    '    location /pagefind/ {',
    headers(cacheShort, '        '),
    '    }',
    '',
  );
  const upstream = options.cmsUpstream ?? 'http://127.0.0.1:1337';
  if (!/^https?:\/\/[\w.:[\]-]+$/.test(upstream)) throw new Error(`Not an origin for the CMS: ${upstream}`);
  lines.push(
    "    # The mailbox (docs/adr/0023-mailbox.md): its endpoints only, to the CMS; the writer's address is",
    '    # set (not appended) in X-Forwarded-For, which the CMS trusts from a proxy on its own machine',
    '    # (MAILBOX_TRUSTED_PROXIES for another one).',
    `    location ~ ${mailboxPathPattern} {`,
    '        limit_except GET POST { deny all; }',
    `        client_max_body_size ${mailboxBodyLimit / 1024}k;`,
    '        rewrite ^/mailbox/(.*)$ /api/mailbox/$1 break;',
    '        proxy_set_header Host $host;',
    '        proxy_set_header X-Forwarded-For $remote_addr;',
    '        proxy_set_header Cookie "";',
    '        proxy_pass_request_headers on;',
    `        proxy_pass ${upstream};`,
    '    }',
    '',
  );
  const redirects = Object.entries(options.redirects ?? {});
  if (redirects.length > 0) {
    lines.push('    # Entries that moved: their old URLs (docs/adr/0016-incremental-build.md).');
    for (const [from, to] of redirects) {
      if (/[\s;{}"'\\]/.test(from + to))
        throw new Error(`A redirect holds a character nginx cannot take: ${from} → ${to}`);
      lines.push(`    location = ${from} {`, `        return 301 ${to};`, '    }');
    }
    lines.push('');
  }
  for (const site of sites) {
    const notFound = options.notFoundPages.get(site.basePath) ?? '/404.html';
    lines.push(`    # ${site.id}`, `    location ${site.basePath} {`);
    if (site.basePath === '/' && hosted.length > 0) {
      lines.push(
        '        if ($govcluster_home) {',
        '            rewrite ^/$ $govcluster_home redirect;',
        '        }',
      );
    }
    lines.push(`        error_page 404 ${notFound};`, headers(cacheShort, '        '), '    }');
  }
  if (!sites.some((site) => site.basePath === '/')) {
    lines.push(
      '    location / {',
      '        error_page 404 /404.html;',
      headers(cacheShort, '        '),
      '    }',
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

/** The CSP hashes of a page's inline scripts (data blocks such as application/json are not run). */
export function pageScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [, attributes = '', body = ''] = match;
    if (/\bsrc=/.test(attributes) || body === '') continue;
    const type = /\btype=["']?([^"'\s>]+)/.exec(attributes)?.[1]?.toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The `'sha256-…'` CSP sources of every distinct executable inline script of the built pages. */
export async function inlineScriptHashes(distDir: string): Promise<string[]> {
  const hashes = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '_astro' && entry.name !== 'pagefind') await walk(full);
      } else if (entry.name.endsWith('.html')) {
        for (const hash of pageScriptHashes(await readFile(full, 'utf8'))) hashes.add(hash);
      }
    }
  };
  await walk(distDir);
  return [...hashes].sort();
}

/** Options of `writeNginxConfig()`. */
export interface WriteNginxOptions {
  /** The path the built cluster will have on the server (default: `distDir` as it is). */
  readonly root?: string;
  /** `listen` parameter (default `80`). */
  readonly listen?: string;
  /** Host names of the cluster (default: the host of `siteUrl`, else `_`). */
  readonly serverNames?: readonly string[];
  /** The public origin the cluster was built for (`GOVCLUSTER_SITE_URL`). */
  readonly siteUrl?: string;
  /** The build environment, for the Meilisearch host the search page calls (`MEILI_HOST`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where to write (default `<distDir>/nginx.conf`). */
  readonly out?: string;
  /** Redirects of moved entries (default: the build's `.govcluster/redirects.json`). */
  readonly redirects?: Readonly<Record<string, string>>;
  /** The CMS's origin for the mailbox (default `CMS_UPSTREAM`, else `http://127.0.0.1:1337`). */
  readonly cmsUpstream?: string;
  /** The pages' inline script hashes, when the build has them (default: read from every page). */
  readonly inlineScriptHashes?: readonly string[];
}

/** The redirects a build left in its output, none when it left no file. */
function readRedirects(distDir: string): Record<string, string> {
  const file = path.join(distDir, '.govcluster', 'redirects.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/** Writes the nginx configuration of a built cluster; returns the file written. */
export async function writeNginxConfig(distDir: string, options: WriteNginxOptions = {}): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(distDir, 'sites.json'), 'utf8')) as
    | { sites: NginxSite[] }
    | NginxSite[];
  const sites = Array.isArray(manifest) ? manifest : manifest.sites;
  const notFoundPages = new Map(
    sites.flatMap((site) =>
      locales
        .filter((locale) => locale === defaultLocale || site.locales?.includes(locale))
        .map((locale) => {
          const prefix = sitePrefix(site, locale);
          const own = `${prefix}404.html`;
          const fallback = `${site.basePath}404.html`;
          const page = [own, fallback].find((file) => existsSync(path.join(distDir, file))) ?? '/404.html';
          return [prefix, page] as const;
        }),
    ),
  );
  const siteHost = options.siteUrl ? new URL(options.siteUrl).hostname : undefined;
  const serverNames = options.serverNames ?? (siteHost && siteHost !== 'localhost' ? [siteHost] : ['_']);
  const meili = meiliPageConfig(options.env ?? {});
  const text = nginxConfig({
    root: path.resolve(options.root ?? distDir),
    sites,
    serverNames,
    listen: options.listen,
    notFoundPages,
    inlineScriptHashes: options.inlineScriptHashes
      ? [...new Set(options.inlineScriptHashes)].sort()
      : await inlineScriptHashes(distDir),
    connectSources: meili ? [new URL(meili.host).origin] : [],
    redirects: options.redirects ?? readRedirects(distDir),
    cmsUpstream: options.cmsUpstream ?? options.env?.CMS_UPSTREAM,
  });
  const out = options.out ?? path.join(distDir, nginxConfigFile);
  await writeFile(out, text);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      root: { type: 'string' },
      listen: { type: 'string' },
      'server-name': { type: 'string', multiple: true },
      out: { type: 'string' },
    },
  });
  const dist = values.dist ? path.resolve(repoRoot, values.dist) : defaultDistDir;
  const out = await writeNginxConfig(dist, {
    root: values.root ?? process.env.NGINX_ROOT,
    listen: values.listen ?? process.env.NGINX_LISTEN,
    serverNames: values['server-name'],
    siteUrl: process.env.GOVCLUSTER_SITE_URL,
    env: process.env,
    out: values.out,
  });
  console.log(`[nginx] wrote ${path.relative(process.cwd(), out) || out}`);
}
