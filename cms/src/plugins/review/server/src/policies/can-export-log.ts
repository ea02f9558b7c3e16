/** Only the web office, the secrecy reviewer and site administrators may export the review log. */
import type { Core } from '@strapi/strapi';
import { type AdminUser, resolveActor } from '../actors';

/** The policy: true when the admin user has a cluster-wide review role. */
export default async (
  policyContext: { state: { user?: AdminUser } },
  _config: unknown,
  { strapi }: { strapi: Core.Strapi },
) => {
  const user = policyContext.state.user;
  if (!user) return false;
  const actor = await resolveActor(strapi, user);
  return actor.roles.some(
    (role) => role === 'web_reviewer' || role === 'secrecy_reviewer' || role === 'site_admin',
  );
};
