import { factories } from '@strapi/strapi';

/** The core REST controller of `api::site.site`. */
export default factories.createCoreController('api::site.site');
