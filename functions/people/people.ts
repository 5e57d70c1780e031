import type {
  BookingChange,
  InterviewRecord,
  NotesRecord,
  RoundRecord,
  SlotRecord,
} from '../interviews/interview-store';
import type { OutboxMessage } from '../shared/mail/outbox-mailer';
import type { ContactPerson } from '../survey/questionnaire';
import type { DraftRecord, InvitationRecord, SubmissionRecord } from '../survey/survey-store';
import type { RegistrationRecord } from '../workshops/workshop-store';
import { fillPlaces, requireWorkshop, type WorkshopDeps } from '../workshops/workshops';
import type { HeldItem, PersonErasure, PersonExport, PersonKey } from './schemas';

/** What the people use cases need of the store: Gets and Queries by the ids staff have, no scan. */
export interface PeopleStorePort {
  invitation(surveyId: string, invitationId: string): Promise<InvitationRecord | undefined>;
  contact(invitationId: string): Promise<ContactPerson | undefined>;
  draft(invitationId: string): Promise<DraftRecord | undefined>;
  submissions(invitationId: string): Promise<SubmissionRecord[]>;
  interviewsFromResponse(surveyId: string, invitationId: string): Promise<InterviewRecord[]>;
  eraseContactPerson(invitation: InvitationRecord, erasedAt: string): Promise<{ deleted: number }>;
  interview(roundId: string, interviewId: string): Promise<InterviewRecord | undefined>;
  notes(roundId: string, interviewId: string): Promise<NotesRecord | undefined>;
  round(roundId: string): Promise<RoundRecord | undefined>;
  slot(roundId: string, slotId: string): Promise<SlotRecord | undefined>;
  forgetInterviewLinks(interview: InterviewRecord): Promise<void>;
  readonly interviews: {
    saveInterview(before: InterviewRecord, after: InterviewRecord): Promise<void>;
    changeBooking(change: BookingChange): Promise<void>;
  };
  registration(workshopId: string, email: string): Promise<RegistrationRecord | undefined>;
  deleteRegistration(workshopId: string, email: string): Promise<void>;
  conversationStates(
    conversationId: string,
  ): Promise<{ storageKey: string; document: string; expiresAt?: number | undefined }[]>;
  deleteConversationState(storageKey: string): Promise<void>;
  mailsMentioning(terms: string[]): Promise<OutboxMessage[]>;
  deleteMail(messageId: string): Promise<void>;
  questionsMentioning(terms: string[]): Promise<{ questionId: string; text: string; expiresAt: number }[]>;
  deleteQuestion(questionId: string): Promise<void>;
}

export interface PeopleDeps {
  people: PeopleStorePort;
  /** Erasing a workshop participant frees their place, which moves the next person up (and mails them). */
  workshops: WorkshopDeps;
  now: () => Date;
}

const iso = (seconds: number | undefined) =>
  seconds === undefined ? {} : { expiresAt: new Date(seconds * 1000).toISOString() };

function held(entity: string, purpose: string, data: object): HeldItem {
  const record = data as Record<string, unknown>;
  const expiresAt = typeof record.expiresAt === 'number' ? record.expiresAt : undefined;
  return { entity, purpose, ...iso(expiresAt), data: record };
}

/** What a person's own records name them by: looked for in the copies (mails, the question log). */
interface Found {
  items: HeldItem[];
  addresses: string[];
  names: string[];
}

async function copies(deps: PeopleDeps, found: Found): Promise<HeldItem[]> {
  const [mails, questions] = await Promise.all([
    deps.people.mailsMentioning([...found.addresses, ...found.names]),
    deps.people.questionsMentioning([...found.addresses, ...found.names]),
  ]);
  return [
    ...mails.map((mail) =>
      held('OutboxMessage', 'Kopie einer versandten E-Mail, die die Person nennt (nur lokale Stufe)', mail),
    ),
    ...questions.map((question) =>
      held('UnansweredQuestion', 'Unbeantwortete Frage an den Chatbot, die die Person nennt', question),
    ),
  ];
}

