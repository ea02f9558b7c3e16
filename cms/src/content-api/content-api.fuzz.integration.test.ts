/**
 * Fuzz test of the content API as the public and the build's read-only token reach it: a real
 * Strapi on SQLite holding drafts, entries waiting at each level of the review (put there through
 * the review's own admin API by real reviewers), a rejection with a comment in the log, a sensitive
 * word, a Russian draft of a published article, an image only a draft uses, and letters with their
 * writers' contact data. At least 10,000 generated requests (test/lib/fuzz-requests.ts, seeded) must
 * get no 5xx and no answer holding a draft's text, a review stage, a log comment, a sensitive word,
 * an admin's e-mail or a writer's contact; the CMS answers afterwards and nothing was changed.
 *
 * `GOVCLUSTER_FUZZ_SEED` and `GOVCLUSTER_FUZZ_COUNT` override the seed and the number of requests.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../../../scripts/src/lib/admin-api';
import { contentApiRequests, runFuzz } from '../../../test/lib/fuzz-requests';
import { runTrusted } from '../plugins/review/server/src/trust';
import { ensureBuildToken } from '../setup/build-token';
import { publicContentTypes } from '../setup/public-access';
import { createAdminPerson } from '../testing/admin-people';
import { bootStrapi, type TestStrapi } from '../testing/boot-strapi';
import { createNewsColumn, createTestSite } from '../testing/test-site';

const seed = Number(process.env.GOVCLUSTER_FUZZ_SEED ?? 20261205);
const count = Number(process.env.GOVCLUSTER_FUZZ_COUNT ?? 10_000);
const password = `Fuzz-${randomBytes(6).toString('hex')}-1a`;

/** Text that only unpublished or private data holds: no public answer may contain any of it. */
const secrets = {
  draft: 'FZDRAFTQ7',
  pending: 'FZPENDINGK2',
  edit: 'FZEDITM4',
  ruDraft: 'FZRUDRAFTW9',
  logComment: 'FZLOGCOMMENTJ5',
  sensitive: 'FZSENSITIVEB3',
  draftImage: 'fz-draft-only-image',
  writerName: 'FZWRITERNAME',
  writerPhone: '13700009999',
  writerId: '11010519491231002X',
  writerEmail: 'fz-writer@example.test',
  screenedPhone: '13811112222',
  adminEmail: '@fuzz.test',
  unitStage: 'unit_review',
  webStage: 'web_review',
  secrecyStage: 'secrecy_review',
};

