/**
 * The admin roles of the review, created (and their permissions put right) on every boot, and the RBAC
 * condition that keeps authors and unit reviewers on their own sites.
 */

import { locales } from '@govcluster/shared/constants';
import { type ReviewRole, reviewRoles } from '@govcluster/shared/review';
import type { Core } from '@strapi/strapi';
import { membershipOf, membershipUid, roleCodes, superAdminCode } from './actors';
import { wordUid } from './services/review';

/** The condition id authors' and unit reviewers' permissions carry. */
export const ownSitesCondition = 'plugin::review.own-sites';

/**
 * The condition for types with an `office` (letters): entries assigned to their office, and entries of
 * their own sites that no office has been assigned yet (docs/adr/0023-mailbox.md).
 */
export const ownSitesOrOfficeCondition = 'plugin::review.own-sites-or-office';

/** The condition on their reading of the registry's sites: only the sites they work for. */
export const ownSiteRecordsCondition = 'plugin::review.own-site-records';

/** The condition on their media library permissions: files uploaded by people of their own sites. */
export const ownSitesMediaCondition = 'plugin::review.own-sites-media';

/** Strapi's own roles, named in Chinese like ours (their codes are what Strapi goes by). */
const strapiRoleNames: Readonly<Record<string, string>> = {
  [superAdminCode]: '超级管理员',
  'strapi-editor': '编辑（未使用）',
  'strapi-author': '作者（未使用）',
};

/** What each role may do in the content manager, as data. `own` = only on their own sites. */
const rolePermissions: Readonly<
  Record<
    ReviewRole,
    { content: readonly string[]; own: boolean; registry: readonly string[]; words: readonly string[] }
  >
> = {
  author: { content: ['read', 'create', 'update', 'delete'], own: true, registry: ['read'], words: [] },
  unit_reviewer: { content: ['read', 'update'], own: true, registry: ['read'], words: [] },
  web_reviewer: {
    content: ['read', 'update'],
    own: false,
    registry: ['read'],
    words: ['read', 'create', 'update', 'delete'],
  },
  secrecy_reviewer: { content: ['read'], own: false, registry: ['read'], words: ['read'] },
  site_admin: {
    content: ['read', 'create', 'update', 'delete'],
    own: false,
    registry: ['read', 'create', 'update', 'delete'],
    words: ['read', 'create', 'update', 'delete'],
  },
};

/** Made by the CMS on create (cms/src/setup/entry-keys.ts); only a site administrator changes them. */
const generatedFields = new Set(['key', 'slug']);

/** Set only by the web office's assignment of a letter (letter-assign.ts), which is logged. */
const assignedFields = new Set(['office']);

/**
 * Neither read nor written by anyone in the content manager: a letter's sealed writer
 * (cms/src/mailbox/sealed-writer.ts), opened only through 查看来信人信息, which logs every look.
 */
const sealedFields = new Set(['writerSealed']);

