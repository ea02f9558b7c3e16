import { factories } from '@strapi/strapi';

/** The core service of `api::consultation.consultation`. */
export default factories.createCoreService('api::consultation.consultation');
