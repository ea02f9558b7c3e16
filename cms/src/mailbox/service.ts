/**
 * The mailbox (领导信箱 / 市民心声, docs/adr/0023-mailbox.md): accepts a letter from the public, gives the
 * writer a tracking code and a query password, shows the writer the letter's state and reply, and takes
 * the writer's rating. The letter itself is a draft of `api::letter.letter` (text only, as typed); what
 * only the writer and the offices may know is in `api::letter-intake.letter-intake`, contact data
 * sealed. Nothing here logs what a writer typed.
 *
 * Long on purpose (about 650 lines): accepting, drafting, tracking and rating share the mailbox's keys,
 * its rate limits, its used challenges, its duplicate memory and the drafting queue with its burst
 * gauge, held in the one closure `createMailbox` returns;
 * the forms' HTML and validation are in `@govcluster/shared/mailbox`, the handling by offices in
 * `handling.ts`.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { calendarDay, clusterTimeZone, formatDate } from '@govcluster/shared/dates';
import {
  defaultChallengeBits,
  type FormErrors,
  honeypotField,
  type LetterInput,
  type LetterRating,
  type LetterStatusView,
  letterDeadlines,
  letterKinds,
  letterLimits,
  letterRatings,
  mailboxColumn,
  type TrackedStatus,
  validateLetter,
} from '@govcluster/shared/mailbox';
import { entryUrl } from '@govcluster/shared/urls';
import type { Core } from '@strapi/strapi';
import {
  checkChallenge,
  hashPassword,
  issueChallenge,
  keyedHash,
  loadMailboxKeys,
  open,
  seal,
  verifyPassword,
} from './crypto';
import { promiseWorkingDays } from './handling';
import { limitsFromEnv, RateLimiter, UsedChallenges } from './limits';
import { openLetterWriter } from './sealed-writer';

const letterUid = 'api::letter.letter';
const intakeUid = 'api::letter-intake.letter-intake';

/** The contact data of a writer, as sealed. */
export interface LetterContact {
  name: string;
  phone: string;
  email: string | null;
  idNumber: string | null;
}

/** A site with a mailbox, as the pages need it. */
export interface MailboxSite {
  key: string;
  kind: 'portal' | 'department' | 'township';
  documentId: string;
  name: string;
  basePath: string;
  mailbox: string;
  columnSlug: string;
  columnDocumentId: string;
}

/** An answer of the mailbox: an HTTP status and either the result or reasons. */
export type MailboxOutcome<T> =
  | { ok: true; status: number; value: T }
  | { ok: false; status: number; errors: FormErrors; retryAfter?: number };

const codeAlphabet = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const passwordAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
const pick = (alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

/** A tracking code: the day in China time and six letters or digits, e.g. `20261206-K7M2QX`. */
function newCode(now: Date): string {
  return `${calendarDay(now).replace(/-/g, '')}-${pick(codeAlphabet, 6)}`;
}

/** A query password: 12 letters and digits in three groups (about 59 bits). */
function newPassword(): string {
  return [pick(passwordAlphabet, 4), pick(passwordAlphabet, 4), pick(passwordAlphabet, 4)].join('-');
}

/** What people type for a code or password, made comparable. */
export const normalizeCode = (code: string) => code.trim().toUpperCase().replace(/\s+/g, '');
const normalizePassword = (password: string) =>
  password
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '');

const chinaTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: clusterTimeZone,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A time in China, as the pages show it. */
export function chinaTime(value: unknown): string {
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) return '';
  return chinaTimeFormat.format(date);
}

/** Text of a form value: strings only, limited, anything else empty. */
function field(form: Record<string, unknown>, name: string, limit = 400): string {
  const value = form[name];
  return typeof value === 'string' ? value.slice(0, limit) : '';
}

/** A letter accepted and not yet drafted, as sealed in its intake's `pending`. */
interface PendingLetter {
  letter: LetterInput;
  site: string;
  submittedAt: string;
}

/** An intake row as the mailbox reads it. */
export interface IntakeRow {
  id: number;
  code: string;
  pending?: string | null;
}

/** What a pending letter is sealed to: its intake's tracking code. */
const pendingBinding = (code: string) => `letter-intake:${code}`;

