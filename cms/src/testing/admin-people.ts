/**
 * Admin accounts for tests: a user with admin roles and, where the person reviews or writes for
 * sites, the site membership that the review plugin reads (ADR 6). One way of making a person, for
 * the review, mailbox and API-access suites and the admin walks alike.
 * @module
 */

import type { ReviewRole } from '@govcluster/shared/review';
import type { Core } from '@strapi/strapi';

/** A person to create. */
export interface NewAdminPerson {
  email: string;
  password: string;
  /** Admin role codes, e.g. `govcluster-author` or `strapi-super-admin`. */
  roles: readonly string[];
  /** The membership's review role; a membership is made when this or `sites` is given. */
  reviewRole?: ReviewRole;
  /** Document ids of the sites the person belongs to. */
  sites?: readonly string[];
  /** First and last name (default: the e-mail's local part, and `Test`). */
  firstname?: string;
  lastname?: string;
  /** The admin's language (`zh-Hans` for walks that look at the Chinese admin). */
  language?: string;
}

/** Creates the person; returns the admin user's id. Throws naming a role code that does not exist. */
export async function createAdminPerson(strapi: Core.Strapi, person: NewAdminPerson): Promise<number> {
  const roleIds: number[] = [];
  for (const code of person.roles) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!role) throw new Error(`createAdminPerson(${person.email}): no admin role ${code}`);
    roleIds.push(role.id);
  }
  // biome-ignore lint/suspicious/noExplicitAny: the admin's services are not in Strapi's public types
  const user = await (strapi as any).admin.services.user.create({
    email: person.email,
    firstname: person.firstname ?? person.email.split('@')[0],
    lastname: person.lastname ?? 'Test',
    password: person.password,
    isActive: true,
    registrationToken: null,
    ...(person.language ? { preferedLanguage: person.language } : {}),
    roles: roleIds,
  });
  const sites = person.sites ?? [];
  if (person.reviewRole || sites.length > 0) {
    await strapi.documents('api::site-membership.site-membership').create({
      data: { user: user.id, reviewRole: person.reviewRole ?? 'unit_reviewer', sites: [...sites] },
    } as never);
  }
  return user.id;
}
