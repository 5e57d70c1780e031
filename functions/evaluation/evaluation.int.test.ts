import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from '../../local/testing/test-store';
import { OfferingStore } from '../offerings/offering-store';
import { DomainError } from '../shared/domain/errors';
import type { Language } from '../shared/i18n/languages';
import type { Store } from '../shared/store/store';
import { RecordingMailer } from '../shared/testing/recording-mailer';
import {
  type ContactPerson,
  emptyAnswers,
  emptyOffering,
  needCategories,
  type offeringCategories,
  openingStatuses,
  privacyNoticeVersion,
  type SurveyAnswers,
  sectors,
  type targetGroups,
} from '../survey/questionnaire';
import {
  eraseContact,
  loadResponse,
  type RespondingDeps,
  saveDraft,
  submitResponse,
} from '../survey/responding';
import {
  createSurvey,
  inviteInstitution,
  revokeInvitation,
  type SurveyAdminDeps,
} from '../survey/survey-admin';
import { SurveyStore } from '../survey/survey-store';
import { newInvitationToken } from '../survey/tokens';
import { type EvaluationDeps, getEvaluation, getGaps, getResponse, listResponses } from './evaluation';
import { DynamoEvaluationSource } from './evaluation-store';
import type { EvaluationFilter } from './schemas';

/*
 * The property of issue 9, "How it is computed": after any sequence of saves, submits, corrections,
 * revocations and erasures through the real use cases on a real table, the evaluation's figures equal
 * a recount written here, from the sequence's own model, without any of the evaluation's code.
 */

const places = ['ochsenfurt', 'aub', 'giebelstadt', 'whole-county', 'wuerzburg-city'] as const;
const days = ['2026-11-20', '2026-11-21', '2026-11-23', '2026-11-26'] as const;
const institutionCount = 3;
const fullContact: ContactPerson = {
  name: 'Erika Beispiel',
  role: '',
  email: 'erika@example.org',
  phone: '',
};
const noContact: ContactPerson = { name: '', role: '', email: '', phone: '' };

// ---- what the random sequences are made of ----

interface OfferingSpec {
  category: (typeof offeringCategories)[number];
  publish: boolean;
  groups: (typeof targetGroups)[number][];
  places: (typeof places)[number][];
}

interface AnswerSpec {
  sector: (typeof sectors)[number];
  places: (typeof places)[number][];
  offerings: OfferingSpec[];
  status: (typeof openingStatuses)[number];
  needs: (typeof needCategories)[number][];
  needText: string;
  mostHelpful: string;
}

type Action =
  | { kind: 'open'; who: number }
  | { kind: 'save'; who: number; spec: AnswerSpec; contact: boolean; language: Language }
  | { kind: 'submit'; who: number }
  /** Save and submit at once: a first submission, or a correction of an earlier one. */
  | { kind: 'answer'; who: number; spec: AnswerSpec; language: Language }
  | { kind: 'revoke'; who: number }
  | { kind: 'erase'; who: number }
  | { kind: 'wait'; hours: number };

const who = fc.integer({ min: 0, max: institutionCount - 1 });
const someOf = <T>(values: readonly T[], min = 0, max = 2) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: min, maxLength: max });

const answerSpec: fc.Arbitrary<AnswerSpec> = fc.record({
  sector: fc.constantFrom(...sectors.filter((sector) => sector !== 'other')),
  places: someOf(places, 1, 2),
  offerings: fc.array(
    fc.record({
      category: fc.constantFrom('language_courses', 'counselling', 'housing'),
      publish: fc.boolean(),
      groups: someOf(['adults', 'women', 'everyone'] as const, 1, 2),
      places: someOf([...places, 'online'] as const, 1, 2) as fc.Arbitrary<(typeof places)[number][]>,
    }),
    { maxLength: 2 },
  ),
  status: fc.constantFrom(...openingStatuses),
  needs: someOf(['language', 'counselling', 'funding', 'housing'] as const, 0, 3),
  needText: fc.constantFrom('', 'Mehr Kurse am Abend', 'مزيد من الدورات'),
  mostHelpful: fc.constantFrom('', 'Dolmetscher'),
});

const language = fc.constantFrom<Language>('de', 'ar', 'tr');

// Weighted so that most runs hold submissions and corrections, and some revocations and erasures.
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('open' as const), who }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('save' as const),
      who,
      spec: answerSpec,
      contact: fc.boolean(),
      language,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('submit' as const), who }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant('answer' as const), who, spec: answerSpec, language }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('revoke' as const), who }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('erase' as const), who }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 40 }) }),
    weight: 2,
  },
);

