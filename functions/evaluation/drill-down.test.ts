import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain/errors';
import { drillDown } from './drill-down';
import { evaluate } from './evaluate';
import type { EvaluationRow } from './rows';
import { type DrillDownQuery, type Evaluation, type EvaluationFilter, ResponseList } from './schemas';
import { idOf, offering, submitted, unanswered } from './testing/rows';

const survey = {
  surveyId: '20000000-0000-4000-8000-000000000001',
  title: 'Bestandsaufnahme',
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2027-01-31T23:00:00.000Z',
};

/** A with two language courses in Ochsenfurt, B with one online counselling offering, C to E unanswered. */
function wave(): EvaluationRow[] {
  return [
    submitted(
      'a',
      {
        name: 'Anker e. V.',
        sector: 'social',
        places: ['ochsenfurt'],
        offerings: [
          offering({ category: 'language_courses', places: ['ochsenfurt'], publish: true }),
          offering({ category: 'language_courses', places: ['ochsenfurt', 'online'], publish: false }),
        ],
        status: 'started',
        steps: ['staff_training'],
        needs: ['language'],
      },
      { first: '2026-11-20T10:00:00Z' },
    ),
    submitted(
      'b',
      {
        name: 'Beratung Nord',
        sector: 'education',
        places: ['aub'],
        offerings: [
          offering({ category: 'counselling', places: ['online'], targetGroups: ['women'], publish: true }),
        ],
        status: 'planned',
        steps: ['staff_training', 'interpreters'],
        needs: ['language', 'housing'],
      },
      { first: '2026-11-21T10:00:00Z' },
    ),
    unanswered('c', 'in_progress', '2026-11-19T09:00:00Z'),
    unanswered('d', 'not_opened'),
    unanswered('e', 'revoked', '2026-11-18T09:00:00Z'),
  ];
}

const ids = (list: ResponseList) => list.responses.map((response) => response.invitationId);

/** Every count of the evaluation with the drill-down that must reproduce it. */
function countsOf(result: Evaluation): { query: Pick<DrillDownQuery, 'figure' | 'value'>; count: number }[] {
  const progress = result.progress;
  return [
    { query: { figure: 'progress', value: 'invited' }, count: progress.invited },
    { query: { figure: 'progress', value: 'opened' }, count: progress.opened },
    { query: { figure: 'progress', value: 'in_progress' }, count: progress.inProgress },
    { query: { figure: 'progress', value: 'submitted' }, count: progress.submitted },
    { query: { figure: 'progress', value: 'revoked' }, count: progress.revoked },
    ...progress.bySector.map((entry) => ({
      query: { figure: 'sector' as const, value: entry.key },
      count: entry.invited,
    })),
    ...progress.byType.map((entry) => ({
      query: { figure: 'type' as const, value: entry.key },
      count: entry.invited,
    })),
    ...progress.byPlace.map((entry) => ({
      query: { figure: 'place' as const, value: entry.key },
      count: entry.invited,
    })),
    ...progress.submissionsOverTime.map((entry) => ({
      query: { figure: 'submittedOn' as const, value: entry.date },
      count: entry.count,
    })),
    ...result.offerings.byCategory.map((c) => ({
      query: { figure: 'offeringCategory' as const, value: c.key },
      count: c.count,
    })),
    ...result.offerings.byPlace.map((c) => ({
      query: { figure: 'offeringPlace' as const, value: c.key },
      count: c.count,
    })),
    ...result.offerings.byTargetGroup.map((c) => ({
      query: { figure: 'targetGroup' as const, value: c.key },
      count: c.count,
    })),
    ...result.offerings.byLanguage.map((c) => ({
      query: { figure: 'offeredLanguage' as const, value: c.key },
      count: c.count,
    })),
    { query: { figure: 'consent', value: 'consented' }, count: result.offerings.consented },
    { query: { figure: 'consent', value: 'not_consented' }, count: result.offerings.notConsented },
    ...result.opening.byStatus.map((c) => ({
      query: { figure: 'openingStatus' as const, value: c.key },
      count: c.count,
    })),
    ...result.opening.steps.map((c) => ({
      query: { figure: 'openingStep' as const, value: c.key },
      count: c.count,
    })),
    ...result.needs.byCategory.map((c) => ({
      query: { figure: 'needCategory' as const, value: c.key },
      count: c.count,
    })),
  ];
}

/** A count is the number of responses, or for offering figures the sum of their matching offerings. */
const total = (list: ResponseList) =>
  list.responses.reduce((sum, response) => sum + (response.matches ?? 1), 0);

describe('drillDown', () => {
  it.each<[string, EvaluationFilter]>([
    ['without a filter', {}],
    ['with a sector filter', { sector: 'social' }],
    ['with a date range', { from: '2026-11-21', to: '2026-11-21' }],
  ])('gives every count of the evaluation back as exactly the responses behind it, %s', (_name, filter) => {
    const rows = wave();
    const result = evaluate(survey, rows, { interviews: [], findings: [] }, filter, new Date());

    const counts = countsOf(result);

    expect(counts.length).toBeGreaterThan(10);
    for (const { query, count } of counts) {
      const list = drillDown(rows, { ...filter, ...query });
      expect(ResponseList.safeParse(list).success).toBe(true);
      expect({ ...query, count: total(list) }).toEqual({ ...query, count });
    }
  });

  it('lists a response with two such offerings once, with both counted in `matches`', () => {
    const list = drillDown(wave(), { figure: 'offeringCategory', value: 'language_courses' });

    // A has two language courses: one entry, two matches, against a count of 2.
    expect(list.responses).toEqual([
      {
        invitationId: idOf('a'),
        institution: 'Anker e. V.',
        state: 'submitted',
        sector: 'social',
        type: 'association',
        places: ['ochsenfurt'],
        language: 'de',
        submittedAt: '2026-11-20T10:00:00Z',
        matches: 2,
      },
    ]);
  });

  it('lists responses in order of institution and leaves `matches` out of response figures', () => {
    const list = drillDown(wave(), { figure: 'openingStep', value: 'staff_training' });

    expect(ids(list)).toEqual([idOf('a'), idOf('b')]);
    expect(list.responses.every((response) => response.matches === undefined)).toBe(true);
  });

  it('finds the rows without answers under `unknown`, and the revoked ones under their state', () => {
    expect(ids(drillDown(wave(), { figure: 'sector', value: 'unknown' }))).toEqual([
      idOf('c'),
      idOf('d'),
      idOf('e'),
    ]);
    expect(ids(drillDown(wave(), { figure: 'progress', value: 'revoked' }))).toEqual([idOf('e')]);
    // C, and E before it was revoked, opened their links besides the two submitted.
    expect(ids(drillDown(wave(), { figure: 'progress', value: 'opened' }))).toEqual([
      idOf('a'),
      idOf('b'),
      idOf('c'),
      idOf('e'),
    ]);
  });

  it.each<[DrillDownQuery['figure'], string]>([
    ['sector', 'nonsense'],
    ['needCategory', 'language_courses'],
    ['submittedOn', '21.11.2026'],
    ['progress', 'unknown'],
  ])('refuses a value the figure %s cannot have (%s), naming query.value', (figure, value) => {
    const refusal = (() => {
      try {
        drillDown(wave(), { figure, value });
      } catch (error) {
        return error;
      }
    })();

    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('validation');
    expect((refusal as DomainError).fields.map((field) => field.field)).toEqual(['query.value']);
  });
});
