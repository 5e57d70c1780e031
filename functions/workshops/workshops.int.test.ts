import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../local/testing/test-store';
import { OfferingStore } from '../offerings/offering-store';
import { DomainError } from '../shared/domain/errors';
import type { Language } from '../shared/i18n/languages';
import type { Store } from '../shared/store/store';
import { RecordingMailer } from '../shared/testing/recording-mailer';
import type { ContactPerson } from '../survey/questionnaire';
import { saveDraft, submitResponse } from '../survey/responding';
import { createSurvey, inviteInstitution, type SurveyAdminDeps } from '../survey/survey-admin';
import { SurveyStore } from '../survey/survey-store';
import { completeAnswers } from '../survey/testing/fixtures';
import { newInvitationToken } from '../survey/tokens';
import type { RegisterRequest } from './schemas';
import { WorkshopStore } from './workshop-store';
import {
  announceWorkshop,
  cancelOwnRegistration,
  createWorkshop,
  getStaffWorkshop,
  listRegistrations,
  ownRegistration,
  recordResults,
  register,
  registrationsCsv,
  requestRegistration,
  type WorkshopDeps,
  workshopInvitation,
} from './workshops';

const person = (index: number): RegisterRequest => ({
  name: `Person ${index}`,
  email: `person${index}@example.org`,
  institution: `Einrichtung ${index}`,
  note: '',
  language: 'de',
});

