import { randomUUID } from 'node:crypto';
import type { DynamoDBRecord } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { readStream } from '../../../local/stream-poller';
import { useSignedInStack } from '../../../local/testing/local-stack';
import { freshStore } from '../../../local/testing/test-store';
import { OfferingStore } from '../../offerings/offering-store';
import { DomainError } from '../../shared/domain/errors';
import type { Language } from '../../shared/i18n/languages';
import type { Store } from '../../shared/store/store';
import { RecordingMailer } from '../../shared/testing/recording-mailer';
import {
  type ContactPerson,
  emptyAnswers,
  emptyOffering,
  type needCategories,
  openingStatuses,
  privacyNoticeVersion,
  type SurveyAnswers,
  sectors,
} from '../../survey/questionnaire';
import {
  eraseContact,
  loadResponse,
  type RespondingDeps,
  saveDraft,
  submitResponse,
} from '../../survey/responding';
import {
  createSurvey,
  inviteInstitution,
  revokeInvitation,
  type SurveyAdminDeps,
} from '../../survey/survey-admin';
import { SurveyStore } from '../../survey/survey-store';
import { completeAnswers } from '../../survey/testing/fixtures';
import { newInvitationToken } from '../../survey/tokens';
import { type EvaluationDeps, getEvaluation } from '../evaluation';
import { DynamoEvaluationSource } from '../evaluation-store';
import { Evaluation } from '../schemas';
import { DynamoAggregateStore } from './aggregate-store';
import { applyRecord } from './index';

/*
 * The aggregates on the real table: random sequences of saves, submits, corrections, revocations and
 * erasures through the survey's own use cases, the table's real stream read back, delivered to the
 * consumer duplicated, reordered and from two workers at once, end with the query path's dashboard and
 * with a recount written here from the sequence's own model.
 */

const places = ['ochsenfurt', 'aub', 'whole-county'] as const;
const contact: ContactPerson = { name: 'Erika Beispiel', role: '', email: 'erika@example.org', phone: '' };

interface Spec {
  sector: (typeof sectors)[number];
  places: (typeof places)[number][];
  offerings: { category: 'language_courses' | 'housing'; publish: boolean }[];
  status: (typeof openingStatuses)[number];
  needs: (typeof needCategories)[number][];
  text: string;
}

type Action =
  | { kind: 'open'; who: number }
  | { kind: 'answer'; who: number; spec: Spec; language: Language }
  | { kind: 'revoke'; who: number }
  | { kind: 'erase'; who: number }
  | { kind: 'wait'; hours: number };

const who = fc.integer({ min: 0, max: 2 });
const spec: fc.Arbitrary<Spec> = fc.record({
  sector: fc.constantFrom(...sectors.filter((sector) => sector !== 'other')),
  places: fc.uniqueArray(fc.constantFrom(...places), { minLength: 1, maxLength: 2 }),
  offerings: fc.array(
    fc.record({ category: fc.constantFrom('language_courses', 'housing'), publish: fc.boolean() }),
    { maxLength: 2 },
  ),
  status: fc.constantFrom(...openingStatuses),
  needs: fc.uniqueArray(
    fc.constantFrom('language', 'housing', 'funding') as fc.Arbitrary<Spec['needs'][number]>,
    {
      maxLength: 2,
    },
  ),
  text: fc.constantFrom('', 'Mehr Kurse am Abend', 'مزيد من الدورات'),
});
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('open' as const), who }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      who,
      spec,
      language: fc.constantFrom<Language>('de', 'ar'),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('revoke' as const), who }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('erase' as const), who }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 30 }) }),
    weight: 1,
  },
);

