/**
 * Scheduled publishing: approved entries whose publish time has come go live. Runs once at start (so a
 * time that passed while the CMS was down is caught up) and then every `schedulerIntervalMs`.
 */
import type { Core } from '@strapi/strapi';
import type { ReviewService } from './services/review';

let timer: NodeJS.Timeout | undefined;
let running = false;

/** One pass; never two at once in this process. */
async function tick(strapi: Core.Strapi): Promise<void> {
  if (running) return;
  running = true;
  try {
    const count = await (strapi.plugin('review').service('review') as ReviewService).publishDue();
    if (count > 0) strapi.log.info(`[review] published ${count} scheduled entr${count === 1 ? 'y' : 'ies'}`);
  } catch (error) {
    strapi.log.error(`[review] scheduled publishing failed: ${(error as Error).message}`);
  } finally {
    running = false;
  }
}

/** Starts the scheduler. */
export async function startScheduler(strapi: Core.Strapi, intervalMs: number): Promise<void> {
  stopScheduler();
  await tick(strapi);
  if (intervalMs > 0) {
    timer = setInterval(() => void tick(strapi), intervalMs);
    timer.unref();
  }
}

/** Stops it (plugin destroy). */
export function stopScheduler(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
