import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { hashPassword, saveDevUser } from '../functions/dev/dev-sign-in';
import { InterviewStore } from '../functions/interviews/interview-store';
import { OfferingStore } from '../functions/offerings/offering-store';
import type { StaffGroup } from '../functions/shared/http/route';
import { keys } from '../functions/shared/store/keys';
import type { Store } from '../functions/shared/store/store';
import { SurveyStore } from '../functions/survey/survey-store';
import { WorkshopStore } from '../functions/workshops/workshop-store';
import { seedDemoOfferings, seedDemoSurvey } from './demo-data';
import { seedDemoInterviews } from './demo-interviews';
import { seedDemoWorkshop } from './demo-workshop';

interface DemoAccount {
  email: string;
  password: string;
  groups: StaffGroup[];
}

/**
 * The steering committee's demo member: a console member (`staff`, so the console opens) who also
 * belongs to `steering`, and so may record priorities and measures.
 */
const steeringDemoAccount: DemoAccount = {
  email: 'steering@wegweiser.local',
  password: 'wegweiser-demo',
  groups: ['staff', 'steering'],
};

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@wegweiser.local', password: 'wegweiser-demo', groups: ['staff', 'admin'] },
  { email: 'staff@wegweiser.local', password: 'wegweiser-demo', groups: ['staff'] },
  steeringDemoAccount,
];

async function seedDemoAccount(store: Store, account: DemoAccount): Promise<void> {
  await saveDevUser(store, {
    email: account.email,
    groups: account.groups,
    passwordHash: hashPassword(account.password),
    sub: randomUUID(),
  });
}

/**
 * Runs a seed step once per data directory: a marker written with a condition makes re-seeding a
 * no-op, so demo records that users changed or deleted are never overwritten.
 */
export async function seedOnce(store: Store, seedId: string, step: () => Promise<void>): Promise<boolean> {
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...keys.seedMarker(seedId), entity: 'SeedMarker', seededAt: new Date().toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
  await step();
  return true;
}

/** Demo data for the local stage. Each feature adds its own seed step here. */
export async function seedDemoData(store: Store): Promise<string[]> {
  const seeded: string[] = [];
  const steps: [string, () => Promise<void>][] = [
    [
      'demo-accounts-v1',
      async () => {
        for (const account of demoAccounts.filter((candidate) => candidate !== steeringDemoAccount)) {
          await seedDemoAccount(store, account);
        }
      },
    ],
    // A step of its own, so data directories seeded before the steering committee existed get it too.
    ['demo-steering-account-v1', () => seedDemoAccount(store, steeringDemoAccount)],
    [
      'demo-survey-and-offerings-v1',
      async () => {
        const now = new Date();
        const surveyId = await seedDemoSurvey(new SurveyStore(store), now);
        await seedDemoOfferings(new OfferingStore(store), surveyId, now);
      },
    ],
    ['demo-interviews-v1', () => seedDemoInterviews(new InterviewStore(store), new Date())],
    [
      'demo-workshop-v1',
      () => seedDemoWorkshop(new WorkshopStore(store), new SurveyStore(store), new Date()),
    ],
  ];
  for (const [id, step] of steps) {
    if (await seedOnce(store, id, step)) seeded.push(id);
  }
  return seeded;
}
