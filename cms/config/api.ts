/**
 * REST defaults: a page of 25, at most 100.
 *
 * Two relations join an entry to versions of other entries whatever their publication state, so they
 * never leave through the content API (not as output, filter, sort or populate): i18n's
 * `localizations` (a filter on it tells what a draft in another locale says) and the media library's
 * `related` (a file's entries, drafts included). Strapi treats these names as private on every model.
 */
export default {
  rest: { defaultLimit: 25, maxLimit: 100, withCount: true },
  responses: { privateAttributes: ['localizations', 'related'] },
};
