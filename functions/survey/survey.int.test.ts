import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../local/testing/test-store';
import { OfferingStore } from '../offerings/offering-store';
import { DomainError } from '../shared/domain/errors';
import type { Store } from '../shared/store/store';
import { RecordingMailer } from '../shared/testing/recording-mailer';
import { seededRandom, validSample } from '../shared/testing/samples';
import { type ContactPerson, emptyAnswers, requireComplete, SurveyAnswers } from './questionnaire';
import { eraseContact, loadResponse, type RespondingDeps, saveDraft, submitResponse } from './responding';
import {
  createSurvey,
  importInvitations,
  inviteInstitution,
  resendInvitation,
  revokeInvitation,
  type SurveyAdminDeps,
  sendReminders,
} from './survey-admin';
import { SurveyStore } from './survey-store';
import { completeAnswers } from './testing/fixtures';
import { newInvitationToken } from './tokens';

const contact: ContactPerson = {
  name: 'Erika Beispiel',
  role: 'Leitung',
  email: 'erika@example.org',
  phone: '0931 123',
};

describe('survey intake against DynamoDB Local', () => {
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

  async function invited() {
    const survey = await createSurvey(
      admin,
      {
        title: 'Bestandsaufnahme 2027',
        opensAt: '2026-11-01T00:00:00Z',
        closesAt: '2027-01-31T23:00:00Z',
        openParticipation: false,
      },
      'staff-1',
    );
    const issued = await inviteInstitution(admin, survey.surveyId, {
      institutionName: 'VHS Ochsenfurt',
      email: 'info@vhs.example',
      language: 'de',
    });
    const token = issued.link.split('#')[1] ?? '';
    return { survey, issued, token };
  }

  it('e-mails the invitation link and stores only a hash of its token', async () => {
    const { issued, token } = await invited();
    expect(mailer.sent[0]?.text).toContain(issued.link);
    expect(issued.link).toBe(`https://wegweiser.example/survey?lang=de#${token}`);
    expect(token.length).toBeGreaterThanOrEqual(22);
    const invitation = await admin.surveys.getInvitation(
      issued.invitation.surveyId,
      issued.invitation.invitationId,
    );
    expect(JSON.stringify(invitation)).not.toContain(token);
  });

  it('lets exactly one of two conflicting saves win; the other gets 409 and loses nothing', async () => {
    const { token } = await invited();
    const first = await saveDraft(responding, token, {
      answers: completeAnswers(),
      contact,
      version: 0,
      language: 'de',
    });
    const tabA = {
      ...completeAnswers(),
      needs: { categories: [], description: 'from tab A', mostHelpful: '' },
    };
    const tabB = {
      ...completeAnswers(),
      needs: { categories: [], description: 'from tab B', mostHelpful: '' },
    };
    const results = await Promise.allSettled([
      saveDraft(responding, token, { answers: tabA, contact, version: first.version, language: 'de' }),
      saveDraft(responding, token, { answers: tabB, contact, version: first.version, language: 'de' }),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toMatchObject({ code: 'version_conflict' });
    const saved = await loadResponse(responding, token);
    expect(['from tab A', 'from tab B']).toContain(saved.answers.needs.description);
    expect(saved.version).toBe(first.version + 1);
  });

  it('turns a submit replayed in parallel into one submitted version', async () => {
    const { token } = await invited();
    const saved = await saveDraft(responding, token, {
      answers: completeAnswers(),
      contact,
      version: 0,
      language: 'de',
    });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => submitResponse(responding, token, { version: saved.version })),
    );
    const numbers = results.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value.submissionNumber] : [],
    );
    expect(numbers.length).toBeGreaterThan(0);
    expect(new Set(numbers)).toEqual(new Set([1]));
    const view = await loadResponse(responding, token);
    expect(view.submissions).toHaveLength(1);
    expect(mailer.sent.filter((mail) => mail.purpose === 'survey-confirmation')).toHaveLength(1);
  });

  it('keeps every submitted version and lets the respondent correct until closing', async () => {
    const { token } = await invited();
    const saved = await saveDraft(responding, token, {
      answers: completeAnswers(),
      contact,
      version: 0,
      language: 'de',
    });
    const first = await submitResponse(responding, token, { version: saved.version });
    const corrected = {
      ...completeAnswers(),
      needs: { categories: ['childcare' as const], description: 'Kita-Plätze', mostHelpful: '' },
    };
    const again = await saveDraft(responding, token, {
      answers: corrected,
      contact,
      version: first.version,
      language: 'de',
    });
    const second = await submitResponse(responding, token, { version: again.version });
    expect(second.submissionNumber).toBe(2);
    const submissions = await admin.surveys.listSubmissions((await invitationIdOf(token)) ?? '');
    expect(submissions.map((submission) => submission.number)).toEqual([1, 2]);
    expect(submissions[0]?.answers.needs.description).toBe('');
    expect(submissions[1]?.answers.needs.description).toBe('Kita-Plätze');
  });

  async function invitationIdOf(token: string) {
    const { hashToken } = await import('./tokens');
    return (await admin.surveys.getToken(hashToken(token)))?.invitationId;
  }

  it('refuses answers after closing and changes nothing saved', async () => {
    const { token } = await invited();
    const saved = await saveDraft(responding, token, {
      answers: completeAnswers(),
      contact,
      version: 0,
      language: 'de',
    });
    clock = new Date('2027-02-01T00:00:00Z');
    const changed = {
      ...completeAnswers(),
      needs: { categories: [], description: 'too late', mostHelpful: '' },
    };
    await expect(
      saveDraft(responding, token, { answers: changed, contact, version: saved.version, language: 'de' }),
    ).rejects.toMatchObject({ code: 'closed' });
    await expect(submitResponse(responding, token, { version: saved.version })).rejects.toMatchObject({
      code: 'closed',
    });
    const view = await loadResponse(responding, token);
    expect(view.survey.closed).toBe(true);
    expect(view.answers.needs.description).toBe('');
    expect(view.version).toBe(saved.version);
  });

  it('refuses a revoked invitation and a retired link, and accepts the re-sent one', async () => {
    const { issued, token } = await invited();
    const resent = await resendInvitation(admin, issued.invitation.surveyId, issued.invitation.invitationId);
    const newToken = resent.link.split('#')[1] ?? '';
    expect(newToken).not.toBe(token);
    await expect(loadResponse(responding, token)).rejects.toMatchObject({ code: 'gone' });
    await expect(loadResponse(responding, newToken)).resolves.toMatchObject({ version: 0 });
    await revokeInvitation(admin, issued.invitation.surveyId, issued.invitation.invitationId);
    await expect(loadResponse(responding, newToken)).rejects.toMatchObject({ code: 'gone' });
    await expect(loadResponse(responding, newInvitationToken())).rejects.toMatchObject({ code: 'not_found' });
  });

  it("erases the contact person and leaves the institution's answers intact", async () => {
    const { token } = await invited();
    const saved = await saveDraft(responding, token, {
      answers: completeAnswers(),
      contact,
      version: 0,
      language: 'de',
    });
    await submitResponse(responding, token, { version: saved.version });
    await eraseContact(responding, token);
    const view = await loadResponse(responding, token);
    expect(view.contact).toBeNull();
    expect(view.answers.institution.name).toBe('Volkshochschule Ochsenfurt');
    expect(view.submissions).toHaveLength(1);
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const { Items } = await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `RESPONSE#${await invitationIdOf(token)}` },
      }),
    );
    const stored = JSON.stringify(Items);
    expect(stored).not.toContain('Erika Beispiel');
  });

  it('stores the contact person with a TTL after the survey closes', async () => {
    const { token } = await invited();
    await saveDraft(responding, token, { answers: completeAnswers(), contact, version: 0, language: 'de' });
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { Item } = await store.client.send(
      new GetCommand({
        TableName: store.tableName,
        Key: { pk: `RESPONSE#${await invitationIdOf(token)}`, sk: 'CONTACT' },
      }),
    );
    expect(Item?.expiresAt).toBeGreaterThan(Date.parse('2027-01-31T23:00:00Z') / 1000);
  });

  it('names every missing answer when an incomplete response is submitted', async () => {
    const { token } = await invited();
    const saved = await saveDraft(responding, token, {
      answers: emptyAnswers(),
      contact,
      version: 0,
      language: 'de',
    });
    const error = await submitResponse(responding, token, { version: saved.version }).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('validation');
    const fields = (error as DomainError).fields.map((field) => field.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'answers.institution.name',
        'answers.opening.status',
        'answers.privacy.accepted',
      ]),
    );
  });

  it('always accepts schema-valid generated answers as a draft', async () => {
    const { token } = await invited();
    const random = seededRandom(42);
    let version = 0;
    for (let round = 0; round < 15; round += 1) {
      const answers = SurveyAnswers.parse(validSample(SurveyAnswers, random));
      const saved = await saveDraft(responding, token, { answers, contact, version, language: 'de' });
      version = saved.version;
      expect((await loadResponse(responding, token)).answers).toEqual(answers);
    }
  });

  it('sends consented offerings to review and never the others', async () => {
    const { token } = await invited();
    const answers = completeAnswers();
    expect(requireComplete(answers, contact)).toEqual([]);
    const saved = await saveDraft(responding, token, { answers, contact, version: 0, language: 'de' });
    await submitResponse(responding, token, { version: saved.version });
    const pending = await responding.offerings.listByStatus('pending');
    expect(pending.map((offering) => offering.title)).toEqual(['Deutschkurs am Abend']);
  });

  it("never lets one institution's offering id take over another's, even in parallel", async () => {
    const { survey, token } = await invited();
    const other = await inviteInstitution(admin, survey.surveyId, {
      institutionName: 'Caritas',
      email: 'c@example.org',
      language: 'de',
    });
    const otherToken = other.link.split('#')[1] ?? '';
    const answers = completeAnswers();
    const [savedA, savedB] = await Promise.all([
      saveDraft(responding, token, { answers, contact, version: 0, language: 'de' }),
      saveDraft(responding, otherToken, { answers, contact, version: 0, language: 'de' }),
    ]);
    const results = await Promise.allSettled([
      submitResponse(responding, token, { version: savedA.version }),
      submitResponse(responding, otherToken, { version: savedB.version }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    const pending = await responding.offerings.listByStatus('pending');
    expect(pending).toHaveLength(1);
  });

  it('previews a CSV import and then creates only the good rows', async () => {
    const { survey } = await invited();
    const csv =
      'institution;email;language\nJugendzentrum Rimpar;jz@rimpar.example;tr\n;ohne-name@example.org;de\nCaritas;not-an-email;de\nVHS Ochsenfurt;info@vhs.example;de\n';
    const preview = await importInvitations(admin, survey.surveyId, { csv, dryRun: true });
    expect(preview.rows.map((row) => row.problem)).toEqual([
      undefined,
      'missing_institution',
      'invalid_email',
      'already_invited',
    ]);
    expect(preview.created).toBe(0);
    const done = await importInvitations(admin, survey.surveyId, { csv, dryRun: false });
    expect(done.created).toBe(1);
    expect(
      (await admin.surveys.listInvitations(survey.surveyId))
        .map((invitation) => invitation.institutionName)
        .sort(),
    ).toEqual(['Jugendzentrum Rimpar', 'VHS Ochsenfurt']);
  });

  it('reminds only those who have not submitted', async () => {
    const { survey, token } = await invited();
    await inviteInstitution(admin, survey.surveyId, {
      institutionName: 'Caritas',
      email: 'c@example.org',
      language: 'ar',
    });
    const saved = await saveDraft(responding, token, {
      answers: completeAnswers(),
      contact,
      version: 0,
      language: 'de',
    });
    await submitResponse(responding, token, { version: saved.version });
    const result = await sendReminders(admin, survey.surveyId);
    expect(result.reminded).toBe(1);
    const reminder = mailer.sent.find((mail) => mail.purpose === 'survey-reminder');
    expect(reminder?.to).toEqual(['c@example.org']);
    expect(reminder?.language).toBe('ar');
  });
});
