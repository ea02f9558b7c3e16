/**
 * Only the web office and site administrators may read the inspection report (ADR 29): it lists every
 * site's problems with links into the CMS, the web office's working paper before an inspection.
 */
import type { Core } from '@strapi/strapi';
import { type AdminUser, resolveActor } from '../actors';

/** The policy: true when the admin user is a web-office reviewer or a site administrator. */
export default async (
  policyContext: { state: { user?: AdminUser } },
  _config: unknown,
  { strapi }: { strapi: Core.Strapi },
) => {
  const user = policyContext.state.user;
  if (!user) return false;
  const actor = await resolveActor(strapi, user);
  return actor.roles.some((role) => role === 'web_reviewer' || role === 'site_admin');
};