async function findContactPerson(deps: PeopleDeps, surveyId: string, invitationId: string): Promise<Found> {
  const invitation = await deps.people.invitation(surveyId, invitationId);
  if (!invitation) return { items: [], addresses: [], names: [] };
  const [contact, draft, submissions, interviews] = await Promise.all([
    deps.people.contact(invitationId),
    deps.people.draft(invitationId),
    deps.people.submissions(invitationId),
    deps.people.interviewsFromResponse(surveyId, invitationId),
  ]);
  const items = [
    held('Invitation', 'Einladung zur Umfrage (Einrichtung und Adresse)', invitation),
    ...(contact ? [held('ContactPerson', 'Ansprechperson für Rückfragen zur Antwort', { contact })] : []),
    ...(draft ? [held('ResponseDraft', 'Entwurf der Antwort', draft)] : []),
    ...submissions.map((submission) =>
      held('ResponseSubmission', 'Abgegebene Antwort der Einrichtung (Auswertung)', submission),
    ),
    ...interviews.map((interview) =>
      held('Interview', 'Einladung zum Experteninterview aus dieser Antwort', withoutSecrets(interview)),
    ),
  ];
  return {
    items,
    addresses: [invitation.email, contact?.email ?? '', ...interviews.map((i) => i.expert.email)],
    names: [contact?.name ?? '', ...interviews.map((i) => i.expert.name)],
  };
}

/** The hash of a link's token is no data about the person; it stays out of the export. */
function withoutSecrets<T extends { tokenHash: string }>(record: T): Omit<T, 'tokenHash'> {
  const { tokenHash: _tokenHash, ...rest } = record;
  return rest;
}

function withoutLinks(registration: RegistrationRecord): Omit<RegistrationRecord, 'tokenHashes'> {
  const { tokenHashes: _tokenHashes, ...rest } = registration;
  return rest;
}

async function findExpert(deps: PeopleDeps, roundId: string, interviewId: string): Promise<Found> {
  const interview = await deps.people.interview(roundId, interviewId);
  if (!interview) return { items: [], addresses: [], names: [] };
  const notes = await deps.people.notes(roundId, interviewId);
  return {
    items: [
      held('Interview', 'Experteninterview: Person, Termin, Stand', withoutSecrets(interview)),
      ...(notes ? [held('InterviewNotes', 'Notizen und Ergebnisse des Interviews (Auswertung)', notes)] : []),
    ],
    addresses: [interview.expert.email],
    names: [interview.expert.name],
  };
}

async function findParticipant(deps: PeopleDeps, workshopId: string, email: string): Promise<Found> {
  const registration = await deps.people.registration(workshopId, email);
  return {
    items: registration
      ? [
          held(
            'WorkshopRegistration',
            'Anmeldung zum Workshop (Platz oder Warteliste)',
            withoutLinks(registration),
          ),
        ]
      : [],
    addresses: [email],
    names: registration ? [registration.name] : [],
  };
}

async function find(deps: PeopleDeps, person: PersonKey): Promise<Found> {
  switch (person.kind) {
    case 'contactPerson':
      return findContactPerson(deps, person.surveyId, person.invitationId);
    case 'expert':
      return findExpert(deps, person.roundId, person.interviewId);
    case 'workshopParticipant':
      return findParticipant(deps, person.workshopId, person.email);
    case 'chatUser': {
      const states = await deps.people.conversationStates(person.conversationId);
      return {
        items: states.map((state) =>
          held('BotState', 'Stand des Chats (Sprache, begonnene Umfrage im Chat)', {
            storageKey: state.storageKey,
            document: JSON.parse(state.document) as unknown,
            expiresAt: state.expiresAt,
          }),
        ),
        addresses: [],
        names: [],
      };
    }
  }
}

/**
 * Art. 15: everything held about one person.
 * Primary course:
 * 1. Find the person's own records by the ids staff have (Gets and Queries only).
 * 2. Find the copies: mails sent to their addresses, unanswered questions that name them.
 */
export async function exportPerson(deps: PeopleDeps, person: PersonKey): Promise<PersonExport> {
  const found = await find(deps, person);
  return {
    person,
    exportedAt: deps.now().toISOString(),
    items: [...found.items, ...(await copies(deps, found))],
  };
}

