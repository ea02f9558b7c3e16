import type { Core } from '@strapi/strapi';

/** Content types the public (and the build's read-only token) may read: everything but memberships. */
export const publicContentTypes = [
  'api::site.site',
  'api::column.column',
  'api::article.article',
  'api::policy.policy',
  'api::interpretation.interpretation',
  'api::service-guide.service-guide',
  'api::leader.leader',
  'api::village.village',
  'api::investment-project.investment-project',
  'api::letter.letter',
  'api::interview.interview',
  'api::consultation.consultation',
] as const;

const readActions = ['find', 'findOne'];

/**
 * The public role reads published content and writes nothing: `find` and `findOne` on every public
 * content type are granted, any other content-API action on an `api::` type is removed (and said so
 * in the log), and self-registration of users is switched off.
 */
export async function ensurePublicAccess(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('the users-permissions public role is missing');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing: { id: number; action: string }[] = await permissions.findMany({ where: { role: role.id } });
  const have = new Set(existing.map((permission) => permission.action));
  for (const uid of publicContentTypes) {
    for (const action of readActions) {
      const name = `${uid}.${action}`;
      if (!have.has(name)) await permissions.create({ data: { action: name, role: role.id } });
    }
  }
  for (const permission of existing) {
    const action = permission.action.split('.').pop() ?? '';
    if (permission.action.startsWith('api::') && !readActions.includes(action)) {
      strapi.log.warn(`[govcluster] removing write permission "${permission.action}" from the public role`);
      await permissions.delete({ where: { id: permission.id } });
    }
    if (
      permission.action.startsWith('plugin::upload.') &&
      !permission.action.endsWith('.find') &&
      !permission.action.endsWith('.findOne')
    ) {
      strapi.log.warn(`[govcluster] removing upload permission "${permission.action}" from the public role`);
      await permissions.delete({ where: { id: permission.id } });
    }
  }
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get({})) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ value: { ...advanced, allow_register: false } });
}
