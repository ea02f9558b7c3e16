/**
 * Previews (issue 14 item 5, ADR 25) on real parts: a real Strapi on SQLite with the review plugin and a
 * real publisher. An article is online with its old title; its author edits the title; the preview
 * shows the draft's new title in the site's page (theme, furniture, locale) with a banner and noindex,
 * while the public page still shows the old one and nothing of the draft is in any release. Nobody
 * logged in, a forged cookie and another site's author are refused.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewedType } from '../../cms/src/testing/review/content-fixtures.ts';
import type { ReviewWorld } from '../../cms/src/testing/review/review-world.ts';
import type { StaticServer } from '../../scripts/src/lib/static-server.ts';
import type { ReleaseLayout } from '../../scripts/src/publisher/releases.ts';
import { type PublishingWorld, startPublishingWorld } from '../lib/publishing-world.ts';

const articleUid = 'api::article.article';
const oldTitle = '河西镇开展春季植树活动';
const newTitle = '河西镇春季植树活动圆满结束（更正稿）';

/** Every file under `dir` whose text contains `needle` (symlinks not followed). */
function filesContaining(dir: string, needle: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesContaining(file, needle));
    else if (entry.isFile() && statSync(file).size < 5_000_000 && readFileSync(file).includes(needle))
      found.push(file);
  }
  return found;
}

let world: ReviewWorld;
let layout: ReleaseLayout;
let site: StaticServer;
let documentId: string;
let publicUrl: string;
let running: PublishingWorld;

beforeAll(async () => {
  running = await startPublishingWorld({
    name: 'preview',
    firstTitle: oldTitle,
    catchUpMs: 0,
    env: (work) => ({ GOVCLUSTER_PREVIEWS: path.join(work, 'previews') }),
  });
  ({ world, layout, site, firstArticle: documentId } = running);
  process.env.GOVCLUSTER_SITE_URL = site.url;
  const entry = (await world.app.strapi
    .documents(articleUid)
    .findOne({ documentId, locale: 'zh-CN', status: 'published' } as never)) as unknown as { key: string };
  publicUrl = `/xz/hexi-town/news/${entry.key}/`;
  // The author corrects the title: a new draft, not yet reviewed; the old title stays online.
  const edited = await world.call('PUT', world.cm(`/${documentId}?locale=zh-CN`), world.people.author, {
    title: newTitle,
  });
  expect(edited.status).toBe(200);
}, 600_000);

afterAll(async () => {
  await running?.close();
});

const previewPath = () => `/review/preview/${encodeURIComponent(articleUid)}/${documentId}?locale=zh-CN`;

async function get(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(`${world.app.url}${url}`, { headers, redirect: 'manual' });
  const body = await response.text();
  return { response, body, ms: performance.now() - started };
}

