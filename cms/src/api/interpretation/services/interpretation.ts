import { factories } from '@strapi/strapi';

/** The core service of `api::interpretation.interpretation`. */
export default factories.createCoreService('api::interpretation.interpretation');
