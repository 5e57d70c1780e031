import { keys } from '../../shared/store/keys';
import { InvitationRecord, SubmissionRecord } from '../../survey/survey-store';
import type { Observation } from './contribution';

/** One stream record with its images already read into plain objects (the adapter's work). */
export interface StreamChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  sortKey: string;
  newImage?: Record<string, unknown> | undefined;
  oldImage?: Record<string, unknown> | undefined;
}

export type StreamEffect =
  | { kind: 'observation'; observation: Observation }
  /** A survey created while the stream is on: its aggregate will see every response, so it is whole. */
  | { kind: 'surveyCreated'; surveyId: string; createdAt: string }
  | { kind: 'none' };

/**
 * The items the aggregates are made from, by sort key: a survey, its invitations and the submitted
 * versions of its responses. The cloud's event source mapping filters on the same keys, so that only
 * these reach the consumer (its own writes and every other item never do); the local poller too.
 */
export const streamSources = {
  survey: keys.survey('-').sk,
  invitationPrefix: keys.invitationPrefix(),
  submissionPrefix: keys.submissionPrefix(),
} as const;

export function isStreamSource(sortKey: string): boolean {
  return (
    sortKey === streamSources.survey ||
    sortKey.startsWith(streamSources.invitationPrefix) ||
    sortKey.startsWith(streamSources.submissionPrefix)
  );
}

/**
 * What one record means for the aggregates. An item that does not parse is an error, not a skip: the
 * record then goes the way of every failed record (retried, halved, finally to the dead-letter queue),
 * where someone sees it, instead of silently leaving a response out of the counts.
 */
export function effectOf(change: StreamChange): StreamEffect {
  const removed = change.eventName === 'REMOVE';
  const image = removed ? change.oldImage : change.newImage;
  if (!image) return { kind: 'none' };
  if (change.sortKey === streamSources.survey) {
    if (change.eventName !== 'INSERT') return { kind: 'none' };
    const surveyId = image.surveyId;
    const createdAt = image.createdAt;
    if (typeof surveyId !== 'string' || typeof createdAt !== 'string')
      throw new Error('survey item without id');
    return { kind: 'surveyCreated', surveyId, createdAt };
  }
  if (change.sortKey.startsWith(streamSources.invitationPrefix)) {
    const invitation = InvitationRecord.parse(image);
    return {
      kind: 'observation',
      observation: {
        kind: 'invitation',
        surveyId: invitation.surveyId,
        invitationId: invitation.invitationId,
        institutionName: invitation.institutionName,
        language: invitation.language,
        openedAt: invitation.openedAt,
        revokedAt: invitation.revokedAt,
        removed,
      },
    };
  }
  if (change.sortKey.startsWith(streamSources.submissionPrefix)) {
    const submission = SubmissionRecord.parse(image);
    return {
      kind: 'observation',
      observation: {
        kind: 'submission',
        surveyId: submission.surveyId,
        invitationId: submission.invitationId,
        number: submission.number,
        submittedAt: submission.submittedAt,
        language: submission.language,
        answers: submission.answers,
        removed,
      },
    };
  }
  return { kind: 'none' };
}