describe('content API fuzz on sqlite', () => {
  let app: TestStrapi;
  let token = '';
  const ids: string[] = [];
  let publishedBefore = 0;

  beforeAll(async () => {
    app = await bootStrapi('sqlite');
    const { strapi } = app;
    token = await ensureBuildToken(strapi, join(app.tmpDir, 'build-token'));
    const file = (name: string) =>
      strapi.db.query('plugin::upload.file').create({
        data: {
          name: `${name}.png`,
          hash: name,
          ext: '.png',
          mime: 'image/png',
          size: 1,
          width: 1,
          height: 1,
          url: `/uploads/${name}.png`,
          provider: 'local',
        },
      });
    const draftImage = await file(secrets.draftImage);
    const sharedImage = await file('fz-shared-image');
    const site = await createTestSite(strapi, {
      key: 'hexi-town',
      kind: 'township',
      name: { zhCN: '河西镇' },
    });
    const column = { documentId: await createNewsColumn(strapi, site.documentId) };
    const article = (title: string, key: string, extra: Record<string, unknown> = {}) => ({
      key,
      site: site.documentId,
      column: column.documentId,
      title,
      body: `${title}的正文。`,
      source: '河西镇人民政府',
      datePublished: '2026-01-15T09:30:00+08:00',
      dateModified: '2026-01-15T09:30:00+08:00',
      ...extra,
    });
    const articles = strapi.documents('api::article.article');
    const letter = (key: string, title: string) => ({
      key,
      site: site.documentId,
      column: column.documentId,
      title,
      question: '小区停车位不足，请问如何解决？',
      category: '城乡建设',
      submittedAt: '2026-01-01T10:00:00+08:00',
      handlingStatus: 'replied',
      handlingUnit: '镇规划办',
      reply: '已规划新增停车位。',
      repliedAt: '2026-01-10T10:00:00+08:00',
      writer: {
        name: secrets.writerName,
        phone: secrets.writerPhone,
        email: secrets.writerEmail,
        idNumber: secrets.writerId,
      },
      datePublished: '2026-01-10T10:00:00+08:00',
      dateModified: '2026-01-10T10:00:00+08:00',
    });
    // What is online, written on the review's trusted path as the seeder does.
    await runTrusted('seed', async () => {
      for (let i = 0; i < 6; i += 1) {
        const online = await articles.create({
          data: article(`河西镇新闻${i}`, `news-${i}`, { images: i === 0 ? [sharedImage.id] : [] }) as any,
          locale: 'zh-CN',
          status: 'published',
        });
        ids.push(online.documentId);
      }
      await articles.update({
        documentId: ids[0]!,
        locale: 'ru',
        data: article(`Черновик ${secrets.ruDraft}`, 'news-0', { images: [sharedImage.id] }) as any,
      });
      const replied = await strapi.documents('api::letter.letter').create({
        data: letter('letter-1', '关于停车难的问题') as any,
        locale: 'zh-CN',
        status: 'published',
      });
      const unreplied = await strapi
        .documents('api::letter.letter')
        .create({ data: letter('letter-2', `未回复来信${secrets.draft}`) as any, locale: 'zh-CN' });
      ids.push(replied.documentId, unreplied.documentId);
      // A published policy with an interpretation that is still a draft: populating the policy's
      // interpretations must not bring it.
      const dated = { datePublished: '2026-01-15T09:30:00+08:00', dateModified: '2026-01-15T09:30:00+08:00' };
      const policy = await strapi.documents('api::policy.policy').create({
        data: {
          key: 'policy-1',
          site: site.documentId,
          column: column.documentId,
          title: '河西镇农业补贴办法',
          indexNumber: '11530100-2026-00001',
          issuingAuthority: '河西镇人民政府',
          documentNumber: '河政发〔2026〕1号',
          writtenDate: '2026-01-10',
          topic: '综合政务',
          validity: 'valid',
          body: '第一条 为规范农业补贴……',
          ...dated,
        } as any,
        locale: 'zh-CN',
        status: 'published',
      });
      const reading = await strapi.documents('api::interpretation.interpretation').create({
        data: {
          key: 'reading-1',
          site: site.documentId,
          column: column.documentId,
          policy: policy.documentId,
          title: `解读草稿${secrets.draft}`,
          form: 'text',
          body: `解读正文${secrets.draft}`,
          source: '河西镇人民政府',
          ...dated,
        } as any,
        locale: 'zh-CN',
      });
      ids.push(policy.documentId, reading.documentId);
      await strapi
        .documents('plugin::review.sensitive-word' as any)
        .create({ data: { word: secrets.sensitive } });
    });

    // Reviewers and an author, and entries put at each stage through the review's admin API.
    const api = adminApi(app.url);
    const people: Record<string, string> = {};
    for (const [name, code, reviewRole] of [
      ['author', 'govcluster-author', 'author'],
      ['unit', 'govcluster-unit-reviewer', 'unit_reviewer'],
      ['web', 'govcluster-web-reviewer', 'web_reviewer'],
    ] as const) {
      const email = `${name}${secrets.adminEmail}`;
      await createAdminPerson(strapi, {
        email,
        password,
        roles: [code],
        reviewRole,
        sites: reviewRole === 'web_reviewer' ? [] : [site.documentId],
        firstname: name,
        lastname: 'Fuzz',
      });
      people[name] = await api.login(email, password);
    }
    const cm = '/content-manager/collection-types/api::article.article';
    const review = (who: string, action: string, documentId: string, body: Record<string, unknown> = {}) =>
      api.send('POST', `/review/api::article.article/${documentId}/${action}`, people[who]!, body);
    const write = async (title: string, images: number[] = []) => {
      const created = await api.send('POST', `${cm}?locale=zh-CN`, people.author!, {
        ...article(title, `fz-${randomBytes(4).toString('hex')}`, { images }),
        body: `${title}：联系电话${secrets.screenedPhone}。`,
        site: { connect: [{ documentId: site.documentId }] },
        column: { connect: [{ documentId: column.documentId }] },
      });
      return created.data.documentId as string;
    };
    const draftOnly = await write(`草稿${secrets.draft}`, [draftImage.id, sharedImage.id]);
    const atUnit = await write(`待本单位审核${secrets.pending}`);
    await review('author', 'submit', atUnit);
    const atWeb = await write(`待网站管理部门审核${secrets.pending}`);
    await review('author', 'submit', atWeb);
    await review('unit', 'approve', atWeb);
    const rejected = await write(`被退回${secrets.pending}`);
    await review('author', 'submit', rejected);
    await review('unit', 'reject', rejected, { comment: `请核实数据 ${secrets.logComment}` });
    // An online article with a newer version waiting at the unit review.
    await api.send('PUT', `${cm}/${ids[1]}?locale=zh-CN`, people.author!, { title: `修改稿${secrets.edit}` });
    await review('author', 'submit', ids[1]!);
    ids.push(draftOnly, atUnit, atWeb, rejected);
    publishedBefore = await strapi.db
      .query('api::article.article')
      .count({ where: { publishedAt: { $notNull: true } } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it(`answers ${count} generated requests with no 5xx and nothing unpublished or private`, {
    timeout: 300_000,
  }, async () => {
    const plurals = publicContentTypes.map((uid) => app.strapi.contentType(uid).info.pluralName);
    const fieldsOf = Object.fromEntries([
      ...publicContentTypes.map((uid) => [
        app.strapi.contentType(uid).info.pluralName,
        Object.keys(app.strapi.contentType(uid).attributes),
      ]),
      ['upload/files', Object.keys(app.strapi.contentType('plugin::upload.file').attributes)],
    ]);
    const requests = contentApiRequests(
      {
        // The public collections three times over: most requests should reach one and answer data.
        collections: [
          ...plurals,
          ...plurals,
          ...plurals,
          'upload/files',
          'upload/files/page',
          'i18n/locales',
          'users',
          'users/me',
          'users-permissions/roles',
          'auth/local',
          'connect/github',
          'review-states',
          'review-logs',
          'sensitive-words',
          'site-memberships',
        ],
        ids: [...ids, '1', '2', '3', '999999', 'me', 'count', 'zzzzzzzzzzzzzzzzzzzzzzzz'],
        fields: [
          'title',
          'body',
          'key',
          'publishedAt',
          'updatedAt',
          'createdAt',
          'documentId',
          'id',
          'locale',
          'status',
          'writer',
          'phone',
          'email',
          'idNumber',
          'name',
          'localizations',
          'related',
          'images',
          'attachments',
          'site',
          'column',
          'columns',
          'parent',
          'policy',
          'interpretations',
          'createdBy',
          'updatedBy',
          'question',
          'reply',
          'handlingStatus',
          'stage',
          'approvers',
          'comment',
          'folder',
          'url',
          'hash',
          'footer',
          'materials',
          'process',
        ],
        fieldsOf,
        words: [
          'FZ',
          'FZD',
          'DRAFT',
          'PEND',
          '草稿',
          '河西',
          '待',
          '1370000',
          '1381111',
          'example.test',
          'fuzz',
          'a',
          '%',
        ],
        token,
      },
      seed,
      count,
    );
    const markers = Object.values(secrets);
    // Strapi logs every refused request at error level: ten thousand of them would bury the report.
    const logger = app.strapi.log as unknown as { silent: boolean };
    logger.silent = true;
    // The generator never sends a secret itself (an error message may echo what it was sent).
    expect(requests.filter((r) => markers.some((m) => asciiDecoded(r.target).includes(m)))).toEqual([]);
    const report = await runFuzz(app.url, requests, (_request, answer) => {
      const shown = markers.filter((marker) => answer.body.includes(marker));
      return shown.length > 0 ? `shows ${shown.join(', ')}: ${answer.body.slice(0, 300)}` : null;
    });
    process.stdout.write(
      `content API fuzz: ${report.sent} requests in ${report.seconds.toFixed(1)} s (seed ${seed}); statuses ${JSON.stringify(report.statuses)}\n`,
    );
    logger.silent = false;
    expect(report.problems).toEqual([]);
    expect(report.sent).toBeGreaterThanOrEqual(count);
    // Still answering, and nothing was changed by the writes among the requests.
    const after = await fetch(`${app.url}/api/articles?pagination[pageSize]=100`);
    expect(after.status).toBe(200);
    expect(
      await app.strapi.db.query('api::article.article').count({ where: { publishedAt: { $notNull: true } } }),
    ).toBe(publishedBefore);
  });
});

/** The target with its ASCII escapes decoded twice over (the secrets are ASCII); never throws. */
function asciiDecoded(target: string): string {
  const once = (text: string) =>
    text.replace(/%([0-7][0-9a-fA-F])/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));
  return once(once(target));
}