function answersOf(given: Spec, name: string): SurveyAnswers {
  const answers = emptyAnswers();
  answers.institution = {
    name,
    sector: given.sector,
    sectorOther: '',
    type: 'association',
    typeOther: '',
    places: [...given.places],
  };
  answers.offerings = given.offerings.map((offering) => ({
    ...emptyOffering(randomUUID(), 'de'),
    title: 'Angebot',
    description: 'Beschreibung',
    category: offering.category,
    targetGroups: ['adults'],
    languages: ['de'],
    places: [...given.places],
    cost: 'free',
    publish: offering.publish,
  }));
  answers.opening = {
    status: given.status,
    steps: given.status === 'not_considered' ? [] : ['staff_training'],
    stepsOther: '',
    obstacles: given.text,
  };
  answers.needs = { categories: [...given.needs], description: given.text, mostHelpful: '' };
  answers.interview = { willing: false, topics: [], topicsOther: '' };
  answers.privacy = { accepted: true, noticeVersion: privacyNoticeVersion };
  return answers;
}

/** What the sequence did to each institution, kept by this test alone. */
interface Modelled {
  invitationId: string;
  token: string;
  opened: boolean;
  revoked: boolean;
  draftVersion: number;
  submissions: { answers: SurveyAnswers; at: string }[];
}

/** The main figures recounted from the model, without any of the evaluation's code. */
function recount(model: Modelled[]) {
  const answered = model.filter((m) => !m.revoked && m.submissions.length > 0);
  const latest = answered.map((m) => m.submissions[m.submissions.length - 1]?.answers ?? emptyAnswers());
  const needs: Record<string, number> = {};
  for (const need of latest.flatMap((answers) => answers.needs.categories))
    needs[need] = (needs[need] ?? 0) + 1;
  return {
    invited: model.length,
    // A link opened, or a response standing as submitted (a revoked one counts only if its link was opened).
    opened: model.filter((m) => m.opened || (!m.revoked && m.submissions.length > 0)).length,
    inProgress: model.filter((m) => !m.revoked && m.opened && m.submissions.length === 0).length,
    submitted: answered.length,
    revoked: model.filter((m) => m.revoked).length,
    offerings: latest.reduce((sum, answers) => sum + answers.offerings.length, 0),
    consented: latest.reduce((sum, answers) => sum + answers.offerings.filter((o) => o.publish).length, 0),
    needs,
    texts: latest.filter((answers) => answers.needs.description !== '').length,
  };
}

