import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { freshStore } from '../../../local/testing/test-store';
import { RateLimits } from '../config/rate-limits';
import { keys } from '../store/keys';
import { tableDefinition } from '../store/table';
import { cachedSalts, enforceLimits, RateLimited, subjectHash } from './limiter';
import { tableSalts } from './salt-store';
import { windowAt } from './windows';

const limits = RateLimits.parse({ mail: { limit: 10, windowSeconds: 600 } });

describe('rate-limit counters in the real store', () => {
  it('admits exactly the limit out of 50 concurrent requests (one conditional ADD each, no lost counts)', async () => {
    const store = await freshStore();
    const deps = { counters: store, salts: tableSalts(store), limits, now: () => new Date() };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        enforceLimits(deps, [{ limitClass: 'mail', subject: '198.51.100.7' }]),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refused).toHaveLength(40);
    expect(refused.every((reason) => reason instanceof RateLimited && !reason.unavailable)).toBe(true);
  });

  it('sets the TTL on every counter and on the salt, and keeps the subject only as a hash', async () => {
    const now = new Date();
    const store = await freshStore(() => now);
    const deps = { counters: store, salts: tableSalts(store), limits, now: () => now };
    await enforceLimits(deps, [{ limitClass: 'recipient', subject: 'erika@example.org' }]);

    const day = now.toISOString().slice(0, 10);
    const { Item: saltItem } = await store.client.send(
      new GetCommand({ TableName: store.tableName, Key: keys.rateLimitSalt(day) }),
    );
    const salt = String(saltItem?.salt);
    expect(saltItem?.[tableDefinition.timeToLiveAttribute]).toBeGreaterThan(now.getTime() / 1000);
    expect(saltItem?.[tableDefinition.timeToLiveAttribute]).toBeLessThanOrEqual(
      now.getTime() / 1000 + 2 * 86_400,
    );

    const window = windowAt(now, limits.recipient);
    const key = keys.rateWindow(
      'recipient',
      subjectHash(salt, 'recipient', 'erika@example.org'),
      window.start,
    );
    const { Items = [] } = await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': key.pk },
      }),
    );
    expect(Items).toHaveLength(1);
    expect(Items[0]).toMatchObject({
      sk: key.sk,
      count: 1,
      [tableDefinition.timeToLiveAttribute]: window.expiresAt,
    });
    expect(JSON.stringify(Items)).not.toContain('erika');
  });

  it('makes one salt a day for every instance, even when they start together', async () => {
    const store = await freshStore();
    const instances = Array.from({ length: 8 }, () => cachedSalts(tableSalts(store)));
    const salts = await Promise.all(
      instances.map((salts, index) =>
        salts.daySalt('2026-12-08', 2_000_000_000, `fresh-salt-${index}-xxxxxxxx`),
      ),
    );
    expect(new Set(salts).size).toBe(1);
  });

  it('fails a closed class with 503 and an open one through when the store is unreachable', async () => {
    const store = await freshStore();
    const unreachable = Object.assign(Object.create(Object.getPrototypeOf(store)), store, {
      tableName: 'no-such-table',
    }) as typeof store;
    const deps = { counters: unreachable, salts: tableSalts(unreachable), limits, now: () => new Date() };
    await expect(enforceLimits(deps, [{ limitClass: 'mail', subject: 'x' }])).rejects.toMatchObject({
      unavailable: true,
    });
    await expect(enforceLimits(deps, [{ limitClass: 'address', subject: 'x' }])).resolves.toBeUndefined();
  });
});
