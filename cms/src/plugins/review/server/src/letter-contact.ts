/**
 * Letters from the mailbox in the admin: who may see a writer's contact data, and the record of every look
 * (docs/adr/0023-mailbox.md): the web office (cluster-wide) and the office handling the letter (authors
 * and unit reviewers of the site it was assigned to, else of the site it was written to). Every view and every refusal is written to the review's
 * append-only log, so the letter's history shows who looked and when.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { type LetterToHandle, lettersToHandle, officeOf } from '../../../../mailbox/handling';
import { type LetterContact, mailboxOf } from '../../../../mailbox/service';
import { type AdminUser, resolveActor } from './actors';
import { createStateStore } from './services/state-store';

const letterUid = 'api::letter.letter';

/** The contact data of a letter for an admin user who may see it; logged either way. */
export async function viewLetterContact(
  strapi: Core.Strapi,
  user: AdminUser,
  documentId: string,
): Promise<LetterContact> {
  const actor = await resolveActor(strapi, user);
  const letter = (await strapi.db.query(letterUid).findOne({
    where: { documentId },
    select: ['title'],
    populate: { site: { select: ['key'] }, office: { select: ['key'] } },
  })) as { title?: string; site?: { key?: string } | null; office?: { key?: string } | null } | null;
  if (!letter) throw new errors.NotFoundError('没有这封信件（no such letter）');
  // The office handling the letter: the one the web office assigned it to, else the site's own.
  const site = officeOf(letter);
  const role = actor.roles.includes('web_reviewer')
    ? 'web_reviewer'
    : site && actor.sites.includes(site)
      ? actor.roles.find((candidate) => candidate === 'author' || candidate === 'unit_reviewer')
      : undefined;
  const entry = {
    fromStage: null,
    toStage: null,
    actorId: actor.id,
    actorName: actor.name,
    actorEmail: actor.email,
    targetUid: letterUid,
    targetDocumentId: documentId,
    targetLocale: 'zh-CN',
    site,
    title: letter.title ?? null,
  };
  const store = createStateStore(strapi);
  if (!role) {
    await store.log({ ...entry, action: 'view_contact_refused', actorRole: actor.roles[0] ?? 'editor' });
    throw new errors.ForbiddenError(
      '只有网站管理部门和承办单位可以查看来信人信息（Only the web office and the office handling the letter may see the writer’s contact data）',
    );
  }
  const contact = await mailboxOf(strapi).contact(documentId);
  if (!contact) throw new errors.NotFoundError('这封信件没有来信人信息（this letter has no contact data）');
  await store.log({ ...entry, action: 'view_contact', actorRole: role });
  return contact;
}

/**
 * 待我办理: the letters waiting for an answer that a person handles — every site's for the web office
 * and site administrators, their own sites' for authors and unit reviewers, none for anyone else.
 */
export async function lettersFor(strapi: Core.Strapi, user: AdminUser): Promise<LetterToHandle[]> {
  const actor = await resolveActor(strapi, user);
  if (actor.roles.includes('web_reviewer') || actor.roles.includes('site_admin')) {
    return lettersToHandle(strapi, 'all');
  }
  if (actor.roles.includes('author') || actor.roles.includes('unit_reviewer')) {
    return lettersToHandle(strapi, actor.sites);
  }
  return [];
}
