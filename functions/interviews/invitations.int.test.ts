import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../local/testing/test-store';
import { OfferingStore } from '../offerings/offering-store';
import type { Store } from '../shared/store/store';
import type { RecordingMailer } from '../shared/testing/recording-mailer';
import { saveDraft, submitResponse } from '../survey/responding';
import { createSurvey, inviteInstitution } from '../survey/survey-admin';
import { SurveyStore } from '../survey/survey-store';
import { completeAnswers } from '../survey/testing/fixtures';
import { newInvitationToken } from '../survey/tokens';
import { expertView } from './booking';
import { type InterviewDeps, interviewCandidates, inviteFromSurvey } from './rounds';
import { interviewDeps, newRound, tokenOf } from './testing/setup';

describe('inviting experts from the survey', { timeout: 120_000 }, () => {
  let store: Store;
  const clock = { now: new Date('2026-11-25T09:00:00Z') };
  let deps: InterviewDeps;
  let mailer: RecordingMailer;

  beforeEach(async () => {
    store = await freshStore(() => clock.now);
    ({ deps, mailer } = interviewDeps(store, clock));
  });

  /** Two institutions answer the survey; only the first agrees to be interviewed. */
  async function answeredSurvey() {
    const surveys = new SurveyStore(store);
    const admin = {
      surveys,
      mailer,
      now: () => clock.now,
      newId: randomUUID,
      newToken: newInvitationToken,
      publicBaseUrl: 'https://wegweiser.example',
    };
    const responding = { surveys, offerings: new OfferingStore(store), mailer, now: () => clock.now };
    const survey = await createSurvey(
      admin,
      {
        title: 'Bestandsaufnahme',
        opensAt: '2026-11-01T00:00:00Z',
        closesAt: '2027-01-31T23:00:00Z',
        openParticipation: false,
      },
      'staff-1',
    );
    const responses = [];
    for (const [name, willing] of [
      ['VHS Ochsenfurt', true],
      ['Sportverein Giebelstadt', false],
    ] as const) {
      const issued = await inviteInstitution(admin, survey.surveyId, {
        institutionName: name,
        email: `info@${name.split(' ')[0]?.toLowerCase()}.example`,
        language: 'de',
      });
      const token = issued.link.split('#')[1] ?? '';
      const answers = completeAnswers();
      answers.institution.name = name;
      answers.interview = willing
        ? { willing: true, topics: ['language_courses', 'work_training'], topicsOther: 'Ehrenamt' }
        : { willing: false, topics: [], topicsOther: '' };
      const saved = await saveDraft(responding, token, {
        answers,
        contact: { name: 'Erika Beispiel', role: 'Leitung', email: 'erika@vhs.example', phone: '' },
        version: 0,
        language: 'uk',
      });
      await submitResponse(responding, token, { version: saved.version });
      responses.push(issued.invitation);
    }
    return { survey, responses };
  }

  it('lists the willing responses with their topics and contact person', async () => {
    const { survey, responses } = await answeredSurvey();

    const { candidates } = await interviewCandidates(deps, survey.surveyId);

    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      responseInvitationId: responses[0]?.invitationId,
      institution: 'VHS Ochsenfurt',
      contactName: 'Erika Beispiel',
      email: 'erika@vhs.example',
      language: 'uk',
      topics: ['language_courses', 'work_training'],
      topicsOther: 'Ehrenamt',
      invitedToRounds: [],
    });
  });

  it('invites a willing response in one click, carrying its topics, in its language, once per round', async () => {
    const { survey, responses } = await answeredSurvey();
    const round = await newRound(deps, { surveyId: survey.surveyId });
    const responseInvitationId = responses[0]?.invitationId ?? '';

    const issued = await inviteFromSurvey(deps, round.roundId, {
      surveyId: survey.surveyId,
      responseInvitationId,
    });

    expect(issued.interview).toMatchObject({
      state: 'invited',
      topics: ['language_courses', 'work_training'],
      expert: {
        name: 'Erika Beispiel',
        email: 'erika@vhs.example',
        institution: 'VHS Ochsenfurt',
        language: 'uk',
      },
      source: { kind: 'survey', surveyId: survey.surveyId, responseInvitationId },
    });
    const mail = mailer.sent.at(-1);
    expect(mail).toMatchObject({
      to: ['erika@vhs.example'],
      language: 'uk',
      purpose: 'interview-invitation',
    });
    expect(mail?.text).toContain(issued.link);
    expect(new URL(issued.link).searchParams.get('lang')).toBe('uk');
    expect((await expertView(deps, tokenOf(issued.link))).interview.state).toBe('invited');
    await expect(
      inviteFromSurvey(deps, round.roundId, { surveyId: survey.surveyId, responseInvitationId }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const { candidates } = await interviewCandidates(deps, survey.surveyId);
    expect(candidates[0]?.invitedToRounds).toEqual([round.roundId]);
  });

  it('refuses to invite a response that did not agree to an interview', async () => {
    const { survey, responses } = await answeredSurvey();
    const round = await newRound(deps);

    await expect(
      inviteFromSurvey(deps, round.roundId, {
        surveyId: survey.surveyId,
        responseInvitationId: responses[1]?.invitationId ?? '',
      }),
    ).rejects.toMatchObject({ code: 'invalid_state', fields: [{ code: 'not_willing' }] });
  });
});
