import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { DomainError } from '../domain/errors';
import type { IndexKeys, ItemKey } from './keys';
import { type IndexName, tableDefinition } from './table';

const { timeToLiveAttribute: ttlAttribute, versionAttribute } = tableDefinition;

export type StoredItem = ItemKey & IndexKeys & Record<string, unknown>;

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, absent on the last one. */
  cursor?: string;
}

export type TransactionStep =
  | { kind: 'create'; item: StoredItem }
  | { kind: 'put'; item: StoredItem }
  | { kind: 'putVersioned'; item: StoredItem; expectedVersion: number }
  | { kind: 'update'; key: ItemKey; set: Record<string, unknown>; mustExist?: boolean }
  | { kind: 'delete'; key: ItemKey; mustExist?: boolean }
  | { kind: 'deleteVersioned'; key: ItemKey; expectedVersion: number }
  | { kind: 'check'; key: ItemKey; expectedVersion: number }
  /** Adds to numeric attributes (created at 0 when missing): counters that many writers move at once. */
  | { kind: 'add'; key: ItemKey; add: Record<string, number> };

export class InvalidStoredItem extends Error {
  override name = 'InvalidStoredItem';
}

function updateExpression(key: ItemKey, set: Record<string, unknown>, mustExist = false) {
  const entries = Object.entries(set).filter(([, value]) => value !== undefined);
  return {
    Key: key,
    UpdateExpression: `SET ${entries.map((_, index) => `#a${index} = :v${index}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], index) => [`#a${index}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], index) => [`:v${index}`, value])),
    ...(mustExist ? { ConditionExpression: 'attribute_exists(pk)' } : {}),
  };
}

/** Epoch seconds, the unit DynamoDB's TTL expects. */
export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // an unreadable cursor is bad input, reported below
  }
  throw new DomainError('invalid_state', 'invalid cursor', [{ field: 'query.cursor', code: 'invalid' }]);
}

/**
 * The one data-access layer over the single table: items are validated on read, expired items are
 * ignored (DynamoDB deletes them late), writes are conditional, versions guard concurrent edits.
 */
export class Store {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private isExpired(item: Record<string, unknown>): boolean {
    const expiresAt = item[ttlAttribute];
    return typeof expiresAt === 'number' && expiresAt <= epochSeconds(this.clock());
  }

  private parse<S extends z.ZodType>(schema: S, item: Record<string, unknown>): z.output<S> {
    const result = schema.safeParse(item);
    if (!result.success) {
      throw new InvalidStoredItem(
        `stored item ${String(item.pk)} / ${String(item.sk)} does not match its schema`,
      );
    }
    return result.data;
  }