const filter: fc.Arbitrary<EvaluationFilter> = fc.oneof(
  fc.constant({}),
  fc.record({ sector: fc.constantFrom(...sectors.filter((sector) => sector !== 'other')) }),
  fc.record({ place: fc.constantFrom(...places) }),
  fc.record({ from: fc.constantFrom(...days) }),
  fc.record({ to: fc.constantFrom(...days) }),
);

function answersOf(spec: AnswerSpec, name: string): SurveyAnswers {
  const answers = emptyAnswers();
  answers.institution = {
    name,
    sector: spec.sector,
    sectorOther: '',
    type: 'association',
    typeOther: '',
    places: [...spec.places],
  };
  answers.offerings = spec.offerings.map((offering) => ({
    ...emptyOffering(randomUUID(), 'de'),
    title: 'Angebot',
    description: 'Beschreibung',
    category: offering.category,
    targetGroups: [...offering.groups],
    languages: ['de'],
    places: [...offering.places],
    cost: 'free',
    publish: offering.publish,
  }));
  answers.opening = {
    status: spec.status,
    steps: spec.status === 'not_considered' ? [] : ['staff_training'],
    stepsOther: '',
    obstacles: '',
  };
  answers.needs = { categories: [...spec.needs], description: spec.needText, mostHelpful: spec.mostHelpful };
  answers.interview = { willing: false, topics: [], topicsOther: '' };
  answers.privacy = { accepted: true, noticeVersion: privacyNoticeVersion };
  return answers;
}

// ---- the model: what each institution did, as the sequence says ----

interface Institution {
  invitationId: string;
  token: string;
  name: string;
  opened: boolean;
  revoked: boolean;
  draftVersion: number;
  draft?: { answers: SurveyAnswers; language: Language };
  hasContact: boolean;
  submissions: { answers: SurveyAnswers; language: Language; at: string }[];
}

/** The Berlin calendar day of an instant, computed here on its own. */
const berlinDay = (instant: string) =>
  new Date(instant).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

const latest = (institution: Institution) => institution.submissions.at(-1);
const isIn = (institution: Institution) => !institution.revoked && institution.submissions.length > 0;

/** Whether an institution passes the filter, restated from the README's rules. */
function passes(institution: Institution, given: EvaluationFilter): boolean {
  const answers = isIn(institution) ? latest(institution)?.answers : undefined;
  if (given.sector && answers?.institution.sector !== given.sector) return false;
  if (given.place && !answers?.institution.places.includes(given.place)) return false;
  const first = institution.submissions[0];
  if (given.from && (!isIn(institution) || !first || berlinDay(first.at) < given.from)) return false;
  if (given.to && (!isIn(institution) || !first || berlinDay(first.at) > given.to)) return false;
  return true;
}

