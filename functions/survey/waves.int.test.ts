import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../local/testing/test-store';
import { OfferingStore } from '../offerings/offering-store';
import type { Store } from '../shared/store/store';
import { RecordingMailer } from '../shared/testing/recording-mailer';
import { type ContactPerson, questionnaireVersion } from './questionnaire';
import { loadResponse, type RespondingDeps, saveDraft, submitResponse } from './responding';
import {
  carryOverInvitations,
  createSurvey,
  inviteInstitution,
  revokeInvitation,
  type SurveyAdminDeps,
} from './survey-admin';
import { SurveyStore } from './survey-store';
import { completeAnswers } from './testing/fixtures';
import { newInvitationToken } from './tokens';

const contact: ContactPerson = {
  name: 'Erika Beispiel',
  role: 'Leitung',
  email: 'erika@example.org',
  phone: '',
};
const tokenOf = (link: string) => link.split('#')[1] ?? '';

describe('survey waves against DynamoDB Local', () => {
  let store: Store;
  let mailer: RecordingMailer;
  let clock: Date;
  let admin: SurveyAdminDeps;
  let responding: RespondingDeps;

  beforeEach(async () => {
    clock = new Date('2026-11-25T09:00:00Z');
    store = await freshStore(() => clock);
    mailer = new RecordingMailer();
    const surveys = new SurveyStore(store);
    admin = {
      surveys,
      mailer,
      now: () => clock,
      newId: randomUUID,
      newToken: newInvitationToken,
      publicBaseUrl: 'https://wegweiser.example',
    };
    responding = { surveys, offerings: new OfferingStore(store), mailer, now: () => clock };
  });

  const survey = (title: string, previousSurveyId?: string) =>
    createSurvey(
      admin,
      {
        title,
        opensAt: '2026-11-01T00:00:00Z',
        closesAt: '2027-06-30T22:00:00Z',
        openParticipation: false,
        ...(previousSurveyId ? { previousSurveyId } : {}),
      },
      'staff-1',
    );

  /** The first wave: one institution that submitted (in Arabic), one still answering, one revoked. */
  async function firstWave() {
    const first = await survey('Bestandsaufnahme 2026');
    const submitted = await inviteInstitution(admin, first.surveyId, {
      institutionName: 'VHS Ochsenfurt',
      email: 'info@vhs.example',
      language: 'ar',
    });
    const answers = completeAnswers();
    const saved = await saveDraft(responding, tokenOf(submitted.link), {
      answers,
      contact,
      version: 0,
      language: 'ar',
    });
    await submitResponse(responding, tokenOf(submitted.link), { version: saved.version });
    await inviteInstitution(admin, first.surveyId, {
      institutionName: 'Jugendzentrum Kitzingen',
      email: 'jz@example.org',
      language: 'tr',
    });
    const revoked = await inviteInstitution(admin, first.surveyId, {
      institutionName: 'Versehentlich eingeladen',
      email: 'wrong@example.org',
      language: 'de',
    });
    await revokeInvitation(admin, first.surveyId, revoked.invitation.invitationId);
    return { first, answers };
  }

  it('numbers waves and records the questionnaire version with the survey and each response', async () => {
    const { first } = await firstWave();
    const second = await survey('Bestandsaufnahme 2027', first.surveyId);
    expect(first).toMatchObject({ wave: 1, questionnaireVersion });
    expect(first.previousSurveyId).toBeUndefined();
    expect(second).toMatchObject({ wave: 2, previousSurveyId: first.surveyId, questionnaireVersion });
    const latest = await admin.surveys.latestSubmissions(first.surveyId);
    expect([...latest.values()].map((submission) => submission.questionnaireVersion)).toEqual([
      questionnaireVersion,
    ]);
  });

  it('refuses a wave that follows a survey that does not exist, naming the field', async () => {
    await expect(survey('Bestandsaufnahme 2027', randomUUID())).rejects.toMatchObject({
      code: 'validation',
      fields: [{ field: 'body.previousSurveyId', code: 'unknown_survey' }],
    });
  });

  it('carries institutions over in their language, starting from their last answers, once', async () => {
    const { first, answers } = await firstWave();
    const second = await survey('Bestandsaufnahme 2027', first.surveyId);
    mailer.sent.length = 0;

    const result = await carryOverInvitations(admin, second.surveyId);

    expect(result).toEqual({ fromSurveyId: first.surveyId, invited: 2, alreadyInvited: 0, mailFailed: 0 });
    const invitations = await admin.surveys.listInvitations(second.surveyId);
    expect(invitations.map((invitation) => invitation.institutionName).sort()).toEqual([
      'Jugendzentrum Kitzingen',
      'VHS Ochsenfurt',
    ]);
    expect(mailer.sent.map((mail) => [mail.to.join(), mail.language]).sort()).toEqual([
      ['info@vhs.example', 'ar'],
      ['jz@example.org', 'tr'],
    ]);
    // The institution that submitted finds its answers to correct, but accepts the notice anew and
    // the contact person stays with the wave it was given for.
    const mail = mailer.sent.find((sent) => sent.to.includes('info@vhs.example'));
    const link =
      mail?.text.match(/https:\/\/wegweiser\.example\/survey\?lang=[a-z]{2}#[A-Za-z0-9_-]+/)?.[0] ?? '';
    const view = await loadResponse(responding, tokenOf(link));
    expect(view.answers.offerings.map((offering) => offering.offeringId)).toEqual(
      answers.offerings.map((offering) => offering.offeringId),
    );
    expect(view.answers.institution).toEqual(answers.institution);
    expect(view.answers.privacy.accepted).toBe(false);
    expect(view.contact).toBeNull();
    expect(view.submissions).toEqual([]);

    const again = await carryOverInvitations(admin, second.surveyId);
    expect(again).toMatchObject({ invited: 0, alreadyInvited: 2 });
    expect(await admin.surveys.listInvitations(second.surveyId)).toHaveLength(2);
  });

  it('moves an offering reported again in the new wave to the new link, as the same offering', async () => {
    const { first, answers } = await firstWave();
    const second = await survey('Bestandsaufnahme 2027', first.surveyId);
    await carryOverInvitations(admin, second.surveyId);
    const mail = mailer.sent.filter((sent) => sent.to.includes('info@vhs.example')).at(-1);
    const token = tokenOf(
      mail?.text.match(/https:\/\/wegweiser\.example\/survey\?lang=[a-z]{2}#[A-Za-z0-9_-]+/)?.[0] ?? '',
    );
    const view = await loadResponse(responding, token);
    const saved = await saveDraft(responding, token, {
      answers: { ...view.answers, privacy: answers.privacy },
      contact,
      version: view.version,
      language: 'ar',
    });
    clock = new Date('2027-02-01T09:00:00Z');
    await submitResponse(responding, token, { version: saved.version });

    const published = answers.offerings.find((offering) => offering.publish);
    const offering = await responding.offerings.get(published?.offeringId ?? '');
    const [newInvitation] = (await admin.surveys.listInvitations(second.surveyId)).filter(
      (invitation) => invitation.email === 'info@vhs.example',
    );
    expect(offering).toMatchObject({
      surveyId: second.surveyId,
      invitationId: newInvitation?.invitationId,
      lastConfirmedAt: '2027-02-01T09:00:00.000Z',
    });
  });

  it('refuses to carry over into a survey that follows no wave', async () => {
    const only = await survey('Einzeln');
    await expect(carryOverInvitations(admin, only.surveyId)).rejects.toMatchObject({
      code: 'invalid_state',
      fields: [{ field: 'params.surveyId', code: 'no_previous_wave' }],
    });
  });
});
