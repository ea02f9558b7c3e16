import { factories } from '@strapi/strapi';

/** The core REST routes of `api::interpretation.interpretation`. */
export default factories.createCoreRouter('api::interpretation.interpretation');
