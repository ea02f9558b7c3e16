/**
 * The mailbox's public endpoints (docs/adr/0023-mailbox.md), on the content-API router under
 * `/api/mailbox/`; the static server and nginx route `/mailbox/` of the sites' origin here. No
 * authentication: the public writes letters. Nothing else of the content API accepts a write from it.
 */
const open = { auth: false as const, policies: [], middlewares: [] };

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/mailbox/challenge', handler: 'mailbox.challenge', config: open },
    { method: 'POST', path: '/mailbox/letters', handler: 'mailbox.submit', config: open },
    { method: 'GET', path: '/mailbox/letters/done', handler: 'mailbox.done', config: open },
    { method: 'POST', path: '/mailbox/track', handler: 'mailbox.track', config: open },
    { method: 'POST', path: '/mailbox/rate', handler: 'mailbox.rate', config: open },
  ],
};
