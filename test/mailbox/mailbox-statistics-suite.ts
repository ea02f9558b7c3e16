/**
 * The mailboxes' public statistics from a real Strapi (docs/adr/0023-mailbox.md), run on SQLite and on
 * PostgreSQL by `mailbox-statistics.{sqlite,postgres}.integration.test.ts`: letters
 * written, answered, rated and withheld through the mailbox's own endpoints; `GET /api/mailbox-statistics`
 * answers their counts to the build's read-only token and refuses the public; a site built from the CMS
 * shows the figures on its mailbox page; neither the answer nor any built page holds a writer's data.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { statisticsSentence, sumFigures } from '@govcluster/shared/mailbox';
import { type MailboxStatistics, MailboxStatisticsSchema } from '@govcluster/shared/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxStatisticsOf } from '../../cms/src/mailbox/statistics.ts';
import { syncState } from '../../cms/src/publishing/sync-token.ts';
import type { TestDatabase } from '../../cms/src/testing/boot-strapi.ts';
import { createTestSite } from '../../cms/src/testing/test-site.ts';
import { buildCluster } from '../../scripts/src/build-cluster.ts';
import {
  createMailboxWorld,
  draftedIntake,
  type MailboxWorld,
  publishReply,
  validLetter,
} from './mailbox-world.ts';

/** Every file under a folder. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** The statistics suite on one database. */
export function describeMailboxStatistics(database: TestDatabase): void {
  describe(`mailbox statistics from the CMS on ${database}`, () => {
    let world: MailboxWorld;
    let token = '';
    let work = '';
    let next = 1;
    /** Each writer's contact data and query password: none of it may leave the CMS. */
    const secrets: string[] = [];
    /** The subject of the letter whose writer said no to publication. */
    let withheldSubject = '';
    const ip = () => `203.0.113.${next++ % 250}`;

    const write = async (site: string) => {
      const letter = validLetter(next++, site);
      const answer = await world.postJson(
        '/api/mailbox/letters',
        { ...letter, ...(await world.solved()) },
        ip(),
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      const { code, password } = answer.body as { code: string; password: string };
      secrets.push(letter.phone, letter.email, letter.idNumber, letter.name, password);
      return { letter, code, password };
    };
    const reply = (code: string) => publishReply(world.app, code, '您好，已经处理。');
    const statisticsWith = async (authorization?: string) =>
      fetch(`${world.app.url}/api/mailbox-statistics`, {
        headers: authorization ? { authorization } : {},
      });

    beforeAll(async () => {
      world = await createMailboxWorld({}, { sites: [], database });
      const strapi = world.app.strapi;
      for (const [key, kind, name, mailbox, code] of [
        ['portal', 'portal', '临江市人民政府', '市长信箱', '5301000001'],
        ['fgw', 'department', '临江市发展和改革委员会', '主任信箱', '5301000002'],
      ] as const) {
        const site = await createTestSite(strapi, { key, kind, name: { zhCN: name }, siteCode: code });
        world.sites[key] = site.documentId;
        if (kind !== 'portal') {
          await strapi.documents('api::site.site').update({
            documentId: site.documentId,
            // biome-ignore lint/suspicious/noExplicitAny: the document service's input types are generated per app
            data: { parent: world.sites.portal } as any,
          });
        }
        await strapi.documents('api::column.column').create({
          data: {
            slug: 'letters',
            type: 'interaction',
            name: { zhCN: mailbox },
            order: 1,
            site: site.documentId,
            // biome-ignore lint/suspicious/noExplicitAny: the document service's input types are generated per app
          } as any,
        });
      }
      // biome-ignore lint/suspicious/noExplicitAny: Strapi's admin services are not typed
      const created = await (strapi as any).admin.services['api-token-content-api'].create({
        name: 'build (statistics test)',
        type: 'read-only',
        lifespan: null,
      });
      token = created.accessKey;
      work = mkdtempSync(path.join(tmpdir(), 'gc-mailbox-statistics-'));

      // fgw: one answered and rated 满意, one answered for the writer only and rated 不满意, one waiting.
      const answered = await write('fgw');
      await reply(answered.code);
      const withheld = await write('fgw');
      withheldSubject = withheld.letter.subject;
      const intake = await draftedIntake(strapi, withheld.code);
      await strapi.db.query('api::letter-intake.letter-intake').update({
        where: { id: intake.id },
        data: { mayPublish: false },
      });
      await reply(withheld.code);
      await write('fgw');
      // The portal: one letter, not answered yet.
      await write('portal');
      for (const [{ code, password }, rating] of [
        [answered, 'satisfied'],
        [withheld, 'dissatisfied'],
      ] as const) {
        const rated = await world.postJson('/api/mailbox/rate', { code, password, rating }, ip());
        expect(rated.status).toBe(200);
      }
    }, 300_000);

    afterAll(async () => {
      await world?.close();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('answers counts to the build token and refuses the public', async () => {
      const anonymous = await statisticsWith();
      expect(anonymous.status).toBe(403);
      expect(await anonymous.text()).not.toContain('received');
      expect((await statisticsWith('Bearer not-a-token')).status).toBe(401);

      const answer = await statisticsWith(`Bearer ${token}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const text = await answer.text();
      const { data } = JSON.parse(text) as { data: MailboxStatistics[] };
      expect(data.map((statistics) => statistics.site)).toEqual(['fgw', 'portal']);
      for (const statistics of data) expect(MailboxStatisticsSchema.safeParse(statistics).success).toBe(true);
      const fgw = data.find((statistics) => statistics.site === 'fgw') as MailboxStatistics;
      expect(sumFigures(fgw.rows)).toEqual({
        received: 3,
        replied: 2,
        repliedInTime: 2,
        due: 2,
        beyondLegal: 0,
        unansweredBeyondLegal: 0,
        replyWorkingDays: 0,
        satisfied: 1,
        fair: 0,
        dissatisfied: 1,
      });
      expect(fgw.rows.map((row) => row.office)).toEqual(['临江市发展和改革委员会']);
      const portal = data.find((statistics) => statistics.site === 'portal') as MailboxStatistics;
      expect([sumFigures(portal.rows).received, sumFigures(portal.rows).replied]).toEqual([1, 0]);
      // Counts, months and office names only: nothing a writer typed or was given, no letter's subject.
      for (const secret of [...secrets, withheldSubject]) expect(text).not.toContain(secret);
      // The publisher's sync token moves with the China day (16:00 UTC), so the figures are rebuilt daily.
      const before = await syncState(world.app.strapi, new Date('2026-12-06T15:59:00Z'));
      const after = await syncState(world.app.strapi, new Date('2026-12-06T16:00:00Z'));
      expect([before.mailboxStatistics, after.mailboxStatistics]).toEqual([
        [0, '2026-12-06', ''],
        [0, '2026-12-07', ''],
      ]);
      expect({ ...before, mailboxStatistics: null }).toEqual({ ...after, mailboxStatistics: null });
      // Read a row at a time, the letters give the same figures (large cities are read in pages).
      const paged = await mailboxStatisticsOf(world.app.strapi, new Date(), 1);
      expect(paged.map((statistics) => statistics.rows)).toEqual(data.map((statistics) => statistics.rows));
      expect(Object.keys(fgw.rows[0] ?? {}).sort()).toEqual(
        [
          'beyondLegal',
          'dissatisfied',
          'due',
          'fair',
          'month',
          'office',
          'received',
          'replied',
          'unansweredBeyondLegal',
          'repliedInTime',
          'replyWorkingDays',
          'satisfied',
        ].sort(),
      );
    });

    it('puts the figures on the mailbox page of a site built from the CMS, and no writer’s data anywhere', async () => {
      const out = path.join(work, 'dist');
      const result = await buildCluster({
        outDir: out,
        quiet: true,
        env: {
          CMS_URL: `${world.app.url}/api`,
          CMS_TOKEN: token,
          GOVCLUSTER_SNAPSHOT: '',
          GOVCLUSTER_CACHE_DIR: path.join(work, 'cache'),
        },
      });
      expect(result.ok, result.log.slice(-3000)).toBe(true);
      const { data } = (await (await statisticsWith(`Bearer ${token}`)).json()) as {
        data: MailboxStatistics[];
      };
      const fgw = data.find((statistics) => statistics.site === 'fgw') as MailboxStatistics;
      const page = readFileSync(path.join(out, 'bm/fgw/letters/index.html'), 'utf8');
      expect(statisticsSentence(fgw)).toContain('近12个月共收到来信3件，已答复2件，按期答复率100%');
      expect(page).toContain(statisticsSentence(fgw));
      expect(page).toMatch(/<caption id="gc-mailbox-stats-month"><span>近12个月各月来信办理情况/);
      expect(page).toContain('<th scope="col">按期答复率</th>');
      expect(page).toMatch(/<th scope="row">临江市发展和改革委员会<\/th>\s*<td>3<\/td>\s*<td>2<\/td>/);
      expect(page).toContain('<td>50%（2）</td>');
      const portalPage = readFileSync(path.join(out, 'letters/index.html'), 'utf8');
      expect(portalPage).toContain('近12个月共收到来信1件，已答复0件');
      // The withheld letter is counted but not shown; no page holds what a writer typed or was given.
      const pages = filesUnder(out).filter((file) => /\.(html|xml|json|txt)$/.test(file));
      expect(pages.length).toBeGreaterThan(5);
      for (const file of pages) {
        const text = readFileSync(file, 'utf8');
        for (const secret of [...secrets, withheldSubject]) {
          expect(text.includes(secret), `${path.relative(out, file)} holds ${secret}`).toBe(false);
        }
      }
    }, 300_000);
  });
}