describe('the aggregates from the real stream (property)', () => {
  it('equal the query path and a recount after duplicated, reordered and concurrent deliveries', async () => {
    const endpoint = inject('dynamoDbEndpoint');
    const seen = { submitted: 0, corrected: 0, revokedAfterSubmitting: 0, duplicates: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 3, maxLength: 10 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer(), { minLength: 1, maxLength: 60 }),
        async (actions, duplicates, order) => {
          let clock = new Date('2026-11-20T07:00:00Z');
          const store: Store = await freshStore(() => clock);
          const surveys = new SurveyStore(store);
          const mailer = new RecordingMailer();
          const admin: SurveyAdminDeps = {
            surveys,
            mailer,
            now: () => clock,
            newId: randomUUID,
            newToken: newInvitationToken,
            publicBaseUrl: 'https://wegweiser.example',
          };
          const responding: RespondingDeps = {
            surveys,
            offerings: new OfferingStore(store),
            mailer,
            now: () => clock,
          };
          const survey = await createSurvey(
            admin,
            {
              title: 'Strom',
              opensAt: '2026-11-01T00:00:00Z',
              closesAt: '2027-01-31T23:00:00Z',
              openParticipation: false,
            },
            'staff-1',
          );
          const model: Modelled[] = [];
          for (let index = 0; index < 3; index += 1) {
            const issued = await inviteInstitution(admin, survey.surveyId, {
              institutionName: `Einrichtung ${index + 1}`,
              email: `e${index}-${randomUUID()}@example.org`,
              language: 'de',
            });
            model.push({
              invitationId: issued.invitation.invitationId,
              token: new URL(issued.link).hash.slice(1),
              opened: false,
              revoked: false,
              draftVersion: 0,
              submissions: [],
            });
          }
          const tolerated = (act: Promise<unknown>) =>
            act.then(
              () => true,
              (error: unknown) => {
                if (error instanceof DomainError) return false;
                throw error;
              },
            );
          for (const step of actions) {
            if (step.kind === 'wait') {
              clock = new Date(clock.getTime() + step.hours * 3_600_000);
              continue;
            }
            const m = model[step.who];
            if (!m) throw new Error('no such institution');
            if (step.kind === 'open' && (await tolerated(loadResponse(responding, m.token)))) m.opened = true;
            if (step.kind === 'revoke') {
              await revokeInvitation(admin, survey.surveyId, m.invitationId);
              m.revoked = true;
            }
            if (step.kind === 'erase') await tolerated(eraseContact(responding, m.token));
            if (step.kind === 'answer') {
              const answers = answersOf(step.spec, `Einrichtung ${step.who + 1}`);
              const saved = await tolerated(
                saveDraft(responding, m.token, {
                  answers,
                  contact,
                  version: m.draftVersion,
                  language: step.language,
                }),
              );
              if (!saved) continue;
              m.draftVersion += 1;
              if (await tolerated(submitResponse(responding, m.token, { version: m.draftVersion }))) {
                m.draftVersion += 1;
                m.submissions.push({ answers, at: clock.toISOString() });
              }
            }
          }
          seen.submitted += model.filter((m) => m.submissions.length > 0).length;
          seen.corrected += model.filter((m) => m.submissions.length > 1).length;
          seen.revokedAfterSubmitting += model.filter((m) => m.revoked && m.submissions.length > 0).length;

          // The table's own stream, duplicated and reordered, delivered by two workers at once.
          const records = (await readStream(endpoint, store.tableName)) as unknown as DynamoDBRecord[];
          const delivered = [
            ...records,
            ...duplicates.flatMap((index) =>
              records.slice(index % records.length, (index % records.length) + 1),
            ),
          ]
            .map((record, index) => ({ record, rank: order[index % order.length] ?? 0, index }))
            .sort((a, b) => a.rank - b.rank || a.index - b.index)
            .map(({ record }) => record);
          seen.duplicates += delivered.length - records.length;
          const aggregates = new DynamoAggregateStore(store);
          const lanes = [
            delivered.filter((_, index) => index % 2 === 0),
            delivered.filter((_, index) => index % 2 === 1),
          ];
          await Promise.all(
            lanes.map(async (lane) => {
              for (const record of lane) await applyRecord(aggregates, record);
            }),
          );

          // The dashboard from the aggregate (no row is read) against the query path and the recount.
          const source = new DynamoEvaluationSource(store);
          let rowsRead = 0;
          const counting: EvaluationDeps['source'] = {
            survey: (id) => source.survey(id),
            rows: (id) => {
              rowsRead += 1;
              return source.rows(id);
            },
            process: (id) => source.process(id),
            response: (id, invitationId) => source.response(id, invitationId),
            contacts: (ids) => source.contacts(ids),
          };
          const fromAggregate = await getEvaluation(
            { source: counting, now: () => clock, aggregates },
            survey.surveyId,
            {},
          );
          expect(rowsRead).toBe(0);
          const fromRows = await getEvaluation({ source, now: () => clock }, survey.surveyId, {});
          expect(fromAggregate).toEqual(fromRows);
          const expected = recount(model);
          expect({
            invited: fromAggregate.progress.invited,
            opened: fromAggregate.progress.opened,
            inProgress: fromAggregate.progress.inProgress,
            submitted: fromAggregate.progress.submitted,
            revoked: fromAggregate.progress.revoked,
            offerings: fromAggregate.offerings.total,
            consented: fromAggregate.offerings.consented,
            needs: Object.fromEntries(fromAggregate.needs.byCategory.map((need) => [need.key, need.count])),
            texts: new Set(
              fromAggregate.needs.byCategory.flatMap((need) => need.texts.map((t) => t.invitationId)),
            ).size,
          }).toEqual({ ...expected, texts: recountTexts(model) });
        },
      ),
      { numRuns: 12 },
    );
    expect(seen.submitted).toBeGreaterThan(5);
    expect(seen.corrected).toBeGreaterThan(0);
    expect(seen.revokedAfterSubmitting).toBeGreaterThan(0);
    expect(seen.duplicates).toBeGreaterThan(0);
  }, 240_000);
});

