import { factories } from '@strapi/strapi';

/** The core REST controller of `api::investment-project.investment-project`. */
export default factories.createCoreController('api::investment-project.investment-project');
