/**
 * Demo accounts of the demo city: an author and a unit reviewer for every site, the web-office and
 * secrecy reviewers and a site administrator. Created by the demo seed only, never in production.
 * Their admin roles are the review plugin's own, made with their permissions on every start.
 */
import type { ReviewRole } from '@govcluster/shared/review';
import type { Core } from '@strapi/strapi';
import { roleCodes, superAdminCode } from '../src/plugins/review/server/src/actors';

/** The default demo password (override with DEMO_PASSWORD). */
export const defaultDemoPassword = 'GovCluster-demo-1';

/** One demo login. */
export interface DemoAccount {
  email: string;
  /** Review role. */
  reviewRole: ReviewRole;
  /** Site ids the account works for; empty for cluster-wide roles. */
  sites: string[];
}

/** The demo accounts for the given site ids. */
export function demoAccounts(siteIds: string[]): DemoAccount[] {
  return [
    ...siteIds.flatMap((site): DemoAccount[] => [
      { email: `author.${site}@demo.gov.cn`, reviewRole: 'author', sites: [site] },
      { email: `unit.${site}@demo.gov.cn`, reviewRole: 'unit_reviewer', sites: [site] },
    ]),
    { email: 'web@demo.gov.cn', reviewRole: 'web_reviewer', sites: [] },
    { email: 'secrecy@demo.gov.cn', reviewRole: 'secrecy_reviewer', sites: [] },
    { email: 'admin@demo.gov.cn', reviewRole: 'site_admin', sites: [] },
  ];
}

/**
 * The admin role of a review role. The review plugin creates every review role on each start
 * (server/src/roles.ts), before anything can seed: a missing one is a broken boot, not a thing to make here.
 */
async function adminRoleOf(strapi: Core.Strapi, role: ReviewRole): Promise<number> {
  const found = await strapi.db.query('admin::role').findOne({ where: { code: roleCodes[role] } });
  if (!found) throw new Error(`the review plugin made no admin role ${roleCodes[role]}`);
  return found.id;
}

/**
 * Creates the missing demo accounts (admin users, preferred language Chinese) and their site
 * memberships. Existing accounts keep their password. Returns how many accounts were created.
 */
export async function ensureDemoAccounts(
  strapi: Core.Strapi,
  siteIds: string[],
  password: string,
): Promise<number> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('demo accounts are never created in production (NODE_ENV=production)');
  }
  // admin@ is Strapi's super admin when that role exists (it does unless another plugin made roles first).
  const superAdmin = await strapi.db.query('admin::role').findOne({ where: { code: superAdminCode } });
  const siteDocuments = new Map<string, string>();
  for (const site of await strapi
    .documents('api::site.site')
    .findMany({ fields: ['key'] as any, limit: 100000 } as any)) {
    siteDocuments.set((site as any).key, site.documentId);
  }
  let created = 0;
  let passwordHash: string | undefined;
  for (const account of demoAccounts(siteIds)) {
    let user = await strapi.db.query('admin::user').findOne({ where: { email: account.email } });
    if (!user) {
      const roleId =
        account.reviewRole === 'site_admin' && superAdmin
          ? superAdmin.id
          : await adminRoleOf(strapi, account.reviewRole);
      const [name] = account.email.split('@');
      // One bcrypt hash for every demo account (hashing ~100 times would cost half a minute).
      passwordHash ??= (await (strapi as any).admin.services.auth.hashPassword(password)) as string;
      user = await strapi.db.query('admin::user').create({
        data: {
          email: account.email,
          firstname: name,
          lastname: 'Demo',
          password: passwordHash,
          isActive: true,
          blocked: false,
          registrationToken: null,
          preferedLanguage: 'zh-Hans',
          roles: [roleId],
        },
        populate: ['roles'],
      });
      created += 1;
    }
    const memberships = strapi.documents('api::site-membership.site-membership');
    const existing = await memberships.findFirst({ filters: { user: { id: user.id } } as any } as any);
    const data = {
      user: user.id,
      reviewRole: account.reviewRole,
      sites: account.sites.map((site) => siteDocuments.get(site)).filter(Boolean),
    };
    if (!existing) await memberships.create({ data } as any);
  }
  return created;
}
