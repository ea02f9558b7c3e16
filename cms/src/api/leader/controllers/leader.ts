import { factories } from '@strapi/strapi';

/** The core REST controller of `api::leader.leader`. */
export default factories.createCoreController('api::leader.leader');
