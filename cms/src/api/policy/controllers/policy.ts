import { factories } from '@strapi/strapi';

/** The core REST controller of `api::policy.policy`. */
export default factories.createCoreController('api::policy.policy');
