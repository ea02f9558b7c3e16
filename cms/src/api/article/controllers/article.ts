import { factories } from '@strapi/strapi';

/** The core REST controller of `api::article.article`. */
export default factories.createCoreController('api::article.article');
