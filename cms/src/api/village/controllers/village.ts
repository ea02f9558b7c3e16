import { factories } from '@strapi/strapi';

/** The core REST controller of `api::village.village`. */
export default factories.createCoreController('api::village.village');
