import { factories } from '@strapi/strapi';

/** The core REST controller of `api::consultation.consultation`. */
export default factories.createCoreController('api::consultation.consultation');
