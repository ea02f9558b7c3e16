/**
 * `GET /api/mailbox-statistics`: the mailboxes' public statistics for the build (docs/adr/0023-mailbox.md),
 * counts only. A `find` action, so the build's read-only API token may call it; the public role is not
 * granted it (the pages carry the figures), as `GET /api/publishing/sync-token` (ADR 15).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/mailbox-statistics',
      handler: 'mailbox-statistics.find',
      config: { policies: [] },
    },
  ],
};
