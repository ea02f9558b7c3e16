import { factories } from '@strapi/strapi';

/** The core REST controller of `api::interpretation.interpretation`. */
export default factories.createCoreController('api::interpretation.interpretation');
