import { factories } from '@strapi/strapi';

/** The core REST routes of `api::interview.interview`. */
export default factories.createCoreRouter('api::interview.interview');
