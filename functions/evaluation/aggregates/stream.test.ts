import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { streamChangeOf } from './index';
import { effectOf, isStreamSource } from './stream';

const invitation = {
  ...keys.invitation('s-1', 'i-1'),
  entity: 'Invitation',
  invitationId: 'i-1',
  surveyId: 's-1',
  institutionName: 'Tafel Aub',
  email: 'tafel@example.org',
  emailHash: 'h',
  language: 'de',
  tokenHash: 't',
  createdAt: '2026-11-01T00:00:00Z',
  lastSentAt: '2026-11-01T00:00:00Z',
  reminderCount: 0,
  version: 1,
};

function record(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  item: Record<string, unknown>,
  old?: Record<string, unknown>,
) {
  return {
    eventName,
    dynamodb: {
      Keys: marshall({ pk: item.pk, sk: item.sk }),
      ...(eventName === 'REMOVE' ? {} : { NewImage: marshall(item) }),
      ...(old ? { OldImage: marshall(old) } : {}),
      SequenceNumber: '1',
    },
  } as unknown as DynamoDBRecord;
}

describe('stream records for the aggregates', () => {
  it('lets through surveys, invitations and submitted versions only, never the aggregates’ own items', () => {
    expect(isStreamSource(keys.survey('s-1').sk)).toBe(true);
    expect(isStreamSource(keys.invitation('s-1', 'i-1').sk)).toBe(true);
    expect(isStreamSource(keys.responseSubmission('i-1', 2).sk)).toBe(true);
    expect(isStreamSource(keys.responseDraft('i-1').sk)).toBe(false);
    expect(isStreamSource(keys.evaluationAggregate('s-1').sk)).toBe(false);
    expect(isStreamSource(keys.evaluationResponseState('s-1', 'i-1').sk)).toBe(false);
    expect(isStreamSource(keys.evaluationQuote('s-1', 'i-1').sk)).toBe(false);
  });

  it('reads an opened invitation from the new image, and a deleted one from the old image', () => {
    const opened = { ...invitation, openedAt: '2026-11-02T00:00:00Z' };
    const change = streamChangeOf(record('MODIFY', opened, invitation));
    expect(change && effectOf(change)).toMatchObject({
      kind: 'observation',
      observation: {
        kind: 'invitation',
        invitationId: 'i-1',
        openedAt: '2026-11-02T00:00:00Z',
        removed: false,
      },
    });
    const removed = streamChangeOf(record('REMOVE', opened, opened));
    expect(removed && effectOf(removed)).toMatchObject({
      kind: 'observation',
      observation: { kind: 'invitation', removed: true },
    });
  });

  it('marks a survey created with the stream on, and ignores later changes of it', () => {
    const survey = { ...keys.survey('s-1'), surveyId: 's-1', createdAt: '2026-11-01T00:00:00Z' };
    const created = streamChangeOf(record('INSERT', survey));
    expect(created && effectOf(created)).toEqual({
      kind: 'surveyCreated',
      surveyId: 's-1',
      createdAt: '2026-11-01T00:00:00Z',
    });
    const changed = streamChangeOf(record('MODIFY', survey, survey));
    expect(changed && effectOf(changed)).toEqual({ kind: 'none' });
  });

  it('refuses an invitation it cannot read, so the record fails instead of being left out silently', () => {
    const broken = streamChangeOf(record('INSERT', { ...invitation, language: 'xx' }));
    expect(() => broken && effectOf(broken)).toThrow();
  });
});
