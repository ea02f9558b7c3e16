import { factories } from '@strapi/strapi';

/** The core REST controller of `api::service-guide.service-guide`. */
export default factories.createCoreController('api::service-guide.service-guide');
