import { factories } from '@strapi/strapi';

/** The core service of `api::letter.letter`. */
export default factories.createCoreService('api::letter.letter');
