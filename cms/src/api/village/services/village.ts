import { factories } from '@strapi/strapi';

/** The core service of `api::village.village`. */
export default factories.createCoreService('api::village.village');
