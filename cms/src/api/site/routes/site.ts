import { factories } from '@strapi/strapi';

/** The core REST routes of `api::site.site`. */
export default factories.createCoreRouter('api::site.site');
