import { randomUUID } from 'node:crypto';
import type { Store } from '../../shared/store/store';
import { RecordingMailer } from '../../shared/testing/recording-mailer';
import { SurveyStore } from '../../survey/survey-store';
import { newInvitationToken } from '../../survey/tokens';
import { InterviewStore } from '../interview-store';
import { TableReminderScheduler } from '../reminders';
import { createRound, type InterviewDeps, inviteExpert } from '../rounds';
import type { CreateRoundRequest } from '../schemas';

export const publicBaseUrl = 'https://wegweiser.example';

/** Use-case dependencies over a real store, with a clock the test moves and a mailer that records. */
export function interviewDeps(store: Store, clock: { now: Date }) {
  const mailer = new RecordingMailer();
  const interviews = new InterviewStore(store);
  const deps: InterviewDeps = {
    interviews,
    surveys: new SurveyStore(store),
    mailer,
    reminders: new TableReminderScheduler(interviews),
    now: () => clock.now,
    newId: randomUUID,
    newToken: newInvitationToken,
    publicBaseUrl,
    organizer: { name: 'Landratsamt Würzburg', email: 'wegweiser@example.org' },
  };
  return { deps, mailer, interviews };
}

export const anna = { email: 'anna.berger@lra-wue.example', name: 'Anna Berger' };
export const ben = { email: 'ben.kraus@lra-wue.example', name: 'Ben Kraus' };

export function roundRequest(overrides: Partial<CreateRoundRequest> = {}): CreateRoundRequest {
  return {
    topic: 'Sprachkurse im Landkreis',
    interviewers: [anna],
    durationMinutes: 60,
    location: { kind: 'place', address: 'Landratsamt Würzburg, Zeppelinstraße 15, Raum 101' },
    questionGuide: '1. Welche Angebote gibt es?',
    changeCutOffHours: 24,
    reminderLeadHours: 24,
    ...overrides,
  };
}

export async function newRound(deps: InterviewDeps, overrides: Partial<CreateRoundRequest> = {}) {
  return createRound(deps, roundRequest(overrides), 'staff-1');
}

/** The token of a booking link, which carries it in the fragment (`/interview?lang=en#<token>`). */
export function tokenOf(link: string): string {
  return new URL(link).pathname === '/interview' ? new URL(link).hash.slice(1) : '';
}

export async function invitedExpert(deps: InterviewDeps, roundId: string, number = 1) {
  const issued = await inviteExpert(deps, roundId, {
    name: `Expertin ${number}`,
    email: `expert${number}@example.org`,
    institution: `Institution ${number}`,
    topics: ['language_courses'],
    language: 'en',
  });
  return { ...issued, token: tokenOf(issued.link) };
}
