/**
 * The access rules of the content API, run against a real Strapi on each database:
 * reads per locale, drafts invisible to the public and to the read-only token, the token and the
 * public role unable to write, the letter writer's contact never in a response.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTrusted } from '../plugins/review/server/src/trust';
import { ensureBuildToken } from '../setup/build-token';
import { publicContentTypes } from '../setup/public-access';
import { bootStrapi, type TestDatabase, type TestStrapi } from './boot-strapi';
import { createTestSite } from './test-site';

const writerPhone = '13912345678';
const writerId = '320102199001011234';

/** Registers the suite for one database. */
export function describeApiAccess(database: TestDatabase): void {
  describe(`content API on ${database}`, () => {
    let app: TestStrapi;
    let token: string;
    const ids: Record<string, string> = {};

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
      const draft = await strapi.documents('api::article.article').create({
        data: article('草稿：尚未审核的通知', 'unreviewed-draft') as any,
        locale: 'zh-CN',
      });
      // A published article with a newer draft: the public must keep seeing the published text.
      await strapi.documents('api::article.article').update({
        documentId: published.documentId,
        locale: 'zh-CN',
        data: { title: '修改中：未经审核的新标题' } as any,
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
        letter: letter.documentId,
      });
    };

    afterAll(async () => {
      await app?.close();
    });

    it('reads published content per locale through the public REST API', async () => {
      const zh = await get('/api/articles?locale=zh-CN&populate[site][fields][0]=key');
      expect(zh.status).toBe(200);
      expect(zh.body.data.map((a: any) => a.title)).toEqual(['临江市召开营商环境大会']);
      expect(zh.body.data[0].site.key).toBe('portal');
      const en = await get('/api/articles?locale=en');
      expect(en.body.data.map((a: any) => [a.title, a.locale])).toEqual([
        ['Linjiang holds business environment conference', 'en'],
      ]);
      expect((await get('/api/articles?locale=ru')).body.data).toEqual([]);
      // Without a locale the default, zh-CN, is served.
      expect((await get('/api/articles')).body.data.map((a: any) => a.locale)).toEqual(['zh-CN']);
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
      expect((await get('/api/articles?locale=zh-CN', token)).body.data.map((a: any) => a.title)).toEqual([
        '临江市召开营商环境大会',
      ]);
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
          }
        }
        const one = await get(`/api/letters/${ids.letter}?populate=*`, auth);
        expect(one.status).toBe(200);
        expect(JSON.stringify(one.body)).not.toContain(writerPhone);
      }
      // The CMS keeps it for the handling unit.
      const stored = await app.strapi
        .documents('api::letter.letter')
        .findOne({ documentId: ids.letter, populate: ['writer'] });
      expect((stored as any).writer.phone).toBe(writerPhone);
    });
  });
}
