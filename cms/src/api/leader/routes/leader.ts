import { factories } from '@strapi/strapi';

/** The core REST routes of `api::leader.leader`. */
export default factories.createCoreRouter('api::leader.leader');
