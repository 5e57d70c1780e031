import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freshStore } from '../../../local/testing/test-store';
import { DomainError } from '../domain/errors';
import { idempotent } from './idempotency';
import { epochSeconds } from './store';

const Note = z.object({ text: z.string(), version: z.number() });
const key = (id: string) => ({ pk: `NOTE#${id}`, sk: 'NOTE' });

describe('Store against DynamoDB Local', () => {
  it('creates an item once and refuses a second create with the same key', async () => {
    const store = await freshStore();
    await store.create({ ...key('a'), text: 'first' });
    await expect(store.create({ ...key('a'), text: 'second' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.get(key('a'), Note)).toEqual({ text: 'first', version: 1 });
  });

  it('lets exactly one of two writers with the same version win', async () => {
    const store = await freshStore();
    await store.create({ ...key('b'), text: 'v1' });
    const results = await Promise.allSettled([
      store.putVersioned({ ...key('b'), text: 'from tab 1' }, 1),
      store.putVersioned({ ...key('b'), text: 'from tab 2' }, 1),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'version_conflict' });
    expect((await store.get(key('b'), Note))?.version).toBe(2);
  });

  it('ignores items whose TTL has passed even before DynamoDB deletes them', async () => {
    const store = await freshStore();
    await store.put({ ...key('c'), text: 'old', version: 1, expiresAt: epochSeconds(new Date()) - 10 });
    expect(await store.get(key('c'), Note)).toBeUndefined();
    const page = await store.query(Note, { partition: 'NOTE#c' });
    expect(page.items).toEqual([]);
  });

  it('rejects a stored item that does not match its schema', async () => {
    const store = await freshStore();
    await store.put({ ...key('d'), text: 42 });
    await expect(store.get(key('d'), Note)).rejects.toThrow(/does not match/);
  });

  it('applies all steps of a transaction or none', async () => {
    const store = await freshStore();
    await store.create({ ...key('e'), text: 'exists' });
    await expect(
      store.transact([
        { kind: 'create', item: { ...key('f'), text: 'new' } },
        { kind: 'create', item: { ...key('e'), text: 'duplicate' } },
      ]),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await store.get(key('f'), Note)).toBeUndefined();
  });

  it('pages through a query with an opaque cursor', async () => {
    const store = await freshStore();
    for (const n of [1, 2, 3]) await store.put({ pk: 'LIST', sk: `ITEM#${n}`, text: `t${n}`, version: 1 });
    const first = await store.query(Note, { partition: 'LIST', limit: 2 });
    expect(first.items.map((item) => item.text)).toEqual(['t1', 't2']);
    const second = await store.query(Note, { partition: 'LIST', limit: 2, cursor: first.cursor });
    expect(second.items.map((item) => item.text)).toEqual(['t3']);
  });
});

describe('idempotent()', () => {
  it('runs the work once for parallel retries and replays the first result', async () => {
    const store = await freshStore();
    let runs = 0;
    const work = async () => {
      runs += 1;
      await new Promise((done) => setTimeout(done, 50));
      return { id: `result-${runs}` };
    };
    const first = await idempotent(store, 'test', 'key-1', work);
    const again = await idempotent(store, 'test', 'key-1', work);
    expect(runs).toBe(1);
    expect(again).toEqual(first);
  });

  it('answers a concurrent duplicate with conflict while the first still runs', async () => {
    const store = await freshStore();
    const slow = () => new Promise<string>((done) => setTimeout(() => done('ok'), 200));
    const results = await Promise.allSettled([
      idempotent(store, 'test', 'key-2', slow),
      idempotent(store, 'test', 'key-2', slow),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('lets a retry run again after the first attempt failed', async () => {
    const store = await freshStore();
    await expect(
      idempotent(store, 'test', 'key-3', async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await idempotent(store, 'test', 'key-3', async () => 'second')).toBe('second');
  });

  it('refuses the same key for a different request', async () => {
    const store = await freshStore();
    await idempotent(store, 'test', 'key-4', async () => 1, { fingerprint: 'a' });
    await expect(
      idempotent(store, 'test', 'key-4', async () => 2, { fingerprint: 'b' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
