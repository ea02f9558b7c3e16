import { factories } from '@strapi/strapi';

/** The core service of `api::article.article`. */
export default factories.createCoreService('api::article.article');
