import { refuseUnreadableBody } from '../src/setup/unreadable-body';

/**
 * Strapi's middleware stack, with unknown methods and unreadable bodies answered as the client's
 * errors (405, 400) rather than 501 and 500. The content API's own guards sit on its router
 * (`src/content-api/`).
 */
export default [
  'strapi::logger',
  'strapi::errors',
  'global::known-methods',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  { name: 'strapi::body', config: { onError: refuseUnreadableBody } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
