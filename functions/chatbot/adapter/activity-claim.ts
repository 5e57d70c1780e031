import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { expiryOf } from '../../shared/domain/retention';
import { keys } from '../../shared/store/keys';
import { epochSeconds, type Store } from '../../shared/store/store';

/**
 * Answered once, and answered at all: channels re-send an activity that was not answered within 15 s
 * or that failed. Each activity has one record, claimed with a conditional write before the turn runs:
 * `processing` with a lease while the turn runs, `done` once it succeeded, deleted when it failed so
 * the channel's retry can claim it again. A delivery that finds `done`, or `processing` within the
 * lease, is a duplicate and gets no answer.
 *
 * The lease outlasts the function's longest run (29 s, the API's integration timeout), so a turn that
 * is still running is never taken over; only a claim left behind by an instance that died mid-turn
 * expires, and the next delivery answers.
 */
export const activityClaimLeaseSeconds = 30;

export interface ActivityClaim {
  conversationId: string;
  activityId: string;
  claimId: string;
}

/** Claims an activity for this delivery; undefined when it is done or another delivery is on it. */
export async function claimActivity(
  store: Store,
  conversationId: string,
  activityId: string,
  now: Date,
): Promise<ActivityClaim | undefined> {
  const claimId = randomUUID();
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...keys.botActivity(conversationId, activityId),
          entity: 'BotActivity',
          state: 'processing',
          claimId,
          leaseUntil: now.getTime() + activityClaimLeaseSeconds * 1000,
          expiresAt: expiryOf('chatActivityClaim', now),
        },
        // TTL deletes late, so an expired record counts as absent.
        ConditionExpression:
          'attribute_not_exists(pk) OR expiresAt <= :nowSeconds OR (#state = :processing AND leaseUntil <= :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':processing': 'processing',
          ':now': now.getTime(),
          ':nowSeconds': epochSeconds(now),
        },
      }),
    );
    return { conversationId, activityId, claimId };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/** The turn succeeded: every later delivery of the activity is a duplicate. */
export async function completeActivity(store: Store, claim: ActivityClaim): Promise<void> {
  try {
    await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.botActivity(claim.conversationId, claim.activityId),
        UpdateExpression: 'SET #state = :done REMOVE leaseUntil',
        ConditionExpression: 'claimId = :claimId',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':claimId': claim.claimId },
      }),
    );
  } catch (error) {
    // Another delivery took the claim over after the lease; it records the outcome itself.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** The turn failed: the claim goes, so the channel's retry is answered. Only our own claim. */
export async function releaseActivity(store: Store, claim: ActivityClaim): Promise<void> {
  try {
    await store.client.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: keys.botActivity(claim.conversationId, claim.activityId),
        ConditionExpression: 'claimId = :claimId',
        ExpressionAttributeValues: { ':claimId': claim.claimId },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
