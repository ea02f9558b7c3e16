/**
 * The mailbox against a real Strapi (SQLite and PostgreSQL, one file each): a letter is accepted with a code and a password; every
 * kind of bad input is refused with a reason per field and stores nothing; rate limits, honeypot,
 * forged and replayed challenges, duplicates; tracking and rating; contact data sealed and absent from
 * the public API and from what the build reads.
 *
 * Long on purpose: one list of cases against one booted Strapi and its mailbox, each case a few lines;
 * split, every part would boot Strapi again (about 20 s each, per database).
 */
import type { LetterInput } from '@govcluster/shared/mailbox';
import type { ReviewRole } from '@govcluster/shared/review';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealStoredWriters } from '../../cms/src/mailbox/sealed-writer.ts';
import { mailboxOf } from '../../cms/src/mailbox/service.ts';
import { runTrusted } from '../../cms/src/plugins/review/server/src/trust.ts';
import { createAdminPerson } from '../../cms/src/testing/admin-people.ts';
import type { TestDatabase } from '../../cms/src/testing/boot-strapi.ts';
import { adminApi } from '../../scripts/src/lib/admin-api.ts';
import { fetchCmsRecords } from '../../sites/src/loaders/cms-source.ts';
import { assignmentTests } from './mailbox-assign-suite.ts';
import {
  createMailboxWorld,
  draftedIntake,
  type MailboxWorld,
  publishReply,
  validLetter,
} from './mailbox-world.ts';

