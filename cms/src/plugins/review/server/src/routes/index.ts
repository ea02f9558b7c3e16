/**
 * Admin routes of the review (DESIGN.md "Review before publish"), all behind an authenticated admin:
 * `POST /review/:uid/:documentId/{submit,approve,reject}`, `GET /review/:uid/:documentId`,
 * `GET /review/:uid/:documentId/diff` (the draft against the online version), `GET /review/queue`,
 * `GET /review/defaults/:uid` (a new entry's site and column),
 * `GET /review/preview/:uid/:documentId` (the draft's page, ADR 25), `GET /review/health-report` (the
 * inspection report, ADR 29), plus emergency publish, withdraw,
 * the review after an emergency publish and the
 * CSV export of the log. There is no route that changes or deletes a log entry.
 */
const auth = ['admin::isAuthenticatedAdmin'];

const post = (path: string, handler: string) => ({
  method: 'POST',
  path,
  handler: `review.${handler}`,
  config: { policies: auth },
});

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/queue', handler: 'review.queue', config: { policies: auth } },
      // What a new entry's form starts with: the author's site and a column of it that holds the type.
      { method: 'GET', path: '/defaults/:uid', handler: 'review.defaults', config: { policies: auth } },
      {
        method: 'GET',
        path: '/publishing',
        handler: 'review.publishing',
        config: { policies: [...auth, 'plugin::review.can-export-log'] },
      },
      // The inspection report of the live release (ADR 29): web office and site administrators only.
      {
        method: 'GET',
        path: '/health-report',
        handler: 'review.healthReport',
        config: { policies: [...auth, 'plugin::review.can-see-health'] },
      },
      {
        method: 'GET',
        path: '/publishing/:uid/:documentId',
        handler: 'review.publication',
        config: { policies: auth },
      },
      {
        method: 'GET',
        path: '/log.csv',
        handler: 'review.exportLog',
        config: { policies: [...auth, 'plugin::review.can-export-log'] },
      },
      // 待我办理: letters from the mailbox waiting for an answer, with their deadlines.
      { method: 'GET', path: '/letters/queue', handler: 'review.letterQueue', config: { policies: auth } },
      // 交办/转办: the web office assigns a letter to an office (logged); the offices it may go to.
      {
        method: 'GET',
        path: '/letters/offices',
        handler: 'review.letterOffices',
        config: { policies: auth },
      },
      post('/letters/:documentId/assign', 'assignLetter'),
      // A letter writer's contact data: the web office and the letter's own office; every view logged.
      {
        method: 'GET',
        path: '/letters/:documentId/contact',
        handler: 'review.letterContact',
        config: { policies: auth },
      },
      // Previews (ADR 25): the cookie for a new tab, the page and its assets. The page and assets check
      // the admin JWT or that cookie themselves (preview-access.ts): a tab sends no Authorization header.
      post('/preview-session', 'previewSession'),
      {
        method: 'GET',
        path: '/preview/:previewId/_astro/:name',
        handler: 'review.previewAsset',
        config: { auth: false },
      },
      {
        method: 'GET',
        path: '/preview/:uid/:documentId',
        handler: 'review.preview',
        config: { auth: false },
      },
      post('/:uid/:documentId/submit', 'submit'),
      post('/:uid/:documentId/approve', 'approve'),
      post('/:uid/:documentId/reject', 'reject'),
      post('/:uid/:documentId/emergency-publish', 'emergencyPublish'),
      post('/:uid/:documentId/withdraw', 'withdraw'),
      post('/:uid/:documentId/confirm', 'confirm'),
      { method: 'GET', path: '/:uid/:documentId/diff', handler: 'review.diff', config: { policies: auth } },
      { method: 'GET', path: '/:uid/:documentId', handler: 'review.find', config: { policies: auth } },
    ],
  },
};
