import type { Language } from '../shared/i18n/languages';
import type { SurveyAnswers } from '../survey/questionnaire';
import type { EvaluationRow } from './rows';

/** What the evaluation reads of an invitation (no address, no token). */
export interface InvitationFacts {
  invitationId: string;
  institutionName: string;
  language: Language;
  openedAt?: string | undefined;
  revokedAt?: string | undefined;
}

/** One submitted version of a response. */
export interface SubmissionFacts {
  invitationId: string;
  number: number;
  answers: SurveyAnswers;
  language: Language;
  submittedAt: string;
}

/**
 * One row per invitation from the survey's invitations and every submitted version of its responses
 * (drafts are never read): the latest version gives the answers, the first one the time the response
 * came in, so that a correction does not move it in time.
 *
 * 1. Per invitation, find the first and the latest submitted version.
 * 2. The state: revoked wins, then submitted, then opened (in progress), else not opened.
 */
export function buildRows(
  invitations: readonly InvitationFacts[],
  submissions: readonly SubmissionFacts[],
): EvaluationRow[] {
  const versions = new Map<string, { first: SubmissionFacts; latest: SubmissionFacts }>();
  for (const submission of submissions) {
    const known = versions.get(submission.invitationId);
    if (!known) {
      versions.set(submission.invitationId, { first: submission, latest: submission });
      continue;
    }
    if (submission.number < known.first.number) known.first = submission;
    if (submission.number > known.latest.number) known.latest = submission;
  }
  return invitations.map((invitation) => {
    const submitted = versions.get(invitation.invitationId);
    const latest = submitted?.latest;
    const state: EvaluationRow['state'] = invitation.revokedAt
      ? 'revoked'
      : latest
        ? 'submitted'
        : invitation.openedAt
          ? 'in_progress'
          : 'not_opened';
    return {
      invitationId: invitation.invitationId,
      institution: latest?.answers.institution.name.trim() || invitation.institutionName,
      state,
      language: latest?.language ?? invitation.language,
      ...(invitation.openedAt ? { openedAt: invitation.openedAt } : {}),
      ...(submitted && latest
        ? {
            firstSubmittedAt: submitted.first.submittedAt,
            submittedAt: latest.submittedAt,
            submissionNumber: latest.number,
            answers: latest.answers,
          }
        : {}),
    };
  });
}
