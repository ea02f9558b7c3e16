import { factories } from '@strapi/strapi';

/** The core REST routes of `api::service-guide.service-guide`. */
export default factories.createCoreRouter('api::service-guide.service-guide');
