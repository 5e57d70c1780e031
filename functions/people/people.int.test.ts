import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../local/testing/test-store';
import { book } from '../interviews/booking';
import { inviteExpert, inviteFromSurvey } from '../interviews/rounds';
import type { Store } from '../shared/store/store';
import { saveDraft, submitResponse } from '../survey/responding';
import { createSurvey, inviteInstitution } from '../survey/survey-admin';
import { completeAnswers } from '../survey/testing/fixtures';
import { hashEmail } from '../survey/tokens';
import { createWorkshop, listRegistrations, register } from '../workshops/workshops';
import { erasePerson, exportPerson, type PeopleDeps } from './people';
import { PeopleStore } from './people-store';
import type { PersonKey } from './schemas';
import { everyItem, sampleRound, tokenIn, type World, worldOn } from './testing/world';

/** Tuesday 9 March 2027, 09:00 to 11:00 in Berlin (UTC+1). */
const nineBerlin = '20270309T080000Z';

/** Every stored item whose text (any attribute, any depth) holds one of the terms, case-insensitively. */
async function itemsHolding(store: Store, terms: string[]) {
  const wanted = terms.map((term) => term.toLowerCase());
  return (await everyItem(store)).filter((item) => {
    const text = JSON.stringify(item).toLowerCase();
    return wanted.some((term) => text.includes(term));
  });
}

