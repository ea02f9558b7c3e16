/**
 * The `review` plugin, server side: content types (state, log, sensitive words), the publish gate
 * (registered in register() so it wraps every document-service call), the roles and the own-sites
 * condition (bootstrap), the admin routes and the scheduler.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ensureLogIndex, ensureStateIndex, installAppendOnlyTriggers } from './append-only';
import contentTypes from './content-types';
import controller from './controllers/review';
import { registerGate } from './gate';
import { subscribeGuards } from './guards';
import { guardLocaleSync } from './locale-sync';
import { guardLocales } from './locales-guard';
import canExportLog from './policies/can-export-log';
import canSeeHealth from './policies/can-see-health';
import { bilingualMessage, forbidden } from './refusal';
import { ensureRoles, registerConditions } from './roles';
import routes from './routes';
import { startScheduler, stopScheduler } from './scheduler';
import { createReviewService, type ReviewService } from './services/review';

export { runTrusted } from './trust';

/** Plugin configuration (config/plugins.ts `review.config`). */
interface ReviewConfig {
  /** How often approved entries with a publish time are checked, in ms (0: only at start). */
  schedulerIntervalMs: number;
}

const contentManagerPublish =
  /^\/content-manager\/(?:collection-types|single-types)\/(api::[^/]+)\/(?:.*\/)?actions\/(?:publish|bulkPublish)$/;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const review = () => strapi.plugin('review').service('review') as ReviewService;
    registerGate(strapi, review);
    subscribeGuards(strapi, review);
    guardLocaleSync(strapi, review);
    guardLocales(strapi, review);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const review = strapi.plugin('review').service('review') as ReviewService;
    await installAppendOnlyTriggers(strapi, 'review_logs');
    await ensureStateIndex(strapi, 'review_states');
    await ensureLogIndex(strapi, 'review_logs');
    await registerConditions(strapi);
    await ensureRoles(strapi, [...review.governedTypes()]);
    // The content manager answers its own permission check with a bare "Forbidden" or "Policy Failed"
    // (a role without the publish permission): say why instead.
    const reason = {
      'zh-CN': '您没有发布权限：内容须经三级审核（三位不同人员）通过后由系统发布。请使用“提交审核”',
      en: 'You may not publish: content is published by the system after three approvals by three different people. Use “Submit for review”',
    };
    const bare = new Set(['Forbidden', 'Policy Failed', 'Forbidden access', '']);
    strapi.server.use(
      async (ctx: { path: string; status: number; body: unknown }, next: () => Promise<void>) => {
        const match = contentManagerPublish.exec(ctx.path);
        if (!match || !review.isGoverned(decodeURIComponent(match[1] ?? ''))) return next();
        try {
          await next();
        } catch (error) {
          const { message, details } = error as { message?: string; details?: { code?: string } };
          if (error instanceof errors.ForbiddenError && bare.has(message ?? '') && !details?.code)
            throw forbidden('publish-needs-review', reason);
          throw error;
        }
        const body = ctx.body as { error?: { message?: string; details?: unknown } } | undefined;
        if (ctx.status === 403 && body?.error && bare.has(body.error.message ?? '')) {
          body.error.message = bilingualMessage(reason);
          body.error.details = { code: 'publish-needs-review', reason };
        }
      },
    );
    const config = strapi.config.get('plugin::review') as ReviewConfig;
    await startScheduler(strapi, config.schedulerIntervalMs);
  },

  destroy() {
    stopScheduler();
  },

  config: {
    default: { schedulerIntervalMs: 30_000 } satisfies ReviewConfig,
    validator(config: ReviewConfig) {
      if (!Number.isInteger(config.schedulerIntervalMs) || config.schedulerIntervalMs < 0) {
        throw new Error('review.schedulerIntervalMs must be a non-negative integer (milliseconds)');
      }
    },
  },
  contentTypes,
  controllers: { review: controller },
  services: { review: createReviewService },
  policies: { 'can-export-log': canExportLog, 'can-see-health': canSeeHealth },
  routes,
};