function countBy(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

const asRecord = (counts: { key: string; count: number }[]) =>
  Object.fromEntries(counts.map(({ key, count }) => [key, count]));

function recount(model: Institution[], given: EvaluationFilter) {
  const kept = model.filter((institution) => passes(institution, given));
  const answered = kept.filter(isIn);
  const answers = answered.map((institution) => latest(institution)?.answers ?? emptyAnswers());
  const offerings = answers.flatMap((a) => a.offerings);
  const revoked = kept.filter((institution) => institution.revoked).length;
  const perDay = countBy(answered.map((institution) => berlinDay(institution.submissions[0]?.at ?? '')));
  let running = 0;
  return {
    progress: {
      invited: kept.length,
      opened: kept.filter((i) => i.opened || isIn(i)).length,
      inProgress: kept.filter((i) => !i.revoked && i.submissions.length === 0 && i.opened).length,
      submitted: answered.length,
      revoked,
      responseRate: kept.length - revoked > 0 ? answered.length / (kept.length - revoked) : null,
      bySector: countBy(
        kept.map((i) => (isIn(i) ? (latest(i)?.answers.institution.sector ?? '?') : 'unknown')),
      ),
      submissionsOverTime: Object.keys(perDay)
        .sort()
        .map((date) => {
          running += perDay[date] ?? 0;
          return { date, count: perDay[date] ?? 0, cumulative: running };
        }),
    },
    offerings: {
      total: offerings.length,
      consented: offerings.filter((o) => o.publish).length,
      byCategory: countBy(offerings.map((o) => o.category ?? '?')),
      byPlace: countBy(offerings.flatMap((o) => o.places)),
    },
    needs: countBy(answers.flatMap((a) => a.needs.categories)),
    needTexts: Object.fromEntries(
      needCategories.map((need) => [
        need,
        answers.filter((a) => a.needs.categories.includes(need) && a.needs.description.trim() !== '').length,
      ]),
    ),
    mostHelpful: answers.filter((a) => a.needs.mostHelpful.trim() !== '').length,
    /** The gap view's language row at the test's places: institutions there against courses reaching there. */
    languageGaps: Object.fromEntries(
      places.map((place) => {
        const needs = answers.filter(
          (a) => a.needs.categories.includes('language') && a.institution.places.includes(place),
        ).length;
        const reach = offerings.filter(
          (o) =>
            o.category === 'language_courses' &&
            (o.places.includes(place) ||
              o.places.includes('online') ||
              (place !== 'wuerzburg-city' && place !== 'whole-county' && o.places.includes('whole-county'))),
        ).length;
        return [place, { needs, offerings: reach }];
      }),
    ),
    ids: {
      submitted: answered.map((i) => i.invitationId).sort(),
      revoked: kept
        .filter((i) => i.revoked)
        .map((i) => i.invitationId)
        .sort(),
      language: answered
        .filter((i) => latest(i)?.answers.needs.categories.includes('language'))
        .map((i) => i.invitationId)
        .sort(),
    },
  };
}

describe('the evaluation against an independent recount (property)', () => {
  let store: Store;
  let clock: Date;
  let admin: SurveyAdminDeps;
  let responding: RespondingDeps;
  let evaluation: EvaluationDeps;

  beforeAll(async () => {
    clock = new Date('2026-11-20T07:00:00Z');
    store = await freshStore(() => clock);
    const surveys = new SurveyStore(store);
    const mailer = new RecordingMailer();
    admin = {
      surveys,
      mailer,
      now: () => clock,
      newId: randomUUID,
      newToken: newInvitationToken,
      publicBaseUrl: 'https://wegweiser.example',
    };
    responding = { surveys, offerings: new OfferingStore(store), mailer, now: () => clock };
    evaluation = { source: new DynamoEvaluationSource(store), now: () => clock };
  });

  /** Runs one action through the real use case, says whether the model expected it to succeed. */
  async function run(model: Institution[], surveyId: string, step: Action): Promise<void> {
    if (step.kind === 'wait') {
      clock = new Date(clock.getTime() + step.hours * 3_600_000);
      return;
    }
    const institution = model[step.who];
    if (!institution) throw new Error('no such institution');
    const attempt = async (expected: boolean, act: () => Promise<unknown>) => {
      const outcome = await act().then(
        () => true,
        (error: unknown) => {
          if (!(error instanceof DomainError)) throw error;
          return false;
        },
      );
      expect({ step: step.kind, succeeded: outcome }).toEqual({ step: step.kind, succeeded: expected });
      return outcome;
    };
    switch (step.kind) {
      case 'open':
        if (await attempt(!institution.revoked, () => loadResponse(responding, institution.token)))
          institution.opened = true;
        return;
      case 'save': {
        const answers = answersOf(step.spec, institution.name);
        const saved = await attempt(!institution.revoked, () =>
          saveDraft(responding, institution.token, {
            answers,
            contact: step.contact ? fullContact : noContact,
            version: institution.draftVersion,
            language: step.language,
          }),
        );
        if (saved) {
          institution.draftVersion += 1;
          institution.draft = { answers, language: step.language };
          institution.hasContact = step.contact;
        }
        return;
      }
      case 'submit': {
        const draft = institution.draft;
        const expected = !institution.revoked && draft !== undefined && institution.hasContact;
        const at = clock.toISOString();
        if (
          await attempt(expected, () =>
            submitResponse(responding, institution.token, { version: institution.draftVersion }),
          )
        )
          if (draft) {
            institution.submissions.push({ ...draft, at });
            institution.draftVersion += 1;
          }
        return;
      }
      case 'answer':
        await run(model, surveyId, {
          kind: 'save',
          who: step.who,
          spec: step.spec,
          contact: true,
          language: step.language,
        });
        await run(model, surveyId, { kind: 'submit', who: step.who });
        return;
      case 'revoke':
        await attempt(true, () => revokeInvitation(admin, surveyId, institution.invitationId));
        institution.revoked = true;
        return;
      case 'erase':
        if (await attempt(!institution.revoked, () => eraseContact(responding, institution.token)))
          institution.hasContact = false;
        return;
    }
  }

  it('equals the recount after random saves, submits, corrections, revocations and erasures', async () => {
    // What the runs went through, so the test fails if generation stops reaching the interesting cases.
    const seen = { submitted: 0, corrected: 0, revokedAfterSubmitting: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 4, maxLength: 12 }), filter, async (actions, given) => {
        // Arrange: a survey of its own per run, and three invited institutions.
        clock = new Date('2026-11-20T07:00:00Z');
        const survey = await createSurvey(
          admin,
          {
            title: 'Eigenschaft',
            opensAt: '2026-11-01T00:00:00Z',
            closesAt: '2027-01-31T23:00:00Z',
            openParticipation: false,
          },
          'staff-1',
        );
        const model: Institution[] = [];
        for (let index = 0; index < institutionCount; index += 1) {
          const name = `Einrichtung ${index + 1}`;
          const issued = await inviteInstitution(admin, survey.surveyId, {
            institutionName: name,
            email: `e${index}-${randomUUID()}@example.org`,
            language: 'de',
          });
          model.push({
            invitationId: issued.invitation.invitationId,
            token: issued.link.split('#')[1] ?? '',
            name,
            opened: false,
            revoked: false,
            draftVersion: 0,
            hasContact: false,
            submissions: [],
          });
        }

        // Act: the sequence through the real use cases, then the evaluation as the API computes it.
        for (const step of actions) await run(model, survey.surveyId, step);
        seen.submitted += model.filter((i) => i.submissions.length > 0).length;
        seen.corrected += model.filter((i) => i.submissions.length > 1).length;
        seen.revokedAfterSubmitting += model.filter((i) => i.revoked && i.submissions.length > 0).length;
        const result = await getEvaluation(evaluation, survey.surveyId, given);
        const gaps = await getGaps(evaluation, survey.surveyId, given);
        const expected = recount(model, given);

        // Assert: every figure equals the recount.
        const { bySector, ...progress } = result.progress;
        expect({
          ...progress,
          bySector: Object.fromEntries(bySector.map((b) => [b.key, b.invited])),
        }).toEqual({
          ...expected.progress,
          byType: progress.byType,
          byPlace: progress.byPlace,
        });
        expect(result.offerings.total).toBe(expected.offerings.total);
        expect(result.offerings.consented).toBe(expected.offerings.consented);
        expect(result.offerings.notConsented).toBe(expected.offerings.total - expected.offerings.consented);
        expect(asRecord(result.offerings.byCategory)).toEqual(expected.offerings.byCategory);
        expect(asRecord(result.offerings.byPlace)).toEqual(expected.offerings.byPlace);
        expect(asRecord(result.needs.byCategory)).toEqual(expected.needs);
        for (const need of result.needs.byCategory) {
          expect({ need: need.key, texts: need.texts.length }).toEqual({
            need: need.key,
            texts: expected.needTexts[need.key],
          });
        }
        expect(result.needs.mostHelpful).toHaveLength(expected.mostHelpful);
        const language = gaps.rows.find((row) => row.need === 'language');
        for (const place of places) {
          const cell = language?.byPlace.find((candidate) => candidate.column === place);
          expect({ place, needs: cell?.needs, offerings: cell?.offerings }).toEqual({
            place,
            ...expected.languageGaps[place],
          });
        }

        // The drill-downs give the same responses, and each response its latest submitted version.
        const listed = async (figure: 'progress' | 'needCategory', value: string) =>
          (await listResponses(evaluation, survey.surveyId, { ...given, figure, value })).responses
            .map((response) => response.invitationId)
            .sort();
        expect(await listed('progress', 'submitted')).toEqual(expected.ids.submitted);
        expect(await listed('progress', 'revoked')).toEqual(expected.ids.revoked);
        expect(await listed('needCategory', 'language')).toEqual(expected.ids.language);
        for (const institution of model) {
          const last = latest(institution);
          const detail = await getResponse(evaluation, survey.surveyId, institution.invitationId).catch(
            (error: unknown) => error,
          );
          if (last) {
            expect(detail).toMatchObject({
              submissionNumber: institution.submissions.length,
              answers: last.answers,
              language: last.language,
            });
          } else {
            expect(detail).toBeInstanceOf(DomainError);
          }
        }
      }),
      { numRuns: 20 },
    );
    expect(seen.submitted).toBeGreaterThan(10);
    expect(seen.corrected).toBeGreaterThan(3);
    expect(seen.revokedAfterSubmitting).toBeGreaterThan(0);
  }, 120_000);
});
