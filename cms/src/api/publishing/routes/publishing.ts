/**
 * `GET /api/publishing/sync-token`: the publisher's catch-up check (ADR 15). A `find` action, so the
 * build's read-only API token may call it; the public role is not granted it.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/publishing/sync-token',
      handler: 'publishing.find',
      config: { policies: [] },
    },
  ],
};
