import { factories } from '@strapi/strapi';

/** The core service of `api::interview.interview`. */
export default factories.createCoreService('api::interview.interview');
