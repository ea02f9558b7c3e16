/** A route policy that admits the admin users holding one of a few review roles. */
import type { ReviewRole } from '@govcluster/shared/review';
import type { Core } from '@strapi/strapi';
import { type AdminUser, resolveActor } from '../actors';

/** The policy: true when the admin user holds one of `roles`. */
export function rolePolicy(...roles: readonly ReviewRole[]) {
  return async (
    policyContext: { state: { user?: AdminUser } },
    _config: unknown,
    { strapi }: { strapi: Core.Strapi },
  ): Promise<boolean> => {
    const user = policyContext.state.user;
    if (!user) return false;
    const actor = await resolveActor(strapi, user);
    return actor.roles.some((role) => roles.includes(role));
  };
}
