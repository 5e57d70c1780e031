import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freshStore } from '../../../local/testing/test-store';
import { keepUnanswered } from '../../chatbot/learning/learning';
import { book, expertView } from '../../interviews/booking';
import { inviteExpert } from '../../interviews/rounds';
import { everyItem, sampleRound, tokenIn, worldOn } from '../../people/testing/world';
import { saveDraft, submitResponse } from '../../survey/responding';
import { createSurvey, inviteInstitution } from '../../survey/survey-admin';
import { completeAnswers } from '../../survey/testing/fixtures';
import { createWorkshop, register } from '../../workshops/workshops';
import { OutboxMessage } from '../mail/outbox-mailer';
import { idempotent } from '../store/idempotency';
import { keys } from '../store/keys';
import { epochSeconds } from '../store/store';
import {
  defaultRetention,
  impersonalEntities,
  personalDataEntities,
  type RetentionCategory,
} from './retention';

const survey = { opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-06-30T22:00:00Z' };
const workshop = {
  startsAt: '2027-03-10T14:00:00+01:00',
  endsAt: '2027-03-10T18:00:00+01:00',
  registrationClosesAt: '2027-03-01T23:59:00+01:00',
};
/** Tuesday 9 March 2027, 09:00 to 12:00 in Berlin (UTC+1): three one-hour slots. */
const lastSlotEnd = '2027-03-09T11:00:00Z';

/** The use cases' writes a sequence is made of; `wait` moves the clock on by days. */
const Step = fc.oneof(
  fc.constant({ kind: 'invite' as const }),
  fc.constant({ kind: 'saveDraft' as const }),
  fc.constant({ kind: 'submit' as const }),
  fc.constant({ kind: 'inviteExpert' as const }),
  fc.constant({ kind: 'book' as const }),
  fc.constant({ kind: 'register' as const }),
  fc.constant({ kind: 'chat' as const }),
  fc.constant({ kind: 'unanswered' as const }),
  fc.constant({ kind: 'idempotent' as const }),
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 3 }) }),
);

const personal = personalDataEntities as Record<string, RetentionCategory>;
const impersonal = impersonalEntities as Record<string, string>;

