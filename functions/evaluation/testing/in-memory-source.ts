import { type ContactPerson, questionnaireVersion } from '../../survey/questionnaire';
import type { EvaluatedSurvey, SurveyWave } from '../evaluate';
import type { EvaluationSource } from '../evaluation';
import type { EvaluationRow, ProcessRecords } from '../rows';
import type { EvaluatedResponse } from '../schemas';

/** The evaluation's source held in memory, for use-case tests without a table. */
export class InMemoryEvaluationSource implements EvaluationSource {
  readonly surveys: SurveyWave[];

  /** A survey given without its place in the series is a first wave of the current questionnaire. */
  constructor(
    surveys: (EvaluatedSurvey & Partial<SurveyWave>)[],
    readonly rowsBySurvey: Record<string, EvaluationRow[]>,
    readonly processRecords: ProcessRecords = { interviews: [], findings: [] },
    readonly contactsByInvitation: Record<string, ContactPerson> = {},
  ) {
    this.surveys = surveys.map((survey) => ({
      wave: 1,
      questionnaireVersion: questionnaireVersion,
      ...survey,
    }));
  }

  async survey(surveyId: string) {
    return this.surveys.find((survey) => survey.surveyId === surveyId);
  }

  async rows(surveyId: string) {
    return this.rowsBySurvey[surveyId] ?? [];
  }

  async contacts(invitationIds: readonly string[]): Promise<ReadonlyMap<string, ContactPerson>> {
    return new Map(
      invitationIds.flatMap((invitationId) => {
        const contact = this.contactsByInvitation[invitationId];
        return contact ? [[invitationId, contact] as const] : [];
      }),
    );
  }

  async process() {
    return this.processRecords;
  }

  async response(surveyId: string, invitationId: string): Promise<EvaluatedResponse | undefined> {
    const row = (this.rowsBySurvey[surveyId] ?? []).find(
      (candidate) => candidate.invitationId === invitationId,
    );
    if (!row?.answers || !row.submittedAt || !row.submissionNumber) return undefined;
    return {
      invitationId,
      institution: row.institution,
      language: row.language,
      submissionNumber: row.submissionNumber,
      submittedAt: row.submittedAt,
      answers: row.answers,
    };
  }
}
