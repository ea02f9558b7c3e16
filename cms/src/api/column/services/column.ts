import { factories } from '@strapi/strapi';

/** The core service of `api::column.column`. */
export default factories.createCoreService('api::column.column');
