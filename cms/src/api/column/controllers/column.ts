import { factories } from '@strapi/strapi';

/** The core REST controller of `api::column.column`. */
export default factories.createCoreController('api::column.column');