/** The mailbox suite on one database. */
export function describeMailbox(database: TestDatabase): void {
  describe(`mailbox endpoint on ${database}`, () => {
    let world: MailboxWorld;
    let next = 100;
    /** The code of a letter whose reply went online (set by the tracking test). */
    let publishedCode = '';
    /** A fresh address per use, so limits of one test do not touch another. */
    const ip = () => `198.51.100.${next++ % 250}`;
    const counts = async () => ({
      letters: await world.app.strapi.db.query('api::letter.letter').count({}),
      intakes: await world.app.strapi.db.query('api::letter-intake.letter-intake').count({}),
    });
    const submit = async (letter: Record<string, string>, from = ip()) =>
      world.postJson('/api/mailbox/letters', { ...letter, ...(await world.solved()) }, from);
    /** The letters the build reads with a new read-only token (returned too), as the publisher does. */
    const lettersTheBuildReads = async () => {
      const token = await (world.app.strapi as any).admin.services['api-token-content-api'].create({
        name: `build (test ${next++})`,
        type: 'read-only',
        lifespan: null,
      });
      const { records } = await fetchCmsRecords(
        { url: world.app.url, token: token.accessKey },
        'letter',
        'zh-CN',
      );
      return { records, token: token.accessKey as string };
    };

    beforeAll(async () => {
      world = await createMailboxWorld({}, { database });
    });
    afterAll(async () => world?.close());

    assignmentTests(
      () => world,
      (letter) => submit(letter),
    );

    it('accepts a valid letter with a code and a password, as a draft letter with its contact sealed', async () => {
      const letter = validLetter(1);
      const answer = await submit(letter);
      expect(answer.status).toBe(201);
      expect(answer.body.code).toMatch(/^\d{8}-[A-Z0-9]{6}$/);
      expect(answer.body.password).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
      const intake = await world.app.strapi.db
        .query('api::letter-intake.letter-intake')
        .findOne({ where: { code: answer.body.code } });
      expect(intake.verification).toBe('proof-of-work');
      const raw = JSON.stringify(intake);
      for (const secret of [letter.phone, letter.name, letter.email, letter.idNumber, answer.body.password]) {
        expect(raw).not.toContain(secret);
      }
      expect(intake.contact).toMatch(/^v1\./);
      const stored = await world.app.strapi.db
        .query('api::letter.letter')
        .findOne({ where: { documentId: intake.letter } });
      expect([stored.title, stored.question, stored.handlingStatus, stored.publishedAt]).toEqual([
        letter.subject,
        letter.text,
        'received',
        null,
      ]);
      const contact = await (await import('../../cms/src/mailbox/service.ts'))
        .mailboxOf(world.app.strapi)
        .contact(intake.letter);
      expect(contact).toEqual({
        name: letter.name,
        phone: letter.phone,
        email: letter.email,
        idNumber: letter.idNumber,
      });
    });

    it('keeps a letter sealed until it is drafted: tracked as received, drafted once by the sweep, even after a crash', async () => {
      const strapi = world.app.strapi as any;
      const mailbox = mailboxOf(strapi);
      const site = await mailbox.site('fgw');
      const letter = validLetter(2);
      const input = {
        ...letter,
        email: letter.email ?? null,
        idNumber: letter.idNumber ?? null,
        mayPublish: true,
      } as LetterInput;
      const meta = { fingerprint: `test-${next++}`, verification: 'proof-of-work' as const };
      // Kept, not drafted: what a stop or crash between the two leaves.
      const kept = await mailbox.keep(site!, input, meta);
      const row = await strapi.db
        .query('api::letter-intake.letter-intake')
        .findOne({ where: { code: kept.intake.code } });
      expect(row.letter).toBeNull();
      expect(row.pending).toMatch(/^v1\./);
      const raw = JSON.stringify(row);
      for (const secret of [
        letter.phone,
        letter.name,
        letter.email,
        letter.idNumber,
        letter.subject,
        letter.text,
      ]) {
        expect(raw).not.toContain(secret);
      }
      const tracked = await world.postJson(
        '/api/mailbox/track',
        { code: kept.intake.code, password: kept.password },
        ip(),
      );
      expect(tracked.status).toBe(200);
      expect([tracked.body.letter.status, tracked.body.letter.subject, tracked.body.letter.reply]).toEqual([
        'received',
        letter.subject,
        null,
      ]);
      // Another process accepted it a moment ago: the sweep leaves it to that process for a minute.
      expect(await mailbox.draftLeftOver()).toBe(0);
      const later = new Date(Date.now() + 2 * 60_000);
      expect(await mailbox.draftLeftOver(later)).toBe(1);
      const drafted = await strapi.db
        .query('api::letter-intake.letter-intake')
        .findOne({ where: { code: kept.intake.code } });
      expect(drafted.pending).toBeNull();
      const stored = await strapi.db
        .query('api::letter.letter')
        .findOne({ where: { documentId: drafted.letter } });
      expect([stored.title, stored.question, stored.handlingStatus]).toEqual([
        letter.subject,
        letter.text,
        'received',
      ]);
      expect((await mailbox.contact(drafted.letter))?.phone).toBe(letter.phone);
      expect(await mailbox.draftLeftOver(new Date(Date.now() + 4 * 60_000))).toBe(0);

      // Drafted, then the process died before the intake was updated: linked, not drafted twice.
      const second = await mailbox.keep(
        site!,
        { ...input, subject: `${letter.subject}（二）` },
        {
          ...meta,
          fingerprint: `test-${next++}`,
        },
      );
      await mailbox.draft(second.intake, { fresh: true });
      await strapi.db.query('api::letter-intake.letter-intake').updateMany({
        where: { id: second.intake.id },
        data: { letter: null, pending: second.intake.pending },
      });
      expect(await mailbox.draftLeftOver(new Date(Date.now() + 6 * 60_000))).toBe(1);
      const key = `letter-${second.intake.code.toLowerCase()}`;
      expect(await strapi.db.query('api::letter.letter').count({ where: { key } })).toBe(1);

      // More left over than one read brings (a crash in a burst): one sweep drafts them all.
      const leftOver: string[] = [];
      for (let n = 0; n < 5; n++) {
        const more = await mailbox.keep(
          site!,
          { ...input, subject: `${letter.subject}（续${n}）` },
          { ...meta, fingerprint: `test-${next++}` },
        );
        leftOver.push(more.intake.code);
      }
      expect(await mailbox.draftLeftOver(new Date(Date.now() + 8 * 60_000), 2)).toBe(5);
      const rows = await strapi.db
        .query('api::letter-intake.letter-intake')
        .findMany({ where: { code: { $in: leftOver } }, select: ['letter', 'pending'] });
      expect(
        rows.filter((one: { letter: string | null; pending: string | null }) => !one.letter || one.pending),
      ).toEqual([]);
    });

    it('answers a burst at once and drafts every letter of it, one after another', async () => {
      const letters = Array.from({ length: 12 }, (_, n) => validLetter(300 + n));
      const solved: { challenge: string; solution: string }[] = [];
      for (const _ of letters) solved.push(await world.solved());
      const answers = await Promise.all(
        letters.map((letter, n) =>
          world.postJson('/api/mailbox/letters', { ...letter, ...solved[n] }, `203.0.113.${n + 1}`),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(letters.map(() => 201));
      const codes = answers.map((answer) => answer.body.code as string);
      const intakes = () =>
        world.app.strapi.db
          .query('api::letter-intake.letter-intake')
          .findMany({ where: { code: { $in: codes } }, select: ['code', 'letter', 'pending'] });
      for (let waited = 0; waited < 60_000; waited += 200) {
        if ((await intakes()).every((intake: { letter: string | null }) => intake.letter)) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const rows = (await intakes()) as { letter: string | null; pending: string | null }[];
      expect(rows).toHaveLength(12);
      expect(rows.filter((row) => !row.letter || row.pending)).toEqual([]);
      const titles = await world.app.strapi.db.query('api::letter.letter').findMany({
        where: { documentId: { $in: rows.map((row) => row.letter) } },
        select: ['title'],
      });
      expect(titles.map((row: { title: string }) => row.title).sort()).toEqual(
        letters.map((letter) => letter.subject).sort(),
      );
    });

    const bad: [string, Record<string, unknown>, string][] = [
      ['no kind', { kind: '' }, 'kind'],
      ['an unknown kind', { kind: 'praise' }, 'kind'],
      ['a subject too short', { subject: '路灯' }, 'subject'],
      ['a subject too long', { subject: '长'.repeat(61) }, 'subject'],
      ['a huge text', { text: '字'.repeat(200_000) }, 'text'],
      ['no text', { text: '   ' }, 'text'],
      ['a text as an array', { text: ['一', '二'] }, 'text'],
      ['a name as an object', { name: { first: '陈' } }, 'name'],
      ['no name', { name: undefined }, 'name'],
      ['a malformed phone', { phone: '12345' }, 'phone'],
      ['a malformed e-mail', { email: 'not-an-address' }, 'email'],
      ['an ID number with a wrong check digit', { idNumber: '110105194912310021' }, 'idNumber'],
      ['no answer on publication', { mayPublish: 'maybe' }, 'mayPublish'],
      ['control characters', { subject: 'abc\u0000def 路灯' }, 'subject'],
      ['a lone surrogate', { text: `路灯坏了很久了请维修\ud800` }, 'text'],
    ];
    for (const [label, change, field] of bad) {
      it(`refuses ${label} with a reason for ${field} and stores nothing`, async () => {
        const before = await counts();
        const answer = await submit({ ...validLetter(next + 1000), ...change } as Record<string, string>);
        expect(answer.status).toBe(400);
        expect(typeof answer.body.error.fields[field]).toBe('string');
        expect(answer.body.error.fields[field]).toMatch(/[\u4e00-\u9fff]/);
        expect(await counts()).toEqual(before);
      });
    }

    it('refuses a site without a mailbox, and an unknown one', async () => {
      for (const site of ['nobox', 'nowhere', '../portal']) {
        const answer = await submit(validLetter(next, site));
        expect([site, answer.status]).toEqual([site, 400]);
      }
    });

    it('refuses a filled honeypot and stores nothing', async () => {
      const before = await counts();
      const answer = await submit({ ...validLetter(next), website: 'http://spam.example' });
      expect(answer.status).toBe(400);
      expect(await counts()).toEqual(before);
    });

    it('refuses a forged, an unsolved and a replayed challenge', async () => {
      const solved = await world.solved();
      const [body, mac] = solved.challenge.split('.');
      const payload = JSON.parse(Buffer.from(body as string, 'base64').toString());
      const longer = Buffer.from(JSON.stringify({ ...payload, e: payload.e + 3_600_000 })).toString('base64');
      for (const forged of [`${longer}.${mac}`, `${body}.${'A'.repeat(43)}`, 'x', `${body}.`]) {
        const answer = await world.postJson(
          '/api/mailbox/letters',
          { ...validLetter(next++), challenge: forged, solution: solved.solution },
          ip(),
        );
        expect(answer.status).toBe(400);
      }
      const unsolved = await world.postJson(
        '/api/mailbox/letters',
        { ...validLetter(next++), challenge: solved.challenge, solution: 'abc' },
        ip(),
      );
      expect(unsolved.status).toBe(400);
      const first = await world.postJson('/api/mailbox/letters', { ...validLetter(next++), ...solved }, ip());
      expect(first.status).toBe(201);
      const replayed = await world.postJson(
        '/api/mailbox/letters',
        { ...validLetter(next++), ...solved },
        ip(),
      );
      expect([replayed.status, replayed.body.error.message]).toEqual([
        400,
        '安全验证未通过或已过期，请重新提交',
      ]);
    });

    it('refuses the same letter twice', async () => {
      const letter = validLetter(next++);
      expect((await submit(letter)).status).toBe(201);
      const again = await submit(letter);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain('已经提交过');
    });

    it('looks letters up by index (duplicates, codes, letters), and never keeps one code twice', async () => {
      const knex = world.app.strapi.db.connection;
      const indexes: { columns: string; unique: boolean }[] =
        database === 'sqlite'
          ? await Promise.all(
              (
                (await knex.raw('pragma index_list(letter_intakes)')) as { name: string; unique: number }[]
              ).map(async (index) => ({
                unique: index.unique === 1,
                columns: ((await knex.raw(`pragma index_info(${index.name})`)) as { name: string }[])
                  .map((column) => column.name)
                  .join(','),
              })),
            )
          : (
              (await knex.raw(
                `select indexdef from pg_indexes where tablename = 'letter_intakes' and schemaname = current_schema()`,
              )) as { rows: { indexdef: string }[] }
            ).rows.map(({ indexdef }) => ({
              unique: /create unique index/i.test(indexdef),
              columns: (indexdef.match(/\(([^)]*)\)/)?.[1] ?? '').replace(/[\s"]/g, ''),
            }));
      expect(indexes).toContainEqual({ columns: 'code', unique: true });
      expect(indexes).toContainEqual({ columns: 'fingerprint,created_at', unique: false });
      expect(indexes).toContainEqual({ columns: 'letter', unique: false });
      const { code } = (await submit(validLetter(next++))).body;
      const row = await knex('letter_intakes').where({ code }).first();
      const { id: _id, document_id: _documentId, ...copy } = row;
      await expect(knex('letter_intakes').insert({ ...copy, document_id: 'copy' })).rejects.toThrow();
    });

    it('limits letters per address, per contact and without the proof of work', async () => {
      const from = ip();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await submit(validLetter(next++), from)).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
      const phone = validLetter(next).phone;
      const byContact: number[] = [];
      for (let i = 0; i < 4; i++)
        byContact.push((await submit({ ...validLetter(next++), phone, email: '' })).status);
      expect(byContact).toEqual([201, 201, 201, 429]);
      const plain = ip();
      const unverified: number[] = [];
      for (let i = 0; i < 3; i++) {
        unverified.push((await world.postJson('/api/mailbox/letters', validLetter(next++), plain)).status);
      }
      expect(unverified).toEqual([201, 201, 429]);
    });

    it('takes a letter without JavaScript: a plain form, 303 to a confirmation shown once', async () => {
      const posted = await world.postForm('/api/mailbox/letters', validLetter(next++, 'portal'), ip());
      expect(posted.status).toBe(303);
      const location = posted.headers.get('location') ?? '';
      expect(location).toMatch(/^\/mailbox\/letters\/done\?ticket=[\w-]+$/);
      const done = await world.get(location.replace('/mailbox/', '/api/mailbox/'));
      expect(done.status).toBe(200);
      expect(done.headers.get('cache-control')).toBe('no-store');
      expect(done.text).toContain('市长信箱');
      expect(done.text).toMatch(/data-gc-letter-code>\d{8}-[A-Z0-9]{6}</);
      expect((await world.get(location.replace('/mailbox/', '/api/mailbox/'))).status).toBe(404);
    });

    it('shows a form sent with mistakes again, with what was typed (escaped) and linked reasons', async () => {
      const before = await counts();
      const typed: Record<string, string> = {
        ...validLetter(next++),
        subject: '<script>alert(1)</script>',
        phone: '123',
      };
      const answer = await world.postForm('/api/mailbox/letters', typed, ip());
      expect(answer.status).toBe(400);
      expect(answer.text).not.toContain('<script>alert(1)');
      expect(answer.text).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
      expect(answer.text).toContain('role="alert"');
      expect(answer.text).toContain('<a href="#letter-phone">');
      expect(answer.text).toMatch(
        /id="letter-phone"[^>]*aria-describedby="letter-phone-hint letter-phone-error"[^>]*aria-invalid="true"/,
      );
      expect(answer.text).toContain(typed.text);
      expect(await counts()).toEqual(before);
    });

    it('tracks a letter with its code and password only, then shows the reply and takes one rating', async () => {
      const letter = validLetter(next++);
      const { code, password } = (await submit(letter)).body;
      for (const wrong of [
        { code, password: 'aaaa-bbbb-cccc' },
        { code: '20260101-AAAAAA', password },
        { code: "' OR 1=1 --", password },
      ]) {
        const answer = await world.postJson('/api/mailbox/track', wrong, ip());
        expect([answer.status, answer.body.error.message]).toEqual([403, '查询编号或查询密码不正确']);
      }
      const tracked = await world.postJson(
        '/api/mailbox/track',
        { code: code.toLowerCase(), password: password.toUpperCase() },
        ip(),
      );
      expect([tracked.status, tracked.body.letter.status, tracked.body.letter.reply]).toEqual([
        200,
        'received',
        null,
      ]);
      expect(JSON.stringify(tracked.body)).not.toContain(letter.phone);
      expect(
        (await world.postJson('/api/mailbox/rate', { code, password, rating: 'satisfied' }, ip())).status,
      ).toBe(409);
      await publishReply(world.app, code, '您好，该路灯已于本周修复。');
      publishedCode = code;
      const replied = await world.postJson('/api/mailbox/track', { code, password }, ip());
      expect([replied.body.letter.status, replied.body.letter.reply]).toEqual([
        'published',
        '您好，该路灯已于本周修复。',
      ]);
      expect(replied.body.letter.publicUrl).toBe(`/bm/fgw/letters/letter-${code.toLowerCase()}/`);
      const page = await world.postForm('/api/mailbox/track', { code, password }, ip());
      expect(page.status).toBe(200);
      expect(page.text).toContain('data-gc-letter-status="published"');
      expect(page.text).toContain('name="rating"');
      expect(
        (await world.postJson('/api/mailbox/rate', { code, password, rating: 'excellent' }, ip())).status,
      ).toBe(400);
      const unchosen = await world.postForm('/api/mailbox/rate', { code, password, site: 'fgw' }, ip());
      expect(unchosen.status).toBe(400);
      expect(unchosen.text).toContain('<a href="#letter-rating">请选择满意、基本满意或不满意</a>');
      expect(unchosen.text).toContain('data-gc-letter-reply');
      expect(unchosen.text).not.toContain(letter.phone);
      expect(
        (await world.postJson('/api/mailbox/rate', { code, password, rating: 'fair' }, ip())).status,
      ).toBe(200);
      expect(
        (await world.postJson('/api/mailbox/rate', { code, password, rating: 'satisfied' }, ip())).status,
      ).toBe(409);
      expect((await world.postJson('/api/mailbox/track', { code, password }, ip())).body.letter.rating).toBe(
        'fair',
      );

      // Contact data: not in the public REST API, not in what the build reads, no route to the intake.
      const secrets = [letter.phone, letter.email, letter.idNumber, letter.name, password];
      const publicApi = await (await fetch(`${world.app.url}/api/letters?populate=*&locale=zh-CN`)).text();
      expect(publicApi).toContain(letter.subject);
      for (const secret of secrets) expect(publicApi).not.toContain(secret);
      for (const path of [
        '/api/letter-intakes',
        `/api/letters?filters[writer][phone][$eq]=${letter.phone}`,
      ]) {
        const answer = await fetch(`${world.app.url}${path}`);
        expect([path, answer.status >= 400]).toEqual([path, true]);
      }
      const { records, token } = await lettersTheBuildReads();
      const built = JSON.stringify(records);
      expect(built).toContain(letter.subject);
      for (const secret of secrets) expect(built).not.toContain(secret);
      const intakes = await fetch(`${world.app.url}/api/letter-intakes`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(intakes.status).toBe(404);
    });

    it('never shows a letter whose writer said no to publication on the public API or to the build', async () => {
      const letter: Record<string, string> = { ...validLetter(next++), mayPublish: 'no' };
      const { code, password } = (await submit(letter)).body;
      const letterId = await publishReply(world.app, code, '您好，不公开的答复。');
      const tracked = (await world.postJson('/api/mailbox/track', { code, password }, ip())).body.letter;
      expect([tracked.status, tracked.reply, tracked.publicUrl]).toEqual([
        'replied',
        '您好，不公开的答复。',
        null,
      ]);
      const list = await (
        await fetch(`${world.app.url}/api/letters?locale=zh-CN&pagination[pageSize]=100`)
      ).text();
      expect(list).not.toContain(letter.subject);
      const filtered = await fetch(`${world.app.url}/api/letters?filters[documentId][$eq]=${letterId}`);
      expect(JSON.parse(await filtered.text()).data).toEqual([]);
      expect((await fetch(`${world.app.url}/api/letters/${letterId}`)).status).toBe(404);
      const { records } = await lettersTheBuildReads();
      expect(JSON.stringify(records)).not.toContain(letter.subject);
    });

    it('limits failed look-ups per address', async () => {
      const from = ip();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push(
          (await world.postJson('/api/mailbox/track', { code: '20260102-BBBBBB', password: `x${i}` }, from))
            .status,
        );
      }
      expect(statuses.slice(0, 10).every((status) => status === 403)).toBe(true);
      expect(statuses[10]).toBe(429);
    });

    it('keeps the writer of a letter typed in by the staff sealed at rest, opened only through the logged look', async () => {
      const strapi = world.app.strapi as any;
      const writer = {
        name: '李先生',
        phone: '13800009999',
        email: 'li@example.com',
        idNumber: '320102198001011234',
      };
      // As the seeder and the content manager write it: the document service, a `writer` component.
      const created = await strapi.documents('api::letter.letter').create({
        locale: 'zh-CN',
        data: {
          title: '关于小区停车难的建议（电话来信）',
          question: '小区停车位不足，建议增设停车位。',
          category: '建议',
          submittedAt: '2026-11-02T10:00:00+08:00',
          handlingStatus: 'received',
          datePublished: '2026-11-02T10:00:00+08:00',
          dateModified: '2026-11-02T10:00:00+08:00',
          site: world.sites.fgw,
          writer,
        },
      });
      // Nothing of the writer is stored in the clear: no component row, only the sealed text.
      const knex = strapi.db.connection;
      const plain = JSON.stringify([
        await knex('components_letter_writers').select('*'),
        await knex(strapi.db.metadata.get('api::letter.letter').tableName).select('*'),
      ]);
      for (const value of Object.values(writer)) expect(plain).not.toContain(value);
      const rows = await strapi.db
        .query('api::letter.letter')
        .findMany({ where: { documentId: created.documentId }, select: ['writerSealed'] });
      expect(rows.map((row: { writerSealed: string }) => row.writerSealed.slice(0, 3))).toEqual(['v1.']);
      // The web office opens it through 查看来信人信息; the content manager shows it to nobody.
      const password = `Mailbox-${next}-Aa1`;
      await createAdminPerson(world.app.strapi, {
        email: 'web.sealed@mailbox.test',
        password,
        roles: ['govcluster-web-reviewer'],
        reviewRole: 'web_reviewer',
        sites: [],
      });
      const token = await adminApi(world.app.url).login('web.sealed@mailbox.test', password);
      const look = await fetch(`${world.app.url}/review/letters/${created.documentId}/contact`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect([look.status, ((await look.json()) as any).data]).toEqual([200, writer]);
      const edit = await fetch(
        `${world.app.url}/content-manager/collection-types/api::letter.letter/${created.documentId}?locale=zh-CN`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      const body = await edit.text();
      expect(edit.status).toBe(200);
      expect(body).not.toContain('writerSealed');
      expect(body).not.toContain(writer.phone);
    });

    it('seals, at the next start, the writers that a database made before sealing holds in the clear', async () => {
      const strapi = world.app.strapi as any;
      const writer = { name: '王女士', phone: '13700001111', email: null, idNumber: null };
      const letter = await strapi.documents('api::letter.letter').create({
        locale: 'zh-CN',
        data: {
          title: '关于公交线路调整的咨询（旧数据）',
          question: '请问12路公交何时恢复原线路？',
          category: '咨询',
          submittedAt: '2026-10-02T10:00:00+08:00',
          handlingStatus: 'received',
          datePublished: '2026-10-02T10:00:00+08:00',
          dateModified: '2026-10-02T10:00:00+08:00',
          site: world.sites.fgw,
        },
      });
      // The writer as it was stored before: a component row linked to the letter's row.
      const [row] = await strapi.db
        .query('api::letter.letter')
        .findMany({ where: { documentId: letter.documentId }, select: ['id'] });
      await runTrusted('test', async () => {
        const component = await strapi.db.query('letter.writer').create({ data: { ...writer } });
        await strapi.db.query('api::letter.letter').update({
          where: { id: row.id },
          data: {
            writer: { id: component.id, __pivot: { field: 'writer', component_type: 'letter.writer' } },
          },
        });
      });
      const before = await strapi.db
        .query('api::letter.letter')
        .findOne({ where: { id: row.id }, populate: { writer: true } });
      expect(before.writer.phone).toBe(writer.phone);
      expect(await sealStoredWriters(strapi)).toBe(1);
      const knex = strapi.db.connection;
      expect(JSON.stringify(await knex('components_letter_writers').select('*'))).not.toContain(writer.phone);
      expect(await mailboxOf(strapi).contact(letter.documentId)).toEqual({
        name: '王女士',
        phone: '13700001111',
        email: null,
        idNumber: null,
      });
      // Done once: the next start finds nothing to seal.
      expect(await sealStoredWriters(strapi)).toBe(0);
    });

    it("shows the contact data in the admin to the web office and the letter's own office only, and logs each look", async () => {
      const letter = validLetter(next++);
      const { code } = (await submit(letter)).body;
      const intake = await draftedIntake(world.app.strapi, code);
      const strapi = world.app.strapi as any;
      const password = `Mailbox-${next}-Aa1`;
      const person = async (email: string, role: string, sites: string[], reviewRole: ReviewRole) => {
        await createAdminPerson(world.app.strapi, {
          email,
          password,
          roles: [role],
          reviewRole,
          sites: sites.map((key) => world.sites[key] as string),
        });
        return adminApi(world.app.url).login(email, password);
      };
      const look = async (token: string) => {
        const answer = await fetch(`${world.app.url}/review/letters/${intake.letter}/contact`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return { status: answer.status, body: (await answer.json()) as any };
      };
      const web = await person('web@mailbox.test', 'govcluster-web-reviewer', [], 'web_reviewer');
      const office = await person('author.fgw@mailbox.test', 'govcluster-author', ['fgw'], 'author');
      const other = await person('author.portal@mailbox.test', 'govcluster-author', ['portal'], 'author');
      const secrecy = await person(
        'secrecy@mailbox.test',
        'govcluster-secrecy-reviewer',
        [],
        'secrecy_reviewer',
      );
      const expected = {
        name: letter.name,
        phone: letter.phone,
        email: letter.email,
        idNumber: letter.idNumber,
      };
      expect(await look(web)).toEqual({ status: 200, body: { data: expected } });
      expect(await look(office)).toEqual({ status: 200, body: { data: expected } });
      expect((await look(other)).status).toBe(403);
      expect((await look(secrecy)).status).toBe(403);
      const log = (await strapi.db.query('plugin::review.review-log').findMany({
        where: { targetDocumentId: intake.letter },
        orderBy: { id: 'asc' },
      })) as { action: string; actorEmail: string; actorRole: string; details: unknown }[];
      expect(log.map((entry) => [entry.action, entry.actorEmail, entry.actorRole])).toEqual([
        ['view_contact', 'web@mailbox.test', 'web_reviewer'],
        ['view_contact', 'author.fgw@mailbox.test', 'author'],
        ['view_contact_refused', 'author.portal@mailbox.test', 'author'],
        ['view_contact_refused', 'secrecy@mailbox.test', 'secrecy_reviewer'],
      ]);
      expect(JSON.stringify(log)).not.toContain(letter.phone);

      // 待我办理: the web office sees every waiting letter, an office its own sites', most urgent first.
      const queue = async (token: string) =>
        (
          (await (
            await fetch(`${world.app.url}/review/letters/queue`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).json()) as {
            data: {
              code: string;
              site: string;
              overdue: string | null;
              promisedBy: string;
              legalBy: string;
            }[];
          }
        ).data;
      const old = await submit(validLetter(next++, 'portal'));
      const oldIntake = await draftedIntake(strapi, old.body.code);
      await strapi.documents('api::letter.letter').update({
        documentId: oldIntake.letter,
        locale: 'zh-CN',
        data: { submittedAt: '2026-01-05T10:00:00+08:00' },
      });
      const all = await queue(web);
      expect(all.map((item) => item.code)).toEqual(expect.arrayContaining([code, old.body.code]));
      expect(all[0]).toMatchObject({
        code: old.body.code,
        overdue: 'legal',
        promisedBy: '2026-01-26',
        legalBy: '2026-04-05',
      });
      expect(all.find((item) => item.code === code)?.overdue).toBeNull();
      const own = await queue(office);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((item) => item.site === 'fgw')).toBe(true);
      expect((await queue(other)).some((item) => item.code === code)).toBe(false);
      expect(await queue(secrecy)).toEqual([]);
      // Published letters (answered) are not in the queue.
      expect(publishedCode).not.toBe('');
      expect(all.some((item) => item.code === publishedCode)).toBe(false);
    });
  });
}
