import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Storage, StoreItems } from 'botbuilder';
import { defaultRetention, expiryOf } from '../../shared/domain/retention';
import { keys } from '../../shared/store/keys';
import { epochSeconds, type Store } from '../../shared/store/store';

/** Conversations expire after their last turn (`chatState` in the retention policy). */
export const conversationRetentionDays = defaultRetention.chatState;

export class StorageConflict extends Error {
  override name = 'StorageConflict';
}

/**
 * botbuilder's `Storage` on the single table (botbuilder has none for DynamoDB), with eTag-based
 * optimistic concurrency: a write carrying an eTag succeeds only if the stored item still has it, so
 * two Lambda instances handling the same conversation cannot overwrite each other in silence.
 */
export class DynamoDbStorage implements Storage {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async read(storageKeys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      storageKeys.map(async (key) => {
        const { Item } = await this.store.client.send(
          new GetCommand({ TableName: this.store.tableName, Key: keys.botState(key), ConsistentRead: true }),
        );
        if (!Item || (typeof Item.expiresAt === 'number' && Item.expiresAt <= epochSeconds(this.now())))
          return;
        items[key] = { ...(JSON.parse(String(Item.document)) as object), eTag: Item.eTag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, change]) => {
        const { eTag, ...document } = (change ?? {}) as { eTag?: string } & Record<string, unknown>;
        const conditional = eTag !== undefined && eTag !== '*';
        try {
          await this.store.client.send(
            new PutCommand({
              TableName: this.store.tableName,
              Item: {
                ...keys.botState(key),
                entity: 'BotState',
                document: JSON.stringify(document),
                eTag: randomUUID(),
                expiresAt: expiryOf('chatState', this.now()),
              },
              ...(conditional
                ? { ConditionExpression: 'eTag = :eTag', ExpressionAttributeValues: { ':eTag': eTag } }
                : {}),
            }),
          );
        } catch (error) {
          if (error instanceof ConditionalCheckFailedException)
            throw new StorageConflict(`stale eTag for ${key}`);
          throw error;
        }
      }),
    );
  }

  async delete(storageKeys: string[]): Promise<void> {
    await Promise.all(
      storageKeys.map((key) =>
        this.store.client.send(
          new DeleteCommand({ TableName: this.store.tableName, Key: keys.botState(key) }),
        ),
      ),
    );
  }
}
