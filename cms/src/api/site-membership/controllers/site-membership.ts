import { factories } from '@strapi/strapi';

/** The core REST controller of `api::site-membership.site-membership`. */
export default factories.createCoreController('api::site-membership.site-membership');
