/**
 * Letters accepted but not drafted (the CMS stopped or crashed between the two, or a drafting failed)
 * are drafted after the start and then once a minute (docs/adr/0023-mailbox.md, "Accepting before
 * drafting").
 */
import type { Core } from '@strapi/strapi';
import { mailboxOf } from './service';

let timer: NodeJS.Timeout | undefined;

/** Starts the sweeps; the first runs right after the start, without holding it up. */
export function startDraftSweeps(strapi: Core.Strapi, everyMs = 60_000): void {
  stopDraftSweeps();
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const drafted = await mailboxOf(strapi).draftLeftOver();
      if (drafted > 0) strapi.log.info(`[mailbox] drafted ${drafted} letters accepted earlier`);
    } catch (error) {
      strapi.log.error(`[mailbox] the sweep for letters to draft failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  setImmediate(sweep);
  timer = setInterval(sweep, everyMs);
  timer.unref();
}

/** Stops the sweeps (Strapi's destroy). */
export function stopDraftSweeps(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
