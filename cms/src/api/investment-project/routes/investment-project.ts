import { factories } from '@strapi/strapi';

/** The core REST routes of `api::investment-project.investment-project`. */
export default factories.createCoreRouter('api::investment-project.investment-project');
