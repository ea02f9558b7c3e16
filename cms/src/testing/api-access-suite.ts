/**
 * The access rules of the content API, run against a real Strapi on each database:
 * reads per locale, drafts invisible to the public and to the read-only token however the request is
 * spelled (path, `status` form, plugin routes, HEAD), no draft through a relation, another locale or
 * an image, media listed only when a published entry uses it, the token and the public role unable
 * to write, the letter writer's contact never in a response.
 * Long on purpose: one list of access cases run as a whole on each database against one booted Strapi.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxOf } from '../mailbox/service';
import { runTrusted } from '../plugins/review/server/src/trust';
import { ensureBuildToken } from '../setup/build-token';
import { publicContentTypes } from '../setup/public-access';
import { bootStrapi, type TestDatabase, type TestStrapi } from './boot-strapi';
import { createTestSite } from './test-site';

const writerPhone = '13912345678';
const writerId = '320102199001011234';
/** In every draft's title or body, never in a published one: an answer holding it shows a draft. */
const draftMarker = '未审稿';

/** Registers the suite for one database. */
export function describeApiAccess(database: TestDatabase): void {
  describe(`content API on ${database}`, () => {
    let app: TestStrapi;
    let token: string;
    const ids: Record<string, string> = {};

    /** Fails naming the request when its answer holds a draft's text. */
    const expectNoDraft = (request: string, body: unknown) =>
      expect({ request, showsDraft: JSON.stringify(body ?? null).includes(draftMarker) }).toEqual({
        request,
        showsDraft: false,
      });
    const get = async (path: string, auth?: string) => {
      const response = await fetch(`${app.url}${path}`, {
        headers: auth ? { Authorization: `Bearer ${auth}` } : {},
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as any };
    };
    const send = async (method: string, path: string, auth?: string, data: unknown = { title: 'x' }) => {
      const response = await fetch(`${app.url}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Bearer ${auth}` } : {}) },
        body: method === 'DELETE' ? undefined : JSON.stringify({ data }),
      });
      return response.status;
    };

    beforeAll(async () => {
      app = await bootStrapi(database);
      // Test data is published directly, on the review gate's trusted path (as the seeder does).
      await runTrusted('seed', () => createTestContent());
    });

    const createTestContent = async () => {
      const { strapi } = app;
      token = await ensureBuildToken(strapi, join(app.tmpDir, 'build-token'));
      expect(readFileSync(join(app.tmpDir, 'build-token'), 'utf8').trim()).toBe(token);
      const site = await createTestSite(strapi, {
        key: 'portal',
        kind: 'portal',
        name: { zhCN: '临江市人民政府', en: 'Linjiang Municipal Government' },
        locales: ['zh-CN', 'en', 'ru'],
        sponsor: '临江市人民政府办公室',
      });
      const column = await strapi.documents('api::column.column').create({
        data: {
          slug: 'news',
          type: 'news',
          name: { zhCN: '新闻动态', en: 'News' },
          order: 1,
          site: site.documentId,
        } as any,
      });
      const article = (title: string, key: string) => ({
        key,
        site: site.documentId,
        column: column.documentId,
        title,
        body: `${title}的正文。`,
        images: [],
        attachments: [],
        source: '临江市人民政府办公室',
        datePublished: '2024-03-15T09:30:00+08:00',
        dateModified: '2024-03-15T09:30:00+08:00',
      });
      const published = await strapi.documents('api::article.article').create({
        data: article('临江市召开营商环境大会', 'business-meeting') as any,
        locale: 'zh-CN',
        status: 'published',
      });
      await strapi.documents('api::article.article').update({
        documentId: published.documentId,
        locale: 'en',
        data: {
          ...article('Linjiang holds business environment conference', 'business-meeting'),
          source: 'General Office',
        } as any,
        status: 'published',
      });
      // Media rows as the upload plugin writes them (the files themselves are not needed to list them).
      const file = (name: string) =>
        strapi.db.query('plugin::upload.file').create({
          data: {
            name,
            hash: name.replace('.', '_'),
            ext: '.png',
            mime: 'image/png',
            size: 1,
            width: 1,
            height: 1,
            url: `/uploads/${name}`,
            provider: 'local',
          },
        });
      const [draftImage, sharedImage] = [await file('draft-only.png'), await file('shared.png')];
      const draft = await strapi.documents('api::article.article').create({
        data: {
          ...article(`草稿：尚未审核的通知（${draftMarker}）`, 'unreviewed-draft'),
          images: [draftImage.id, sharedImage.id],
        } as any,
        locale: 'zh-CN',
      });
      // An article online in zh-CN that uses the shared image, with a Russian version still a draft.
      const withImage = await strapi.documents('api::article.article').create({
        data: { ...article('河西镇春耕图片新闻', 'spring-photos'), images: [sharedImage.id] } as any,
        locale: 'zh-CN',
        status: 'published',
      });
      await strapi.documents('api::article.article').update({
        documentId: withImage.documentId,
        locale: 'ru',
        data: { ...article(`Черновик ${draftMarker}`, 'spring-photos'), images: [sharedImage.id] } as any,
      });
      // A published article with a newer draft: the public must keep seeing the published text.
      await strapi.documents('api::article.article').update({
        documentId: published.documentId,
        locale: 'zh-CN',
        data: { title: `修改中：未经审核的新标题（${draftMarker}）` } as any,
      });
      const letter = await strapi.documents('api::letter.letter').create({
        data: {
          key: 'letter-1',
          site: site.documentId,
          column: column.documentId,
          title: '关于小区停车难的问题',
          question: '小区停车位不足，请问如何解决？',
          category: '城乡建设',
          submittedAt: '2024-03-01T10:00:00+08:00',
          handlingStatus: 'replied',
          handlingUnit: '市住房和城乡建设局',
          reply: '我局已会同街道规划新增停车位。',
          repliedAt: '2024-03-10T10:00:00+08:00',
          writer: { name: '张三', phone: writerPhone, email: 'zhangsan@example.com', idNumber: writerId },
          datePublished: '2024-03-10T10:00:00+08:00',
          dateModified: '2024-03-10T10:00:00+08:00',
        } as any,
        locale: 'zh-CN',
        status: 'published',
      });
      Object.assign(ids, {
        site: site.documentId,
        published: published.documentId,
        draft: draft.documentId,
        withImage: withImage.documentId,
        letter: letter.documentId,
        draftImage: String(draftImage.id),
        sharedImage: String(sharedImage.id),
      });
    };

    afterAll(async () => {
      await app?.close();
    });

    it('reads published content per locale through the public REST API', async () => {
      const zh = await get('/api/articles?locale=zh-CN&populate[site][fields][0]=key&sort=key');
      expect(zh.status).toBe(200);
      expect(zh.body.data.map((a: any) => a.title)).toEqual(['临江市召开营商环境大会', '河西镇春耕图片新闻']);
      expect(zh.body.data[0].site.key).toBe('portal');
      const en = await get('/api/articles?locale=en');
      expect(en.body.data.map((a: any) => [a.title, a.locale])).toEqual([
        ['Linjiang holds business environment conference', 'en'],
      ]);
      expect((await get('/api/articles?locale=ru')).body.data).toEqual([]);
      // Without a locale the default, zh-CN, is served.
      expect((await get('/api/articles')).body.data.map((a: any) => a.locale)).toEqual(['zh-CN', 'zh-CN']);
      const sites = await get('/api/sites?populate=*');
      expect(sites.body.data[0].name.zhCN).toBe('临江市人民政府');
    });

    it('keeps drafts from the public and from the read-only token', async () => {
      for (const auth of [undefined, token]) {
        const list = await get('/api/articles?locale=zh-CN', auth);
        const titles = JSON.stringify(list.body);
        expect(titles).not.toContain('草稿');
        expect(titles).not.toContain('修改中');
        expect((await get(`/api/articles/${ids.draft}`, auth)).status).toBe(404);
        const asked = await get('/api/articles?status=draft', auth);
        expect(asked.status).toBe(403);
        expect(asked.body.error.message).toMatch(/only published content/);
        expect((await get(`/api/articles/${ids.draft}?status=draft`, auth)).status).toBe(403);
      }
      expect(
        (await get('/api/articles?locale=zh-CN&sort=key', token)).body.data.map((a: any) => a.title),
      ).toEqual(['临江市召开营商环境大会', '河西镇春耕图片新闻']);
    });

    // Strapi's router matches paths case-insensitively and reads every status but `published` as
    // drafts: the guard is on the content-API router, so each spelling meets it.
    const spellings = () => [
      '/api/articles',
      '/API/articles',
      '/Api/Articles',
      '/api/articles/',
      '/api//articles',
      `/api/articles/${ids.draft}`,
      `/API/ARTICLES/${ids.published}/`,
      '/api/policies',
      '/api/letters',
      '/api/sites',
    ];
    const draftQueries = [
      'status=draft',
      'status=DRAFT',
      'status=PUBLISHED',
      'status=',
      'status[]=draft',
      'status[]=published',
      'status[0]=draft',
      'status[a]=published',
      'status=draft&status=published',
      'status=published&status=draft',
      '%73tatus=draft',
      'locale=*&status=draft',
      'publicationFilter=modified',
      'publicationFilter=never-published',
      'hasPublishedVersion=false',
    ];

    it('refuses a draft whatever the path, the status form, the caller or the method', async () => {
      for (const auth of [undefined, token]) {
        for (const path of spellings()) {
          for (const query of draftQueries) {
            const url = `${path}?${query}`;
            const read = await get(url, auth);
            expect([url, read.status]).toEqual([url, 403]);
            expect(read.body.error.message).toMatch(/published content/);
            const head = await fetch(`${app.url}${url}`, {
              method: 'HEAD',
              headers: auth ? { Authorization: `Bearer ${auth}` } : {},
            });
            expect([url, 'HEAD', head.status]).toEqual([url, 'HEAD', 403]);
          }
        }
      }
      // The plugins' content-API routes sit behind the same guard.
      for (const url of ['/api/upload/files', '/API/upload/files/1', '/api/i18n/locales', '/api/users']) {
        const read = await get(`${url}?status=draft`, token);
        expect([url, read.status, read.body.error.details]).toEqual([url, 403, { param: 'status' }]);
      }
      // Spellings the router does not take to a route are not found (or refused), never answered.
      for (const url of ['//api/articles?status=draft', '/%61pi/articles?status=draft']) {
        const read = await get(url, token);
        expect([url, read.status >= 400 && read.status < 500]).toEqual([url, true]);
        expectNoDraft(url, read.body);
      }
    });

    it('answers published content for status=published, locale=* and a publishedAt filter', async () => {
      for (const auth of [undefined, token]) {
        for (const query of [
          'status=published',
          'locale=*',
          'locale=all',
          'filters[publishedAt][$null]=true',
          'filters[$or][0][publishedAt][$null]=true&filters[$or][1][title][$contains]=修改中',
          '_q=草稿',
          'populate=*',
          'pagination[pageSize]=100&sort=updatedAt:desc',
        ]) {
          const answer = await get(`/api/articles?${query}`, auth);
          expect([query, answer.status]).toEqual([query, 200]);
          expectNoDraft(query, answer.body);
          expect(answer.body.data.every((entry: any) => entry.publishedAt !== null)).toBe(true);
        }
      }
    });

    it('shows no draft through a relation, another locale or an image', async () => {
      for (const auth of [undefined, token]) {
        for (const query of [
          'populate=*',
          'populate[images][populate]=*',
          'populate[site][populate]=*',
          'populate[column][populate][site][populate]=*',
          `filters[documentId][$eq]=${ids.withImage}&populate[images]=true`,
        ]) {
          const answer = await get(`/api/articles?${query}`, auth);
          expect([query, answer.status]).toEqual([query, 200]);
          expectNoDraft(query, answer.body);
        }
        // A relation that joins versions whatever their state is never readable, filterable or
        // sortable: `localizations` would tell what the Russian draft says, `related` which drafts
        // use an image.
        for (const query of [
          `filters[localizations][title][$contains]=${encodeURIComponent('Черновик')}`,
          'filters[localizations][publishedAt][$null]=true',
          'sort=localizations.title',
          'populate=localizations',
          'populate[images][populate][related]=true',
          'filters[images][related][title][$contains]=x',
        ]) {
          const answer = await get(`/api/articles?${query}`, auth);
          expect([query, answer.status]).toEqual([query, 400]);
          expect(answer.body.error.message).toMatch(/Invalid key (localizations|related)/);
        }
      }
    });

    it('lists only media that published entries use', async () => {
      const listed = await get('/api/upload/files', token);
      expect(listed.status).toBe(200);
      expect(listed.body.map((file: any) => file.name)).toEqual(['shared.png']);
      expectNoDraft('/api/upload/files', listed.body);
      expect((await get(`/api/upload/files/${ids.draftImage}`, token)).status).toBe(404);
      expect((await get(`/API/Upload/Files/${ids.draftImage}`, token)).status).toBe(404);
      expect((await get(`/api/upload/files/${ids.sharedImage}`, token)).body.name).toBe('shared.png');
      const filtered = await get(`/api/upload/files?filters[id][$in][0]=${ids.draftImage}`, token);
      expect([filtered.status, filtered.body]).toEqual([200, []]);
      for (const query of ['populate=*', 'populate=related', 'filters[related][id][$notNull]=true']) {
        const answer = await get(`/api/upload/files?${query}`, token);
        expect([query, answer.status]).toEqual([query, query === 'populate=*' ? 200 : 400]);
        expectNoDraft(query, answer.body);
      }
      // The public reads no media list at all; the admin's media library still lists every file.
      expect((await get('/api/upload/files')).status).toBe(403);
      const all = await app.strapi.plugin('upload').service('upload').findMany({});
      expect(all.map((file: any) => file.name).sort()).toEqual(['draft-only.png', 'shared.png']);
    });

    it("answers malformed requests as the client's error, never 5xx", async () => {
      const ask = async (
        method: string,
        path: string,
        headers: Record<string, string> = {},
        body?: string,
      ) => {
        const response = await fetch(`${app.url}${path}`, { method, headers, body });
        return { status: response.status, text: await response.text() };
      };
      // Query shapes Strapi's validation lets through and its query builder cannot run.
      for (const query of [
        '_q[]=x',
        'sort=createdAt.updatedAt:desc',
        'filters[title][key][$eq]=x',
        'filters[datePublished][$between][]=1',
        'filters[$not][0][site][$notNull]=true',
        'filters[key][$and]=1',
      ]) {
        for (const auth of [undefined, token]) {
          const answer = await get(`/api/articles?${query}`, auth);
          expect([query, answer.status]).toEqual([query, 400]);
          expect(answer.body.error.message).toMatch(/cannot be answered as written/);
          expect(JSON.stringify(answer.body)).not.toMatch(/select|from `|no such column/i);
        }
      }
      for (const [method, path, headers, body, status] of [
        ['POST', '/api/articles', { 'content-type': 'multipart/form-data; boundary=x' }, '{"data":{}}', 400],
        ['PUT', '/no/such/route', { 'content-type': 'multipart/form-data' }, 'x', 400],
        ['POST', '/api/auth/local', { 'content-type': 'application/json' }, '{"identifier":', 400],
        ['PROPFIND', '/api/articles', {}, undefined, 405],
        ['MKCOL', '/admin', {}, undefined, 405],
      ] as const) {
        const answer = await ask(method, path, headers, body);
        expect([method, path, answer.status]).toEqual([method, path, status]);
      }
    });

    it('lets the read-only token and the public role write nothing', async () => {
      for (const auth of [token, undefined]) {
        for (const uid of publicContentTypes) {
          const plural = app.strapi.contentType(uid).info.pluralName;
          expect([uid, auth ? 'token' : 'public', await send('POST', `/api/${plural}`, auth)]).toEqual([
            uid,
            auth ? 'token' : 'public',
            403,
          ]);
          expect(await send('PUT', `/api/${plural}/${ids.published}`, auth)).toBe(403);
          expect(await send('DELETE', `/api/${plural}/${ids.published}`, auth)).toBe(403);
        }
      }
      const register = await fetch(`${app.url}/api/auth/local/register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          username: 'intruder',
          email: 'intruder@example.com',
          password: 'Intruder-123456',
        }),
      });
      expect(register.status).toBe(400);
      expect(((await register.json()) as any).error.message).toMatch(/Register action is currently disabled/);
      // Nothing was changed by the attempts.
      const after = await get(`/api/articles/${ids.published}?locale=zh-CN`);
      expect(after.body.data.title).toBe('临江市召开营商环境大会');
    });

    it('serves the favicon the admin panel asks for on every page', async () => {
      const response = await fetch(`${app.url}/favicon.ico`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\//);
    });

    it("never shows a letter writer's contact", async () => {
      for (const auth of [undefined, token]) {
        for (const query of [
          '',
          '?populate=*',
          '?populate[writer]=true',
          `?filters[writer][phone][$eq]=${writerPhone}`,
        ]) {
          const list = await get(`/api/letters${query}`, auth);
          const text = JSON.stringify(list.body);
          expect(text).not.toContain(writerPhone);
          expect(text).not.toContain(writerId);
          expect(text).not.toContain('zhangsan@example.com');
          if (list.status === 200 && query !== `?filters[writer][phone][$eq]=${writerPhone}`) {
            expect(list.body.data[0].title).toBe('关于小区停车难的问题');
            expect(list.body.data[0]).not.toHaveProperty('writer');
            expect(list.body.data[0]).not.toHaveProperty('writerSealed');
          }
        }
        const one = await get(`/api/letters/${ids.letter}?populate=*`, auth);
        expect(one.status).toBe(200);
        expect(JSON.stringify(one.body)).not.toContain(writerPhone);
      }
      // The CMS keeps it for the handling unit, sealed (cms/src/mailbox/sealed-writer.ts).
      expect((await mailboxOf(app.strapi).contact(ids.letter))?.phone).toBe(writerPhone);
    });
  });
}
