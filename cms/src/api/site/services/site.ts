import { factories } from '@strapi/strapi';

/** The core service of `api::site.site`. */
export default factories.createCoreService('api::site.site');
