/**
 * 交办 / 转办 against a real Strapi (run by `mailbox-suite.ts` on SQLite and PostgreSQL): the web office
 * assigns a letter written to the mayor's mailbox to an office and forwards it to another; only the web
 * office may; the office it is with sees it on 待我办理 and may open the contact data, the one it left may
 * not; every assignment is in the log (who, when, from, to); the office edits the reply in the content
 * manager, its unit reviewer and the web office and secrecy reviewers approve, and the writer sees the
 * reply with the office's name.
 */
import type { ReviewRole } from '@govcluster/shared/review';
import { expect, it } from 'vitest';
import { createAdminPerson } from '../../cms/src/testing/admin-people.ts';
import { adminApi } from '../../scripts/src/lib/admin-api.ts';
import { draftedIntake, type MailboxWorld, validLetter } from './mailbox-world.ts';

const letterUid = 'api::letter.letter';

/** Registers the assignment test; `world()` is the suite's booted world. */
export function assignmentTests(
  world: () => MailboxWorld,
  submit: (letter: Record<string, string>) => Promise<any>,
) {
  it('assigns and forwards a letter to an office, which then handles it alone; every move logged', async () => {
    const { app, sites } = world();
    const strapi = app.strapi as any;
    const admin = adminApi(app.url);
    const password = 'Assign-Mailbox-1a';
    const person = async (email: string, code: string, reviewRole: ReviewRole, own: string[]) => {
      await createAdminPerson(app.strapi, {
        email,
        password,
        roles: [code],
        reviewRole,
        sites: own.map((key) => sites[key] as string),
      });
      return admin.login(email, password);
    };
    const web = await person('web.assign@mailbox.test', 'govcluster-web-reviewer', 'web_reviewer', []);
    const secrecy = await person(
      'secrecy.assign@mailbox.test',
      'govcluster-secrecy-reviewer',
      'secrecy_reviewer',
      [],
    );
    const portal = await person('author.portal.assign@mailbox.test', 'govcluster-author', 'author', [
      'portal',
    ]);
    const fgw = await person('author.fgw.assign@mailbox.test', 'govcluster-author', 'author', ['fgw']);
    const fgwUnit = await person(
      'unit.fgw.assign@mailbox.test',
      'govcluster-unit-reviewer',
      'unit_reviewer',
      ['fgw'],
    );
    const archive = await person('author.nobox.assign@mailbox.test', 'govcluster-author', 'author', [
      'nobox',
    ]);

    const letter = validLetter(9100, 'portal');
    const { code, password: trackingPassword } = (await submit(letter)).body;
    const documentId = (await draftedIntake(strapi, code)).letter as string;
    const queue = async (token: string) =>
      (
        (await admin.send('GET', '/review/letters/queue', token)).data as {
          code: string;
          office: string;
          siteName: string;
          officeName: string;
        }[]
      ).find((item) => item.code === code);
    const contact = async (token: string) =>
      (await admin.request('GET', `/review/letters/${documentId}/contact`, token)).status;
    const assign = (token: string, office: string, note = '') =>
      admin.request('POST', `/review/letters/${documentId}/assign`, token, { office, note });

    const cm = `/content-manager/collection-types/${letterUid}/${documentId}?locale=zh-CN`;
    // Written to the mayor's mailbox: with the portal's office until the web office assigns it.
    expect((await queue(portal))?.office).toBe('portal');
    expect([
      (await admin.request('GET', cm, portal)).status,
      (await admin.request('GET', cm, fgw)).status,
    ]).toEqual([200, 403]);
    expect(await queue(fgw)).toBeUndefined();
    expect(await contact(fgw)).toBe(403);
    // Only the web office assigns, to a site that exists; the offices are offered to it alone.
    expect((await assign(portal, 'fgw')).status).toBe(403);
    expect((await admin.request('GET', '/review/letters/offices', fgw)).status).toBe(403);
    const offices = (await admin.send('GET', '/review/letters/offices', web)).data as { key: string }[];
    expect(offices.map((office) => office.key)).toEqual(expect.arrayContaining(['portal', 'fgw', 'nobox']));
    expect((await assign(web, 'no-such-office')).status).toBe(400);
    expect((await assign(web, 'portal')).status).toBe(409);

    const first = await assign(web, 'fgw', '请发改委核实答复');
    expect([first.status, first.body.data?.from, first.body.data?.to], JSON.stringify(first.body)).toEqual([
      200,
      'portal',
      'fgw',
    ]);
    expect((await queue(fgw))?.office).toBe('fgw');
    // The office reads names, not keys (it is not offered the list of offices).
    expect([(await queue(fgw))?.siteName, (await queue(fgw))?.officeName]).toEqual([
      '临江市人民政府',
      '临江市发展和改革委员会',
    ]);
    expect(await queue(portal)).toBeUndefined();
    expect([await contact(fgw), await contact(portal)]).toEqual([200, 403]);
    // Assigned away, the letter is no longer the portal's to read or answer in the content manager.
    expect((await admin.request('GET', cm, portal)).status).toBe(403);
    expect((await admin.request('PUT', cm, portal, { reply: '门户网站不再办理此信' })).status).toBe(403);
    const draft = await strapi.db.query(letterUid).findOne({
      where: { documentId, publishedAt: null },
      populate: { site: true, office: true },
    });
    expect([draft.site.key, draft.office.key, draft.handlingUnit, draft.handlingStatus]).toEqual([
      'portal',
      'fgw',
      '临江市发展和改革委员会',
      'processing',
    ]);
    // Forwarded on to the archive, and back: the archive sees it in between, then no longer.
    expect((await assign(web, 'nobox', '涉及档案查询')).status).toBe(200);
    expect([(await queue(archive))?.office, await queue(fgw)]).toEqual(['nobox', undefined]);
    expect((await assign(web, 'fgw', '仍由发改委办理')).status).toBe(200);
    expect([await contact(archive), await contact(fgw)]).toEqual([403, 200]);

    const log = (await strapi.db.query('plugin::review.review-log').findMany({
      where: { targetDocumentId: documentId, action: 'assign_letter' },
      orderBy: { id: 'asc' },
    })) as { actorEmail: string; actorRole: string; details: unknown; comment: string; at: string }[];
    expect(log.map((entry) => [entry.actorEmail, entry.actorRole, entry.details, entry.comment])).toEqual([
      ['web.assign@mailbox.test', 'web_reviewer', { from: 'portal', to: 'fgw' }, '请发改委核实答复'],
      ['web.assign@mailbox.test', 'web_reviewer', { from: 'fgw', to: 'nobox' }, '涉及档案查询'],
      ['web.assign@mailbox.test', 'web_reviewer', { from: 'nobox', to: 'fgw' }, '仍由发改委办理'],
    ]);
    expect(log.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);

    // The office answers in the content manager; the portal's author may not submit it.
    // Writing the reply makes the letter answered (status and time set by the CMS).
    await admin.send('PUT', cm, fgw, { reply: '您好，经核实，该路段路灯已列入本月维修计划。' });
    const answered = await strapi.db.query(letterUid).findOne({ where: { documentId, publishedAt: null } });
    expect([answered.handlingStatus, typeof answered.repliedAt]).toEqual(['replied', 'string']);
    const review = `/review/${letterUid}/${documentId}`;
    expect((await admin.request('POST', `${review}/submit`, portal, { locale: 'zh-CN' })).status).toBe(403);
    await admin.send('POST', `${review}/submit`, fgw, { locale: 'zh-CN' });
    // In review: no forwarding until it is sent back.
    expect((await assign(web, 'nobox')).status).toBe(409);
    for (const reviewer of [fgwUnit, web, secrecy]) {
      await admin.send('POST', `${review}/approve`, reviewer, { locale: 'zh-CN' });
    }
    expect((await assign(web, 'nobox')).status).toBe(409);
    const tracked = await world().postJson(
      '/api/mailbox/track',
      { code, password: trackingPassword },
      '203.0.113.77',
    );
    expect([tracked.body.letter.status, tracked.body.letter.handlingUnit, tracked.body.letter.reply]).toEqual(
      ['published', '临江市发展和改革委员会', '您好，经核实，该路段路灯已列入本月维修计划。'],
    );
    expect(await queue(fgw)).toBeUndefined();
  });

  it('lists a new letter on 待我办理 however many letters were answered before it', async () => {
    const { app } = world();
    const admin = adminApi(app.url);
    await createAdminPerson(app.strapi, {
      email: 'web.many@mailbox.test',
      password: 'Many-Mailbox-1a',
      roles: ['govcluster-web-reviewer'],
      reviewRole: 'web_reviewer',
      sites: [],
    });
    const web = await admin.login('web.many@mailbox.test', 'Many-Mailbox-1a');
    const knex = app.strapi.db.connection;
    // 5,001 letters of earlier years, answered and gone from the list (their intakes stay).
    const { code: first } = (await submit(validLetter(9200, 'portal'))).body;
    const { id: _id, ...template } = await knex('letter_intakes').where({ code: first }).first();
    const earlier = Array.from({ length: 5001 }, (_, n) => ({
      ...template,
      document_id: `earlier${n}`,
      code: `20250101-E${String(n).padStart(5, '0')}`,
      letter: `answered${n}`,
      fingerprint: `earlier-${n}`,
    }));
    for (let at = 0; at < earlier.length; at += 250)
      await knex('letter_intakes').insert(earlier.slice(at, at + 250));
    const { code } = (await submit(validLetter(9201, 'portal'))).body;
    await draftedIntake(app.strapi, code);
    const listed = (await admin.send('GET', '/review/letters/queue', web)).data as { code: string }[];
    expect(listed.map((letter) => letter.code)).toEqual(expect.arrayContaining([first, code]));
    await knex('letter_intakes')
      .whereIn(
        'code',
        earlier.map((row) => row.code),
      )
      .delete();
  });
}
