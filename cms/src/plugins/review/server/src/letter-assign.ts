/**
 * 交办 / 转办: the web office assigns a letter from the mailbox to the office that is to answer it, or
 * forwards it from one office to another (docs/adr/0023-mailbox.md). The office is a site of the cluster:
 * its authors draft the reply, its unit reviewer approves it, it sees the letter on 待我办理 and may open
 * the writer's contact data. Every assignment is an entry in the review's append-only log (who, when,
 * from which office to which, and why).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { type AdminUser, resolveActor } from './actors';
import { conflict } from './refusal';
import { createStateStore, stateUid } from './services/state-store';
import { runTrusted } from './trust';

const letterUid = 'api::letter.letter';
const intakeUid = 'api::letter-intake.letter-intake';

/** An office a letter may be assigned to. */
export interface Office {
  key: string;
  name: string;
}

/** What an assignment did. */
export interface Assignment {
  documentId: string;
  from: string | null;
  to: string;
  handlingUnit: string;
}

/** Review stages during which the letter's reply is being reviewed: no assignment then. */
const inReview = new Set(['unit_review', 'web_review', 'secrecy_review']);

const refused = (code: string, zh: string, en: string) => conflict(code, { 'zh-CN': zh, en });

/** Refuses anyone but the web office and site administrators; returns the role they act in. */
async function assigner(strapi: Core.Strapi, user: AdminUser) {
  const actor = await resolveActor(strapi, user);
  const role = actor.roles.find((candidate) => candidate === 'web_reviewer' || candidate === 'site_admin');
  if (!role) {
    throw new errors.ForbiddenError(
      '只有网站管理部门可以交办或转办来信（Only the web office assigns or forwards letters）',
    );
  }
  return { actor, role };
}

/** The offices a letter may go to: every site of the cluster, by name (for the web office only). */
export async function officesFor(strapi: Core.Strapi, user: AdminUser): Promise<Office[]> {
  await assigner(strapi, user);
  const sites = (await strapi.db.query('api::site.site').findMany({
    select: ['key'],
    populate: { name: true },
    orderBy: { key: 'asc' },
  })) as { key: string; name?: { zhCN?: string } | null }[];
  return sites.map((site) => ({ key: site.key, name: site.name?.zhCN ?? site.key }));
}

/** Assigns (or forwards) the letter `documentId` to the office of site `to`; logged. */
export async function assignLetter(
  strapi: Core.Strapi,
  user: AdminUser,
  documentId: string,
  to: string,
  note: string,
): Promise<Assignment> {
  const { actor, role } = await assigner(strapi, user);
  const office = (await strapi.db.query('api::site.site').findOne({
    where: { key: to },
    select: ['id', 'key'],
    populate: { name: true },
  })) as { id: number; key: string; name?: { zhCN?: string } | null } | null;
  if (!office) throw new errors.ValidationError(`没有站点“${to}”（no such office）`);
  const intake = (await strapi.db.query(intakeUid).findOne({
    where: { letter: documentId },
    select: ['id', 'site', 'office'],
  })) as { id: number; site: string; office: string | null } | null;
  if (!intake) throw new errors.NotFoundError('没有这封来信（no such letter from the mailbox）');
  const rows = (await strapi.db.query(letterUid).findMany({
    where: { documentId },
    select: ['id', 'title', 'locale', 'publishedAt', 'handlingStatus'],
  })) as { id: number; title: string; locale: string; publishedAt: string | null; handlingStatus: string }[];
  if (rows.some((row) => row.publishedAt !== null)) {
    throw refused('letter-answered', '这封来信已经答复，不能再交办', 'The letter has been answered');
  }
  const states = (await strapi.db.query(stateUid as never).findMany({
    where: { targetUid: letterUid, targetDocumentId: documentId },
    select: ['stage'],
  })) as { stage: string }[];
  if (states.some((state) => inReview.has(state.stage))) {
    throw refused(
      'letter-in-review',
      '答复正在审核中，不能转办；请先退回',
      'The reply is in review: reject it before forwarding the letter',
    );
  }
  const from = intake.office ?? intake.site;
  if (from === office.key)
    throw refused('same-office', '这封来信已由该单位办理', 'The letter is already with this office');
  const handlingUnit = office.name?.zhCN ?? office.key;
  // The plugin's own, checked and logged write of an administrative field: on the trusted path, not
  // through the document service, which would count the web office as a contributor of the reply and
  // bar it from approving it.
  await runTrusted('assign-letter', () =>
    strapi.db.transaction(async () => {
      for (const row of rows) {
        await strapi.db.query(letterUid).update({
          where: { id: row.id },
          data: {
            office: office.id,
            handlingUnit,
            handlingStatus: row.handlingStatus === 'received' ? 'processing' : row.handlingStatus,
          },
        });
      }
      await strapi.db.query(intakeUid).update({ where: { id: intake.id }, data: { office: office.key } });
      await createStateStore(strapi).log({
        action: 'assign_letter',
        fromStage: null,
        toStage: null,
        comment: note || null,
        actorId: actor.id,
        actorName: actor.name,
        actorEmail: actor.email,
        actorRole: role,
        targetUid: letterUid,
        targetDocumentId: documentId,
        targetLocale: 'zh-CN',
        site: office.key,
        title: rows.find((row) => row.locale === 'zh-CN')?.title ?? rows[0]?.title ?? null,
        details: { from, to: office.key },
      });
    }),
  );
  return { documentId, from, to: office.key, handlingUnit };
}