const systemFields = new Set([
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

/** The ids of the admin users who work for any of `sites`. */
async function membersOf(strapi: Core.Strapi, sites: readonly string[]): Promise<number[]> {
  if (sites.length === 0) return [];
  const memberships = (await strapi.db.query(membershipUid as never).findMany({
    where: { sites: { key: { $in: [...sites] } } },
    populate: { user: { select: ['id'] } },
  })) as { user?: { id: number } | null }[];
  return [
    ...new Set(
      memberships
        .map((membership) => membership.user?.id)
        .filter((id): id is number => typeof id === 'number'),
    ),
  ];
}

/** Registers the own-sites conditions (call in bootstrap, before the roles are synced). */
export async function registerConditions(strapi: Core.Strapi): Promise<void> {
  const provider = (
    strapi as unknown as {
      admin: {
        services: {
          permission: {
            conditionProvider: { has?: (id: string) => boolean; register: (c: unknown) => Promise<void> };
          };
        };
      };
    }
  ).admin.services.permission.conditionProvider;
  if (!provider.has?.(ownSitesCondition)) {
    await provider.register({
      displayName: 'Own sites (本单位站点)',
      name: 'own-sites',
      plugin: 'review',
      async handler(user: { id: number }) {
        const sites = (await membershipOf(strapi, user.id)).sites;
        // An empty list must match nothing, not everything.
        return { 'site.key': { $in: sites.length > 0 ? sites : ['\u0000none'] } };
      },
    });
  }
  if (!provider.has?.(ownSitesOrOfficeCondition)) {
    await provider.register({
      displayName: 'Own sites or assigned to their office (本单位站点或交本单位办理)',
      name: 'own-sites-or-office',
      plugin: 'review',
      async handler(user: { id: number }) {
        const sites = (await membershipOf(strapi, user.id)).sites;
        const keys = { $in: sites.length > 0 ? sites : ['\u0000none'] };
        // Once assigned, a letter is its office's alone; until then, its site's. (`null`, not `$exists`:
        // in memory sift takes a populated `office: null` as existing; in SQL both are IS NULL.)
        return { $or: [{ 'office.key': keys }, { 'site.key': keys, 'office.key': null }] };
      },
    });
  }
  if (!provider.has?.(ownSiteRecordsCondition)) {
    await provider.register({
      displayName: 'Own site records (本单位站点本身)',
      name: 'own-site-records',
      plugin: 'review',
      async handler(user: { id: number }) {
        const sites = (await membershipOf(strapi, user.id)).sites;
        return { key: { $in: sites.length > 0 ? sites : ['\u0000none'] } };
      },
    });
  }
  if (!provider.has?.(ownSitesMediaCondition)) {
    await provider.register({
      displayName: 'Media of own sites (本单位站点的文件)',
      name: 'own-sites-media',
      plugin: 'review',
      async handler(user: { id: number }) {
        const members = await membersOf(strapi, (await membershipOf(strapi, user.id)).sites);
        return { 'createdBy.id': { $in: members.length > 0 ? members : [-1] } };
      },
    });
  }
}

/** The permissions of one role. */
function permissionsFor(strapi: Core.Strapi, role: ReviewRole, governed: readonly string[]) {
  const rules = rolePermissions[role];
  const permissions: {
    action: string;
    subject: string | null;
    properties: Record<string, unknown>;
    conditions: string[];
  }[] = [];
  const add = (uid: string, actions: readonly string[], conditions: string[]) => {
    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
      | { attributes: Record<string, unknown>; pluginOptions?: { i18n?: { localized?: boolean } } }
      | undefined;
    if (!model) return;
    const all = Object.keys(model.attributes).filter((name) => !systemFields.has(name));
    const localized = model.pluginOptions?.i18n?.localized === true;
    for (const action of actions) {
      const withFields = action !== 'delete';
      const writing = action === 'create' || action === 'update';
      const fields = all.filter(
        (name) =>
          !sealedFields.has(name) &&
          !(writing && assignedFields.has(name)) &&
          !(writing && role !== 'site_admin' && generatedFields.has(name)),
      );
      permissions.push({
        action: `plugin::content-manager.explorer.${action}`,
        subject: uid,
        properties: {
          ...(withFields ? { fields } : {}),
          ...(localized ? { locales: [...locales] } : {}),
        },
        conditions,
      });
    }
  };
  const hasOffice = (uid: string) =>
    (strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as { attributes: Record<string, unknown> })
      ?.attributes?.office !== undefined;
  for (const uid of governed) {
    const own = hasOffice(uid) ? ownSitesOrOfficeCondition : ownSitesCondition;
    add(uid, rules.content, rules.own ? [own] : []);
  }
  // Pickers and lists offer site-scoped people only their own sites and those sites' columns.
  add('api::site.site', rules.registry, rules.own ? [ownSiteRecordsCondition] : []);
  add('api::column.column', rules.registry, rules.own ? [ownSitesCondition] : []);
  if (role === 'site_admin') add(membershipUid, ['read', 'create', 'update', 'delete'], []);
  add(wordUid, rules.words, []);
  // Media: everyone may upload; site-scoped people see and change only their own sites' files. A file
  // that online content uses cannot be changed in place by anyone (guards.ts).
  const media = rules.own ? [ownSitesMediaCondition] : [];
  permissions.push({ action: 'plugin::upload.read', subject: null, properties: {}, conditions: media });
  permissions.push({ action: 'plugin::upload.assets.create', subject: null, properties: {}, conditions: [] });
  permissions.push({
    action: 'plugin::upload.assets.update',
    subject: null,
    properties: {},
    conditions: media,
  });
  return permissions;
}

/** Creates the five review roles when missing and puts their permissions right. */
export async function ensureRoles(
  strapi: Core.Strapi,
  governed: readonly string[],
): Promise<Record<ReviewRole, number>> {
  const roles = (
    strapi as unknown as {
      admin: {
        services: {
          role: {
            create: (d: unknown) => Promise<{ id: number }>;
            assignPermissions: (id: number, p: unknown[]) => Promise<unknown>;
            createRolesIfNoneExist: () => Promise<void>;
          };
        };
      };
    }
  ).admin.services.role;
  // Strapi creates its own roles (super admin first) only when there are none: let it go first.
  await roles.createRolesIfNoneExist();
  for (const [code, name] of Object.entries(strapiRoleNames)) {
    await strapi.db.query('admin::role').update({ where: { code, name: { $ne: name } }, data: { name } });
  }
  const ids = {} as Record<ReviewRole, number>;
  for (const [role, code] of Object.entries(roleCodes) as [ReviewRole, string][]) {
    // The role's name as the admin shows it (user lists, the profile's badge): Chinese, as the workflow
    // names it; a database made when the names had English halves is put right.
    const name = reviewRoles[role].label['zh-CN'];
    let found = (await strapi.db.query('admin::role').findOne({ where: { code } })) as {
      id: number;
      name?: string;
    } | null;
    if (!found) {
      found = await roles.create({ name, code, description: '审核角色：权限由审核插件在每次启动时设定。' });
    } else if (found.name !== name) {
      await strapi.db.query('admin::role').update({ where: { id: found.id }, data: { name } });
    }
    await roles.assignPermissions(found.id, permissionsFor(strapi, role, governed));
    ids[role] = found.id;
  }
  return ids;
}
