import type { Core } from '@strapi/strapi';
import { ensureAdminLayouts } from './setup/admin-layout';
import { ensureLocales } from './setup/locales';
import { ensurePublicAccess, publicContentTypes } from './setup/public-access';

/** The GovCluster CMS application: locales and public access are put right on every boot. */
export default {
  /** Runs before the app is initialised. Nothing to extend yet; the review plugin hooks in here. */
  register(_context: { strapi: Core.Strapi }) {},

  /** Runs before the server starts: zh-CN default plus en and ru; the public role reads only; Chinese admin labels. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensurePublicAccess(strapi);
    await ensureAdminLayouts(strapi, [...publicContentTypes, 'api::site-membership.site-membership']);
  },
};
