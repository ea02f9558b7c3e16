import { factories } from '@strapi/strapi';

/** The core REST routes of `api::article.article`. */
export default factories.createCoreRouter('api::article.article');
