/**
 * The moment a build runs: what is time-dependent on a page (a consultation's 征集中 / 已结束) is
 * judged at it, on the China-time day. The publisher rebuilds at least once a day (ADR 23), so such a
 * state is at most a day behind. `GOVCLUSTER_NOW` (an ISO date-time) fixes it for reproducible builds.
 * @module
 */
import { type ConsultationState, consultationState as stateAt } from '@govcluster/shared/schemas';

/** When this build runs. */
export const buildTime: Date = process.env.GOVCLUSTER_NOW ? new Date(process.env.GOVCLUSTER_NOW) : new Date();

/** Where a consultation stands on the build's day. */
export function consultationState(entry: Readonly<Record<string, unknown>>): ConsultationState {
  return stateAt({ opensAt: String(entry.opensAt), closesAt: String(entry.closesAt) }, buildTime);
}
