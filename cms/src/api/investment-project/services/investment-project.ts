import { factories } from '@strapi/strapi';

/** The core service of `api::investment-project.investment-project`. */
export default factories.createCoreService('api::investment-project.investment-project');
