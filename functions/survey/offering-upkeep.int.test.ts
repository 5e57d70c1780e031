import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../local/testing/test-store';
import { approveOffering, editOffering } from '../offerings/directory';
import { OfferingStore } from '../offerings/offering-store';
import { RecordingMailer } from '../shared/testing/recording-mailer';
import {
  confirmOwnOfferings,
  ownOfferings,
  requestReconfirmation,
  type UpkeepDeps,
  updateOwnOfferings,
} from './offering-upkeep';
import { saveDraft, submitResponse } from './responding';
import { createSurvey, inviteInstitution, requestParticipation, type SurveyAdminDeps } from './survey-admin';
import { SurveyStore } from './survey-store';
import { completeAnswers } from './testing/fixtures';
import { newInvitationToken } from './tokens';

const contact = { name: 'Erika Beispiel', role: 'Leitung', email: 'erika@example.org', phone: '' };

describe('the directory after the survey', () => {
  let clock: Date;
  let mailer: RecordingMailer;
  let admin: SurveyAdminDeps;
  let upkeep: UpkeepDeps;

  beforeEach(async () => {
    clock = new Date('2026-11-25T09:00:00Z');
    const store = await freshStore(() => clock);
    mailer = new RecordingMailer();
    const surveys = new SurveyStore(store);
    const base = {
      surveys,
      mailer,
      now: () => clock,
      newToken: newInvitationToken,
      publicBaseUrl: 'https://w.example',
    };
    admin = { ...base, newId: randomUUID };
    upkeep = { ...base, offerings: new OfferingStore(store) };
  });

  async function submittedAndApproved(openParticipation = false) {
    const survey = await createSurvey(
      admin,
      {
        title: 'Umfrage',
        opensAt: '2026-11-01T00:00:00Z',
        closesAt: '2026-12-31T00:00:00Z',
        openParticipation,
      },
      'staff',
    );
    const { link } = await inviteInstitution(admin, survey.surveyId, {
      institutionName: 'VHS',
      email: 'vhs@example.org',
      language: 'de',
    });
    const token = link.split('#')[1] ?? '';
    const answers = completeAnswers();
    const saved = await saveDraft(upkeep, token, { answers, contact, version: 0, language: 'de' });
    await submitResponse(upkeep, token, { version: saved.version });
    const [pending] = await upkeep.offerings.listByStatus('pending');
    if (!pending) throw new Error('no pending offering');
    await approveOffering(upkeep.offerings, pending.offeringId, pending.version, clock);
    return { survey, token, answers };
  }

  it('lets the institution update an offering after closing; the change goes through review again', async () => {
    const { token, answers } = await submittedAndApproved();
    clock = new Date('2027-03-01T00:00:00Z');
    const changed = answers.offerings.map((offering) =>
      offering.publish ? { ...offering, schedule: 'jetzt dienstags' } : offering,
    );
    const result = await updateOwnOfferings(upkeep, token, changed);
    expect(result.pending).toBe(1);
    const own = await ownOfferings(upkeep, token);
    expect(own.offerings.map((offering) => [offering.schedule, offering.status])).toEqual([
      ['jetzt dienstags', 'pending'],
    ]);
    expect(await upkeep.offerings.listByStatus('approved')).toEqual([]);
  });

  it('keeps a staff correction published when the institution sends back either version unchanged', async () => {
    const { token, answers } = await submittedAndApproved();
    const [approved] = await upkeep.offerings.listByStatus('approved');
    if (!approved) throw new Error('no approved offering');
    await editOffering(
      upkeep.offerings,
      approved.offeringId,
      { ...approved, title: `${approved.title} (korrigiert)`, version: approved.version },
      clock,
    );
    const [shown] = (await ownOfferings(upkeep, token)).offerings;
    if (!shown) throw new Error('no own offering');
    const { institutionName: _i, reportedAt: _r, lastConfirmedAt: _l, status: _s, ...corrected } = shown;
    const sentBack = answers.offerings.filter((offering) => offering.publish);
    const asCorrected = await updateOwnOfferings(upkeep, token, [{ ...corrected, publish: true }]);
    const asReported = await updateOwnOfferings(upkeep, token, sentBack);
    expect([asCorrected.pending, asReported.pending]).toEqual([0, 0]);
    const [after] = await upkeep.offerings.listByStatus('approved');
    expect(after?.title).toBe(`${approved.title} (korrigiert)`);
    const changed = await updateOwnOfferings(upkeep, token, [
      { ...corrected, schedule: 'neu', publish: true },
    ]);
    expect(changed.pending).toBe(1);
  });

  it('withdraws an offering the institution no longer wants published', async () => {
    const { token, answers } = await submittedAndApproved();
    const result = await updateOwnOfferings(
      upkeep,
      token,
      answers.offerings.map((offering) => ({ ...offering, publish: false })),
    );
    expect(result.withdrawn).toBe(1);
    expect(await upkeep.offerings.listByStatus('approved')).toEqual([]);
  });

  it('asks for re-confirmation with a new link, and the confirmation dates the offering anew', async () => {
    const { token } = await submittedAndApproved();
    clock = new Date('2027-12-01T00:00:00Z');
    const asked = await requestReconfirmation(upkeep, 180);
    expect(asked).toEqual({ institutions: 1, offerings: 1 });
    const mail = mailer.sent.find((message) => message.purpose === 'offering-reconfirmation');
    const newToken = /\/survey\?lang=[a-z]{2}#([\w-]{22,})/.exec(mail?.text ?? '')?.[1] ?? '';
    expect(newToken).not.toBe(token);
    await expect(ownOfferings(upkeep, token)).rejects.toMatchObject({ code: 'gone' });
    expect(await confirmOwnOfferings(upkeep, newToken)).toEqual({ confirmed: 1 });
    const [approved] = await upkeep.offerings.listByStatus('approved');
    expect(approved?.lastConfirmedAt).toBe('2027-12-01T00:00:00.000Z');
    expect(await requestReconfirmation(upkeep, 180)).toEqual({ institutions: 0, offerings: 0 });
  });

  it('sends a link to an institution that asks for one, only where participation is open', async () => {
    const closed = await createSurvey(
      admin,
      {
        title: 'Nur mit Einladung',
        opensAt: '2026-11-01T00:00:00Z',
        closesAt: '2026-12-31T00:00:00Z',
        openParticipation: false,
      },
      'staff',
    );
    await expect(
      requestParticipation(admin, closed.surveyId, {
        institutionName: 'X',
        email: 'x@example.org',
        language: 'de',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const open = await createSurvey(
      admin,
      {
        title: 'Offen',
        opensAt: '2026-11-01T00:00:00Z',
        closesAt: '2026-12-31T00:00:00Z',
        openParticipation: true,
      },
      'staff',
    );
    const request = { institutionName: 'Jugendtreff', email: 'jt@example.org', language: 'tr' as const };
    expect(await requestParticipation(admin, open.surveyId, request)).toEqual({ status: 'link_sent' });
    expect(await requestParticipation(admin, open.surveyId, request)).toEqual({ status: 'link_sent' });
    const links = mailer.sent.filter((message) => message.to[0] === 'jt@example.org');
    expect(links).toHaveLength(1);
    expect(links[0]?.language).toBe('tr');
  });
});