describe('access and erasure of every kind of person, against DynamoDB Local', { timeout: 60_000 }, () => {
  const clock = { now: new Date('2027-01-10T09:00:00Z') };
  let store: Store;
  let world: World;
  let deps: PeopleDeps;

  beforeEach(async () => {
    clock.now = new Date('2027-01-10T09:00:00Z');
    store = await freshStore(() => clock.now);
    world = worldOn(store, clock);
    deps = { people: new PeopleStore(store), workshops: world.workshops, now: () => clock.now };
  });

  const round = () => sampleRound(world.interviews);

  /** A name the redaction missed, as if it had slipped into the unanswered-question log. */
  async function questionNaming(text: string) {
    const questionId = `q-${randomUUID()}`;
    await world.learning.store.keepQuestion({
      questionId,
      text,
      language: 'de',
      receivedAt: clock.now.toISOString(),
      closest: [],
      reviewed: false,
      expiresAt: Math.floor(clock.now.getTime() / 1000) + 86_400,
    });
    return questionId;
  }

  async function eraseTwice(person: PersonKey) {
    const first = await erasePerson(deps, person);
    const second = await erasePerson(deps, person);
    expect(second.deleted, 'a second erasure finds nothing more to delete').toBe(0);
    expect(second.anonymised, 'a second erasure finds nothing more to anonymise').toBe(0);
    return first;
  }

  it('erases a survey contact person, the interview copied from their response and the mails, and keeps the counted response', async () => {
    // Arrange: invited, answered with a contact person, submitted, invited to an interview from the response.
    const contact = {
      name: 'Kim Beispiel',
      role: 'Leitung',
      email: 'kim.beispiel@traeger.example',
      phone: '0931 1234',
    };
    const { surveyId } = await createSurvey(
      world.admin,
      {
        title: 'Bestandsaufnahme',
        opensAt: '2027-01-01T00:00:00Z',
        closesAt: '2027-06-30T22:00:00Z',
        openParticipation: false,
      },
      'staff-1',
    );
    const { invitation, link } = await inviteInstitution(world.admin, surveyId, {
      institutionName: 'Volkshochschule Ochsenfurt',
      email: 'info.vhs@ochsenfurt.example',
      language: 'de',
    });
    const token = tokenIn(link, 'survey');
    const saved = await saveDraft(world.responding, token, {
      answers: completeAnswers(),
      contact,
      version: 0,
      language: 'de',
    });
    await submitResponse(world.responding, token, { version: saved.version });
    const { roundId } = await round();
    const issued = await inviteFromSurvey(world.interviews, roundId, {
      surveyId,
      responseInvitationId: invitation.invitationId,
    });
    expect(issued.interview.expert.email).toBe(contact.email);
    const questionId = await questionNaming('Hat Kim Beispiel die Liste schon?');
    const person: PersonKey = { kind: 'contactPerson', surveyId, invitationId: invitation.invitationId };

    // Act 1: export.
    const exported = await exportPerson(deps, person);

    // Assert 1: the export holds the person, the copies and the mails.
    const entities = exported.items.map((item) => item.entity);
    expect(entities).toEqual(
      expect.arrayContaining([
        'Invitation',
        'ContactPerson',
        'ResponseDraft',
        'ResponseSubmission',
        'Interview',
        'OutboxMessage',
        'UnansweredQuestion',
      ]),
    );
    const json = JSON.stringify(exported);
    for (const term of [
      contact.name,
      contact.email,
      contact.phone,
      'info.vhs@ochsenfurt.example',
      questionId,
    ]) {
      expect(json).toContain(term);
    }
    expect(exported.items.filter((item) => item.entity === 'OutboxMessage').length).toBeGreaterThanOrEqual(2);

    // Act 2: erase (twice: idempotent).
    const erasure = await eraseTwice(person);

    // Assert 2: nothing anywhere in the table names them; the response is still counted.
    expect(erasure.deleted).toBeGreaterThan(0);
    const left = await itemsHolding(store, [
      contact.name,
      contact.email,
      contact.phone,
      hashEmail(contact.email),
      'info.vhs@ochsenfurt.example',
      hashEmail('info.vhs@ochsenfurt.example'),
    ]);
    expect(left.map((item) => `${String(item.entity)} ${String(item.pk)} ${String(item.sk)}`)).toEqual([]);
    expect((await world.admin.surveys.latestSubmissions(surveyId)).has(invitation.invitationId)).toBe(true);
    expect(await world.admin.surveys.listInvitations(surveyId)).toHaveLength(1);
    const after = await exportPerson(deps, person);
    expect(after.items.map((item) => item.entity).sort()).toEqual([
      'Interview',
      'Invitation',
      'ResponseSubmission',
    ]);
  });

  it('erases an expert: the upcoming booking is cancelled, the slot freed, the link and the mails gone', async () => {
    // Arrange: invited directly, booked a slot (confirmation with a calendar file).
    const { roundId } = await round();
    const issued = await inviteExpert(world.interviews, roundId, {
      name: 'Dr. Leyla Özdemir',
      email: 'leyla.oezdemir@uni.example',
      institution: 'Universität Würzburg',
      topics: ['language_courses'],
      language: 'de',
    });
    const token = tokenIn(issued.link, 'interview');
    await book(world.interviews, token, {
      slotId: nineBerlin,
      comment: 'Bitte rufen Sie mich unter 0170 555 123 an',
    });
    const person: PersonKey = { kind: 'expert', roundId, interviewId: issued.interview.interviewId };

    const exported = await exportPerson(deps, person);
    const json = JSON.stringify(exported);
    for (const term of ['Dr. Leyla Özdemir', 'leyla.oezdemir@uni.example', '0170 555 123'])
      expect(json).toContain(term);
    expect(exported.items.some((item) => item.entity === 'OutboxMessage')).toBe(true);

    await eraseTwice(person);

    const left = await itemsHolding(store, [
      'Leyla',
      'Özdemir',
      'leyla.oezdemir@uni.example',
      '0170 555 123',
      hashEmail('leyla.oezdemir@uni.example'),
    ]);
    expect(left.map((item) => `${String(item.entity)} ${String(item.pk)} ${String(item.sk)}`)).toEqual([]);
    expect(await deps.people.slot(roundId, nineBerlin)).not.toHaveProperty('interviewId');
    const interview = await deps.people.interview(roundId, issued.interview.interviewId);
    expect(interview?.state).toBe('cancelled');
    expect(interview?.erasedAt).toBeDefined();
  });

  it('erases a workshop participant, frees their place for the next person waiting, and removes the mails', async () => {
    const { workshopId } = await createWorkshop(
      world.workshops,
      {
        title: 'Workshop',
        startsAt: '2027-03-10T14:00:00+01:00',
        endsAt: '2027-03-10T18:00:00+01:00',
        registrationClosesAt: '2027-03-01T23:59:00+01:00',
        place: 'Landratsamt',
        programme: 'Ergebnisse',
        capacity: 1,
      },
      'staff-1',
    );
    const participant = {
      name: 'Oksana Kovalenko',
      email: 'oksana.kovalenko@verein.example',
      institution: 'Verein Brücke',
      note: 'Ich brauche einen Rollstuhlplatz',
      language: 'uk' as const,
    };
    await register(world.workshops, workshopId, participant);
    await register(world.workshops, workshopId, {
      ...participant,
      name: 'Jonas Weber',
      email: 'jonas.weber@example.org',
      note: '',
    });
    const [own] = (await listRegistrations(world.workshops, workshopId)).filter(
      (entry) => entry.email === participant.email,
    );
    const person: PersonKey = { kind: 'workshopParticipant', workshopId, email: participant.email };

    const exported = await exportPerson(deps, person);
    const json = JSON.stringify(exported);
    for (const term of [participant.name, participant.email, participant.note]) expect(json).toContain(term);
    expect(exported.items.some((item) => item.entity === 'OutboxMessage')).toBe(true);

    await eraseTwice(person);

    const left = await itemsHolding(store, [
      participant.name,
      participant.email,
      participant.note,
      own?.registrationId ?? 'missing',
      hashEmail(participant.email),
    ]);
    expect(left.map((item) => `${String(item.entity)} ${String(item.pk)} ${String(item.sk)}`)).toEqual([]);
    const list = await listRegistrations(world.workshops, workshopId);
    expect(list.map((entry) => [entry.email, entry.status])).toEqual([
      ['jonas.weber@example.org', 'registered'],
    ]);
  });

  it('erases a chat user by their conversation id', async () => {
    const conversationId = `conv-${randomUUID()}`;
    await world.botStorage.write({
      [`webchat/conversations/${conversationId}`]: {
        wegweiser: { language: 'tr', note: 'Benim adım Ayşe Yılmaz' },
      },
    });
    const person: PersonKey = { kind: 'chatUser', conversationId };

    const exported = await exportPerson(deps, person);
    expect(JSON.stringify(exported)).toContain('Ayşe Yılmaz');

    const erasure = await eraseTwice(person);

    expect(erasure.deleted).toBe(1);
    expect(await itemsHolding(store, [conversationId, 'Ayşe Yılmaz'])).toEqual([]);
  });
});
