/**
 * Demo accounts of the demo city: an author and a unit reviewer for every site, the web-office and
 * secrecy reviewers and a site administrator. Created by the demo seed only, never in production.
 * The admin roles are minimal placeholders until the review plugin defines the real permissions.
 */
import type { Core } from '@strapi/strapi';
import { publicContentTypes } from '../src/setup/public-access';

/** The default demo password (override with DEMO_PASSWORD). */
export const defaultDemoPassword = 'GovCluster-demo-1';

/** One demo login. */
export interface DemoAccount {
  email: string;
  /** Review role (shared/src/review). */
  reviewRole: 'author' | 'unit_reviewer' | 'web_reviewer' | 'secrecy_reviewer' | 'site_admin';
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

const roleDefinitions = {
  author: { name: '撰稿人 Author', actions: ['read', 'create', 'update'] },
  unit_reviewer: { name: '本单位审核 Unit reviewer', actions: ['read', 'update'] },
  web_reviewer: { name: '网站管理部门审核 Web-office reviewer', actions: ['read', 'update'] },
  secrecy_reviewer: { name: '保密审查 Secrecy reviewer', actions: ['read'] },
  site_admin: { name: '站点管理员 Site administrator', actions: ['read', 'create', 'update', 'delete'] },
} as const;

/** Content types editors work on (memberships stay with administrators). */
const editorialTypes = publicContentTypes.filter(
  (uid) => uid !== 'api::site.site' && uid !== 'api::column.column',
);

async function ensureRole(strapi: Core.Strapi, key: keyof typeof roleDefinitions): Promise<number> {
  const roles = (strapi as any).admin.services.role;
  const definition = roleDefinitions[key];
  const code = `govcluster-${key.replace(/_/g, '-')}`;
  const existing = await strapi.db.query('admin::role').findOne({ where: { code } });
  if (existing) return existing.id;
  const role = await roles.create({
    name: definition.name,
    code,
    description: 'GovCluster placeholder role; the review plugin replaces its permissions.',
  });
  const permissions = [];
  for (const uid of [...editorialTypes, 'api::site.site', 'api::column.column']) {
    const model = strapi.getModel(uid as any);
    const fields = Object.keys(model.attributes).filter(
      (name) =>
        ![
          'createdAt',
          'updatedAt',
          'publishedAt',
          'createdBy',
          'updatedBy',
          'locale',
          'localizations',
        ].includes(name),
    );
    const readOnly = uid === 'api::site.site' || uid === 'api::column.column';
    for (const action of readOnly && key !== 'site_admin' ? ['read'] : definition.actions) {
      permissions.push({
        action: `plugin::content-manager.explorer.${action}`,
        subject: uid,
        properties:
          action === 'delete'
            ? {}
            : { fields, ...(model.pluginOptions?.i18n ? { locales: ['zh-CN', 'en', 'ru'] } : {}) },
        conditions: [],
      });
    }
  }
  permissions.push({ action: 'plugin::upload.read', subject: null, properties: {}, conditions: [] });
  permissions.push({ action: 'plugin::upload.assets.create', subject: null, properties: {}, conditions: [] });
  await roles.assignPermissions(role.id, permissions);
  return role.id;
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
  const superAdmin = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
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
          : await ensureRole(strapi, account.reviewRole);
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
