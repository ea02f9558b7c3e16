import { factories } from '@strapi/strapi';

/** The core REST routes of `api::policy.policy`. */
export default factories.createCoreRouter('api::policy.policy');
