import { factories } from '@strapi/strapi';

/** The core service of `api::service-guide.service-guide`. */
export default factories.createCoreService('api::service-guide.service-guide');
