import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbStorage } from '../../chatbot/adapter/dynamodb-storage';
import { LearningStore } from '../../chatbot/learning/learning-store';
import { InterviewStore } from '../../interviews/interview-store';
import { TableReminderScheduler } from '../../interviews/reminders';
import { createRound, createSlots, type InterviewDeps } from '../../interviews/rounds';
import { OfferingStore } from '../../offerings/offering-store';
import { OutboxMailer } from '../../shared/mail/outbox-mailer';
import type { Store } from '../../shared/store/store';
import type { RespondingDeps } from '../../survey/responding';
import type { SurveyAdminDeps } from '../../survey/survey-admin';
import { SurveyStore } from '../../survey/survey-store';
import { newInvitationToken } from '../../survey/tokens';
import { WorkshopStore } from '../../workshops/workshop-store';
import type { WorkshopDeps } from '../../workshops/workshops';

const publicBaseUrl = 'https://wegweiser.example';

/**
 * Every use case's dependencies over one real store, with one clock the test moves and the local
 * outbox as the mailer, so that the mails (copies of addresses and names) land in the table too.
 */
export function worldOn(store: Store, clock: { now: Date }) {
  const now = () => clock.now;
  const mailer = new OutboxMailer(store, now);
  const surveys = new SurveyStore(store);
  const interviews = new InterviewStore(store);
  const workshops = new WorkshopStore(store);
  const admin: SurveyAdminDeps = {
    surveys,
    mailer,
    now,
    newId: randomUUID,
    newToken: newInvitationToken,
    publicBaseUrl,
  };
  const responding: RespondingDeps = { surveys, offerings: new OfferingStore(store), mailer, now };
  const interviewDeps: InterviewDeps = {
    interviews,
    surveys,
    mailer,
    reminders: new TableReminderScheduler(interviews),
    now,
    newId: randomUUID,
    newToken: newInvitationToken,
    publicBaseUrl,
    organizer: { name: 'Landratsamt Würzburg', email: 'wegweiser@example.org' },
    pause: async () => undefined,
  };
  const workshopDeps: WorkshopDeps = {
    workshops,
    surveys,
    mailer,
    now,
    newId: randomUUID,
    newToken: newInvitationToken,
    publicBaseUrl,
  };
  return {
    store,
    admin,
    responding,
    interviews: interviewDeps,
    workshops: workshopDeps,
    botStorage: new DynamoDbStorage(store, now),
    learning: { store: new LearningStore(store), now, newId: randomUUID },
  };
}
export type World = ReturnType<typeof worldOn>;

/** The token in a link such as `/survey/<token>?lang=de` or `/interview/<token>`. */
export function tokenIn(link: string, segment: 'survey' | 'interview'): string {
  // Links carry their token in the fragment; the path form is the old links' (redirected once)
  const url = new URL(link);
  return url.hash.slice(1) || (url.pathname.split(`/${segment}/`)[1] ?? '');
}

/**
 * An interview round on language courses with Tuesday slots on 9 March 2027 from 09:00 until `dayEnd`:
 * the round the erasure and retention tests book experts into.
 */
export async function sampleRound(interviews: InterviewDeps, dayEnd = '11:00') {
  const created = await createRound(
    interviews,
    {
      topic: 'Sprachkurse',
      interviewers: [{ email: 'anna.berger@lra-wue.example', name: 'Anna Berger' }],
      durationMinutes: 60,
      location: { kind: 'place', address: 'Landratsamt, Raum 101' },
      questionGuide: '1. Welche Angebote gibt es?',
      changeCutOffHours: 24,
      reminderLeadHours: 24,
    },
    'staff-1',
  );
  await createSlots(interviews, created.roundId, {
    kind: 'recurring',
    weekdays: [2],
    fromDate: '2027-03-09',
    untilDate: '2027-03-09',
    dayStart: '09:00',
    dayEnd,
    timeZone: 'Europe/Berlin',
  });
  return created;
}

/** Every item of the test's own table. Tests only: production code never scans. */
export async function everyItem(store: Store): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.client.send(
      new ScanCommand({ TableName: store.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