describe('preview: the draft as the public page will look, for editors only', () => {
  it('shows the draft’s new title in the site’s page while the public page keeps the old one', async () => {
    const bearer = { authorization: `Bearer ${world.people.author.token}` };
    const cold = await get(previewPath(), bearer);
    expect(cold.response.status, cold.body.slice(0, 500)).toBe(200);
    const html = cold.body;
    // The heading and the title are the draft's (the body still quotes the old title).
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]).toBe(newTitle);
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toMatch(new RegExp(`^【预览】${newTitle}`));
    // The site's own page: its name, its furniture (网站标识码, ICP), its locale, the banner and noindex.
    expect(html).toMatch(/<html[^>]*lang="zh-CN"/);
    expect(html).toContain('河西镇');
    expect(html).toContain('5301000002');
    expect(html).toContain('云ICP备12345678号');
    expect(html).toContain('预览：尚未发布');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(cold.response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(cold.response.headers.get('cache-control')).toContain('no-store');
    expect(cold.response.headers.get('x-preview-url')).toBe(publicUrl);
    // Links point at the public sites; the page's own scripts and images come through the CMS.
    expect(html).toContain(`href="${site.url}/xz/hexi-town/`);
    // Inline scripts (the elder-friendly and accessibility toggles) run under the preview's policy.
    const policy = cold.response.headers.get('content-security-policy') ?? '';
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] as string);
    expect(inline.length).toBeGreaterThan(0);
    for (const script of inline) {
      expect(policy).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    }
    // The page's own scripts and images (Astro's `_astro/` files) come through the CMS, to editors only.
    for (const asset of html.match(/\/review\/preview\/[0-9a-f]{20}\/_astro\/[^"' )]+/g) ?? []) {
      expect((await get(asset, bearer)).response.status).toBe(200);
      expect((await get(asset)).response.status).toBe(401);
    }
    expect((await get('/review/preview/0123456789abcdef0123/_astro/x.js', bearer)).response.status).toBe(404);
    expect((await get('/review/preview/0123456789abcdef0123/_astro/x.js')).response.status).toBe(401);

    // The public page still shows the old title; nothing of the draft is in any release or in dist.
    const publicPage = await fetch(`${site.url}${publicUrl}`);
    const publicHtml = await publicPage.text();
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(publicHtml)?.[1]).toBe(oldTitle);
    expect(publicHtml).not.toContain(newTitle);
    expect(filesContaining(layout.dir, newTitle)).toEqual([]);
    expect(filesContaining(process.env.GOVCLUSTER_PREVIEWS as string, newTitle).length).toBeGreaterThan(0);
    expect(path.relative(layout.dir, process.env.GOVCLUSTER_PREVIEWS as string).startsWith('..')).toBe(true);
    expect((await fetch(`${site.url}/previews/`)).status).toBe(404);

    // The same version again is not built again; a new version is.
    const warm = await get(previewPath(), bearer);
    expect(warm.response.headers.get('x-preview-build-ms')).toBe('0');
    const edited = await world.call('PUT', world.cm(`/${documentId}?locale=zh-CN`), world.people.author, {
      title: `${newTitle}二`,
    });
    expect(edited.status).toBe(200);
    const again = await get(previewPath(), bearer);
    expect(again.body).toContain(`${newTitle}二`);
    process.stderr.write(
      `[preview] first preview ${Math.round(cold.ms)} ms (build ${cold.response.headers.get('x-preview-build-ms')} ms), ` +
        `same version ${Math.round(warm.ms)} ms, edited version ${Math.round(again.ms)} ms (build ${again.response.headers.get('x-preview-build-ms')} ms)\n`,
    );
  }, 300_000);

  it('opens in a new tab with the preview cookie, which only an admin login gets', async () => {
    const session = await world.call('POST', '/review/preview-session', world.people.web);
    expect(session.status).toBe(200);
    const cookie = session.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^govcluster_preview=/);
    expect(cookie.toLowerCase()).toContain('httponly');
    expect(cookie.toLowerCase()).toContain('samesite=strict');
    expect(cookie).toContain('path=/review/preview');
    const pair = cookie.split(';')[0] as string;
    const byCookie = await get(previewPath(), { cookie: pair });
    expect(byCookie.response.status).toBe(200);
    expect(byCookie.body).toContain('预览：尚未发布');
    // A forged or altered cookie is nobody.
    const forged = `${pair.slice(0, -3)}abc`;
    expect((await get(previewPath(), { cookie: forged })).response.status).toBe(401);
    expect((await world.call('POST', '/review/preview-session')).status).toBe(401);
  }, 300_000);

  it('shows an image uploaded for the draft only, which no release holds', async () => {
    const caption = '河西镇植树现场（草稿配图）';
    const png = readFileSync(path.join(import.meta.dirname, '../../cms/favicon.png'));
    const form = new FormData();
    form.append('files', new Blob([png], { type: 'image/png' }), 'planting-draft.png');
    form.append(
      'fileInfo',
      JSON.stringify({ name: 'planting-draft.png', alternativeText: caption, caption }),
    );
    const uploaded = await fetch(`${world.app.url}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.people.author.token}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const [file] = (await uploaded.json()) as { id: number }[];
    const edited = await world.call('PUT', world.cm(`/${documentId}?locale=zh-CN`), world.people.author, {
      images: [file?.id],
    });
    expect(edited.status).toBe(200);
    const bearer = { authorization: `Bearer ${world.people.author.token}` };
    const { response, body } = await get(previewPath(), bearer);
    expect(response.status, body.slice(0, 500)).toBe(200);
    // The figure with its caption, its picture served through the CMS like the page's other assets.
    const image = new RegExp(`<img[^>]*alt="${caption}"[^>]*>`).exec(body)?.[0] ?? '';
    expect(image, 'the draft’s image in the preview').not.toBe('');
    const source = /src="([^"]+)"/.exec(image)?.[1] ?? '';
    expect(source).toMatch(/^\/review\/preview\/[0-9a-f]{20}\/_astro\//);
    expect((await get(source, bearer)).response.status).toBe(200);
    expect(filesContaining(layout.dir, caption)).toEqual([]);
  }, 300_000);

  it('shows a letter’s reply as the mailbox column will publish it, without the writer’s contact data', async () => {
    const letterUid = 'api::letter.letter';
    const mailbox = await world.app.strapi.documents('api::column.column').create({
      data: {
        slug: 'letters',
        type: 'interaction',
        name: { zhCN: '镇长信箱' },
        order: 9,
        site: world.sites['hexi-town'],
      },
    });
    const letter = await world.draft('关于河西镇路灯维修的建议', {
      type: reviewedType(letterUid),
      data: { column: { connect: [{ documentId: mailbox.documentId }] } },
    });
    // The reply is in review: the unit reviewer looks at the page before approving.
    expect(
      (await world.review(world.people.author, 'submit', letter, { locale: 'zh-CN' }, letterUid)).status,
    ).toBe(200);
    const { response, body } = await get(
      `/review/preview/${encodeURIComponent(letterUid)}/${letter}?locale=zh-CN`,
      { authorization: `Bearer ${world.people.unit.token}` },
    );
    expect(response.status, body.slice(0, 500)).toBe(200);
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(body)?.[1]).toBe('关于河西镇路灯维修的建议');
    expect(body).toContain('您好，来信收悉，答复如下。');
    for (const contact of ['13912345678', 'writer@example.com', '320102199001011234', '张三']) {
      expect(body).not.toContain(contact);
    }
  }, 300_000);

  it('refuses nobody logged in and a person who may not see the entry', async () => {
    const anonymous = await get(previewPath());
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.body).not.toContain(newTitle);
    const otherSite = await get(previewPath(), {
      authorization: `Bearer ${world.people.authorB.token}`,
    });
    expect(otherSite.response.status).toBe(403);
    expect(otherSite.body).not.toContain(newTitle);
    const unitOther = await get(previewPath(), { authorization: `Bearer ${world.people.unitB.token}` });
    expect(unitOther.response.status).toBe(403);
    // Every reviewer of the entry may see it.
    for (const who of [world.people.unit, world.people.web, world.people.secrecy]) {
      const seen = await get(previewPath(), { authorization: `Bearer ${who.token}` });
      expect(seen.response.status).toBe(200);
    }
  }, 300_000);
});