/** Letters a second from which drafting waits: a burst, not the day's steady trickle. */
const busyRate = 10;

/** Creates the mailbox of a Strapi instance. */
export function createMailbox(strapi: Core.Strapi) {
  const keys = loadMailboxKeys(strapi.dirs.app.root);
  const limiter = new RateLimiter(limitsFromEnv());
  const used = new UsedChallenges();
  const bits = Number(process.env.MAILBOX_CHALLENGE_BITS ?? defaultChallengeBits);
  /** Tickets of the confirmation page: shown once, for ten minutes (in the order they expire). */
  const tickets = new Map<string, { code: string; password: string; site: string; expires: number }>();
  const sites = new Map<string, { site: MailboxSite | null; until: number }>();
  /** Letters accepted here and waiting to be drafted, one at a time. */
  let drafting: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  /** When the letters of the last second were kept (oldest first). */
  const kept: number[] = [];
  const busy = () => {
    const since = Date.now() - 1000;
    while (kept.length > 0 && (kept[0] as number) < since) kept.shift();
    return kept.length >= busyRate;
  };
  /**
   * A draft holds the database for a few milliseconds (on SQLite its only connection) and costs
   * several times an acceptance: while letters arrive faster than `busyRate` a second it waits, five
   * seconds at most, so that acknowledging goes first and drafting never stops.
   */
  const quiet = async () => {
    const until = Date.now() + 5_000;
    while (busy() && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const ipKey = (ip: string) => keyedHash(keys.sign, 'ip', ip);

  const limited = (retryAfter: number, message: string): MailboxOutcome<never> => ({
    ok: false,
    status: 429,
    errors: { form: message },
    retryAfter,
  });

  const mailbox = {
    /**
     * A site with a mailbox column (its first column of type `interaction`), or null. Read again after
     * ten seconds: four queries a letter otherwise, for what changes a few times a year.
     */
    async site(key: unknown): Promise<MailboxSite | null> {
      if (typeof key !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(key)) return null;
      const now = Date.now();
      const cached = sites.get(key);
      if (cached && cached.until > now) return cached.site;
      const site = await mailbox.readSite(key);
      if (sites.size > 1000) sites.clear();
      sites.set(key, { site, until: now + 10_000 });
      return site;
    },

    async readSite(key: string): Promise<MailboxSite | null> {
      const site = (await strapi.db.query('api::site.site').findOne({
        where: { key },
        populate: { name: true },
      })) as {
        key: string;
        kind: MailboxSite['kind'];
        documentId: string;
        basePath: string;
        name?: { zhCN?: string };
      } | null;
      if (!site) return null;
      const columns = (await strapi.db.query('api::column.column').findMany({
        where: { site: { documentId: site.documentId }, type: 'interaction' },
        populate: { name: true },
      })) as { slug: string; type: string; order: number; documentId: string; name?: { zhCN?: string } }[];
      const column = mailboxColumn(columns);
      if (!column) return null;
      return {
        key: site.key,
        kind: site.kind,
        documentId: site.documentId,
        name: site.name?.zhCN ?? site.key,
        basePath: site.basePath,
        mailbox: column.name?.zhCN ?? '信箱',
        columnSlug: column.slug,
        columnDocumentId: column.documentId,
      };
    },

    /** A new challenge for the page's script. */
    challenge(): { token: string; bits: number; expires: number } {
      const issued = issueChallenge(keys.sign, bits, 10 * 60_000);
      return { token: issued.token, bits, expires: issued.expires };
    },

    /**
     * Accepts a letter: checks (in this order) the address's request rate, the honeypot, the site, every
     * field, the challenge, the contact's rate and duplicates; stores the letter and its intake; returns
     * the code, the password (never stored) and a ticket for the confirmation page.
     */
    async submit(
      form: Record<string, unknown>,
      ip: string,
    ): Promise<MailboxOutcome<{ code: string; password: string; ticket: string; site: MailboxSite }>> {
      const now = Date.now();
      const byIp = ipKey(ip);
      const wait = limiter.retryAfter('requestsPerIp', byIp, now);
      if (wait > 0) return limited(wait, '提交过于频繁，请稍后再试');
      limiter.hit('requestsPerIp', byIp, now);
      if (
        field(form, honeypotField) !== '' ||
        (form[honeypotField] !== undefined && typeof form[honeypotField] !== 'string')
      ) {
        return { ok: false, status: 400, errors: { form: '提交未成功，请刷新页面后重新填写' } };
      }
      const site = await mailbox.site(form.site);
      if (!site)
        return { ok: false, status: 400, errors: { form: '找不到要写信的信箱，请从网站的信箱栏目进入' } };
      const checked = validateLetter(form);
      if (!checked.ok) return { ok: false, status: 400, errors: checked.errors };
      const letter = checked.letter;
      const token = field(form, 'challenge', 1000);
      let verification: 'proof-of-work' | 'none' = 'none';
      if (token !== '') {
        const result = checkChallenge(keys.sign, token, field(form, 'solution', 40), now);
        if (!result.ok || !used.take(result.id, result.expires, now)) {
          return { ok: false, status: 400, errors: { form: '安全验证未通过或已过期，请重新提交' } };
        }
        verification = 'proof-of-work';
        const wait = limiter.retryAfter('lettersPerIp', byIp, now);
        if (wait > 0) return limited(wait, '您提交的信件较多，请一小时后再试');
      } else {
        const wait = Math.max(
          limiter.retryAfter('unverifiedPerIp', byIp, now),
          limiter.retryAfter('unverifiedTotal', 'all', now),
        );
        if (wait > 0) return limited(wait, '未开启脚本的提交已达上限，请开启浏览器脚本后再提交，或明天再试');
      }
      const contacts = [letter.phone, letter.email ?? '']
        .filter(Boolean)
        .map((value) => keyedHash(keys.sign, 'contact', value.toLowerCase()));
      const contactWait = Math.max(
        ...contacts.map((key) => limiter.retryAfter('lettersPerContact', key, now)),
      );
      if (contactWait > 0) return limited(contactWait, '同一联系方式每天最多提交3封信件，请明天再试');
      const fingerprint = keyedHash(
        keys.sign,
        'letter',
        site.key,
        letter.subject.replace(/\s+/g, ''),
        letter.text.replace(/\s+/g, ''),
        letter.phone,
      );
      const duplicate = await strapi.db.query(intakeUid).findOne({
        where: { fingerprint, createdAt: { $gt: new Date(now - 7 * 24 * 60 * 60_000) } },
        select: ['id'],
      });
      if (duplicate) {
        return {
          ok: false,
          status: 409,
          errors: { form: '这封信已经提交过，请勿重复提交；可凭当时得到的查询编号查询办理情况' },
        };
      }
      const stored = await mailbox.accept(site, letter, { fingerprint, verification });
      limiter.hit(verification === 'none' ? 'unverifiedPerIp' : 'lettersPerIp', byIp, now);
      if (verification === 'none') limiter.hit('unverifiedTotal', 'all', now);
      for (const key of contacts) limiter.hit('lettersPerContact', key, now);
      const ticket = randomBytes(18).toString('base64url');
      for (const [id, entry] of tickets) {
        if (entry.expires >= now) break;
        tickets.delete(id);
      }
      tickets.set(ticket, { ...stored, site: site.key, expires: now + 10 * 60_000 });
      return { ok: true, status: 201, value: { ...stored, ticket, site } };
    },

    /**
     * Stores a validated letter as its intake, the whole letter sealed (the acknowledgement: once this
     * returns, the letter is kept), then has it drafted as a letter for the offices. The writer waits
     * for the draft while the mailbox keeps up; in a burst the answer comes at once and the letters are
     * drafted one after another behind it (docs/adr/0023-mailbox.md, "Accepting before drafting").
     */
    async accept(
      site: MailboxSite,
      letter: LetterInput,
      meta: { fingerprint: string; verification: 'proof-of-work' | 'none' },
    ): Promise<{ code: string; password: string }> {
      const { intake, password } = await mailbox.keep(site, letter, meta);
      kept.push(Date.now());
      // With no letter waiting and few arriving, this one is drafted at once and the writer waits for
      // it; otherwise it waits until letters arrive more slowly, and the writer does not.
      const alone = waiting === 0 && !busy();
      waiting++;
      const drafted = drafting
        .catch(() => undefined)
        .then(alone ? undefined : quiet)
        .then(() => mailbox.draft(intake, { fresh: true }))
        .finally(() => {
          waiting--;
        });
      drafting = drafted;
      drafted.catch((error: unknown) =>
        strapi.log.error(
          `[mailbox] letter ${intake.code} is kept but not drafted yet (the next sweep drafts it): ${(error as Error).message}`,
        ),
      );
      if (alone) await drafted.catch(() => undefined);
      return { code: intake.code, password };
    },

    /** Stores an accepted letter as its intake, the whole letter sealed, claimed for drafting here. */
    async keep(
      site: MailboxSite,
      letter: LetterInput,
      meta: { fingerprint: string; verification: 'proof-of-work' | 'none' },
    ): Promise<{ intake: IntakeRow; password: string }> {
      const now = new Date();
      const password = newPassword();
      const passwordHash = hashPassword(keys.sign, normalizePassword(password));
      const pending: PendingLetter = { letter, site: site.key, submittedAt: now.toISOString() };
      for (let attempt = 0; ; attempt++) {
        const code = newCode(now);
        const sealed = seal(keys.seal, pending, pendingBinding(code));
        try {
          // createMany: no read-back of the row just written.
          const created = (await strapi.db.query(intakeUid).createMany({
            data: [
              {
                code,
                site: site.key,
                office: site.key,
                passwordHash,
                pending: sealed,
                draftClaimedAt: now,
                kind: letter.kind,
                mayPublish: letter.mayPublish,
                fingerprint: meta.fingerprint,
                verification: meta.verification,
              },
            ],
          })) as { ids: number[] };
          return { intake: { id: created.ids[0] as number, code, pending: sealed }, password };
        } catch (error) {
          // The code is unique: another letter drew the same one (about one in 600 million a day).
          const taken = await strapi.db.query(intakeUid).findOne({ where: { code }, select: ['id'] });
          if (taken && attempt < 5) continue;
          throw error;
        }
      }
    },

    /**
     * Drafts an accepted letter: the draft `api::letter.letter` for the offices, the contact sealed to
     * it, the sealed letter removed from the intake. A letter drafted before a crash cut this short
     * (same key) is linked, not drafted twice. Returns the letter's document id.
     */
    async draft(intake: IntakeRow, options: { fresh?: boolean } = {}): Promise<string> {
      if (!intake.pending) throw new Error(`intake ${intake.code} has nothing to draft`);
      const {
        letter,
        site: siteKey,
        submittedAt,
      } = open<PendingLetter>(keys.seal, intake.pending, pendingBinding(intake.code));
      const key = `letter-${intake.code.toLowerCase()}`;
      const earlier = options.fresh
        ? null
        : ((await strapi.db.query(letterUid).findOne({ where: { key }, select: ['documentId'] })) as {
            documentId: string;
          } | null);
      let documentId = earlier?.documentId;
      if (!documentId) {
        const site = await mailbox.site(siteKey);
        if (!site) throw new Error(`the site ${siteKey} has no mailbox any more`);
        const draft = await strapi.documents(letterUid as never).create({
          locale: 'zh-CN',
          status: 'draft',
          data: {
            key,
            title: letter.subject,
            question: letter.text,
            category: letterKinds[letter.kind],
            submittedAt,
            handlingStatus: 'received',
            handlingUnit: site.name,
            site: site.documentId,
            office: site.documentId,
            column: site.columnDocumentId,
            datePublished: submittedAt,
            dateModified: submittedAt,
          },
        } as never);
        documentId = (draft as unknown as { documentId: string }).documentId;
      }
      const contact: LetterContact = {
        name: letter.name,
        phone: letter.phone,
        email: letter.email,
        idNumber: letter.idNumber,
      };
      await strapi.db.query(intakeUid).updateMany({
        where: { id: intake.id },
        data: { letter: documentId, contact: seal(keys.seal, contact, documentId), pending: null },
      });
      return documentId;
    },

    /**
     * Drafts the letters accepted but not drafted: left by a stop or crash, or by a drafting that
     * failed. Each is claimed first, so that CMS processes sharing a database draft it once; one that
     * another process accepted in the last minute is left to that process. Like every draft, each waits
     * while a burst of letters arrives. Reads `batch` at a time, until none is left. Returns how many it
     * drafted.
     */
    async draftLeftOver(now = new Date(), batch = 500): Promise<number> {
      const stale = new Date(now.getTime() - 60_000);
      const leftOver = {
        pending: { $notNull: true },
        $or: [{ draftClaimedAt: null }, { draftClaimedAt: { $lt: stale } }],
      };
      let drafted = 0;
      let after = 0;
      for (;;) {
        const rows = (await strapi.db.query(intakeUid).findMany({
          where: { id: { $gt: after }, ...leftOver },
          orderBy: { id: 'asc' },
          limit: batch,
        })) as IntakeRow[];
        for (const row of rows) {
          after = row.id;
          await quiet();
          const claimed = await strapi.db.query(intakeUid).updateMany({
            where: { id: row.id, ...leftOver },
            data: { draftClaimedAt: now },
          });
          if ((claimed as { count: number }).count !== 1) continue;
          try {
            await mailbox.draft(row);
            drafted++;
          } catch (error) {
            strapi.log.error(
              `[mailbox] letter ${row.code} could not be drafted: ${(error as Error).message}`,
            );
          }
        }
        if (rows.length < batch) return drafted;
      }
    },

    /** The code and password of a ticket, once; null when unknown, used or expired. */
    takeTicket(ticket: unknown): { code: string; password: string; site: string } | null {
      if (typeof ticket !== 'string') return null;
      const entry = tickets.get(ticket);
      tickets.delete(ticket);
      return entry && entry.expires > Date.now() ? entry : null;
    },

    /** A letter as its writer may see it, for the right code and password. */
    async track(
      form: Record<string, unknown>,
      ip: string,
    ): Promise<MailboxOutcome<{ view: LetterStatusView; intake: { id: number; site: string } }>> {
      const now = Date.now();
      const byIp = ipKey(ip);
      const wait = Math.max(
        limiter.retryAfter('requestsPerIp', byIp, now),
        limiter.retryAfter('failedLookupsPerIp', byIp, now),
      );
      if (wait > 0) return limited(wait, '查询失败次数过多，请稍后再试');
      limiter.hit('requestsPerIp', byIp, now);
      const code = normalizeCode(field(form, 'code', letterLimits.code + 1));
      const password = normalizePassword(field(form, 'password', letterLimits.password + 1));
      const errors: FormErrors = {};
      if (code === '') errors.code = '请填写查询编号';
      else if (code.length > letterLimits.code) errors.code = '查询编号格式不正确';
      if (password === '') errors.password = '请填写查询密码';
      else if (password.length > letterLimits.password) errors.password = '查询密码格式不正确';
      if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
      const codeWait = limiter.retryAfter('failedLookupsPerCode', code, now);
      if (codeWait > 0) return limited(codeWait, '该编号查询失败次数过多，请一小时后再试');
      const intake = /^\d{8}-[A-Z0-9]{6}$/.test(code)
        ? ((await strapi.db.query(intakeUid).findOne({ where: { code } })) as Record<string, unknown> | null)
        : null;
      const right = await verifyPassword(
        keys.sign,
        password,
        (intake?.passwordHash as string | undefined) ?? null,
      );
      if (!intake || !right) {
        limiter.hit('failedLookupsPerIp', byIp, now);
        limiter.hit('failedLookupsPerCode', code, now);
        return { ok: false, status: 403, errors: { form: '查询编号或查询密码不正确' } };
      }
      const view = await mailbox.view(intake);
      if (!view) return { ok: false, status: 404, errors: { form: '这封信件已不存在' } };
      return {
        ok: true,
        status: 200,
        value: { view, intake: { id: intake.id as number, site: intake.site as string } },
      };
    },

    /** The state of a letter from its intake: the online version's reply once it passed the review. */
    async view(intake: Record<string, unknown>): Promise<LetterStatusView | null> {
      if (typeof intake.pending === 'string' && !intake.letter) return mailbox.pendingView(intake as never);
      const documentId = intake.letter as string;
      const read = (status: 'draft' | 'published') =>
        strapi
          .documents(letterUid as never)
          .findOne({ documentId, locale: 'zh-CN', status } as never) as Promise<Record<
          string,
          unknown
        > | null>;
      const [draft, online] = await Promise.all([read('draft'), read('published')]);
      const letter = online ?? draft;
      if (!letter) return null;
      const site = await mailbox.site(intake.site);
      let status: TrackedStatus = (draft?.handlingStatus as TrackedStatus | undefined) ?? 'received';
      if (online) status = intake.mayPublish ? 'published' : 'replied';
      if (status === 'replied' && !online) status = 'processing';
      return {
        code: intake.code as string,
        subject: String(letter.title ?? ''),
        text: String(letter.question ?? ''),
        kind: letterKinds[intake.kind as keyof typeof letterKinds] ?? '',
        submittedAt: chinaTime(letter.submittedAt),
        status,
        handlingUnit: String(letter.handlingUnit ?? ''),
        reply: online?.reply ? String(online.reply) : null,
        repliedAt: online?.repliedAt ? chinaTime(online.repliedAt) : null,
        rating: (intake.rating as LetterRating | null) ?? null,
        answerBy: online
          ? null
          : formatDate('zh-CN', letterDeadlines(String(letter.submittedAt), promiseWorkingDays()).promisedBy),
        publicUrl:
          online && intake.mayPublish && site
            ? entryUrl('letter', { id: String(online.key), locale: 'zh-CN', column: site.columnSlug }, site)
            : null,
      };
    },

    /** The state of a letter accepted and not drafted yet: received, as the writer typed it. */
    async pendingView(intake: IntakeRow): Promise<LetterStatusView> {
      const {
        letter,
        site: siteKey,
        submittedAt,
      } = open<PendingLetter>(keys.seal, intake.pending as string, pendingBinding(intake.code));
      const site = await mailbox.site(siteKey);
      return {
        code: intake.code,
        subject: letter.subject,
        text: letter.text,
        kind: letterKinds[letter.kind] ?? '',
        submittedAt: chinaTime(submittedAt),
        status: 'received',
        handlingUnit: site?.name ?? '',
        reply: null,
        repliedAt: null,
        rating: null,
        answerBy: formatDate('zh-CN', letterDeadlines(submittedAt, promiseWorkingDays()).promisedBy),
        publicUrl: null,
      };
    },

    /** The writer's rating of a reply: once, and only after the reply was sent. */
    async rate(
      form: Record<string, unknown>,
      ip: string,
    ): Promise<MailboxOutcome<{ view: LetterStatusView; site: string }>> {
      const tracked = await mailbox.track(form, ip);
      if (!tracked.ok) return tracked;
      const { view, intake } = tracked.value;
      const rating = field(form, 'rating');
      if (!view.reply) return { ok: false, status: 409, errors: { form: '答复发出后才能评价' } };
      if (view.rating) return { ok: false, status: 409, errors: { form: '您已经评价过了' } };
      if (!Object.hasOwn(letterRatings, rating)) {
        return { ok: false, status: 400, errors: { rating: '请选择满意、基本满意或不满意' } };
      }
      await strapi.db.query(intakeUid).update({
        where: { id: intake.id },
        data: { rating, ratedAt: new Date() },
      });
      return {
        ok: true,
        status: 200,
        value: { view: { ...view, rating: rating as LetterRating }, site: intake.site },
      };
    },

    /** The writer's contact data of a letter (for the offices; the caller checks who asks and logs it). */
    async contact(documentId: string): Promise<LetterContact | null> {
      const intake = (await strapi.db.query(intakeUid).findOne({ where: { letter: documentId } })) as {
        contact: string;
      } | null;
      // A letter typed in by the staff or imported keeps its writer sealed on the letter itself.
      return intake
        ? open<LetterContact>(keys.seal, intake.contact, documentId)
        : openLetterWriter(strapi, keys.seal, documentId);
    },
  };
  return mailbox;
}

/** The mailbox of a Strapi instance. */
export type Mailbox = ReturnType<typeof createMailbox>;

let instance: { strapi: Core.Strapi; mailbox: Mailbox } | undefined;

/** The mailbox of this Strapi (made on first use; a restarted Strapi gets a new one). */
export function mailboxOf(strapi: Core.Strapi): Mailbox {
  if (instance?.strapi !== strapi) instance = { strapi, mailbox: createMailbox(strapi) };
  return instance.mailbox;
}
