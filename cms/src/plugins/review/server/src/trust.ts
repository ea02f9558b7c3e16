/**
 * The trusted internal path of the review gate. Code that runs inside {@link runTrusted} may publish,
 * unpublish and delete published documents; everything else is refused by the gate. The store lives on
 * `globalThis` under a registry symbol, so the compiled plugin and tools loaded from source (tsx) share it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Why a trusted block runs: recorded in the log where the block publishes. */
export interface TrustedContext {
  /** A short label: `final-approval`, `scheduled-publish`, `emergency-publish`, `withdraw`, `seed`… */
  readonly reason: string;
}

const key = Symbol.for('govcluster.review.trusted');

/** The one store shared by every copy of this module in the process. */
function store(): AsyncLocalStorage<TrustedContext> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<TrustedContext> | undefined>;
  let found = holder[key];
  if (!found) {
    found = new AsyncLocalStorage<TrustedContext>();
    holder[key] = found;
  }
  return found;
}

/**
 * Runs `fn` on the trusted path: the review gate lets its document-service calls publish.
 * Only the review plugin itself and the snapshot importer (which loads content already published
 * elsewhere) may use it; never call it from a request handler on behalf of a user.
 * @example await runTrusted('seed', () => seedSnapshot(strapi, dir))
 */
export function runTrusted<T>(reason: string, fn: () => Promise<T>): Promise<T> {
  return store().run({ reason }, fn);
}

/** The trusted context the current code runs in, if any. */
export function trustedContext(): TrustedContext | undefined {
  return store().getStore();
}
