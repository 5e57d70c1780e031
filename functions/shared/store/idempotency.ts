import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { defaultRetention } from '../domain/retention';
import { keys } from './keys';
import { epochSeconds, type Store } from './store';
import { tableDefinition } from './table';

const IdempotencyRecord = z.object({
  status: z.enum(['in_progress', 'completed']),
  fingerprint: z.string(),
  result: z.string().optional(),
  lockedUntil: z.number(),
});

export interface IdempotencyOptions {
  /** How long a completed result is replayed (and then removed by TTL). */
  ttlSeconds?: number;
  /** How long a started but unfinished attempt blocks duplicates before a retry may take over. */
  lockSeconds?: number;
  /** A digest of the request: the same key with another request is refused, not replayed. */
  fingerprint?: string;
}

/**
 * The one idempotency mechanism for retried writes: the first call runs `work` and records its
 * result; a repeat with the same scope and key gets that result back. A repeat while the first is still
 * running gets `conflict`; a failed first attempt leaves no record, so the retry runs again.
 */
export async function idempotent<T>(
  store: Store,
  scope: string,
  key: string,
  work: () => Promise<T>,
  options: IdempotencyOptions = {},
  now: () => Date = () => new Date(),
): Promise<T> {
  const ttl = options.ttlSeconds ?? defaultRetention.idempotencyRecord * 24 * 60 * 60;
  const lock = options.lockSeconds ?? 30;
  const fingerprint = options.fingerprint ?? '';
  const itemKey = keys.idempotencyRecord(scope, key);
  const nowSeconds = epochSeconds(now());
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...itemKey,
          entity: 'IdempotencyRecord',
          status: 'in_progress',
          fingerprint,
          lockedUntil: nowSeconds + lock,
          [tableDefinition.timeToLiveAttribute]: nowSeconds + ttl,
        },
        ConditionExpression:
          'attribute_not_exists(pk) OR #ttl <= :now OR (#status = :inProgress AND lockedUntil <= :now)',
        ExpressionAttributeNames: { '#ttl': tableDefinition.timeToLiveAttribute, '#status': 'status' },
        ExpressionAttributeValues: { ':now': nowSeconds, ':inProgress': 'in_progress' },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const existing = await store.get(itemKey, IdempotencyRecord);
    if (existing && existing.fingerprint !== fingerprint) {
      throw new DomainError('conflict', 'idempotency key reused for another request', [
        { field: 'headers.idempotency-key', code: 'idempotency_key_reused' },
      ]);
    }
    if (existing?.status === 'completed' && existing.result !== undefined) {
      return JSON.parse(existing.result) as T;
    }
    throw new DomainError('conflict', 'request already in progress');
  }

  let result: T;
  try {
    result = await work();
  } catch (error) {
    try {
      await store.client.send(new DeleteCommand({ TableName: store.tableName, Key: itemKey }));
    } catch {
      // The store is failing (throttled, unreachable): the record stays `in_progress` and a retry takes
      // it over once the lock passes. The caller must see why the work failed, not why the release did.
    }
    throw error;
  }
  await store.client.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: itemKey,
      UpdateExpression: 'SET #status = :completed, #result = :result',
      ExpressionAttributeNames: { '#status': 'status', '#result': 'result' },
      ExpressionAttributeValues: { ':completed': 'completed', ':result': JSON.stringify(result ?? null) },
    }),
  );
  return result;
}
