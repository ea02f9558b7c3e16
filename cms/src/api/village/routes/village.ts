import { factories } from '@strapi/strapi';

/** The core REST routes of `api::village.village`. */
export default factories.createCoreRouter('api::village.village');