describe('the workshop against DynamoDB Local', () => {
  let store: Store;
  let mailer: RecordingMailer;
  let clock: Date;
  let deps: WorkshopDeps;

  beforeEach(async () => {
    clock = new Date('2027-02-01T09:00:00Z');
    store = await freshStore(() => clock);
    mailer = new RecordingMailer();
    deps = {
      workshops: new WorkshopStore(store),
      surveys: new SurveyStore(store),
      mailer,
      now: () => clock,
      newId: randomUUID,
      newToken: newInvitationToken,
      publicBaseUrl: 'https://wegweiser.example',
    };
  });

  async function workshop(capacity: number) {
    return createWorkshop(
      deps,
      {
        title: 'Workshop Integrationskonzeption',
        startsAt: '2027-03-10T14:00:00+01:00',
        endsAt: '2027-03-10T18:00:00+01:00',
        place: 'Landratsamt Würzburg, Zeppelinstraße 15, Sitzungssaal',
        programme: '14:00 Begrüßung\n14:30 Ergebnisse der Umfrage',
        capacity,
        registrationClosesAt: '2027-03-01T23:59:00+01:00',
      },
      'staff-1',
    );
  }

  async function counts(workshopId: string) {
    const list = await listRegistrations(deps, workshopId);
    const counter = await deps.workshops.getCounter(workshopId);
    return {
      registered: list.filter((entry) => entry.status === 'registered').length,
      waiting: list.filter((entry) => entry.status === 'waiting').length,
      counter: { registered: counter.registered, waiting: counter.waiting },
    };
  }

  /** The list and the counter kept beside it agree, and hold these numbers. */
  async function expectCounts(workshopId: string, expected: { registered: number; waiting: number }) {
    expect(await counts(workshopId)).toEqual({ ...expected, counter: expected });
  }

  /** A new survey, with the survey's own use cases to invite institutions and answer as they would. */
  async function newSurvey() {
    const admin: SurveyAdminDeps = { ...deps, surveys: deps.surveys };
    const responding = {
      surveys: deps.surveys,
      offerings: new OfferingStore(store),
      mailer,
      now: () => clock,
    };
    const { surveyId } = await createSurvey(
      admin,
      {
        title: 'Bestandsaufnahme',
        opensAt: '2027-01-01T00:00:00Z',
        closesAt: '2027-12-31T00:00:00Z',
        openParticipation: false,
      },
      'staff-1',
    );
    return {
      surveyId,
      /** The invitation's token. */
      async invite(institutionName: string, email: string): Promise<string> {
        const issued = await inviteInstitution(admin, surveyId, { institutionName, email, language: 'de' });
        return /\/survey\?lang=de#([\w-]{22,})$/.exec(issued.link)?.[1] ?? '';
      },
      /** Saves complete answers and, unless told not to, submits them. */
      async answer(token: string, contact: ContactPerson, language: Language, submit = true): Promise<void> {
        const saved = await saveDraft(responding, token, {
          answers: completeAnswers(),
          contact,
          version: 0,
          language,
        });
        if (submit) await submitResponse(responding, token, { version: saved.version });
      },
    };
  }

  /** A survey one institution has submitted. */
  async function submittedSurvey(): Promise<string> {
    const survey = await newSurvey();
    const token = await survey.invite('Caritas', 'info@caritas.example');
    await survey.answer(
      token,
      { name: 'Anna Beispiel', role: 'Leitung', email: 'anna@caritas.example', phone: '' },
      'de',
    );
    mailer.sent = [];
    return survey.surveyId;
  }

  it('gives 30 concurrent registrations for 10 places exactly 10 places and a waiting list of 20', async () => {
    const { workshopId } = await workshop(10);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, index) => register(deps, workshopId, person(index))),
    );
    expect(results.filter((result) => result.status === 'registered')).toHaveLength(10);
    expect(results.filter((result) => result.status === 'waiting')).toHaveLength(20);
    await expectCounts(workshopId, { registered: 10, waiting: 20 });
    const list = await listRegistrations(deps, workshopId);
    expect(list.slice(10).map((entry) => entry.waitingPosition)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    expect(mailer.sent.filter((mail) => mail.purpose === 'workshop-registered')).toHaveLength(10);
    expect(mailer.sent.filter((mail) => mail.purpose === 'workshop-waiting')).toHaveLength(20);
  });

  it('moves the first person waiting up when someone cancels, and tells them by mail', async () => {
    const { workshopId } = await workshop(2);
    const first = await register(deps, workshopId, person(1));
    await register(deps, workshopId, person(2));
    const third = await register(deps, workshopId, person(3));
    await register(deps, workshopId, person(4));
    expect(third).toMatchObject({ status: 'waiting', waitingPosition: 1 });

    const cancelled = await cancelOwnRegistration(deps, first.manageToken);

    expect(cancelled.status).toBe('cancelled');
    const own = await ownRegistration(deps, third.manageToken ?? '');
    expect(own.status).toBe('registered');
    const movedUp = mailer.sent.filter((mail) => mail.purpose === 'workshop-movedUp');
    expect(movedUp.map((mail) => mail.to)).toEqual([['person3@example.org']]);
    expect(movedUp[0]?.text).toMatch(
      /https:\/\/wegweiser\.example\/workshop\/registration\?lang=de#[\w-]{22,}/,
    );
    await expectCounts(workshopId, { registered: 2, waiting: 1 });
    expect((await listRegistrations(deps, workshopId)).map((entry) => entry.email)).toEqual([
      'person2@example.org',
      'person3@example.org',
      'person4@example.org',
    ]);
  });

  it('never goes over capacity when people cancel and register at the same time', async () => {
    const { workshopId } = await workshop(10);
    const first = await Promise.all(
      Array.from({ length: 20 }, (_, index) => register(deps, workshopId, person(index))),
    );
    const leaving = first.filter((result) => result.status === 'registered').slice(0, 6);

    await Promise.all([
      ...leaving.map((result) => cancelOwnRegistration(deps, result.manageToken ?? '')),
      ...Array.from({ length: 5 }, (_, index) => register(deps, workshopId, person(100 + index))),
    ]);

    await expectCounts(workshopId, { registered: 10, waiting: 9 });
  });

  it('answers a repeated registration of the same address with the same registration', async () => {
    const { workshopId } = await workshop(5);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => register(deps, workshopId, person(1))),
    );
    const again = await register(deps, workshopId, { ...person(1), email: ' Person1@Example.org ' });

    expect(concurrent.filter((result) => !result.alreadyRegistered)).toHaveLength(1);
    expect(again).toMatchObject({ status: 'registered', alreadyRegistered: true });
    await expectCounts(workshopId, { registered: 1, waiting: 0 });
    // One registration letter; each repeat only sent the person's link again, and every link opens it.
    expect(mailer.sent.filter((mail) => mail.purpose === 'workshop-registered')).toHaveLength(1);
    expect(mailer.sent.filter((mail) => mail.purpose === 'workshop-alreadyRegistered')).toHaveLength(5);
    for (const result of [...concurrent, again]) {
      expect((await ownRegistration(deps, result.manageToken)).email).toBe('person1@example.org');
    }
  });

  it('answers the public registration the same for a new, a registered, a waiting and a cancelled address, and tells each by mail', async () => {
    const { workshopId } = await workshop(1);
    const registered = await register(deps, workshopId, person(1));
    const waiting = await register(deps, workshopId, person(2));
    const cancelled = await register(deps, workshopId, person(3));
    await cancelOwnRegistration(deps, cancelled.manageToken);
    mailer.sent = [];
    const before = await listRegistrations(deps, workshopId);

    // The requester may give another name; only the address decides.
    const answers: string[] = [];
    for (const request of [person(1), person(2), person(3), person(4)]) {
      const answer = await requestRegistration(deps, workshopId, { ...request, name: 'Someone Else' });
      answers.push(JSON.stringify(answer));
    }

    expect(answers).toEqual(Array(4).fill(JSON.stringify({ status: 'check_your_mail' })));
    const letter = (email: string) => mailer.sent.filter((mail) => mail.to[0] === email);
    expect(letter('person1@example.org').map((mail) => mail.purpose)).toEqual(['workshop-alreadyRegistered']);
    expect(letter('person2@example.org').map((mail) => mail.purpose)).toEqual(['workshop-alreadyWaiting']);
    expect(letter('person3@example.org').map((mail) => mail.purpose)).toEqual(['workshop-waiting']);
    expect(letter('person4@example.org').map((mail) => mail.purpose)).toEqual(['workshop-waiting']);
    // The letter to a known address names its own registration, never what the requester typed.
    expect(letter('person1@example.org')[0]?.text).toContain('Person 1');
    expect(letter('person1@example.org')[0]?.text).not.toContain('Someone Else');
    // The link sent again opens the existing registration; the first link still works too.
    const resent = /\/workshop\/registration\?lang=de#([\w-]{22,})/.exec(
      letter('person2@example.org')[0]?.text ?? '',
    );
    expect(await ownRegistration(deps, resent?.[1] ?? '')).toMatchObject({
      email: 'person2@example.org',
      status: 'waiting',
      waitingPosition: 1,
    });
    expect((await ownRegistration(deps, waiting.manageToken)).status).toBe('waiting');
    expect((await ownRegistration(deps, registered.manageToken)).status).toBe('registered');
    // No second registration and no change of order: the known addresses are where they were.
    const after = await listRegistrations(deps, workshopId);
    expect(after.slice(0, 2)).toEqual(before);
    expect(after.map((entry) => [entry.email, entry.status, entry.waitingPosition])).toEqual([
      ['person1@example.org', 'registered', undefined],
      ['person2@example.org', 'waiting', 1],
      ['person3@example.org', 'waiting', 2],
      ['person4@example.org', 'waiting', 3],
    ]);
    await expectCounts(workshopId, { registered: 1, waiting: 3 });
  });

  it('lets a cancelled address register again, and cancelling twice changes nothing', async () => {
    const { workshopId } = await workshop(1);
    const first = await register(deps, workshopId, person(1));
    await cancelOwnRegistration(deps, first.manageToken);
    await cancelOwnRegistration(deps, first.manageToken);
    expect((await counts(workshopId)).counter).toEqual({ registered: 0, waiting: 0 });

    const second = await register(deps, workshopId, person(1));

    expect(second).toMatchObject({ status: 'registered', alreadyRegistered: false });
    expect((await counts(workshopId)).counter).toEqual({ registered: 1, waiting: 0 });
  });

  it('refuses registrations after the deadline with a reason for the form', async () => {
    const { workshopId } = await workshop(10);
    clock = new Date('2027-03-01T23:00:00Z');

    const refused = await register(deps, workshopId, person(1)).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'closed',
      fields: [{ field: 'workshop', code: 'registration_closed' }],
    });
    expect((await counts(workshopId)).counter).toEqual({ registered: 0, waiting: 0 });
  });

  it('refuses cancelling once the workshop has started', async () => {
    const { workshopId } = await workshop(10);
    const registration = await register(deps, workshopId, person(1));
    clock = new Date('2027-03-10T13:30:00Z');

    await expect(cancelOwnRegistration(deps, registration.manageToken ?? '')).rejects.toMatchObject({
      code: 'closed',
      fields: [{ code: 'workshop_started' }],
    });
  });

  it('keeps registrations only until 90 days after the workshop', async () => {
    const { workshopId } = await workshop(10);
    const registration = await register(deps, workshopId, person(1));
    clock = new Date('2027-06-09T00:00:00Z');

    await expect(ownRegistration(deps, registration.manageToken ?? '')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('announces to every institution that submitted, in its language, once', async () => {
    const survey = await newSurvey();
    const submitted = await survey.invite('VHS Ochsenfurt', 'info@vhs.example');
    const notSubmitted = await survey.invite('Jugendtreff', 'info@jugend.example');
    await survey.answer(
      submitted,
      { name: 'Erika Beispiel', role: 'Leitung', email: 'erika@vhs.example', phone: '' },
      'tr',
    );
    await survey.answer(notSubmitted, { name: '', role: '', email: '', phone: '' }, 'de', false);
    const { workshopId } = await workshop(10);
    mailer.sent = [];

    const first = await announceWorkshop(deps, workshopId, survey.surveyId);
    const second = await announceWorkshop(deps, workshopId, survey.surveyId);

    expect(first).toEqual({ mailed: 1, alreadyAnnounced: 0 });
    expect(second).toEqual({ mailed: 0, alreadyAnnounced: 1 });
    expect(mailer.sent).toHaveLength(1);
    const [mail] = mailer.sent;
    expect(mail).toMatchObject({
      to: ['erika@vhs.example'],
      language: 'tr',
      purpose: 'workshop-announcement',
    });
    expect(mail?.text).toContain('VHS Ochsenfurt');
    const link = /\/workshop\/([\w-]+)\/invitation\?lang=tr#([\w-]{22,})/.exec(mail?.text ?? '');
    expect(link?.[1]).toBe(workshopId);
    expect(await workshopInvitation(deps, workshopId, link?.[2] ?? '')).toEqual({
      institutionName: 'VHS Ochsenfurt',
    });
    const registered = await register(deps, workshopId, { ...person(1), invitationToken: link?.[2] ?? '' });
    expect(registered.status).toBe('registered');
    expect((await listRegistrations(deps, workshopId))[0]?.fromAnnouncement).toBe(true);
    expect((await getStaffWorkshop(deps, workshopId)).announcement).toMatchObject({
      surveyId: survey.surveyId,
      institutions: 1,
    });
  });

  it('keeps a registration whose confirmation mail failed, and answers with the link', async () => {
    const { workshopId } = await workshop(5);
    deps.mailer = {
      send: async () => {
        throw new Error('mail service unavailable');
      },
    };

    const result = await register(deps, workshopId, person(1));

    expect(result).toMatchObject({ status: 'registered', alreadyRegistered: false });
    expect((await ownRegistration(deps, result.manageToken ?? '')).status).toBe('registered');
  });

  it('announces again right away to an institution whose announcement mail failed', async () => {
    const surveyId = await submittedSurvey();
    const { workshopId } = await workshop(10);
    let failures = 1;
    deps.mailer = {
      send: async (message) => {
        if (failures-- > 0) throw new Error('mail service unavailable');
        return mailer.send(message);
      },
    };

    await expect(announceWorkshop(deps, workshopId, surveyId)).rejects.toThrow('mail service unavailable');
    const retried = await announceWorkshop(deps, workshopId, surveyId);

    expect(retried).toEqual({ mailed: 1, alreadyAnnounced: 0 });
    expect(mailer.sent.filter((mail) => mail.purpose === 'workshop-announcement')).toHaveLength(1);
  });

  it('exports the list for Excel with neutralised formula cells', async () => {
    const { workshopId } = await workshop(1);
    await register(deps, workshopId, { ...person(1), name: '=HYPERLINK("http://evil.example")' });
    await register(deps, workshopId, person(2));

    const csv = await registrationsCsv(deps, workshopId, 'de');

    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFF"Stand";"Name";"E-Mail-Adresse";"Einrichtung";"Anmerkung";"Angemeldet am"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines[2]).toMatch(/^"Warteliste 1";"Person 2"/);
  });

  it('records results as findings after the workshop has started, not before', async () => {
    const { workshopId } = await workshop(10);
    const finding = {
      kind: 'recommendation' as const,
      text: 'Sprachkurse mit Kinderbetreuung ausbauen',
      textLanguage: 'de' as const,
      topics: ['language_courses' as const],
    };
    await expect(recordResults(deps, workshopId, [finding])).rejects.toMatchObject({ code: 'invalid_state' });
    clock = new Date('2027-03-10T18:00:00Z');

    const results = await recordResults(deps, workshopId, [finding]);

    expect(results.findings[0]).toMatchObject(finding);
    expect(results.findings[0]?.findingId).toMatch(/^[\w-]{6,40}$/);
    expect((await getStaffWorkshop(deps, workshopId)).results?.findings).toEqual(results.findings);
  });
});
