/**
 * The mailbox's rate limits (docs/adr/0023-mailbox.md): counts per key in a sliding window, kept in
 * memory (one CMS process; a restart forgets them, which costs at most one window). Keys are HMACs of
 * addresses and contacts, never the addresses themselves.
 */

/** A limit: at most `max` events per `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

/** The limits, overridable as JSON in `MAILBOX_LIMITS` (tests and busy offices). */
export const defaultLimits = {
  /** Any mailbox POST from one address. */
  requestsPerIp: { max: 30, windowMs: 10 * 60_000 },
  /** Letters accepted from one address with the proof of work. */
  lettersPerIp: { max: 5, windowMs: 60 * 60_000 },
  /** Letters accepted from one address without it (JavaScript off). */
  unverifiedPerIp: { max: 2, windowMs: 24 * 60 * 60_000 },
  /** Letters accepted without the proof of work from anyone, cluster-wide. */
  unverifiedTotal: { max: 60, windowMs: 60 * 60_000 },
  /** Letters from one phone number or e-mail address. */
  lettersPerContact: { max: 3, windowMs: 24 * 60 * 60_000 },
  /** Failed look-ups (wrong code or password) from one address. */
  failedLookupsPerIp: { max: 10, windowMs: 15 * 60_000 },
  /** Failed look-ups of one code, from anywhere. */
  failedLookupsPerCode: { max: 10, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>;

/** The names of the limits. */
export type LimitName = keyof typeof defaultLimits;

/** The limits in force: the defaults, with `MAILBOX_LIMITS` (`{"lettersPerIp":{"max":1,"windowMs":60000}}`) over them. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<LimitName, Limit> {
  if (!env.MAILBOX_LIMITS) return defaultLimits;
  const given = JSON.parse(env.MAILBOX_LIMITS) as Partial<Record<LimitName, Limit>>;
  return { ...defaultLimits, ...given };
}

/** Sliding-window counters. */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();
  private readonly limits: Record<LimitName, Limit>;

  constructor(limits: Record<LimitName, Limit>) {
    this.limits = limits;
  }

  private recent(name: LimitName, key: string, now: number): number[] {
    const id = `${name}|${key}`;
    const since = now - this.limits[name].windowMs;
    const times = (this.events.get(id) ?? []).filter((time) => time > since);
    if (times.length === 0) this.events.delete(id);
    else this.events.set(id, times);
    return times;
  }

  /** Seconds until one more event is allowed under `name` for `key`; 0 when it is allowed now. */
  retryAfter(name: LimitName, key: string, now = Date.now()): number {
    const times = this.recent(name, key, now);
    if (times.length < this.limits[name].max) return 0;
    const oldest = times[times.length - this.limits[name].max] as number;
    return Math.max(1, Math.ceil((oldest + this.limits[name].windowMs - now) / 1000));
  }

  /** Counts one event. */
  hit(name: LimitName, key: string, now = Date.now()): void {
    const times = this.recent(name, key, now);
    times.push(now);
    this.events.set(`${name}|${key}`, times);
    if (this.events.size > 100_000) this.sweep(now);
  }

  /** Drops every window that has run out (bounded memory under a flood). */
  private sweep(now: number): void {
    for (const id of [...this.events.keys()]) {
      const name = id.slice(0, id.indexOf('|')) as LimitName;
      this.recent(name, id.slice(id.indexOf('|') + 1), now);
    }
  }
}

/** Ids of challenges already used, until they expire (single use). */
export class UsedChallenges {
  private readonly used = new Map<string, number>();

  /** Marks a challenge used; false when it was used before. */
  take(id: string, expires: number, now = Date.now()): boolean {
    if (this.used.size > 50_000) {
      for (const [key, until] of this.used) if (until < now) this.used.delete(key);
    }
    if (this.used.has(id)) return false;
    this.used.set(id, expires);
    return true;
  }
}
