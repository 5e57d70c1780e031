import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { type FaultProxy, startFaultProxy } from '../../../local/testing/fault-proxy';
import { freshStore } from '../../../local/testing/test-store';
import { createDocumentClient, storeClientLimits, worstCaseStoreCallMs } from './client';
import { isStoreUnavailable } from './faults';
import { Store } from './store';

const Item = z.object({ pk: z.string(), sk: z.string(), note: z.string() });

/**
 * The store's retries and timeouts, measured at the wire: the real SDK talks to DynamoDB Local through a
 * proxy that answers with DynamoDB's own throttling errors or lets requests hang, and counts every attempt.
 */
describe('the store under DynamoDB faults', () => {
  let proxy: FaultProxy;
  let direct: Store;
  let faulty: Store;

  beforeAll(async () => {
    direct = await freshStore();
    proxy = await startFaultProxy(inject('dynamoDbEndpoint'));
    faulty = new Store(
      createDocumentClient({ region: 'eu-central-1', endpoint: proxy.url }),
      direct.tableName,
    );
  });
  afterAll(async () => {
    faulty.client.destroy();
    await proxy.close();
  });
  beforeEach(() => proxy.reset());

  const key = () => ({ pk: `FAULT#${randomUUID()}`, sk: 'ITEM' });

  it.each(['throttling', 'provisioned'] as const)(
    'retries a read the SDK way on %s, exactly maxAttempts times, then gives up as unavailable',
    async (fault) => {
      proxy.inject({ operation: 'GetItem', fault });
      const error = await faulty.get(key(), Item).catch((caught: unknown) => caught);
      expect(isStoreUnavailable(error)).toBe(true);
      expect(proxy.attempts('GetItem')).toBe(storeClientLimits.maxAttempts);
      expect(proxy.faulted('GetItem')).toBe(storeClientLimits.maxAttempts);
    },
  );

  it('succeeds when the throttling ends before the attempts do', async () => {
    const item = { ...key(), note: 'kept' };
    await direct.create(item);
    proxy.inject({ operation: 'GetItem', fault: 'provisioned', times: storeClientLimits.maxAttempts - 1 });
    expect(await faulty.get({ pk: item.pk, sk: item.sk }, Item)).toMatchObject({ note: 'kept' });
    expect(proxy.attempts('GetItem')).toBe(storeClientLimits.maxAttempts);
  });

  it('gives up on a hanging request after its timeout, every attempt, within the bound', async () => {
    proxy.inject({ operation: 'GetItem', fault: 'stall' });
    const started = Date.now();
    const error = await faulty.get(key(), Item).catch((caught: unknown) => caught);
    const took = Date.now() - started;
    expect(isStoreUnavailable(error)).toBe(true);
    expect((error as Error).name).toBe('TimeoutError');
    expect(proxy.attempts('GetItem')).toBe(storeClientLimits.maxAttempts);
    expect(took).toBeGreaterThanOrEqual(
      storeClientLimits.maxAttempts * storeClientLimits.requestTimeoutMs - 50,
    );
    expect(took).toBeLessThanOrEqual(worstCaseStoreCallMs());
  });

  it('writes a throttled transaction not at all: every item is as before', async () => {
    const first = { ...key(), note: 'before' };
    const second = { ...key(), note: 'new' };
    await direct.create(first);
    proxy.inject({ operation: 'TransactWriteItems', fault: 'throttling' });
    const error = await faulty
      .transact([
        { kind: 'update', key: { pk: first.pk, sk: first.sk }, set: { note: 'after' }, mustExist: true },
        { kind: 'create', item: second },
      ])
      .catch((caught: unknown) => caught);
    expect(isStoreUnavailable(error)).toBe(true);
    expect(proxy.attempts('TransactWriteItems')).toBe(storeClientLimits.maxAttempts);
    expect(await direct.get({ pk: first.pk, sk: first.sk }, Item)).toMatchObject({ note: 'before' });
    expect(await direct.get({ pk: second.pk, sk: second.sk }, Item)).toBeUndefined();
  });

  it('does not take a refused condition or bad input for a fault', async () => {
    const item = { ...key(), note: 'once' };
    await faulty.create(item);
    const conflict = await faulty.create(item).catch((caught: unknown) => caught);
    expect(isStoreUnavailable(conflict)).toBe(false);
    expect(isStoreUnavailable(new Error('boom'))).toBe(false);
    expect(proxy.attempts('PutItem')).toBe(2);
  });
});
