import { factories } from '@strapi/strapi';

/** The core REST routes of `api::column.column`. */
export default factories.createCoreRouter('api::column.column');
