import { factories } from '@strapi/strapi';

/** The core service of `api::leader.leader`. */
export default factories.createCoreService('api::leader.leader');
