import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { contactExpiry, type InterviewStore } from '../functions/interviews/interview-store';
import { planSlots } from '../functions/interviews/slots';
import { hashToken } from '../functions/survey/tokens';

/** The demo expert's booking link works locally at /interview#demo-interview-token-2026. */
export const demoInterviewToken = 'demo-interview-token-2026';

/** One interview round with Tuesday and Thursday morning slots for the next three weeks, one invited expert. */
export async function seedDemoInterviews(interviews: InterviewStore, now: Date): Promise<void> {
  const roundId = randomUUID();
  await interviews.createRound({
    roundId,
    topic: 'Sprachkurse und Beratung im Landkreis (Demo)',
    interviewers: [{ email: 'staff@wegweiser.local', name: 'Demo-Mitarbeiterin' }],
    durationMinutes: 60,
    location: { kind: 'place', address: 'Landratsamt Würzburg, Zeppelinstraße 15, 97074 Würzburg (Demo)' },
    questionGuide:
      '1. Welche Angebote machen Sie für Menschen mit Migrationshintergrund?\n2. Wo sehen Sie Lücken?\n3. Was würde Ihnen am meisten helfen?',
    changeCutOffHours: 24,
    reminderLeadHours: 24,
    createdAt: now.toISOString(),
    createdBy: 'demo-seed',
  });
  const from = DateTime.fromJSDate(now, { zone: 'Europe/Berlin' }).plus({ days: 7 }).startOf('week');
  const slots = planSlots(
    {
      kind: 'recurring',
      weekdays: [2, 4],
      fromDate: from.toISODate() ?? '',
      untilDate: from.plus({ weeks: 3 }).toISODate() ?? '',
      dayStart: '09:00',
      dayEnd: '12:00',
      timeZone: 'Europe/Berlin',
    },
    60,
  ).slots;
  for (const slot of slots) await interviews.createSlot({ roundId, ...slot });
  await interviews.createInterview({
    interviewId: randomUUID(),
    roundId,
    state: 'invited',
    expert: {
      name: 'Demo-Expertin Dr. Aylin Demir',
      email: 'expertin@demo.wegweiser.local',
      institution: 'Demo-Einrichtung Volkshochschule',
      language: 'de',
    },
    topics: ['language_courses', 'counselling'],
    source: { kind: 'manual' },
    tokenHash: hashToken(demoInterviewToken),
    invitedAt: now.toISOString(),
    sequence: 0,
    version: 1,
    expiresAt: contactExpiry(now.toISOString()),
  });
}
