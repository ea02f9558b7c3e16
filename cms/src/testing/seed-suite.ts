/**
 * Seeding a snapshot into a real Strapi: invalid input writes nothing and names file, line and entry;
 * a full run publishes what the snapshot says; a second run changes nothing; a changed record is
 * updated alone; an interrupted run is completed by the next one without duplicates.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mappingFor } from '@govcluster/shared/cms-mapping';
import {
  exampleArticle,
  exampleArticleEn,
  exampleInterpretation,
  exampleInvestmentProjects,
  exampleLetter,
  exampleMedia,
  examplePolicy,
  exampleServiceGuide,
  exampleSites,
  exampleTownship,
} from '@govcluster/shared/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../tools/seed';
import { seedSnapshot } from '../../tools/seed-snapshot';
import { bootStrapi, type TestDatabase, type TestStrapi } from './boot-strapi';
import { fixtureRecords, revisedTitle, writeFixtureSnapshot } from './fixture-snapshot';

const contentRecords = fixtureRecords().filter(
  (r: any) => !['header', 'site', 'media'].includes(r.type),
) as any[];

/** Registers the seeding suite for one database. */
export function describeSeeding(database: TestDatabase): void {
  describe(`seeding a snapshot on ${database}`, () => {
    let app: TestStrapi;
    let dir: string;
    const quiet = () => undefined;
    const seed = (snapshot: string) =>
      runSeed({
        snapshot,
        demoAccounts: true,
        strapi: app.strapi,
        tokenFile: join(app.tmpDir, 'token'),
        log: quiet,
      });
    const rows = (uid: string, where: Record<string, unknown>) =>
      app.strapi.db.query(uid as any).count({ where });

    /** Every entry of the fixture exists once per locale as a draft, and published when it should be. */
    const expectEachEntryOnce = async () => {
      expect(contentRecords.length, 'content records in the fixture').toBeGreaterThan(0);
      for (const record of contentRecords) {
        const uid = mappingFor(record.type)!.uid;
        const where = { key: record.id, locale: record.locale };
        expect([
          record.type,
          record.id,
          record.locale,
          await rows(uid, { ...where, publishedAt: null }),
        ]).toEqual([record.type, record.id, record.locale, 1]);
        const published = record.type !== 'letter' || record.status === 'replied' ? 1 : 0;
        expect(await rows(uid, { ...where, publishedAt: { $notNull: true } })).toBe(published);
      }
    };

    beforeAll(async () => {
      app = await bootStrapi(database);
      dir = mkdtempSync(join(tmpdir(), 'govcluster-snapshot-'));
      await writeFixtureSnapshot(dir);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('refuses an invalid snapshot before writing anything, naming file, line and entry', async () => {
      const bad = mkdtempSync(join(tmpdir(), 'govcluster-bad-'));
      await writeFixtureSnapshot(bad);
      const file = join(bad, 'snapshot.jsonl');
      const lines = readFileSync(file, 'utf8').split('\n');
      const index = lines.findIndex((line) => line.startsWith('{"type":"policy"'));
      lines[index] = lines[index].replace(examplePolicy.documentNumber, '12号文');
      writeFileSync(file, lines.join('\n'));
      await expect(seed(bad)).rejects.toThrow(
        `snapshot.jsonl:${index + 1}: policy "${examplePolicy.id}" (zh-CN)`,
      );
      await expect(seed(bad)).rejects.toThrow(/nothing was written/);
      expect(await rows('api::site.site', {})).toBe(0);
    });

    it('completes a run that was interrupted, without duplicates', async () => {
      let seen = 0;
      const interrupted = seedSnapshot(app.strapi, dir, {
        batchSize: 3,
        onProgress: () => {
          seen += 1;
          if (seen === 9) throw new Error('simulated crash');
        },
      });
      await expect(interrupted).rejects.toThrow(/simulated crash/);
      // Some batches made it (the sites come first), the one that failed was rolled back as a whole.
      expect(await rows('api::site.site', {})).toBe(exampleSites.length);
      expect(await rows('api::leader.leader', {})).toBe(0);
      const result = await seed(dir);
      expect(result.counts.site).toMatchObject({ created: 0, unchanged: exampleSites.length });
      expect(result.counts.leader).toMatchObject({ created: 1 });
      await expectEachEntryOnce();
    });

    it('publishes what the snapshot says, readable per locale, with two-way links and image formats', async () => {
      const get = async (path: string) => (await (await fetch(`${app.url}${path}`)).json()) as any;
      expect((await get('/api/articles?locale=zh-CN')).data.map((a: any) => a.title)).toEqual([
        exampleArticle.title,
      ]);
      expect((await get('/api/articles?locale=en')).data.map((a: any) => a.title)).toEqual([
        exampleArticleEn.title,
      ]);
      expect((await get('/api/investment-projects?locale=ru')).data.map((a: any) => a.title)).toEqual(
        exampleInvestmentProjects
          .filter((project) => project.locale === 'ru')
          .map((project) => project.title),
      );
      // The letter still being handled is a draft only.
      expect((await get('/api/letters')).data.map((l: any) => l.title)).toEqual([exampleLetter.title]);
      const policy = (await get('/api/policies?populate[interpretations]=true&populate[attachments]=true'))
        .data[0];
      // The article's file under the policy's own name.
      expect(policy.attachments.map((file: any) => file.name)).toEqual(['政策原文.pdf']);
      expect(policy.documentNumber).toBe(examplePolicy.documentNumber);
      expect(policy.interpretations.map((i: any) => i.key)).toEqual([exampleInterpretation.id]);
      const reading = (await get('/api/interpretations?populate=policy')).data[0];
      expect(reading.policy.key).toBe(examplePolicy.id);
      const article = (
        await get(
          '/api/articles?populate[images]=true&populate[attachments]=true&populate[site]=true&populate[column]=true',
        )
      ).data[0];
      // 1200 × 800 against the breakpoints 1200 / 800 / 480: no large format, which would be the original.
      expect(Object.keys(article.images[0].formats).sort()).toEqual(['medium', 'small', 'thumbnail']);
      expect(article.images[0].alternativeText).toBe(exampleMedia.alt['zh-CN']);
      expect(article.attachments[0].name).toBe(exampleArticle.attachments[0]?.name);
      expect([article.site.key, article.column.slug]).toEqual([exampleArticle.site, exampleArticle.column]);
      const town = (await get(`/api/sites?filters[key]=${exampleTownship.id}&populate=parent`)).data[0];
      expect(town.parent.key).toBe(exampleTownship.parent);
      const guide = (await get('/api/service-guides?populate=*')).data[0];
      expect(guide.process.map((step: any) => step.text)).toEqual(exampleServiceGuide.process);
    });

    it('changes nothing on a second run, and updates only what changed', async () => {
      const before = await rows('api::article.article', {});
      const again = await seed(dir);
      expect(Object.keys(again.counts).length, 'types counted by the second run').toBeGreaterThan(0);
      for (const [type, counts] of Object.entries(again.counts)) {
        expect([type, counts.created, counts.updated]).toEqual([type, 0, 0]);
      }
      expect(await rows('api::article.article', {})).toBe(before);
      expect(again.demoAccountsCreated).toBe(0);
      const revised = mkdtempSync(join(tmpdir(), 'govcluster-rev-'));
      await writeFixtureSnapshot(revised, 2);
      const update = await seed(revised);
      expect(update.counts.article).toEqual({ created: 0, updated: 1, unchanged: 1 });
      expect(update.counts.policy).toEqual({ created: 0, updated: 0, unchanged: 1 });
      const zh = await app.strapi
        .documents('api::article.article')
        .findFirst({ locale: 'zh-CN', status: 'published' } as any);
      expect((zh as any).title).toBe(revisedTitle(2));
      await expectEachEntryOnce();
    });

    it('creates the demo accounts with their sites', async () => {
      const author = await app.strapi.db
        .query('admin::user')
        .findOne({ where: { email: `author.${exampleTownship.id}@demo.gov.cn` }, populate: ['roles'] });
      expect(author.roles.map((role: any) => role.code)).toEqual(['govcluster-author']);
      const membership = await app.strapi.documents('api::site-membership.site-membership').findFirst({
        filters: { user: { id: author.id } },
        populate: ['sites'],
      } as any);
      expect((membership as any).sites.map((site: any) => site.key)).toEqual([exampleTownship.id]);
      const emails = (await app.strapi.db.query('admin::user').findMany({ select: ['email'] }))
        .map((u: any) => u.email)
        .sort();
      expect(emails).toEqual([
        'admin@demo.gov.cn',
        'author.fgw@demo.gov.cn',
        'author.jiangning-town@demo.gov.cn',
        'author.portal@demo.gov.cn',
        'secrecy@demo.gov.cn',
        'unit.fgw@demo.gov.cn',
        'unit.jiangning-town@demo.gov.cn',
        'unit.portal@demo.gov.cn',
        'web@demo.gov.cn',
      ]);
    });
  });
}
