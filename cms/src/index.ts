import type { Core } from '@strapi/strapi';
import { answerMalformedReads } from './content-api/malformed-query';
import { limitContentApiMedia } from './content-api/public-media';
import { guardContentApiReads } from './content-api/published-only';
import { startDraftSweeps, stopDraftSweeps } from './mailbox/draft-sweeps';
import { markReplies } from './mailbox/replies';
import { sealLetterWriters, sealStoredWriters } from './mailbox/sealed-writer';
import { notifyPublisher } from './publishing/notify';
import { ensureAdminLayouts } from './setup/admin-layout';
import { generateEntryKeys } from './setup/entry-keys';
import { ensureLocales } from './setup/locales';
import { ensurePublicAccess, publicContentTypes } from './setup/public-access';
import { labelRegistry, maintainRegistryLabels } from './setup/registry-labels';

/** The GovCluster CMS application: locales and public access are put right on every boot. */
export default {
  /**
   * Runs before the app is initialised: the content API's read guards go on its router; every public
   * change is signalled to the publisher.
   */
  register({ strapi }: { strapi: Core.Strapi }) {
    answerMalformedReads(strapi);
    guardContentApiReads(strapi);
    notifyPublisher(strapi);
    generateEntryKeys(strapi);
    maintainRegistryLabels(strapi);
    markReplies(strapi);
    sealLetterWriters(strapi);
  },

  /**
   * Runs before the server starts: zh-CN default plus en and ru; the public role reads only; the
   * content API lists only media of published entries; sites and columns labelled by name; Chinese
   * admin labels.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    limitContentApiMedia(strapi);
    await ensureLocales(strapi);
    await ensurePublicAccess(strapi);
    await labelRegistry(strapi);
    await sealStoredWriters(strapi);
    await ensureAdminLayouts(strapi, [...publicContentTypes, 'api::site-membership.site-membership']);
    startDraftSweeps(strapi);
  },

  destroy() {
    stopDraftSweeps();
  },
};