/** Removes an expert's name, address and comment; an upcoming booking is cancelled and its slot freed. */
async function eraseExpertData(deps: PeopleDeps, interview: InterviewRecord): Promise<number> {
  await deps.people.forgetInterviewLinks(interview);
  if (interview.erasedAt && !interview.expert.name && !interview.expert.email) return 0;
  const now = deps.now();
  const { comment: _comment, ...rest } = interview;
  const anonymous: InterviewRecord = {
    ...rest,
    expert: { ...interview.expert, name: '', email: '' },
    erasedAt: now.toISOString(),
  };
  const booked = interview.state === 'booked' || interview.state === 'rescheduled';
  const upcoming = booked && interview.slot && Date.parse(interview.slot.startsAt) > now.getTime();
  const round = upcoming ? await deps.people.round(interview.roundId) : undefined;
  const slot =
    upcoming && interview.slot ? await deps.people.slot(interview.roundId, interview.slot.slotId) : undefined;
  if (round && slot) {
    await deps.people.interviews.changeBooking({
      before: interview,
      after: {
        ...anonymous,
        state: 'cancelled',
        slot: undefined,
        cancelledAt: now.toISOString(),
        sequence: interview.sequence + 1,
      },
      interviewers: round.interviewers,
      release: slot,
    });
  } else {
    await deps.people.interviews.saveInterview(interview, anonymous);
  }
  return 1;
}

async function eraseCopies(deps: PeopleDeps, items: HeldItem[]): Promise<number> {
  let deleted = 0;
  for (const item of items) {
    if (item.entity === 'OutboxMessage') {
      await deps.people.deleteMail(String(item.data.messageId));
      deleted += 1;
    } else if (item.entity === 'UnansweredQuestion') {
      await deps.people.deleteQuestion(String(item.data.questionId));
      deleted += 1;
    }
  }
  return deleted;
}

/**
 * Art. 17: erases one person, copies included; running it again changes nothing more.
 * Primary course:
 * 1. Find the person and the copies (as the export does).
 * 2. Delete the copies: mails to their addresses, questions naming them.
 * 3. Delete or anonymise their own records, keeping only what the evaluation counts, without them.
 */
export async function erasePerson(deps: PeopleDeps, person: PersonKey): Promise<PersonErasure> {
  const erasedAt = deps.now().toISOString();
  const found = await find(deps, person);
  let deleted = await eraseCopies(deps, await copies(deps, found));
  let anonymised = 0;
  const kept: string[] = [];
  switch (person.kind) {
    case 'contactPerson': {
      const invitation = await deps.people.invitation(person.surveyId, person.invitationId);
      if (!invitation) break;
      for (const interview of await deps.people.interviewsFromResponse(
        person.surveyId,
        person.invitationId,
      )) {
        anonymised += await eraseExpertData(deps, interview);
      }
      deleted += (await deps.people.eraseContactPerson(invitation, erasedAt)).deleted;
      anonymised += invitation.erasedAt ? 0 : 1;
      kept.push(
        'Die Einladung der Einrichtung ohne Adresse: Sie zählt in der Rücklaufquote.',
        'Abgegebene Antworten der Einrichtung (ohne Ansprechperson): Sie zählen in der Auswertung.',
        'Notizen zu Interviews aus dieser Antwort, ohne Namen und Adresse.',
      );
      break;
    }
    case 'expert': {
      const interview = await deps.people.interview(person.roundId, person.interviewId);
      if (!interview) break;
      anonymised += await eraseExpertData(deps, interview);
      kept.push(
        'Das Interview ohne Namen, Adresse und Kommentar, mit Einrichtung, Themen und Notizen (Auswertung).',
      );
      break;
    }
    case 'workshopParticipant': {
      let registration = await deps.people.registration(person.workshopId, person.email);
      if (!registration) break;
      const workshop = await requireWorkshop(deps.workshops, person.workshopId);
      let freed = false;
      for (let attempt = 0; attempt < 5 && registration && registration.status !== 'cancelled'; attempt++) {
        if ((await deps.workshops.workshops.cancel(registration, erasedAt)) === 'done') freed = true;
        registration = await deps.people.registration(person.workshopId, person.email);
      }
      await deps.people.deleteRegistration(person.workshopId, person.email);
      deleted += 1;
      if (freed && deps.now().getTime() < Date.parse(workshop.startsAt))
        await fillPlaces(deps.workshops, workshop);
      kept.push(
        'Nur die Zahl der Plätze: Der frei gewordene Platz geht an die nächste Person auf der Warteliste.',
      );
      break;
    }
    case 'chatUser':
      for (const item of found.items) {
        await deps.people.deleteConversationState(String(item.data.storageKey));
        deleted += 1;
      }
      kept.push('Nichts: Unbeantwortete Fragen und Bewertungen tragen keine Kennung des Chats.');
      break;
  }
  return { person, erasedAt, deleted, anonymised, kept };
}
