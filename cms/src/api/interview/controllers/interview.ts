import { factories } from '@strapi/strapi';

/** The core REST controller of `api::interview.interview`. */
export default factories.createCoreController('api::interview.interview');
