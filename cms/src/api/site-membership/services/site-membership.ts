import { factories } from '@strapi/strapi';

/** The core service of `api::site-membership.site-membership`. */
export default factories.createCoreService('api::site-membership.site-membership');
