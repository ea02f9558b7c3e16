/**
 * The review before publish, against a real Strapi (one per file): every rule of DESIGN.md "Review
 * before publish" and every bypass of issue 4 — publish as author and as unit reviewer, bulk publish,
 * API-token writes with status published, document-service calls from code, self-approval, two levels by
 * one person, another site's content, change after approval, editing or deleting log entries. Each is
 * refused with a message that says why, and the public API shows nothing it should not.
 * Long on purpose: one list of cases against one booted Strapi, each case a few lines; split, every
 * part would boot its own Strapi (one per file) and repeat the world setup.
 */
import { calendarDay } from '@govcluster/shared/dates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../boot-strapi';
import { createReviewWorld, type ReviewWorld } from './review-world';

const articleUid = 'api::article.article';
const logUid = 'plugin::review.review-log';

/** Registers the suite for one database. */
export function describeReview(database: TestDatabase): void {
  describe(`review before publish on ${database}`, () => {
    // The world and its parts, set once beforeAll has booted Strapi.
    let world: ReviewWorld;
    let app: ReviewWorld['app'];
    let sites: ReviewWorld['sites'];
    let people: ReviewWorld['people'];
    const call: ReviewWorld['call'] = (...args) => world.call(...args);
    const review = (
      who: Parameters<ReviewWorld['review']>[0],
      action: string,
      documentId: string,
      body = {},
    ) => world.review(who, action, documentId, body);
    const state = (who: Parameters<ReviewWorld['state']>[0], documentId: string, locale = 'zh-CN') =>
      world.state(who, documentId, locale);
    const publicTitles = (locale = 'zh-CN') => world.publicTitles(locale);
    const cm = (path: string) => world.cm(path);
    const draft = async (title: string, site = 'hexi-town', body = `${title}的正文。`, who = people.author) =>
      world.draft(title, { site, who, data: { body } });
    const approveAll = (documentId: string, last: Record<string, unknown> = {}) =>
      world.approveAll(documentId, { last });
    let apiToken = '';

    beforeAll(async () => {
      world = await createReviewWorld(database);
      ({ app, sites, people, apiToken } = world);
    });

    afterAll(async () => {
      await world?.close();
    });

    it('creates the five review roles at bootstrap, authors and unit reviewers scoped to their sites', async () => {
      const roles = (await app.strapi.db
        .query('admin::role')
        .findMany({ where: { code: { $startsWith: 'govcluster-' } }, populate: ['permissions'] })) as any[];
      expect(roles.map((role) => role.code).sort()).toEqual([
        'govcluster-author',
        'govcluster-secrecy-reviewer',
        'govcluster-site-admin',
        'govcluster-unit-reviewer',
        'govcluster-web-reviewer',
      ]);
      const author = roles.find((role) => role.code === 'govcluster-author');
      const articlePermissions = author.permissions.filter((p: any) => p.subject === articleUid);
      expect(articlePermissions.map((p: any) => p.action.split('.').pop()).sort()).toEqual([
        'create',
        'delete',
        'read',
        'update',
      ]);
      expect(articlePermissions.every((p: any) => p.conditions.includes('plugin::review.own-sites'))).toBe(
        true,
      );
      // Nobody gets the content manager's publish permission.
      expect(roles.flatMap((role) => role.permissions).some((p: any) => p.action.endsWith('.publish'))).toBe(
        false,
      );
    });

    it('takes an entry through three levels by three people and only then shows it to the public', async () => {
      const id = await draft('河西镇召开春耕动员会');
      const submitted = await review(people.author, 'submit', id);
      expect(submitted.body.data).toMatchObject({
        stage: 'unit_review',
        stageLabel: { 'zh-CN': '本单位审核' },
      });
      expect((await review(people.unit, 'approve', id)).body.data.stage).toBe('web_review');
      expect(await publicTitles()).not.toContain('河西镇召开春耕动员会');
      expect((await review(people.web, 'approve', id)).body.data.stage).toBe('secrecy_review');
      expect(await publicTitles()).not.toContain('河西镇召开春耕动员会');
      const done = await review(people.secrecy, 'approve', id);
      expect(done.body.data.stage).toBe('published');
      expect(await publicTitles()).toContain('河西镇召开春耕动员会');
      const history = done.body.data.history.map((h: any) => [
        h.action,
        h.fromStage,
        h.toStage,
        h.actorRole,
        h.actorId,
      ]);
      expect(history).toEqual([
        ['submit', 'draft', 'unit_review', 'author', people.author.id],
        ['approve', 'unit_review', 'web_review', 'unit_reviewer', people.unit.id],
        ['approve', 'web_review', 'secrecy_review', 'web_reviewer', people.web.id],
        ['approve', 'secrecy_review', 'approved', 'secrecy_reviewer', people.secrecy.id],
        ['publish', 'approved', 'published', 'system', null],
      ]);
      expect(done.body.data.history.every((h: any) => !Number.isNaN(Date.parse(h.at)))).toBe(true);
    });

    it('refuses publishing through the content manager: author, unit reviewer, super admin, save-and-publish, bulk', async () => {
      const id = await draft('未经审核的通知');
      for (const who of [people.author, people.unit]) {
        const refused = await call('POST', cm(`/${id}/actions/publish?locale=zh-CN`), who, {});
        expect(refused.status).toBe(403);
        expect(refused.body.error.message).toMatch(/三级审核.*Submit for review/);
      }
      const asSuper = await call('POST', cm(`/${id}/actions/publish?locale=zh-CN`), people.superAdmin, {});
      expect(asSuper.status).toBe(403);
      expect(asSuper.body.error).toMatchObject({
        name: 'ForbiddenError',
        details: { code: 'publish-needs-review' },
      });
      expect(asSuper.body.error.message).toMatch(/三位不同人员.*three approvals by three different people/);
      const saveAndPublish = await call('POST', cm('/actions/publish?locale=zh-CN'), people.superAdmin, {
        key: 'save-and-publish',
        title: '新建即发布',
        body: '正文',
        source: '办公室',
        datePublished: '2026-01-15T09:30:00+08:00',
        dateModified: '2026-01-15T09:30:00+08:00',
      });
      expect(saveAndPublish.status).toBe(403);
      expect(saveAndPublish.body.error.details.code).toBe('publish-needs-review');
      // The half-made entry was rolled back with the refused publish.
      expect(await app.strapi.db.query(articleUid as any).count({ where: { key: 'save-and-publish' } })).toBe(
        0,
      );
      const bulk = await call('POST', cm('/actions/bulkPublish?locale=zh-CN'), people.superAdmin, {
        documentIds: [id],
      });
      expect(bulk.status).toBe(403);
      expect(bulk.body.error.message).toMatch(/three approvals/);
      expect(await publicTitles()).not.toContain('未经审核的通知');
    });

    it('refuses REST and API-token writes with status published, and document-service calls from code', async () => {
      const data = {
        key: 'api-token-entry',
        title: '令牌直接发布',
        body: '正文',
        source: '办公室',
        datePublished: '2026-01-15T09:30:00+08:00',
        dateModified: '2026-01-15T09:30:00+08:00',
      };
      const created = await call('POST', '/api/articles', apiToken, { data });
      expect(created.status).toBe(403);
      expect(created.body.error.message).toMatch(/三级审核/);
      // A draft through the API is fine; turning it into a published one is not.
      const asDraft = await call('POST', '/api/articles?status=draft', apiToken, { data });
      expect(asDraft.status).toBe(201);
      const id = asDraft.body.data.documentId;
      const put = await call('PUT', `/api/articles/${id}`, apiToken, { data: { title: '令牌更新即发布' } });
      expect(put.status).toBe(403);
      expect(put.body.error.details.code).toBe('publish-needs-review');
      const documents = app.strapi.documents(articleUid as any);
      await expect(documents.publish({ documentId: id } as any)).rejects.toThrow(/three approvals/);
      await expect(
        documents.create({ data: { ...data, key: 'from-code' }, status: 'published' } as any),
      ).rejects.toThrow(/三级审核/);
      await expect(
        documents.update({ documentId: id, data: { title: 'x' }, status: 'published' } as any),
      ).rejects.toThrow(/三级审核/);
      // Even the query engine refuses to write a published row.
      await expect(
        app.strapi.db.query(articleUid as any).create({
          data: {
            ...data,
            key: 'raw',
            documentId: 'rawrawrawrawrawrawrawraw',
            locale: 'zh-CN',
            publishedAt: new Date(),
          },
        }),
      ).rejects.toThrow(/不能直接写数据库/);
      const titles = await publicTitles();
      for (const title of ['令牌直接发布', '令牌更新即发布']) expect(titles).not.toContain(title);
    });

    it('never lets the author approve: not by role, and not when the author also holds a reviewer role', async () => {
      const id = await draft('撰稿人自审测试', 'hexi-town', '正文', people.authorUnit);
      const asAuthor = await review(people.authorUnit, 'submit', id);
      expect(asAuthor.body.data.stage).toBe('unit_review');
      expect(asAuthor.body.data.actions).not.toContain('approve');
      const self = await review(people.authorUnit, 'approve', id);
      expect(self.status).toBe(403);
      expect(self.body.error).toMatchObject({ details: { code: 'author-cannot-review' } });
      expect(self.body.error.message).toMatch(/撰稿人不能审核自己撰写的内容/);
      const plainAuthor = await review(people.author, 'approve', id);
      expect(plainAuthor.status).toBe(403);
      expect(plainAuthor.body.error.message).toMatch(/只能由本单位审核人执行/);
    });

    it('lets one person approve at most one level of the same version', async () => {
      const id = await draft('一人两级测试');
      await review(people.author, 'submit', id);
      expect((await review(people.unitWeb, 'approve', id)).body.data.stage).toBe('web_review');
      const second = await review(people.unitWeb, 'approve', id);
      expect(second.status).toBe(403);
      expect(second.body.error.details.code).toBe('already-approved');
      expect(second.body.error.message).toMatch(/三位不同人员/);
      expect((await state(people.web, id)).stage).toBe('web_review');
    });

    it('keeps authors and unit reviewers to their own sites, in the review and in the content manager', async () => {
      const id = await draft('河西镇的稿件');
      await review(people.author, 'submit', id);
      const other = await review(people.unitB, 'approve', id);
      expect(other.status).toBe(403);
      expect(other.body.error.details.code).toBe('other-site');
      expect(other.body.error.message).toMatch(/本单位站点/);
      // The other site's author does not even see the draft in the content manager.
      const list = await call('GET', cm('?locale=zh-CN&pageSize=100'), people.authorB);
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain('河西镇的稿件');
      const one = await call('GET', cm(`/${id}?locale=zh-CN`), people.authorB);
      expect(one.status).toBe(403);
      const edit = await call('PUT', cm(`/${id}?locale=zh-CN`), people.authorB, { title: '改别人的稿' });
      expect(edit.status).toBe(403);
      const mine = await call('GET', cm('?locale=zh-CN&pageSize=100'), people.author);
      expect(JSON.stringify(mine.body)).toContain('河西镇的稿件');
      // Nor can an author write for another site, or move an entry there.
      const foreign = await call('POST', cm('?locale=zh-CN'), people.author, {
        key: 'foreign-site',
        title: '写到别的站点',
        body: '正文',
        source: '办公室',
        datePublished: '2026-01-15T09:30:00+08:00',
        dateModified: '2026-01-15T09:30:00+08:00',
        site: { connect: [{ documentId: sites.fgw }] },
      });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.details.code).toBe('other-site');
      expect(foreign.body.error.message).toMatch(/不能写入站点“fgw”/);
      const moved = await call('PUT', cm(`/${id}?locale=zh-CN`), people.author, {
        site: { connect: [{ documentId: sites.fgw }] },
      });
      expect(moved.status).toBe(403);
      expect(moved.body.error.details.code).toBe('other-site');
    });

    it('sends a changed entry back to draft while the published version stays online unchanged', async () => {
      const id = await draft('政策解读：第一版');
      await approveAll(id);
      expect(await publicTitles()).toContain('政策解读：第一版');
      const edited = await call('PUT', cm(`/${id}?locale=zh-CN`), people.author, {
        title: '政策解读：第二版',
      });
      expect(edited.status).toBe(200);
      const after = await state(people.author, id);
      expect(after.stage).toBe('draft');
      expect(after.hasPublishedVersion).toBe(true);
      // The history names who changed it, as it names the reviewers.
      expect(after.history.at(-1)).toMatchObject({
        action: 'edit',
        fromStage: 'published',
        toStage: 'draft',
        actorId: people.author.id,
        actorName: 'author Test',
      });
      const titles = await publicTitles();
      expect(titles).toContain('政策解读：第一版');
      expect(titles).not.toContain('政策解读：第二版');
      // A change in the middle of the review resets the approvals too.
      await review(people.author, 'submit', id);
      await review(people.unit, 'approve', id);
      await call('PUT', cm(`/${id}?locale=zh-CN`), people.author, { title: '政策解读：第三版' });
      const reset = await state(people.unit, id);
      expect([reset.stage, reset.approvers]).toEqual(['draft', []]);
      await approveAll(id);
      expect(await publicTitles()).toContain('政策解读：第三版');
      expect(await publicTitles()).not.toContain('政策解读：第一版');
    });

    it('shows reviewers what a change does to the online version, field by field, to those who may see its review', async () => {
      const id = await draft('河西镇秋收工作通知', 'hexi-town', '各村：请于10月15日前完成秋收。特此通知。');
      const diffOf = (who: typeof people.unit) =>
        call('GET', `/review/${encodeURIComponent(articleUid)}/${id}/diff?locale=zh-CN`, who);
      // Nothing online yet: nothing to compare with.
      expect((await diffOf(people.unit)).body.data).toEqual({ online: false, changes: [] });
      await approveAll(id);
      expect((await diffOf(people.unit)).body.data).toEqual({ online: true, changes: [] });
      await call('PUT', cm(`/${id}?locale=zh-CN`), people.author, {
        title: '河西镇秋收工作通知（更正）',
        body: '各村：请于10月20日前完成秋收。特此通知。',
      });
      const diff = await diffOf(people.unit);
      expect(diff.status).toBe(200);
      const changed = Object.fromEntries(
        diff.body.data.changes.map((change: any) => [
          change.label,
          change.pieces
            .filter((piece: any) => piece.op !== 'same')
            .map((piece: any) => `${piece.op}:${piece.text}`),
        ]),
      );
      expect(changed).toEqual({ 标题: ['ins:（更正）'], 正文: ['del:15', 'ins:20'] });
      // Another township's unit reviewer may not see this review, nor what changed.
      expect((await diffOf(people.unitB)).status).toBe(403);
    });

    it('reviews each locale version on its own', async () => {
      const id = await draft('双语稿件');
      const en = await call('PUT', cm(`/${id}?locale=en`), people.author, {
        key: 'ignored',
        title: 'Bilingual entry',
        body: 'Body text.',
        source: 'General Office',
        datePublished: '2026-01-15T09:30:00+08:00',
        dateModified: '2026-01-15T09:30:00+08:00',
        // Relations are per locale in Strapi 5: the English version names its site too.
        site: { connect: [{ documentId: sites['hexi-town'] }] },
      });
      expect(en.status).toBe(200);
      await approveAll(id);
      expect(await publicTitles('zh-CN')).toContain('双语稿件');
      expect(await publicTitles('en')).not.toContain('Bilingual entry');
      expect((await state(people.web, id, 'en')).stage).toBe('draft');
      expect((await review(people.author, 'submit', id, { locale: 'en' })).body.data).toMatchObject({
        locale: 'en',
        stage: 'unit_review',
      });
      expect((await state(people.web, id, 'zh-CN')).stage).toBe('published');
      for (const who of [people.unit, people.web, people.secrecy]) {
        expect((await review(who, 'approve', id, { locale: 'en' })).status).toBe(200);
      }
      expect(await publicTitles('en')).toContain('Bilingual entry');
    });

    it('sends the other locale versions back to draft when a field shared by all locales changes, and keeps their online versions as approved', async () => {
      const id = await draft('共享字段稿件');
      const { key } = (await app.strapi.db
        .query(articleUid as any)
        .findOne({ where: { documentId: id, locale: 'zh-CN' } })) as any;
      const en = await call('PUT', cm(`/${id}?locale=en`), people.author, {
        key,
        title: 'Shared fields, first version',
        body: 'Body text.',
        source: 'General Office',
        datePublished: '2026-01-15T09:30:00+08:00',
        dateModified: '2026-01-15T09:30:00+08:00',
        site: { connect: [{ documentId: sites['hexi-town'] }] },
      });
      expect(en.status).toBe(200);
      await approveAll(id);
      await review(people.author, 'submit', id, { locale: 'en' });
      for (const who of [people.unit, people.web, people.secrecy]) {
        expect((await review(who, 'approve', id, { locale: 'en' })).status).toBe(200);
      }
      const onlineEn = async () => ({
        api: (
          await call(
            'GET',
            `/api/articles?locale=en&filters[documentId][$eq]=${id}&populate[0]=site&populate[1]=column&populate[2]=images&populate[3]=attachments`,
          )
        ).body.data,
        row: await app.strapi.db
          .connection('articles')
          .where({ document_id: id, locale: 'en' })
          .whereNotNull('published_at')
          .first(),
      });
      const approvedEn = await onlineEn();
      expect(approvedEn.api.map((a: any) => [a.title, a.datePublished])).toEqual([
        ['Shared fields, first version', '2026-01-15T01:30:00.000Z'],
      ]);
      // The English version is back in review with a new title when the Chinese version's publication
      // date (not localized: one value for every locale) is changed.
      await call('PUT', cm(`/${id}?locale=en`), people.author, { title: 'Shared fields, second version' });
      await review(people.author, 'submit', id, { locale: 'en' });
      expect((await review(people.unit, 'approve', id, { locale: 'en' })).body.data.stage).toBe('web_review');
      const edited = await call('PUT', cm(`/${id}?locale=zh-CN`), people.author, {
        datePublished: '2026-02-20T09:30:00+08:00',
      });
      expect(edited.status).toBe(200);
      const enState = await state(people.web, id, 'en');
      expect([enState.stage, enState.approvers, enState.hasPublishedVersion]).toEqual(['draft', [], true]);
      expect(enState.actions).not.toContain('approve');
      expect(enState.history.at(-1)).toMatchObject({
        action: 'edit',
        fromStage: 'web_review',
        toStage: 'draft',
        actorId: people.author.id,
        details: { via: 'zh-CN', fields: ['datePublished'] },
      });
      expect(await onlineEn()).toEqual(approvedEn);
      // The Chinese version passes its three levels and goes online; the English online version is not
      // touched by that publish (on PostgreSQL, Strapi's i18n plugin would copy the shared fields onto it).
      await approveAll(id);
      const zh = (await call('GET', `/api/articles?locale=zh-CN&filters[documentId][$eq]=${id}`)).body.data;
      expect(zh.map((a: any) => a.datePublished)).toEqual(['2026-02-20T01:30:00.000Z']);
      expect(await onlineEn()).toEqual(approvedEn);
      expect((await state(people.web, id, 'en')).stage).toBe('draft');
      // Only its own review brings the new shared value to the English online version.
      await review(people.author, 'submit', id, { locale: 'en' });
      for (const who of [people.unit, people.web, people.secrecy]) {
        expect((await review(who, 'approve', id, { locale: 'en' })).status).toBe(200);
      }
      expect((await onlineEn()).api.map((a: any) => [a.title, a.datePublished])).toEqual([
        ['Shared fields, second version', '2026-02-20T01:30:00.000Z'],
      ]);
    });

    it('lets only one of several simultaneous actions on the same entry win', async () => {
      const id = await draft('并发提交测试');
      const submits = await Promise.all(Array.from({ length: 5 }, () => review(people.author, 'submit', id)));
      expect(submits.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      expect(submits.find((r) => r.status === 409)?.body.error.message).toMatch(
        /刷新后重试|not possible at the/,
      );
      const approvals = await Promise.all([
        review(people.unit, 'approve', id),
        review(people.authorUnit, 'approve', id),
      ]);
      // The loser finds the entry moved on: either it lost the race (409) or the web-review level is not
      // a unit reviewer's to approve (403); never a second approval.
      const [winner, loser] = approvals.map((r) => r.status).sort();
      expect(winner).toBe(200);
      expect([403, 409]).toContain(loser);
      const entry = await state(people.web, id);
      expect([entry.stage, entry.approvers.length]).toEqual(['web_review', 1]);
      expect(entry.history.map((h: any) => h.action)).toEqual(['submit', 'approve']);
      const rows = await app.strapi.db
        .query('plugin::review.review-state' as any)
        .count({ where: { targetDocumentId: id } });
      expect(rows).toBe(1);
    });

    it('needs a comment to reject and sends the entry back to the author', async () => {
      const id = await draft('退回测试');
      await review(people.author, 'submit', id);
      const bare = await review(people.unit, 'reject', id, { comment: '   ' });
      expect(bare.status).toBe(400);
      expect(bare.body.error.message).toMatch(/须填写理由/);
      const rejected = await review(people.unit, 'reject', id, { comment: '数据需要核实' });
      expect(rejected.body.data.stage).toBe('draft');
      expect(rejected.body.data.history.at(-1)).toMatchObject({
        action: 'reject',
        comment: '数据需要核实',
        actorRole: 'unit_reviewer',
      });
      const queue = (await call('GET', '/review/queue', people.author)).body.data;
      expect(queue.items.map((item: any) => item.documentId)).toContain(id);
      expect(queue.counts.returned).toBeGreaterThan(0);
    });

    it('screens at submit and blocks a secrecy marking unless the secrecy reviewer overrides with a reason', async () => {
      await app.strapi
        .documents('plugin::review.sensitive-word' as any)
        .create({ data: { word: '内部传阅' } });
      const id = await draft(
        '含敏感信息的稿件',
        'hexi-town',
        '★机密★ 联系人手机13800138000，身份证号11010519491231002X，仅供内部传阅。',
      );
      const submitted = (await review(people.author, 'submit', id)).body.data;
      expect(submitted.findings.map((f: any) => `${f.kind}:${f.match}`)).toEqual([
        'secrecy-marking:机密',
        'mobile-phone:13800138000',
        'id-number:11010519491231002X',
        'secrecy-marking:内部',
        'sensitive-word:内部传阅',
      ]);
      // Every reviewer sees them.
      expect((await state(people.web, id)).findings).toHaveLength(5);
      await review(people.unit, 'approve', id);
      await review(people.web, 'approve', id);
      const blocked = await review(people.secrecy, 'approve', id);
      expect(blocked.status).toBe(403);
      expect(blocked.body.error.details.code).toBe('secrecy-marking');
      expect(blocked.body.error.message).toMatch(/密级标志（机密、内部）/);
      const noReason = await review(people.secrecy, 'approve', id, { override: true });
      expect(noReason.status).toBe(403);
      const overridden = await review(people.secrecy, 'approve', id, {
        override: true,
        comment: '“机密”为公司名称的一部分，已核实',
      });
      expect(overridden.body.data.stage).toBe('published');
      expect(
        overridden.body.data.history.find(
          (h: any) => h.action === 'approve' && h.actorRole === 'secrecy_reviewer',
        ),
      ).toMatchObject({
        comment: '“机密”为公司名称的一部分，已核实',
        details: { override: ['机密', '内部'] },
      });
    });

    it('lets a site administrator publish in an emergency with a reason, flagged until both cluster reviewers confirm', async () => {
      const id = await draft('暴雨红色预警');
      const noReason = await review(people.admin, 'emergency-publish', id);
      expect(noReason.status).toBe(400);
      expect((await review(people.author, 'emergency-publish', id, { comment: '急' })).status).toBe(403);
      const published = await review(people.admin, 'emergency-publish', id, {
        comment: '气象台发布暴雨红色预警，须立即发布',
      });
      expect(published.body.data).toMatchObject({ stage: 'published', flagged: true });
      expect(await publicTitles()).toContain('暴雨红色预警');
      const webQueue = (await call('GET', '/review/queue', people.web)).body.data;
      expect(webQueue.items.find((item: any) => item.documentId === id)).toMatchObject({ flagged: true });
      expect((await review(people.web, 'confirm', id)).body.data.flagged).toBe(true);
      expect((await review(people.author, 'confirm', id)).status).toBe(403);
      const cleared = await review(people.secrecy, 'confirm', id, { comment: '已事后审核' });
      expect(cleared.body.data.flagged).toBe(false);
      expect(cleared.body.data.history.map((h: any) => h.action)).toEqual([
        'emergency_publish',
        'confirm',
        'confirm',
      ]);
    });

    it('withdraws only with a reason, through the review, and logs it', async () => {
      const id = await draft('待撤稿的文章');
      await approveAll(id);
      const viaCm = await call('POST', cm(`/${id}/actions/unpublish?locale=zh-CN`), people.superAdmin, {});
      expect(viaCm.status).toBe(403);
      expect(viaCm.body.error.message).toMatch(/撤稿.*理由/);
      await expect(
        app.strapi.documents(articleUid as any).unpublish({ documentId: id } as any),
      ).rejects.toThrow(/Withdraw/);
      const deleted = await call('DELETE', cm(`/${id}?locale=zh-CN`), people.superAdmin);
      expect(deleted.status).toBe(403);
      expect(deleted.body.error.details.code).toBe('delete-published');
      expect((await review(people.admin, 'withdraw', id)).status).toBe(400);
      const withdrawn = await review(people.admin, 'withdraw', id, { comment: '政策已调整' });
      expect(withdrawn.body.data.stage).toBe('draft');
      expect(withdrawn.body.data.history.at(-1)).toMatchObject({
        action: 'withdraw',
        comment: '政策已调整',
        actorRole: 'site_admin',
      });
      expect(await publicTitles()).not.toContain('待撤稿的文章');
    });

    it('publishes an approved entry at its scheduled time, not before', async () => {
      const id = await draft('定时发布的公告');
      const later = new Date(Date.now() + 3_600_000).toISOString();
      const approved = await approveAll(id, { publishAt: later });
      expect(approved.stage).toBe('approved');
      const service = app.strapi.plugin('review').service('review') as any;
      expect(await service.publishDue(new Date())).toBe(0);
      expect(await publicTitles()).not.toContain('定时发布的公告');
      expect(await service.publishDue(new Date(Date.now() + 3_700_000))).toBe(1);
      expect(await publicTitles()).toContain('定时发布的公告');
      const after = await state(people.web, id);
      expect(after.stage).toBe('published');
      expect(after.history.at(-1)).toMatchObject({
        action: 'publish',
        actorRole: 'system',
        details: { scheduledFor: expect.any(String) },
      });
    });

    it('publishes an entry whose time came while the CMS was stopped, when a new CMS starts on the same database', async () => {
      const id = await draft('停机期间到期的公告');
      await review(people.author, 'submit', id);
      await review(people.unit, 'approve', id);
      await review(people.web, 'approve', id);
      const publishAt = new Date(Date.now() + 5_000);
      const approved = await review(people.secrecy, 'approve', id, { publishAt: publishAt.toISOString() });
      expect(approved.body.data.stage).toBe('approved');
      expect(await publicTitles()).not.toContain('停机期间到期的公告');
      let startedAgainAt = 0;
      await app.restart(async () => {
        await new Promise((resolve) => setTimeout(resolve, publishAt.getTime() - Date.now() + 500));
        startedAgainAt = Date.now();
      });
      expect(await publicTitles()).toContain('停机期间到期的公告');
      const after = await state(people.web, id);
      expect(after.stage).toBe('published');
      const published = after.history.at(-1);
      expect(published).toMatchObject({ action: 'publish', actorRole: 'system', actorId: null });
      expect(Date.parse(published.details.scheduledFor)).toBe(publishAt.getTime());
      // Published by the new instance, not by the old one before it stopped.
      expect(Date.parse(published.at)).toBeGreaterThanOrEqual(startedAgainAt);
    });

    it('keeps the log append-only for everyone, super admin included, on every path', async () => {
      const row = (await app.strapi.db.query(logUid as any).findOne({ where: {} })) as any;
      expect(row).toBeTruthy();
      const logs = app.strapi.documents(logUid as any);
      await expect(
        logs.update({ documentId: row.documentId, data: { comment: '改写' } } as any),
      ).rejects.toThrow(/append-only/);
      await expect(logs.delete({ documentId: row.documentId } as any)).rejects.toThrow(/append-only/);
      await expect(
        app.strapi.db.query(logUid as any).update({ where: { id: row.id }, data: { comment: '改写' } }),
      ).rejects.toThrow(/只能追加/);
      await expect(app.strapi.db.query(logUid as any).delete({ where: { id: row.id } })).rejects.toThrow(
        /append-only/,
      );
      await expect(app.strapi.db.query(logUid as any).deleteMany({ where: {} })).rejects.toThrow(
        /append-only/,
      );
      const path = `/content-manager/collection-types/${logUid}/${row.documentId}`;
      const put = await call('PUT', path, people.superAdmin, { comment: '改写' });
      expect(put.status).toBe(403);
      expect((await call('DELETE', path, people.superAdmin)).status).toBe(403);
      for (const method of ['PUT', 'DELETE', 'PATCH']) {
        // There is no route that changes the log.
        const status = (await call(method, `/review/log/${row.id}`, people.superAdmin, {})).status;
        expect([method, [404, 405].includes(status)]).toEqual([method, true]);
      }
      // Not even raw SQL through Strapi's own connection: the database refuses it.
      await expect(
        app.strapi.db.connection('review_logs').where({ id: row.id }).update({ comment: '改写' }),
      ).rejects.toThrow(/append-only/);
      await expect(app.strapi.db.connection('review_logs').where({ id: row.id }).del()).rejects.toThrow(
        /append-only/,
      );
      const again = (await app.strapi.db.query(logUid as any).findOne({ where: { id: row.id } })) as any;
      expect(again.comment).toBe(row.comment);
    });

    it('exports the log as CSV by site and date range, to cluster-wide roles only', async () => {
      const today = calendarDay(Date.now());
      const csv = await call('GET', `/review/log.csv?site=hexi-town&from=${today}&to=${today}`, people.web);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      const lines = String(csv.body)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'at,site,targetUid,targetDocumentId,targetLocale,title,action,fromStage,toStage,actorId,actorName,actorEmail,actorRole,comment',
      );
      expect(lines.length).toBeGreaterThan(10);
      expect(lines.slice(1).every((line) => line.includes('"hexi-town"'))).toBe(true);
      expect(String(csv.body)).toContain('"数据需要核实"');
      const none = await call(
        'GET',
        '/review/log.csv?site=hexi-town&from=2020-01-01&to=2020-01-31',
        people.web,
      );
      expect(String(none.body).trim().split('\r\n')).toHaveLength(1);
      expect((await call('GET', '/review/log.csv', people.author)).status).toBe(403);
      expect((await call('GET', '/review/log.csv?from=yesterday', people.web)).status).toBe(400);
    });

    it('lists what waits for each reviewer, with counts', async () => {
      const a = await draft('排队一');
      const b = await draft('排队二');
      await review(people.author, 'submit', a);
      await review(people.author, 'submit', b);
      await review(people.unit, 'approve', b);
      const unit = (await call('GET', '/review/queue', people.unit)).body.data;
      expect(unit.items.map((item: any) => item.title)).toContain('排队一');
      expect(unit.items.map((item: any) => item.title)).not.toContain('排队二');
      expect(unit.counts.unit_review).toBeGreaterThan(0);
      // Reviewers see the site by its name, not its key.
      const queued = unit.items.find((item: any) => item.title === '排队一');
      const names: Record<string, string> = {
        portal: '临江市人民政府',
        'hexi-town': '河西镇',
        fgw: '临江市发展和改革委员会',
      };
      expect([queued.site, queued.siteName]).toEqual([queued.site, names[queued.site]]);
      const web = (await call('GET', '/review/queue', people.web)).body.data;
      expect(web.items.map((item: any) => item.title)).toContain('排队二');
      expect(web.items.map((item: any) => item.title)).not.toContain('排队一');
      const unitB = (await call('GET', '/review/queue', people.unitB)).body.data;
      expect(unitB.items.map((item: any) => item.title)).not.toContain('排队一');
    });

    it('validates input and answers only authenticated admins', async () => {
      const id = await draft('校验测试');
      expect(
        (await call('POST', `/review/${encodeURIComponent(articleUid)}/${id}/submit`, undefined, {})).status,
      ).toBe(401);
      const locale = await review(people.author, 'submit', id, { locale: 'fr' });
      expect(locale.status).toBe(400);
      expect(locale.body.error.message).toMatch(/zh-CN, en, ru/);
      expect((await call('POST', `/review/not-a-uid/${id}/submit`, people.author, {})).status).toBe(400);
      expect(
        (
          await call(
            'POST',
            `/review/${encodeURIComponent('api::site.site')}/${sites.portal}/submit`,
            people.admin,
            {},
          )
        ).status,
      ).toBe(404);
      expect((await review(people.author, 'submit', 'nosuchdocument000000000')).status).toBe(404);
      expect((await review(people.author, 'submit', id, { comment: 'x'.repeat(3000) })).status).toBe(400);
      expect((await review(people.unit, 'approve', id)).status).toBe(409);
    });

    it('shows the public nothing of the review: no states, no log, no drafts', async () => {
      for (const path of [
        '/api/review-states',
        '/api/review-logs',
        '/api/sensitive-words',
        '/review/queue',
      ]) {
        const response = await call('GET', path);
        expect([path, response.status]).toEqual([path, path === '/review/queue' ? 401 : 404]);
      }
      const body = JSON.stringify((await call('GET', '/api/articles?pagination[pageSize]=100')).body);
      for (const hidden of ['未经审核的通知', '校验测试', '排队一', '退回测试', '待撤稿的文章'])
        expect(body).not.toContain(hidden);
    });
  });
}