/** Responses whose needs text stands under at least one need (a text without a need is quoted nowhere). */
function recountTexts(model: Modelled[]): number {
  return model.filter((m) => {
    const last = m.submissions[m.submissions.length - 1]?.answers;
    return (
      !m.revoked && last !== undefined && last.needs.description !== '' && last.needs.categories.length > 0
    );
  }).length;
}

describe('the dashboard through the local server and its stream poller', () => {
  const stack = useSignedInStack();
  const post = (path: string, body: unknown, headers: Record<string, string> = stack.staff) =>
    fetch(`${stack.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

  it('answers from the aggregate the poller keeps, with the query path’s figures', async () => {
    const created = await post('/api/staff/surveys', {
      title: 'Strom über HTTP',
      opensAt: '2026-01-01T00:00:00+01:00',
      closesAt: '2099-01-01T00:00:00+01:00',
      openParticipation: false,
    });
    const { surveyId } = (await created.json()) as { surveyId: string };
    const tokens: string[] = [];
    for (const name of ['VHS Ochsenfurt', 'Caritas Aub', 'Verein ohne Antwort']) {
      const invited = await post(`/api/staff/surveys/${surveyId}/invitations`, {
        institutionName: name,
        email: `${randomUUID()}@example.org`,
        language: 'de',
      });
      tokens.push(new URL(((await invited.json()) as { link: string }).link).hash.slice(1));
    }
    const json = { 'content-type': 'application/json' };
    const respond = async (token: string, answers: SurveyAnswers, version: number) => {
      const saved = await fetch(`${stack.url}/api/survey/draft`, {
        method: 'PUT',
        headers: { ...json, 'wegweiser-access-token': token },
        body: JSON.stringify({ answers, contact, version, language: 'de' }),
      });
      expect(saved.status).toBe(200);
      const next = ((await saved.json()) as { version: number }).version;
      const submitted = await post(
        `/api/survey/submit`,
        { version: next },
        {
          ...json,
          'wegweiser-access-token': token,
        },
      );
      expect(submitted.status).toBeLessThan(300);
      return next + 1;
    };
    const [first = '', second = ''] = tokens;
    const version = await respond(first, completeAnswers(), 0);
    await respond(
      second,
      { ...completeAnswers(), needs: { categories: ['housing'], description: 'Wohnraum', mostHelpful: '' } },
      0,
    );
    // A correction: the first response now has no offerings.
    await respond(first, { ...completeAnswers(), offerings: [] }, version);

    const answer = async () => {
      const response = await fetch(`${stack.url}/api/staff/surveys/${surveyId}/evaluation`, {
        headers: stack.staff,
      });
      expect(response.status).toBe(200);
      return Evaluation.parse(await response.json());
    };
    const dashboard = await answer();
    const aggregate = await new DynamoAggregateStore(stack.store).aggregate(surveyId);
    expect(aggregate?.completeSince).toBeDefined();
    const fromRows = await getEvaluation(
      { source: new DynamoEvaluationSource(stack.store), now: () => new Date(dashboard.generatedAt) },
      surveyId,
      {},
    );
    expect(dashboard).toEqual(fromRows);
    expect(dashboard.progress).toMatchObject({ invited: 3, submitted: 2 });
    expect(dashboard.offerings.total).toBe(2);
  });
});
