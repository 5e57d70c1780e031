import { describe, expect, it } from 'vitest';
import { defaultRateLimits, RateLimits } from '../config/rate-limits';
import type { ItemKey } from '../store/keys';
import {
  type CounterStore,
  enforceLimits,
  type LimiterDeps,
  RateLimited,
  type SaltStore,
  subjectHash,
} from './limiter';
import { admits } from './windows';

/** Counters in memory with the store's semantics: refused hits are not counted. */
function memoryCounters() {
  const counts = new Map<string, { count: number; expiresAt: number }>();
  const store: CounterStore = {
    async countWithin(key: ItemKey, limit: number, expiresAt: number) {
      const id = `${key.pk}|${key.sk}`;
      const current = counts.get(id) ?? { count: 0, expiresAt };
      if (!admits(current.count, { limit })) return undefined;
      counts.set(id, { count: current.count + 1, expiresAt: current.expiresAt });
      return current.count + 1;
    },
  };
  return { store, counts };
}

const salts: SaltStore = { daySalt: async (day) => `salt-of-${day}` };
const limits = RateLimits.parse({
  mail: { limit: 3, windowSeconds: 60 },
  address: { limit: 5, windowSeconds: 60 },
});

function deps(overrides: Partial<LimiterDeps> = {}): LimiterDeps & { counts: Map<string, unknown> } {
  const { store, counts } = memoryCounters();
  let clock = new Date('2026-12-08T10:00:10Z');
  return {
    counters: store,
    salts,
    limits,
    now: () => clock,
    counts,
    ...overrides,
    // a helper for tests that move time on
    set time(value: Date) {
      clock = value;
    },
  } as LimiterDeps & { counts: Map<string, unknown> };
}

async function outcome(promise: Promise<void>) {
  try {
    await promise;
    return 'admitted';
  } catch (error) {
    if (error instanceof RateLimited) return error;
    throw error;
  }
}

describe('the rate limiter', () => {
  it('admits up to the limit, then refuses with the seconds until the window ends', async () => {
    const limiter = deps();
    const results = [];
    for (let index = 0; index < 5; index += 1) {
      results.push(await outcome(enforceLimits(limiter, [{ limitClass: 'mail', subject: '198.51.100.7' }])));
    }
    expect(results.slice(0, 3)).toEqual(['admitted', 'admitted', 'admitted']);
    expect(results[3]).toMatchObject({ limitClass: 'mail', retryAfterSeconds: 50, unavailable: false });
    expect(results[4]).toBeInstanceOf(RateLimited);
  });

  it('counts each subject on its own', async () => {
    const limiter = deps();
    for (let index = 0; index < 3; index += 1) {
      await enforceLimits(limiter, [{ limitClass: 'mail', subject: '198.51.100.7' }]);
    }
    await expect(
      enforceLimits(limiter, [{ limitClass: 'mail', subject: '198.51.100.8' }]),
    ).resolves.toBeUndefined();
  });

  it('starts afresh in the next window', async () => {
    const limiter = deps();
    for (let index = 0; index < 3; index += 1) {
      await enforceLimits(limiter, [{ limitClass: 'mail', subject: 'a' }]);
    }
    await expect(enforceLimits(limiter, [{ limitClass: 'mail', subject: 'a' }])).rejects.toBeInstanceOf(
      RateLimited,
    );
    (limiter as unknown as { time: Date }).time = new Date('2026-12-08T10:01:00Z');
    await expect(enforceLimits(limiter, [{ limitClass: 'mail', subject: 'a' }])).resolves.toBeUndefined();
  });

  it('stores the subject only as a salted hash, never as it is', async () => {
    const limiter = deps();
    await enforceLimits(limiter, [{ limitClass: 'recipient', subject: 'erika@example.org' }]);
    const stored = [...limiter.counts.keys()].join(' ');
    expect(stored).not.toContain('erika');
    expect(stored).toContain(subjectHash('salt-of-2026-12-08', 'recipient', 'erika@example.org'));
    expect(subjectHash('another salt', 'recipient', 'erika@example.org')).not.toBe(
      subjectHash('salt-of-2026-12-08', 'recipient', 'erika@example.org'),
    );
  });

  const broken: CounterStore = {
    countWithin: async () => {
      throw new Error('ProvisionedThroughputExceededException');
    },
  };

  it.each([
    ['address', 'open'],
    ['token', 'open'],
    ['conversation', 'open'],
    ['mail', 'closed'],
    ['recipient', 'closed'],
  ] as const)('when the store cannot count, %s fails %s', async (limitClass, policy) => {
    const failedOpen: string[] = [];
    const limiter = deps({ counters: broken, failedOpen: (failed) => failedOpen.push(failed) });
    const result = await outcome(enforceLimits(limiter, [{ limitClass, subject: 'x' }]));
    if (policy === 'open') {
      expect(result).toBe('admitted');
      expect(failedOpen).toEqual([limitClass]);
    } else {
      expect(result).toMatchObject({ limitClass, unavailable: true, retryAfterSeconds: 30 });
      expect(failedOpen).toEqual([]);
    }
  });

  it('has defaults far above a person filling in a survey or registering a few colleagues', () => {
    expect(RateLimits.parse({})).toEqual(defaultRateLimits);
    expect(defaultRateLimits.address.limit / defaultRateLimits.address.windowSeconds).toBeGreaterThanOrEqual(
      10,
    );
    expect(defaultRateLimits.mail.limit).toBeGreaterThanOrEqual(20);
    expect(defaultRateLimits.recipient.windowSeconds).toBe(86_400);
  });

  it('refuses windows that do not divide a day', () => {
    expect(() => RateLimits.parse({ mail: { limit: 1, windowSeconds: 7 } })).toThrow();
  });
});
