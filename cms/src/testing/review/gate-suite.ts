/**
 * The review gate under attack (issue 11), against a real Strapi: every content type goes through the
 * whole review, and every way around it that was found is tried in its variants — delete and re-create,
 * a reviewer who changed the text, a relation set from the other side, media replaced under a published
 * entry, another site's reviews and clones, invisible reasons, raw query-engine writes, locale deletion,
 * registry changes. Each is refused, or voids the approvals, and the public answer never shows what was
 * not approved by three different people.
 * Long on purpose: one list of attack cases sharing one booted Strapi and one review world; split,
 * every part would boot its own Strapi and repeat the setup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../boot-strapi';
import { reviewedType, reviewedTypes } from './content-fixtures';
import { createReviewWorld, type ReviewWorld } from './review-world';

const article = reviewedType('api::article.article');
const policy = reviewedType('api::policy.policy');
const interpretation = reviewedType('api::interpretation.interpretation');
const logUid = 'plugin::review.review-log';

/** Registers the suite for one database. */
export function describeGate(database: TestDatabase): void {
  describe(`review gate on ${database}`, () => {
    let world: ReviewWorld;
    let people: ReviewWorld['people'];

    beforeAll(async () => {
      world = await createReviewWorld(database);
      people = world.people;
    });

    afterAll(async () => {
      await world?.close();
    });

    /** The public REST answer for one entry of a type (published only), as the anonymous public sees it. */
    const publicEntry = async (uid: string, documentId: string, locale = 'zh-CN') => {
      const type = reviewedType(uid);
      const answer = await world.call(
        'GET',
        `/api/${type.plural}?locale=${locale}&filters[documentId][$eq]=${documentId}`,
      );
      expect(answer.status).toBe(200);
      return (answer.body.data as Record<string, unknown>[])[0] ?? null;
    };

    it('knows a draft for every content type under review', () => {
      const governed = [
        ...(world.app.strapi.plugin('review').service('review') as any).governedTypes(),
      ].sort();
      expect(governed).toEqual(reviewedTypes.map((type) => type.uid).sort());
    });

    for (const type of reviewedTypes) {
      it(`takes a ${type.plural} entry through submit, reject, three approvals, an edit and a withdrawal`, async () => {
        const title = `${type.plural}审核全流程`;
        const id = await world.draft(title, { type });
        const submitted = await world.review(people.author, 'submit', id, {}, type.uid);
        expect([submitted.status, submitted.body.error?.message, submitted.body.data?.stage]).toEqual([
          200,
          undefined,
          'unit_review',
        ]);
        const rejected = await world.review(
          people.unit,
          'reject',
          id,
          { comment: '请补充材料后再提交' },
          type.uid,
        );
        expect(rejected.body.data?.stage).toBe('draft');
        await world.approveAll(id, { uid: type.uid });
        const online = await publicEntry(type.uid, id);
        expect(online?.[type.titleField]).toBe(title);
        // An edit of the text sends it back to draft; the online version stays as approved.
        const edited = await world.call('PUT', world.cm(`/${id}?locale=zh-CN`, type.uid), people.author, {
          [type.textField]: '修改后的文字',
        });
        expect([edited.status, edited.body?.error?.message]).toEqual([200, undefined]);
        const after = await world.state(people.web, id, 'zh-CN', type.uid);
        expect([after.stage, after.hasPublishedVersion]).toEqual(['draft', true]);
        expect((await publicEntry(type.uid, id))?.[type.textField]).toEqual(online?.[type.textField]);
        await world.approveAll(id, { uid: type.uid });
        expect((await publicEntry(type.uid, id))?.[type.textField]).toBe('修改后的文字');
        const withdrawn = await world.review(
          people.admin,
          'withdraw',
          id,
          { comment: '内容已过时，撤下' },
          type.uid,
        );
        expect(withdrawn.body.data?.stage).toBe('draft');
        expect(await publicEntry(type.uid, id)).toBeNull();
      });
    }

    /** A draft in zh-CN and en: deleting one locale version keeps the document, so it can be re-created. */
    const bilingual = async (title: string) => {
      const id = await world.draft(title);
      const en = await world.call('PUT', world.cm(`/${id}?locale=en`), people.author, {
        ...article.draft(`${title} (en)`, {
          site: world.sites['hexi-town'] as string,
          column: world.columns['hexi-town'] as string,
        }),
      });
      expect(en.status).toBe(200);
      return id;
    };
    const recreate = (id: string, title: string) =>
      world.call('PUT', world.cm(`/${id}?locale=zh-CN`), people.author, {
        ...article.draft(title, {
          site: world.sites['hexi-town'] as string,
          column: world.columns['hexi-town'] as string,
        }),
      });

    it('never publishes a version created after deleting an entry under review (same document id)', async () => {
      const id = await bilingual('删除重建：原稿');
      await world.review(people.author, 'submit', id);
      await world.review(people.unit, 'approve', id);
      await world.review(people.web, 'approve', id);
      expect((await world.state(people.secrecy, id)).stage).toBe('secrecy_review');
      const removed = await world.call('DELETE', world.cm(`/${id}?locale=zh-CN`), people.author);
      expect(removed.status).toBe(200);
      // The author re-creates the locale version under the same document id with new text.
      const recreated = await recreate(id, '删除重建：新稿');
      expect([recreated.status, recreated.body?.error?.message]).toEqual([200, undefined]);
      const state = await world.state(people.secrecy, id);
      expect([state.stage, state.approvers]).toEqual(['draft', []]);
      expect(state.history.map((entry: any) => entry.action)).toContain('delete');
      const last = await world.review(people.secrecy, 'approve', id);
      expect(last.status).toBe(409);
      expect(await publicEntry(article.uid, id)).toBeNull();
    });

    it('gives a new entry that names an existing document id a review of its own', async () => {
      const id = await world.draft('借用文档编号：原稿');
      await world.review(people.author, 'submit', id);
      await world.review(people.unit, 'approve', id);
      await world.review(people.web, 'approve', id);
      const forged = await world.call('POST', world.cm('?locale=zh-CN'), people.author, {
        ...article.draft('借用文档编号：偷换', {
          site: world.sites['hexi-town'] as string,
          column: world.columns['hexi-town'] as string,
        }),
        documentId: id,
      });
      expect(forged.status).toBeLessThan(500);
      if (forged.status === 201) expect(forged.body.data.documentId).not.toBe(id);
      const last = await world.review(people.secrecy, 'approve', id);
      expect([last.status, last.body?.error?.message]).toEqual([200, undefined]);
      expect((await publicEntry(article.uid, id))?.title).toBe('借用文档编号：原稿');
    });

    it('does not publish on schedule a version deleted and re-created after its approval', async () => {
      const id = await bilingual('定时发布：原稿');
      await world.approveAll(id, { last: { publishAt: new Date(Date.now() + 3_600_000).toISOString() } });
      expect((await world.state(people.web, id)).stage).toBe('approved');
      expect((await world.call('DELETE', world.cm(`/${id}?locale=zh-CN`), people.author)).status).toBe(200);
      expect((await recreate(id, '定时发布：偷换的稿件')).status).toBe(200);
      const service = world.app.strapi.plugin('review').service('review') as any;
      expect(await service.publishDue(new Date(Date.now() + 7_200_000))).toBe(0);
      expect(await publicEntry(article.uid, id)).toBeNull();
      expect((await world.state(people.web, id)).stage).toBe('draft');
    });

    it('refuses a scheduled publish of an approved version that was changed by a raw path, and sends it back', async () => {
      const id = await world.draft('定时发布：被改写');
      await world.approveAll(id, { last: { publishAt: new Date(Date.now() + 3_600_000).toISOString() } });
      // A change that bypasses the gate's bookkeeping (a trusted import, say) still changes the hash.
      const { runTrusted } = await import('../../plugins/review/server/src/trust');
      await runTrusted('test', () =>
        world.app.strapi.db
          .query(article.uid as any)
          .updateMany({ where: { documentId: id, publishedAt: null }, data: { body: '未经审核的改写' } }),
      );
      const service = world.app.strapi.plugin('review').service('review') as any;
      expect(await service.publishDue(new Date(Date.now() + 7_200_000))).toBe(0);
      expect(await publicEntry(article.uid, id)).toBeNull();
      expect((await world.state(people.web, id)).stage).toBe('draft');
    });

    it('refuses the approval of anyone who changed the version under review', async () => {
      const id = await world.draft('改稿人不能审核');
      // The unit reviewer edits the body; the author re-saves another field and submits.
      const byUnit = await world.call('PUT', world.cm(`/${id}?locale=zh-CN`), people.unit, {
        body: '本单位审核人改写的正文',
      });
      expect(byUnit.status).toBe(200);
      await world.call('PUT', world.cm(`/${id}?locale=zh-CN`), people.author, { source: '镇政府办公室' });
      await world.review(people.author, 'submit', id);
      const unitView = await world.state(people.unit, id);
      expect(unitView.actions).not.toContain('approve');
      const refused = await world.review(people.unit, 'approve', id);
      expect(refused.status).toBe(403);
      expect(refused.body.error.details.code).toBe('contributor-cannot-review');
      // Not in their queue either; another unit reviewer of the site may approve.
      const queue = (await world.call('GET', '/review/queue', people.unit)).body.data;
      expect(queue.items.map((item: any) => item.documentId)).not.toContain(id);
      expect((await world.review(people.unitWeb, 'approve', id)).status).toBe(200);
      // A web-office reviewer who edits at the web level cannot approve that level either.
      await world.call('PUT', world.cm(`/${id}?locale=zh-CN`), people.web, {
        body: '网站管理部门改写的正文',
      });
      expect((await world.state(people.web, id)).stage).toBe('draft');
      await world.review(people.author, 'submit', id);
      const web = await world.review(people.web, 'approve', id);
      expect(web.status).toBe(403);
    });

    it('sends an interpretation under review back to draft when a policy connects it from its side', async () => {
      const policyId = await world.draft('关于促进就业的若干政策', { type: policy });
      const interpretationId = await world.draft('《关于促进就业的若干政策》解读', { type: interpretation });
      await world.review(people.author, 'submit', interpretationId, {}, interpretation.uid);
      await world.review(people.unit, 'approve', interpretationId, {}, interpretation.uid);
      await world.review(people.web, 'approve', interpretationId, {}, interpretation.uid);
      const connected = await world.call(
        'PUT',
        world.cm(`/${policyId}?locale=zh-CN`, policy.uid),
        people.author,
        {
          interpretations: { connect: [{ documentId: interpretationId, locale: 'zh-CN' }] },
        },
      );
      expect([connected.status, connected.body?.error?.message]).toEqual([200, undefined]);
      const after = await world.state(people.secrecy, interpretationId, 'zh-CN', interpretation.uid);
      expect([after.stage, after.approvers]).toEqual(['draft', []]);
      expect(after.history.at(-1)).toMatchObject({ action: 'edit', actorId: people.author.id });
      const last = await world.review(people.secrecy, 'approve', interpretationId, {}, interpretation.uid);
      expect(last.status).toBe(409);
      expect(await publicEntry(interpretation.uid, interpretationId)).toBeNull();
    });

    it('sends an online interpretation to draft when a policy disconnects it, and keeps the online version', async () => {
      const policyId = await world.draft('关于支持小微企业的通知', { type: policy });
      const interpretationId = await world.draft('小微企业政策解读', { type: interpretation });
      await world.call(
        'PUT',
        world.cm(`/${interpretationId}?locale=zh-CN`, interpretation.uid),
        people.author,
        {
          policy: { connect: [{ documentId: policyId, locale: 'zh-CN' }] },
        },
      );
      await world.approveAll(interpretationId, { uid: interpretation.uid });
      expect((await world.state(people.web, interpretationId, 'zh-CN', interpretation.uid)).stage).toBe(
        'published',
      );
      await world.call('PUT', world.cm(`/${policyId}?locale=zh-CN`, policy.uid), people.unit, {
        interpretations: { disconnect: [{ documentId: interpretationId, locale: 'zh-CN' }] },
      });
      const after = await world.state(people.web, interpretationId, 'zh-CN', interpretation.uid);
      expect([after.stage, after.hasPublishedVersion]).toEqual(['draft', true]);
      expect((await publicEntry(interpretation.uid, interpretationId))?.title).toBe('小微企业政策解读');
    });

    /** A 1×1 PNG, uploaded to the media library by `who`; returns the file's id. */
    const upload = async (who: ReviewWorld['people']['author'], name: string, alt: string) => {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      const form = new FormData();
      form.append('files', new Blob([png], { type: 'image/png' }), name);
      form.append('fileInfo', JSON.stringify({ name, alternativeText: alt, caption: alt }));
      const response = await fetch(`${world.app.url}/upload`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${who.token}` },
        body: form,
      });
      const body = (await response.json()) as any;
      expect([response.status, body?.error?.message]).toEqual([201, undefined]);
      return (Array.isArray(body) ? body[0] : body.data[0]).id as number;
    };
    const fileInfo = (who: ReviewWorld['people']['author'], id: number, info: Record<string, unknown>) => {
      const form = new FormData();
      form.append('fileInfo', JSON.stringify(info));
      return fetch(`${world.app.url}/upload?id=${id}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${who.token}` },
        body: form,
      });
    };
    const replaceFile = (who: ReviewWorld['people']['author'], id: number) => {
      const form = new FormData();
      const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
      form.append('files', new Blob([gif], { type: 'image/gif' }), 'swapped.gif');
      return fetch(`${world.app.url}/upload?id=${id}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${who.token}` },
        body: form,
      });
    };

    it('keeps a published entry’s media as approved: no replace, re-caption or delete in place, by anyone', async () => {
      const fileId = await upload(people.author, 'flood.png', '河西镇防汛演练现场');
      const id = await world.draft('防汛演练图片新闻', { data: { images: [fileId] } });
      await world.approveAll(id);
      const online = async () =>
        (
          await world.call(
            'GET',
            `/api/articles?locale=zh-CN&filters[documentId][$eq]=${id}&populate[0]=images`,
          )
        ).body.data[0].images[0];
      const before = await online();
      expect(before.alternativeText).toBe('河西镇防汛演练现场');
      for (const who of [people.author, people.admin, people.superAdmin]) {
        const caption = await fileInfo(who, fileId, { alternativeText: '篡改的说明', caption: '篡改' });
        expect(caption.status).toBe(403);
        expect(((await caption.json()) as any).error.message).toMatch(/已发布的内容使用/);
        expect((await replaceFile(who, fileId)).status).toBe(403);
        const removed = await world.call('DELETE', `/upload/files/${fileId}`, who);
        expect(removed.status).toBe(403);
        const bulk = await world.call('POST', '/upload/actions/bulk-delete', who, { fileIds: [fileId] });
        expect(bulk.status).toBeGreaterThanOrEqual(400);
        expect(bulk.status).toBeLessThan(500);
      }
      expect(await online()).toEqual(before);
    });

    it('sends an entry under review back to draft when its draft-only media changes, and keeps other sites out', async () => {
      const fileId = await upload(people.author, 'tea.png', '茶园');
      const id = await world.draft('茶园图片新闻', { data: { images: [fileId] } });
      await world.review(people.author, 'submit', id);
      await world.review(people.unit, 'approve', id);
      // Another site's author cannot even change it.
      expect(
        (await fileInfo(people.authorB, fileId, { alternativeText: '他站改写' })).status,
      ).toBeGreaterThanOrEqual(403);
      const changed = await fileInfo(people.author, fileId, { alternativeText: '茶园（新说明）' });
      expect(changed.status).toBe(200);
      const after = await world.state(people.web, id);
      expect([after.stage, after.approvers]).toEqual(['draft', []]);
      expect(after.history.at(-1)).toMatchObject({ action: 'edit', actorId: people.author.id });
      // Nor see it in the media library.
      const library = await world.call('GET', '/upload/files?pageSize=100', people.authorB);
      expect(JSON.stringify(library.body)).not.toContain('tea.png');
    });

    it('lets no one read another site’s review or clone its pending revision', async () => {
      const id = await world.draft('他站稿件：含手机13800138000');
      await world.review(people.author, 'submit', id);
      for (const who of [people.authorB, people.unitB]) {
        const read = await world.call(
          'GET',
          `/review/${encodeURIComponent(article.uid)}/${id}?locale=zh-CN`,
          who,
        );
        expect(read.status).toBe(403);
        expect(JSON.stringify(read.body)).not.toContain('13800138000');
        const clone = await world.call('POST', world.cm(`/clone/${id}?locale=zh-CN`), who, {
          ...article.draft('克隆', { site: world.sites.fgw as string, column: world.columns.fgw as string }),
        });
        expect(clone.status).toBe(403);
        expect(JSON.stringify(clone.body)).not.toContain('他站稿件');
      }
      // The own site's people and the cluster's reviewers read it.
      for (const who of [people.author, people.unit, people.web, people.secrecy]) {
        expect(
          (await world.call('GET', `/review/${encodeURIComponent(article.uid)}/${id}?locale=zh-CN`, who))
            .status,
        ).toBe(200);
      }
    });

    it('refuses publishing and unpublishing however the path is spelled, and in bulk', async () => {
      const id = await world.draft('路径变体测试');
      for (const path of [
        `/CONTENT-MANAGER/collection-types/${article.uid}/${id}/actions/publish?locale=zh-CN`,
        `/content-manager//collection-types/${article.uid}/${id}/actions/publish?locale=zh-CN`,
        `/content-manager/collection-types/${encodeURIComponent(article.uid)}/${id}/actions/publish?locale=*`,
        `/content-manager/collection-types/${article.uid}/${id}/actions/publish/?locale=zh-CN`,
      ]) {
        const answer = await world.call('POST', path, people.superAdmin, {});
        expect([path, answer.status >= 400 && answer.status < 500]).toEqual([path, true]);
      }
      const bulk = await world.call('POST', world.cm('/actions/bulkPublish?locale=*'), people.superAdmin, {
        documentIds: [id],
      });
      expect([bulk.status >= 400, bulk.status < 500]).toEqual([true, true]);
      expect(await publicEntry(article.uid, id)).toBeNull();
      await world.approveAll(id);
      const unpublish = await world.call(
        'POST',
        world.cm('/actions/bulkUnpublish?locale=zh-CN'),
        people.superAdmin,
        {
          documentIds: [id],
        },
      );
      expect(unpublish.status).toBe(403);
      const deleteAll = await world.call('DELETE', world.cm(`/${id}?locale=*`), people.superAdmin);
      expect(deleteAll.status).toBe(403);
      const bulkDelete = await world.call(
        'POST',
        world.cm('/actions/bulkDelete?locale=zh-CN'),
        people.superAdmin,
        {
          documentIds: [id],
        },
      );
      expect(bulkDelete.status).toBeGreaterThanOrEqual(400);
      expect(await publicEntry(article.uid, id)).not.toBeNull();
      // Deleting drafts in bulk still works for their author.
      const spare = await world.draft('可删除的草稿');
      const ok = await world.call('POST', world.cm('/actions/bulkDelete?locale=zh-CN'), people.author, {
        documentIds: [spare],
      });
      expect([ok.status, ok.body?.error?.message]).toEqual([200, undefined]);
    });

    it('shows another site’s author no draft through the content manager’s history or relation pickers', async () => {
      const id = await world.draft('历史版本泄露测试');
      await world.call('PUT', world.cm(`/${id}?locale=zh-CN`), people.author, { body: '历史版本正文机密' });
      const history = await world.call(
        'GET',
        `/content-manager/history-versions?contentType=${encodeURIComponent(article.uid)}&documentId=${id}&locale=zh-CN`,
        people.authorB,
      );
      expect(history.status).toBeLessThan(500);
      expect(JSON.stringify(history.body)).not.toContain('历史版本');
      const pickers = await world.call(
        'GET',
        `/content-manager/relations/${interpretation.uid}/policy?locale=zh-CN&pageSize=100`,
        people.authorB,
      );
      expect(pickers.status).toBeLessThan(500);
      await world.draft('他站的政策草稿', { type: policy });
      const again = await world.call(
        'GET',
        `/content-manager/relations/${interpretation.uid}/policy?locale=zh-CN&pageSize=100`,
        people.authorB,
      );
      expect(JSON.stringify(again.body)).not.toContain('他站的政策草稿');
    });

    it('refuses an approval of a version the reviewer did not see (changed and submitted again meanwhile)', async () => {
      const id = await world.draft('过期页面审核：第一版');
      await world.review(people.author, 'submit', id);
      const seen = (await world.state(people.unit, id)).versionHash;
      expect(seen).toMatch(/^[0-9a-f]{64}$/);
      // While the reviewer reads version 1, the author changes it and submits again.
      await world.call('PUT', world.cm(`/${id}?locale=zh-CN`), people.author, { body: '第二版：悄悄改了' });
      await world.review(people.author, 'submit', id);
      const stale = await world.review(people.unit, 'approve', id, { versionHash: seen });
      expect(stale.status).toBe(409);
      expect(stale.body.error.details.code).toBe('stale-view');
      const current = (await world.state(people.unit, id)).versionHash;
      expect(current).not.toBe(seen);
      expect((await world.review(people.unit, 'approve', id, { versionHash: current })).status).toBe(200);
    });

    it('never publishes text written while the final approval runs', async () => {
      for (let round = 0; round < 6; round += 1) {
        const original = `并发终审第${round}轮：原文`;
        const id = await world.draft(`并发终审第${round}轮`, { data: { body: original } });
        await world.review(people.author, 'submit', id);
        await world.review(people.unit, 'approve', id);
        await world.review(people.web, 'approve', id);
        await Promise.all([
          world.review(people.secrecy, 'approve', id),
          world.call('PUT', world.cm(`/${id}?locale=zh-CN`), people.author, {
            body: `并发终审第${round}轮：偷改`,
          }),
        ]);
        const online = await publicEntry(article.uid, id);
        if (online) expect(online.body).toBe(original);
        const state = await world.state(people.web, id);
        // Either the approval came first (online: the original; the edit then sent the draft back) or the
        // edit did (nothing online, back at draft).
        expect(state.stage).toBe('draft');
      }
    });

    it('refuses reasons that are empty once invisible characters are left out', async () => {
      const id = await world.draft('不可见理由测试');
      for (const comment of [
        '\u200B',
        '\u200B\u200B\u200B\u200B\u200B',
        ' \uFEFF\u2060 ',
        '。。。。',
        '急\u200D',
      ]) {
        const emergency = await world.review(people.admin, 'emergency-publish', id, { comment });
        expect([JSON.stringify(comment), emergency.status]).toEqual([JSON.stringify(comment), 400]);
      }
      expect(await publicEntry(article.uid, id)).toBeNull();
      await world.approveAll(id);
      const withdraw = await world.review(people.admin, 'withdraw', id, {
        comment: '\u3164\u3164\u3164\u3164',
      });
      expect(withdraw.status).toBe(400);
      expect(await publicEntry(article.uid, id)).not.toBeNull();
      await world.call('PUT', world.cm(`/${id}?locale=zh-CN`), people.author, { body: '再次修改' });
      await world.review(people.author, 'submit', id);
      const reject = await world.review(people.unit, 'reject', id, {
        comment: '\u2800\u2800\u2800\u2800\u2800',
      });
      expect(reject.status).toBe(400);
    });

    it('refuses raw query-engine writes of reviewed content, online rows included, and logs nothing it did not do', async () => {
      const id = await world.draft('原始写入测试');
      await world.approveAll(id);
      const rows = world.app.strapi.db.query(article.uid as any);
      const online = await rows.findOne({ where: { documentId: id, publishedAt: { $notNull: true } } });
      const attempts: [string, () => Promise<unknown>][] = [
        ['update', () => rows.update({ where: { id: online.id }, data: { title: '篡改' } })],
        ['updateMany', () => rows.updateMany({ where: { documentId: id }, data: { title: '篡改' } })],
        ['delete', () => rows.delete({ where: { id: online.id } })],
        ['deleteMany', () => rows.deleteMany({ where: { documentId: id } })],
        [
          'create',
          () => rows.create({ data: { ...online, id: undefined, title: '伪造', publishedAt: new Date() } }),
        ],
        ['createMany', () => rows.createMany({ data: [{ ...online, id: undefined, title: '伪造' }] })],
      ];
      for (const [name, attempt] of attempts) {
        await expect(attempt(), name).rejects.toThrow(/不能直接写数据库/);
      }
      expect((await publicEntry(article.uid, id))?.title).toBe('原始写入测试');
      // The registry too.
      await expect(
        world.app.strapi.db
          .query('api::site.site' as any)
          .updateMany({ where: {}, data: { basePath: '/x/' } }),
      ).rejects.toThrow(/不能直接写数据库/);
    });

    it('refuses to delete a locale that content exists in, and to change the default locale', async () => {
      const locales = (await world.call('GET', '/i18n/locales', people.superAdmin)).body as any[];
      const en = locales.find((locale) => locale.code === 'en');
      const id = await world.draft('语言删除测试');
      await world.call('PUT', world.cm(`/${id}?locale=en`), people.author, {
        ...article.draft('Locale deletion', {
          site: world.sites['hexi-town'] as string,
          column: world.columns['hexi-town'] as string,
        }),
      });
      await world.approveAll(id, { locale: 'en' });
      expect(await publicEntry(article.uid, id, 'en')).not.toBeNull();
      const removed = await world.call('DELETE', `/i18n/locales/${en.id}`, people.superAdmin);
      expect(removed.status).toBe(403);
      expect(removed.body.error.message).toMatch(/不能删除/);
      expect(await publicEntry(article.uid, id, 'en')).not.toBeNull();
      const defaultChange = await world.call('PUT', `/i18n/locales/${en.id}`, people.superAdmin, {
        isDefault: true,
        name: 'English (en)',
      });
      expect(defaultChange.status).toBe(403);
    });

    it('records every change to sites and columns in the append-only log, with who made it', async () => {
      const changed = await world.call(
        'PUT',
        world.cm(`/${world.columns.fgw}`, 'api::column.column'),
        people.admin,
        { name: { zhCN: '工作动态' } },
      );
      expect([changed.status, changed.body?.error?.message]).toEqual([200, undefined]);
      const entries = (await world.app.strapi.db.query(logUid as any).findMany({
        where: { targetUid: 'api::column.column', targetDocumentId: world.columns.fgw },
      })) as any[];
      expect(entries.at(-1)).toMatchObject({
        action: 'registry-update',
        actorId: people.admin.id,
        actorRole: 'site_admin',
      });
      expect(JSON.stringify(entries.at(-1).details)).toContain('工作动态');
      // Authors may not change the registry at all.
      const byAuthor = await world.call(
        'PUT',
        world.cm(`/${world.columns['hexi-town']}`, 'api::column.column'),
        people.author,
        {
          name: { zhCN: '改名' },
        },
      );
      expect(byAuthor.status).toBe(403);
    });

    it('logs content put online by an import on the trusted path', async () => {
      const { runTrusted } = await import('../../plugins/review/server/src/trust');
      const created = (await runTrusted('seed', () =>
        world.app.strapi.documents(article.uid as any).create({
          data: article.draft('导入的文章', {
            site: world.sites.portal as string,
            column: world.columns.portal as string,
          }) as any,
          status: 'published',
        }),
      )) as any;
      const entries = (await world.app.strapi.db.query(logUid as any).findMany({
        where: { targetDocumentId: created.documentId },
      })) as any[];
      expect(entries.map((entry) => [entry.action, entry.toStage, entry.details?.via])).toEqual([
        ['import', 'published', 'seed'],
      ]);
    });
  });
}
