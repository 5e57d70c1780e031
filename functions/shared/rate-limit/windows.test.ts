import { describe, expect, it } from 'vitest';
import { admits, counterGraceSeconds, saltExpiresAt, utcDay, windowAt } from './windows';

const at = (iso: string) => new Date(iso);
const epoch = (iso: string) => Date.parse(iso) / 1000;

describe('fixed rate-limit windows', () => {
  it.each([
    ['a minute window', 60, '2026-12-08T10:15:42.250Z', '2026-12-08T10:15:00Z', '2026-12-08T10:16:00Z', 18],
    ['a ten-minute window', 600, '2026-12-08T10:15:42Z', '2026-12-08T10:10:00Z', '2026-12-08T10:20:00Z', 258],
    ['the UTC day', 86_400, '2026-12-08T23:00:00Z', '2026-12-08T00:00:00Z', '2026-12-09T00:00:00Z', 3600],
  ])('puts an instant into %s and says how long until it ends', (_, seconds, now, start, end, retry) => {
    const window = windowAt(at(now), { windowSeconds: seconds });
    expect(window.start).toBe(epoch(start));
    expect(window.end).toBe(epoch(end));
    expect(window.retryAfterSeconds).toBe(retry);
  });

  it('rounds the wait up and never answers Retry-After 0, even in the last instant of a window', () => {
    expect(windowAt(at('2026-12-08T10:15:59.999Z'), { windowSeconds: 60 }).retryAfterSeconds).toBe(1);
    expect(windowAt(at('2026-12-08T10:15:58.100Z'), { windowSeconds: 60 }).retryAfterSeconds).toBe(2);
    expect(windowAt(at('2026-12-08T10:16:00.000Z'), { windowSeconds: 60 }).retryAfterSeconds).toBe(60);
  });

  it('gives the next instant after a window a new window (a new counter that starts at zero)', () => {
    const last = windowAt(at('2026-12-08T10:15:59.999Z'), { windowSeconds: 60 });
    const next = windowAt(at('2026-12-08T10:16:00Z'), { windowSeconds: 60 });
    expect(next.start).toBe(last.end);
    expect(next.start).not.toBe(last.start);
  });

  it('lets a counter expire a grace period after its window, not before', () => {
    const window = windowAt(at('2026-12-08T10:15:42Z'), { windowSeconds: 60 });
    expect(window.expiresAt).toBe(window.end + counterGraceSeconds);
    expect(window.expiresAt).toBeGreaterThan(epoch('2026-12-08T10:16:00Z'));
    expect(window.expiresAt).toBeLessThanOrEqual(epoch('2026-12-08T10:16:00Z') + 120);
  });

  it('admits exactly `limit` requests per window', () => {
    const admitted = Array.from({ length: 10 }, (_, count) => admits(count, { limit: 3 }));
    expect(admitted.filter(Boolean)).toHaveLength(3);
    expect(admitted.slice(0, 3)).toEqual([true, true, true]);
  });

  it("keeps a day's salt until the end of the day and a grace period, then lets it expire", () => {
    expect(utcDay(at('2026-12-08T23:59:59Z'))).toBe('2026-12-08');
    expect(saltExpiresAt(at('2026-12-08T00:00:01Z'))).toBe(
      epoch('2026-12-09T00:00:00Z') + counterGraceSeconds,
    );
    expect(saltExpiresAt(at('2026-12-08T23:59:59Z'))).toBe(
      epoch('2026-12-09T00:00:00Z') + counterGraceSeconds,
    );
  });
});
