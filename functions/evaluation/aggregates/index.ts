import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { z } from 'zod';
import { errorFields, logger } from '../../shared/log/logger';
import { defaultStore } from '../../shared/store/client';
import { DynamoAggregateStore } from './aggregate-store';
import { applyObservations, rebuildAggregate } from './aggregates';
import { DynamoResponseSource } from './response-source';
import { effectOf, type StreamChange } from './stream';

/** Invoked by hand (or by a script) to build a survey's aggregate from the table. */
export const RebuildEvent = z.object({ rebuildSurveyId: z.string().min(1) });
export type RebuildEvent = z.infer<typeof RebuildEvent>;

type Image = Parameters<typeof unmarshall>[0];

/** A stream record as plain objects: the only place the consumer touches DynamoDB's attribute types. */
export function streamChangeOf(record: DynamoDBRecord): StreamChange | undefined {
  const sortKey = record.dynamodb?.Keys?.sk?.S;
  if (!record.eventName || !sortKey) return undefined;
  const image = (value: unknown) => (value ? unmarshall(value as Image) : undefined);
  return {
    eventName: record.eventName,
    sortKey,
    newImage: image(record.dynamodb?.NewImage),
    oldImage: image(record.dynamodb?.OldImage),
  };
}

/** Applies one record; throws when it could not be applied (the batch then reports it as failed). */
export async function applyRecord(store: DynamoAggregateStore, record: DynamoDBRecord): Promise<void> {
  const change = streamChangeOf(record);
  if (!change) return;
  const effect = effectOf(change);
  if (effect.kind === 'surveyCreated') await store.markComplete(effect.surveyId, effect.createdAt);
  if (effect.kind === 'observation') await applyObservations(store, [effect.observation]);
}

/**
 * The stream consumer: applies the records of a batch in order and reports the first that fails, so
 * Lambda retries from there (and halves the batch to isolate it); records applied before are not
 * applied twice, and if they were, the join would ignore them. Logs ids only, never answers.
 */
export async function handleStream(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const store = new DynamoAggregateStore(defaultStore());
  for (const record of event.Records) {
    try {
      await applyRecord(store, record);
    } catch (error) {
      logger.error('evaluation aggregate record failed', {
        eventId: record.eventID,
        sequenceNumber: record.dynamodb?.SequenceNumber,
        ...errorFields(error),
      });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

export async function handler(
  event: DynamoDBStreamEvent | RebuildEvent,
): Promise<DynamoDBBatchResponse | { responses: number; applied: number }> {
  if ('rebuildSurveyId' in event) {
    const { rebuildSurveyId } = RebuildEvent.parse(event);
    const store = defaultStore();
    const outcome = await rebuildAggregate(
      {
        aggregates: new DynamoAggregateStore(store),
        responses: new DynamoResponseSource(store),
        now: () => new Date(),
      },
      rebuildSurveyId,
    );
    logger.info('evaluation aggregate rebuilt', { surveyId: rebuildSurveyId, ...outcome });
    return outcome;
  }
  return handleStream(event);
}
