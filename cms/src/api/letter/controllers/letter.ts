import { factories } from '@strapi/strapi';

/** The core REST controller of `api::letter.letter`. */
export default factories.createCoreController('api::letter.letter');
