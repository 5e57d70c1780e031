import { createHmac, randomBytes } from 'node:crypto';
import { failurePolicy, type LimitClass, type RateLimits } from '../config/rate-limits';
import { type ItemKey, keys } from '../store/keys';
import { saltExpiresAt, utcDay, windowAt } from './windows';

/** The counters the limiter needs: one conditional increment (the single table's `Store` has it). */
export interface CounterStore {
  countWithin(key: ItemKey, limit: number, expiresAt: number): Promise<number | undefined>;
}

/** Where the day's salt lives (the same table, with a TTL): shared by every function instance. */
export interface SaltStore {
  /** The salt of `day`, making it from `fresh` if the day has none yet (the first writer wins). */
  daySalt(day: string, expiresAt: number, fresh: string): Promise<string>;
}

export interface LimiterDeps {
  counters: CounterStore;
  salts: SaltStore;
  limits: RateLimits;
  now: () => Date;
  /** Told when a class failed open (the store could not count), for a log line without the subject. */
  failedOpen?: (limitClass: LimitClass, error: unknown) => void;
}

/** One thing to count: which class, and whose request (an address, e-mail address, token, conversation). */
export interface LimitCheck {
  limitClass: LimitClass;
  subject: string;
}

/** A request over a limit (429), or one whose limit could not be checked where the class fails closed (503). */
export class RateLimited extends Error {
  override name = 'RateLimited';
  constructor(
    readonly limitClass: LimitClass,
    readonly retryAfterSeconds: number,
    readonly unavailable = false,
  ) {
    super(unavailable ? `rate limit ${limitClass} unavailable` : `rate limit ${limitClass} reached`);
  }
}

/** Seconds a client waits before trying again when the limiter itself could not count. */
export const unavailableRetrySeconds = 30;

/**
 * The subject as it is stored: an HMAC under the day's random salt, never the address itself. Once
 * the salt has expired (a day after its day), nobody can tell which subject a counter belonged to.
 */
export function subjectHash(salt: string, limitClass: LimitClass, subject: string): string {
  return createHmac('sha256', salt).update(`${limitClass}\n${subject}`).digest('base64url').slice(0, 32);
}

/** The day's salt, kept in memory for the day once read: one store read per instance and day. */
export function cachedSalts(store: SaltStore): SaltStore {
  const cache = new Map<string, string>();
  return {
    async daySalt(day, expiresAt, fresh) {
      const known = cache.get(day);
      if (known) return known;
      const salt = await store.daySalt(day, expiresAt, fresh);
      cache.clear();
      cache.set(day, salt);
      return salt;
    },
  };
}

/**
 * Counts a request against each check in turn and refuses it at the first limit reached.
 *
 * Primary course:
 * 1. Find the current window of the class's limit (fixed windows, see `windowAt`).
 * 2. Hash the subject with the day's salt.
 * 3. Count one hit in that window's counter, atomically, unless it is full.
 * 4. Full: refuse with the seconds until the window ends. The store failing: refuse with 503 where
 *    the class fails closed, else let the request through and say so.
 */
export async function enforceLimits(deps: LimiterDeps, checks: readonly LimitCheck[]): Promise<void> {
  for (const check of checks) {
    const now = deps.now();
    const limit = deps.limits[check.limitClass];
    const window = windowAt(now, limit);
    let count: number | undefined;
    try {
      const salt = await deps.salts.daySalt(
        utcDay(now),
        saltExpiresAt(now),
        randomBytes(32).toString('base64url'),
      );
      const key = keys.rateWindow(
        check.limitClass,
        subjectHash(salt, check.limitClass, check.subject),
        window.start,
      );
      count = await deps.counters.countWithin(key, limit.limit, window.expiresAt);
    } catch (error) {
      if (failurePolicy[check.limitClass] === 'closed') {
        throw new RateLimited(check.limitClass, unavailableRetrySeconds, true);
      }
      deps.failedOpen?.(check.limitClass, error);
      continue;
    }
    if (count === undefined) throw new RateLimited(check.limitClass, window.retryAfterSeconds);
  }
}