describe('retention: every item holding personal data ends, and reads ignore it once it has', () => {
  it('holds for random sequences of the use cases’ writes', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Step, { minLength: 1, maxLength: 10 }), async (steps) => {
        // Arrange: a survey, an interview round with slots and a workshop, all on a fresh table.
        const clock = { now: new Date('2027-01-10T09:00:00Z') };
        const start = clock.now;
        const store = await freshStore(() => clock.now);
        const world = worldOn(store, clock);
        const { surveyId } = await createSurvey(
          world.admin,
          { title: 'Bestandsaufnahme', ...survey, openParticipation: false },
          'staff-1',
        );
        const round = await sampleRound(world.interviews, '12:00');
        const { workshopId } = await createWorkshop(
          world.workshops,
          { title: 'Workshop', ...workshop, place: 'Landratsamt', programme: 'Ergebnisse', capacity: 2 },
          'staff-1',
        );
        const made = {
          invitations: [] as { invitationId: string; token: string; version: number; submitted: boolean }[],
          interviews: [] as { interviewId: string; token: string }[],
          registrations: [] as string[],
          conversations: [] as string[],
          questions: [] as string[],
          idempotencyKeys: [] as string[],
        };

        // Act: the sequence.
        for (const step of steps) {
          const n = made.invitations.length + made.interviews.length + made.registrations.length;
          switch (step.kind) {
            case 'invite': {
              const { invitation, link } = await inviteInstitution(world.admin, surveyId, {
                institutionName: `Einrichtung ${n}`,
                email: `einrichtung${n}@example.org`,
                language: 'de',
              });
              made.invitations.push({
                invitationId: invitation.invitationId,
                token: tokenIn(link, 'survey'),
                version: 0,
                submitted: false,
              });
              break;
            }
            case 'saveDraft': {
              const open = made.invitations.find((invitation) => !invitation.submitted);
              if (!open) break;
              const saved = await saveDraft(world.responding, open.token, {
                answers: completeAnswers(),
                contact: {
                  name: `Kim Muster ${n}`,
                  role: 'Leitung',
                  email: `kim${n}@example.org`,
                  phone: '',
                },
                version: open.version,
                language: 'de',
              });
              open.version = saved.version;
              break;
            }
            case 'submit': {
              const saved = made.invitations.find(
                (invitation) => invitation.version > 0 && !invitation.submitted,
              );
              if (!saved) break;
              const submitted = await submitResponse(world.responding, saved.token, {
                version: saved.version,
              });
              saved.version = submitted.version;
              saved.submitted = true;
              break;
            }
            case 'inviteExpert': {
              const issued = await inviteExpert(world.interviews, round.roundId, {
                name: `Expertin ${n}`,
                email: `expertin${n}@example.org`,
                institution: `Institution ${n}`,
                topics: ['language_courses'],
                language: 'de',
              });
              made.interviews.push({
                interviewId: issued.interview.interviewId,
                token: tokenIn(issued.link, 'interview'),
              });
              break;
            }
            case 'book': {
              for (const interview of made.interviews) {
                const view = await expertView(world.interviews, interview.token);
                const free = view.freeSlots[0];
                if (view.interview.slot || !free) continue;
                await book(world.interviews, interview.token, { slotId: free.slotId });
                break;
              }
              break;
            }
            case 'register': {
              await register(world.workshops, workshopId, {
                name: `Teilnehmer ${n}`,
                email: `teilnehmer${n}@example.org`,
                institution: `Verein ${n}`,
                note: '',
                language: 'de',
              });
              made.registrations.push(`teilnehmer${n}@example.org`);
              break;
            }
            case 'chat': {
              const key = `webchat/conversations/${randomUUID()}`;
              await world.botStorage.write({ [key]: { wegweiser: { language: 'de' } } });
              made.conversations.push(key);
              break;
            }
            case 'unanswered': {
              const kept = await keepUnanswered(world.learning, {
                text: 'Wo gibt es einen Sprachkurs am Abend?',
                language: 'de',
                closest: [],
              });
              if (kept) made.questions.push(kept.questionId);
              break;
            }
            case 'idempotent': {
              const key = randomUUID();
              await idempotent(
                store,
                'retention-test',
                key,
                async () => ({ ok: true }),
                {},
                () => clock.now,
              );
              made.idempotencyKeys.push(key);
              break;
            }
            case 'wait':
              clock.now = new Date(clock.now.getTime() + step.days * 86_400_000);
              break;
          }
        }

        // Assert 1: every item is classified, and every personal one ends within its category's period.
        const latestAnchor: Record<RetentionCategory, number> = {
          chatState: epochSeconds(clock.now),
          chatActivityClaim: epochSeconds(clock.now),
          unansweredQuestion: epochSeconds(clock.now),
          surveyDraft: epochSeconds(new Date(survey.closesAt)),
          contactPerson: epochSeconds(new Date(survey.closesAt)),
          surveyInvitation: epochSeconds(new Date(survey.closesAt)),
          expert: Math.max(epochSeconds(clock.now), epochSeconds(new Date(lastSlotEnd))),
          interviewerLock: epochSeconds(new Date(lastSlotEnd)),
          workshopParticipant: epochSeconds(new Date(workshop.endsAt)),
          idempotencyRecord: epochSeconds(clock.now),
          outboxMail: epochSeconds(clock.now),
          auditRecord: epochSeconds(clock.now),
        };
        const items = await everyItem(store);
        let latestEnd = 0;
        for (const item of items) {
          const entity = String(item.entity);
          const category = personal[entity];
          const what = `${entity} ${String(item.pk)} / ${String(item.sk)}`;
          if (!category) {
            expect(impersonal[entity], `${what} is classified as personal or not`).toBeDefined();
            continue;
          }
          expect(typeof item.expiresAt, `${what} has an expiry (${category})`).toBe('number');
          const end = Number(item.expiresAt);
          expect(end, `${what} ends after it was written`).toBeGreaterThan(epochSeconds(start));
          expect(end, `${what} ends within ${category}'s period`).toBeLessThanOrEqual(
            latestAnchor[category] + defaultRetention[category] * 86_400,
          );
          latestEnd = Math.max(latestEnd, end);
        }

        // Assert 2: once everything has ended, no read returns it (DynamoDB deletes it only later).
        clock.now = new Date((latestEnd + 1) * 1000);
        for (const invitation of made.invitations) {
          expect(await world.admin.surveys.getInvitation(surveyId, invitation.invitationId)).toBeUndefined();
          expect(await world.admin.surveys.getDraft(invitation.invitationId)).toBeUndefined();
          expect(await world.admin.surveys.getContact(invitation.invitationId)).toBeUndefined();
        }
        for (const interview of made.interviews) {
          expect(
            await world.interviews.interviews.getInterview(round.roundId, interview.interviewId),
          ).toBeUndefined();
        }
        expect(await world.workshops.workshops.listRegistrations(workshopId)).toEqual([]);
        expect(await world.botStorage.read(made.conversations)).toEqual({});
        for (const questionId of made.questions) {
          expect(await world.learning.store.question(questionId)).toBeUndefined();
        }
        for (const key of made.idempotencyKeys) {
          expect(
            await store.get(keys.idempotencyRecord('retention-test', key), z.object({})),
          ).toBeUndefined();
        }
        const outbox = await store.queryAll(OutboxMessage, {
          index: 'gsi1',
          partition: keys.outboxPartition(),
        });
        expect(outbox).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});
