import { factories } from '@strapi/strapi';

/** The core service of `api::policy.policy`. */
export default factories.createCoreService('api::policy.policy');
