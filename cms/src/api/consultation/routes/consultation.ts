import { factories } from '@strapi/strapi';

/** The core REST routes of `api::consultation.consultation`. */
export default factories.createCoreRouter('api::consultation.consultation');
