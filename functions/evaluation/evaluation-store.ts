import { InterviewStore, NotesRecord } from '../interviews/interview-store';
import { keys } from '../shared/store/keys';
import type { Store } from '../shared/store/store';
import type { ContactPerson } from '../survey/questionnaire';
import { SubmissionRecord, SurveyStore } from '../survey/survey-store';
import { WorkshopStore } from '../workshops/workshop-store';
import { buildRows } from './build-rows';
import type { SurveyWave } from './evaluate';
import type { EvaluationSource } from './evaluation';
import type { EvaluatedFinding, EvaluatedInterview, EvaluationRow, ProcessRecords } from './rows';
import type { EvaluatedResponse } from './schemas';

/**
 * The evaluation's reads on the single table, all keyed: a survey's invitations (one Query on its
 * partition) and its submitted versions (one Query on gsi1 `SUBMISSIONS#<surveyId>`), never a Scan and
 * never a draft. The interviews come from the rounds linked to the survey, the workshop findings from
 * the workshops announced to it.
 */
export class DynamoEvaluationSource implements EvaluationSource {
  private readonly surveys: SurveyStore;
  private readonly interviews: InterviewStore;
  private readonly workshops: WorkshopStore;

  constructor(private readonly store: Store) {
    this.surveys = new SurveyStore(store);
    this.interviews = new InterviewStore(store);
    this.workshops = new WorkshopStore(store);
  }

  async survey(surveyId: string): Promise<SurveyWave | undefined> {
    const survey = await this.surveys.getSurvey(surveyId);
    return (
      survey && {
        surveyId: survey.surveyId,
        title: survey.title,
        opensAt: survey.opensAt,
        closesAt: survey.closesAt,
        wave: survey.wave,
        ...(survey.previousSurveyId ? { previousSurveyId: survey.previousSurveyId } : {}),
        questionnaireVersion: survey.questionnaireVersion,
      }
    );
  }

  async rows(surveyId: string): Promise<EvaluationRow[]> {
    const [invitations, submissions] = await Promise.all([
      this.surveys.listInvitations(surveyId),
      this.store.queryAll(SubmissionRecord, { partition: keys.submissionsOfSurvey(surveyId), index: 'gsi1' }),
    ]);
    return buildRows(invitations, submissions);
  }

  async process(surveyId: string): Promise<ProcessRecords> {
    const [rounds, workshops] = await Promise.all([
      this.interviews.listRounds(),
      this.workshops.listWorkshops(),
    ]);
    const ofSurvey = rounds.filter((round) => round.surveyId === surveyId);
    const perRound = await Promise.all(
      ofSurvey.map(async (round) => {
        const [interviews, notes] = await Promise.all([
          this.interviews.listInterviews(round.roundId),
          this.store.queryAll(NotesRecord, {
            partition: keys.interviewRoundPartition(round.roundId),
            beginsWith: keys.interviewNotesPrefix(),
          }),
        ]);
        // Only what the evaluation counts: no expert's name or address leaves this function.
        const evaluated = interviews.map(
          (interview): EvaluatedInterview => ({
            interviewId: interview.interviewId,
            roundId: round.roundId,
            roundTopic: round.topic,
            state: interview.state,
            ...(interview.source.responseInvitationId
              ? { responseInvitationId: interview.source.responseInvitationId }
              : {}),
          }),
        );
        const findings = notes.flatMap((note) =>
          note.findings.map(
            (finding): EvaluatedFinding => ({
              source: 'interview',
              sourceId: round.roundId,
              sourceTitle: round.topic,
              kind: finding.kind,
              text: finding.text,
              textLanguage: finding.textLanguage,
              topics: finding.topics,
            }),
          ),
        );
        return { interviews: evaluated, findings };
      }),
    );
    const workshopFindings = workshops
      .filter((workshop) => workshop.announcement?.surveyId === surveyId)
      .flatMap((workshop) =>
        (workshop.results?.findings ?? []).map(
          (finding): EvaluatedFinding => ({
            source: 'workshop',
            sourceId: workshop.workshopId,
            sourceTitle: workshop.title,
            kind: finding.kind,
            text: finding.text,
            textLanguage: finding.textLanguage,
            topics: finding.topics,
          }),
        ),
      );
    return {
      interviews: perRound.flatMap((round) => round.interviews),
      findings: [...perRound.flatMap((round) => round.findings), ...workshopFindings],
    };
  }

  async contacts(invitationIds: readonly string[]): Promise<ReadonlyMap<string, ContactPerson>> {
    // One Get per response, by key: a few hundred at county scale, read only for this admin export.
    const found = await Promise.all(
      invitationIds.map(
        async (invitationId) => [invitationId, await this.surveys.getContact(invitationId)] as const,
      ),
    );
    return new Map(
      found.flatMap(([invitationId, contact]) => (contact ? [[invitationId, contact] as const] : [])),
    );
  }

  async response(surveyId: string, invitationId: string): Promise<EvaluatedResponse | undefined> {
    // The invitation is read by the survey's key, so an id of another survey finds nothing.
    const invitation = await this.surveys.getInvitation(surveyId, invitationId);
    if (!invitation) return undefined;
    const versions = await this.surveys.listSubmissions(invitationId);
    const latest = versions.reduce<SubmissionRecord | undefined>(
      (found, version) => (!found || version.number > found.number ? version : found),
      undefined,
    );
    if (!latest) return undefined;
    return {
      invitationId,
      institution: latest.answers.institution.name.trim() || invitation.institutionName,
      language: latest.language,
      submissionNumber: latest.number,
      submittedAt: latest.submittedAt,
      answers: latest.answers,
    };
  }
}
