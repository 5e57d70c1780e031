import { keys } from '../../shared/store/keys';
import type { Store } from '../../shared/store/store';
import { SubmissionRecord, SurveyStore } from '../../survey/survey-store';
import type { ResponseSource } from './aggregates';
import type { Observation } from './contribution';

/**
 * A survey's responses as observations, for a rebuild: the same two keyed Queries as the dashboard's
 * query path (the survey's invitations, its submitted versions on gsi1), never a Scan.
 */
export class DynamoResponseSource implements ResponseSource {
  private readonly surveys: SurveyStore;

  constructor(private readonly store: Store) {
    this.surveys = new SurveyStore(store);
  }

  async observations(surveyId: string): Promise<Observation[]> {
    const [invitations, submissions] = await Promise.all([
      this.surveys.listInvitations(surveyId),
      this.store.queryAll(SubmissionRecord, { partition: keys.submissionsOfSurvey(surveyId), index: 'gsi1' }),
    ]);
    return [
      ...invitations.map(
        (invitation): Observation => ({
          kind: 'invitation',
          surveyId,
          invitationId: invitation.invitationId,
          institutionName: invitation.institutionName,
          language: invitation.language,
          openedAt: invitation.openedAt,
          revokedAt: invitation.revokedAt,
          removed: false,
        }),
      ),
      ...submissions.map(
        (submission): Observation => ({
          kind: 'submission',
          surveyId,
          invitationId: submission.invitationId,
          number: submission.number,
          submittedAt: submission.submittedAt,
          language: submission.language,
          answers: submission.answers,
          removed: false,
        }),
      ),
    ];
  }
}