  async get<S extends z.ZodType>(key: ItemKey, schema: S, options: { consistent?: boolean } = {}) {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: options.consistent ?? true }),
    );
    if (!Item || this.isExpired(Item)) return undefined;
    return this.parse(schema, Item) as z.output<S>;
  }

  /** Writes a new item; `conflict` when one with the same key exists (and has not expired). */
  async create(item: StoredItem): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...item, [versionAttribute]: 1 },
          ConditionExpression: 'attribute_not_exists(pk) OR #ttl <= :now',
          ExpressionAttributeNames: { '#ttl': ttlAttribute },
          ExpressionAttributeValues: { ':now': epochSeconds(this.clock()) },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new DomainError('conflict', 'item exists');
      throw error;
    }
  }

  /** Writes unconditionally (for items whose last write simply wins, such as caches). */
  async put(item: StoredItem): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  /**
   * Replaces an item only if it still has the version the caller read (optimistic locking).
   * Returns the new version; `version_conflict` if someone else wrote first.
   */
  async putVersioned(item: StoredItem, expectedVersion: number): Promise<number> {
    const next = expectedVersion + 1;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...item, [versionAttribute]: next },
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': versionAttribute },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
      return next;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new DomainError('version_conflict', 'stale version');
      }
      throw error;
    }
  }

  /** Sets the given attributes (others stay as they are); `mustExist` refuses to create the item. */
  async update(
    key: ItemKey,
    set: Record<string, unknown>,
    options: { mustExist?: boolean } = {},
  ): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({ TableName: this.tableName, ...updateExpression(key, set, options.mustExist) }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new DomainError('not_found', 'item missing');
      throw error;
    }
  }

  /**
   * Counts one more hit on a counter item in a single conditional write (`ADD`, so concurrent hits
   * never lose a count) unless it already holds `limit`; sets its expiry on first write. Returns the
   * new count, or `undefined` when the limit was reached (the refused hit is not counted).
   */
  async countWithin(key: ItemKey, limit: number, expiresAt: number): Promise<number | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'ADD #count :one SET #ttl = if_not_exists(#ttl, :expiresAt)',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
          ExpressionAttributeNames: { '#count': 'count', '#ttl': ttlAttribute },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expiresAt': expiresAt },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.count);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async delete(key: ItemKey): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key }));
  }

  /** Items of one partition (of the table or an index), optionally narrowed to a sort-key prefix. */
  async query<S extends z.ZodType>(
    schema: S,
    options: {
      partition: string;
      index?: IndexName;
      beginsWith?: string;
      limit?: number;
      cursor?: string;
      newestFirst?: boolean;
    },
  ): Promise<Page<z.output<S>>> {
    const index = tableDefinition.globalSecondaryIndexes.find(
      (candidate) => candidate.indexName === options.index,
    );
    const pkName = index ? index.partitionKey : tableDefinition.partitionKey;
    const skName = index ? index.sortKey : tableDefinition.sortKey;
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index?.indexName,
        KeyConditionExpression: options.beginsWith ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ExpressionAttributeNames: options.beginsWith ? { '#pk': pkName, '#sk': skName } : { '#pk': pkName },
        ExpressionAttributeValues: options.beginsWith
          ? { ':pk': options.partition, ':prefix': options.beginsWith }
          : { ':pk': options.partition },
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor),
        ScanIndexForward: !options.newestFirst,
      }),
    );
    const items = Items.filter((item) => !this.isExpired(item)).map((item) => this.parse(schema, item));
    const cursor = encodeCursor(LastEvaluatedKey);
    return cursor ? { items, cursor } : { items };
  }

  /** Every item of a partition (or of its prefix), page after page: for lists that must be whole. */
  async queryAll<S extends z.ZodType>(
    schema: S,
    options: { partition: string; index?: IndexName; beginsWith?: string; newestFirst?: boolean },
  ): Promise<z.output<S>[]> {
    const items: z.output<S>[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.query(schema, { ...options, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return items;
  }

  /** Several writes that succeed or fail together; a failed condition becomes `conflict`/`version_conflict`. */
  async transact(steps: TransactionStep[]): Promise<void> {
    const now = epochSeconds(this.clock());
    type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
    const items = steps.map((step): TransactItem => {
      switch (step.kind) {
        case 'create':
          return {
            Put: {
              TableName: this.tableName,
              Item: { ...step.item, [versionAttribute]: 1 },
              ConditionExpression: 'attribute_not_exists(pk) OR #ttl <= :now',
              ExpressionAttributeNames: { '#ttl': ttlAttribute } as Record<string, string>,
              ExpressionAttributeValues: { ':now': now },
            },
          };
        case 'put':
          return { Put: { TableName: this.tableName, Item: step.item } };
        case 'putVersioned':
          return {
            Put: {
              TableName: this.tableName,
              Item: { ...step.item, [versionAttribute]: step.expectedVersion + 1 },
              ConditionExpression: '#version = :expected',
              ExpressionAttributeNames: { '#version': versionAttribute },
              ExpressionAttributeValues: { ':expected': step.expectedVersion },
            },
          };
        case 'update':
          return {
            Update: { TableName: this.tableName, ...updateExpression(step.key, step.set, step.mustExist) },
          };
        case 'delete':
          return {
            Delete: {
              TableName: this.tableName,
              Key: step.key,
              ...(step.mustExist ? { ConditionExpression: 'attribute_exists(pk)' } : {}),
            },
          };
        case 'add': {
          const entries = Object.entries(step.add);
          return {
            Update: {
              TableName: this.tableName,
              Key: step.key,
              UpdateExpression: `ADD ${entries.map((_, index) => `#a${index} :v${index}`).join(', ')}`,
              ExpressionAttributeNames: Object.fromEntries(
                entries.map(([name], index) => [`#a${index}`, name]),
              ),
              ExpressionAttributeValues: Object.fromEntries(
                entries.map(([, value], index) => [`:v${index}`, value]),
              ),
            },
          };
        }
        case 'deleteVersioned':
          return {
            Delete: {
              TableName: this.tableName,
              Key: step.key,
              ConditionExpression: '#version = :expected',
              ExpressionAttributeNames: { '#version': versionAttribute },
              ExpressionAttributeValues: { ':expected': step.expectedVersion },
            },
          };
        case 'check':
          return {
            ConditionCheck: {
              TableName: this.tableName,
              Key: step.key,
              ConditionExpression: '#version = :expected',
              ExpressionAttributeNames: { '#version': versionAttribute },
              ExpressionAttributeValues: { ':expected': step.expectedVersion },
            },
          };
        default:
          throw new Error(`unknown transaction step ${(step as { kind: string }).kind}`);
      }
    });
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const failed = (error.CancellationReasons ?? []).findIndex(
          (reason) => reason.Code === 'ConditionalCheckFailed',
        );
        const step = steps[failed];
        if (step) {
          const versioned =
            step.kind === 'putVersioned' || step.kind === 'check' || step.kind === 'deleteVersioned';
          if (step.kind === 'update') throw new DomainError('not_found', `transaction step ${failed} failed`);
          throw new DomainError(
            versioned ? 'version_conflict' : 'conflict',
            `transaction step ${failed} failed`,
          );
        }
        if ((error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict')) {
          throw new DomainError('conflict', 'concurrent transaction');
        }
      }
      throw error;
    }
  }
}
