import { factories } from '@strapi/strapi';

/** The core REST routes of `api::letter.letter`. */
export default factories.createCoreRouter('api::letter.letter');
