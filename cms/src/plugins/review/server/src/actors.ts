/**
 * Who acts: an admin user's review roles (from their admin roles and their site membership) and the
 * sites they work for (the `site-membership` content type of the CMS).
 */

import type { ReviewRole } from '@govcluster/shared/review';
import type { Core } from '@strapi/strapi';
import { systemActor } from './services/state-store';

/** The admin role codes the plugin creates, one per review role. */
export const roleCodes: Readonly<Record<ReviewRole, string>> = {
  author: 'govcluster-author',
  unit_reviewer: 'govcluster-unit-reviewer',
  web_reviewer: 'govcluster-web-reviewer',
  secrecy_reviewer: 'govcluster-secrecy-reviewer',
  site_admin: 'govcluster-site-admin',
};

/** Strapi's super admin role: acts as site administrator in the review. */
export const superAdminCode = 'strapi-super-admin';

/** The membership content type of the CMS. */
export const membershipUid = 'api::site-membership.site-membership';

/** A person acting in the review. */
export interface Actor {
  /** Admin user id. */
  readonly id: number;
  /** Display name (first and last name, or the e-mail). */
  readonly name: string;
  readonly email: string;
  /** Review roles, in the order of `roleCodes`. */
  readonly roles: readonly ReviewRole[];
  /** Keys of the sites this person works for (for site-scoped roles). */
  readonly sites: readonly string[];
}

/**
 * How a log entry of a configuration change (registry, locales) names who made it: the person, or the
 * system actor when no admin user made the call (seeding, bootstrap); a person without a review role is
 * an `editor`.
 */
export function changedBy(actor: Actor | null): {
  actorId: number | null;
  actorName: string;
  actorEmail: string | null;
  actorRole: ReviewRole | 'editor' | 'system';
} {
  if (!actor) return systemActor;
  return {
    actorId: actor.id,
    actorName: actor.name,
    actorEmail: actor.email,
    actorRole: actor.roles[0] ?? 'editor',
  };
}

/** The admin user as Strapi puts it on `ctx.state.user`. */
export interface AdminUser {
  id: number;
  email?: string;
  firstname?: string | null;
  lastname?: string | null;
  roles?: { code?: string }[];
}

/** A person's site membership: their review role and the keys of their sites. */
export interface Membership {
  reviewRole: string | null;
  sites: string[];
}

/** Memberships already read in the current request, by user id (the request object is the key). */
const memberships = new WeakMap<object, Map<number, Promise<Membership>>>();

/**
 * The site membership of an admin user, read once per request: Strapi evaluates the own-sites
 * condition of every conditioned permission when it authorises a request, and the review asks again.
 */
export function membershipOf(strapi: Core.Strapi, userId: number): Promise<Membership> {
  const read = async (): Promise<Membership> => {
    const row = (await strapi.db.query(membershipUid as never).findOne({
      where: { user: { id: userId } },
      populate: { sites: { select: ['key'] } },
    })) as { reviewRole?: string | null; sites?: { key: string }[] } | null;
    return { reviewRole: row?.reviewRole ?? null, sites: (row?.sites ?? []).map((site) => site.key) };
  };
  const request = strapi.requestContext.get() as object | undefined;
  if (!request) return read();
  let byUser = memberships.get(request);
  if (!byUser) {
    byUser = new Map();
    memberships.set(request, byUser);
  }
  let found = byUser.get(userId);
  if (!found) {
    found = read();
    byUser.set(userId, found);
  }
  return found;
}

/** How the review's history names a person: first and last name, else the e-mail, else the id. */
export function displayName(user: AdminUser): string {
  return [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `#${user.id}`;
}

/** The name of the admin user `id`, read from the database (edits arrive with the id only). */
export async function nameOf(strapi: Core.Strapi, id: number): Promise<string> {
  const user = (await strapi.db
    .query('admin::user')
    .findOne({ where: { id }, select: ['id', 'firstname', 'lastname', 'email'] })) as AdminUser | null;
  return displayName(user ?? { id });
}

/** The review roles of an admin user and their sites. */
export async function resolveActor(strapi: Core.Strapi, user: AdminUser): Promise<Actor> {
  let roles = user.roles;
  if (!roles?.every((role) => typeof role.code === 'string')) {
    const full = await strapi.db
      .query('admin::user')
      .findOne({ where: { id: user.id }, populate: ['roles'] });
    roles = (full?.roles ?? []) as { code?: string }[];
  }
  const codes = new Set((roles ?? []).map((role) => role.code));
  const membership = await membershipOf(strapi, user.id);
  const found = new Set<ReviewRole>();
  for (const [role, code] of Object.entries(roleCodes) as [ReviewRole, string][]) {
    if (codes.has(code)) found.add(role);
  }
  if (codes.has(superAdminCode)) found.add('site_admin');
  if (membership.reviewRole && membership.reviewRole in roleCodes)
    found.add(membership.reviewRole as ReviewRole);
  const order = Object.keys(roleCodes) as ReviewRole[];
  const name = displayName(user);
  return {
    id: user.id,
    name,
    email: user.email ?? '',
    roles: order.filter((role) => found.has(role)),
    sites: membership.sites,
  };
}

/** The admin user behind the current request, if any. */
export function requestUserId(strapi: Core.Strapi): number | null {
  const ctx = strapi.requestContext.get() as
    | { state?: { user?: { id?: number }; auth?: { strategy?: { name?: string } } } }
    | undefined;
  const user = ctx?.state?.user;
  return typeof user?.id === 'number' && ctx?.state?.auth?.strategy?.name === 'admin' ? user.id : null;
}
