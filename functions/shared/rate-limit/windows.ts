import type { WindowLimit } from '../config/rate-limits';

/** How long a counter outlives its window: DynamoDB deletes expired items within days, not at once. */
export const counterGraceSeconds = 60;

/** One fixed window of a limit: which one `now` falls in, when it ends, when its counter expires. */
export interface Window {
  /** Epoch seconds of the window's start: part of the counter's key, so a new window starts at zero. */
  start: number;
  /** Epoch seconds of the first instant after the window. */
  end: number;
  /** Whole seconds until the window ends (at least 1): the `Retry-After` of a refused request. */
  retryAfterSeconds: number;
  /** The counter's TTL (epoch seconds). */
  expiresAt: number;
}

/**
 * Fixed windows aligned to the epoch (a day window is the UTC day). A fixed window can be counted with
 * one conditional `ADD` (no read first, unlike a token bucket, whose refill needs the last state), so
 * the check is one round trip and exact under concurrency. Its known cost: up to twice the limit in
 * the two seconds around a window's edge, which the limits' headroom allows for.
 */
export function windowAt(now: Date, limit: Pick<WindowLimit, 'windowSeconds'>): Window {
  const nowMs = now.getTime();
  const size = limit.windowSeconds;
  const start = Math.floor(nowMs / 1000 / size) * size;
  const end = start + size;
  return {
    start,
    end,
    retryAfterSeconds: Math.max(1, Math.ceil(end - nowMs / 1000)),
    expiresAt: end + counterGraceSeconds,
  };
}

/** Whether one more request fits into a window that has already counted `count` (refused ones are not counted). */
export function admits(count: number, limit: Pick<WindowLimit, 'limit'>): boolean {
  return count < limit.limit;
}

/** The UTC day (`2026-12-08`) a salt belongs to. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The salt's TTL: the end of its day plus the longest window's grace, then it is gone for good. */
export function saltExpiresAt(now: Date): number {
  const dayStart = Math.floor(now.getTime() / 86_400_000) * 86_400;
  return dayStart + 86_400 + counterGraceSeconds;
}
