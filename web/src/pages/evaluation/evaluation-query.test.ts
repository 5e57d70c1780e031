import { describe, expect, it } from 'vitest';
import {
  drillDownHref,
  type EvaluationView,
  evaluationApi,
  filterParams,
  isDay,
  readView,
  viewHref,
} from './evaluation-query';

const surveyId = '0b6a2f4e-6a0e-4b7e-9b6c-2f0d0c1e7a11';
const invitationId = '5c1d9e0a-3f2b-4c8d-8e7f-1a2b3c4d5e6f';

describe('reading the view from the address', () => {
  it('reads every filter, the gap view, a drill-down and a response', () => {
    const view = readView(
      `?sector=education&type=school&place=whole-county&from=2026-03-01&to=2026-03-31&view=gaps&figure=needCategory&value=language&response=${invitationId}`,
    );
    expect(view).toEqual({
      filter: {
        sector: 'education',
        type: 'school',
        place: 'whole-county',
        from: '2026-03-01',
        to: '2026-03-31',
      },
      view: 'gaps',
      drillDown: { figure: 'needCategory', value: 'language' },
      response: invitationId,
    });
  });

  it('shows the whole dashboard for an address without a query', () => {
    expect(readView('')).toEqual({ filter: {}, view: 'dashboard' });
  });

  it.each([
    ['an unknown sector', '?sector=astronomy'],
    ['an unknown institution type', '?type=castle'],
    ['an unknown place', '?place=atlantis'],
    ['a day that does not exist', '?from=2026-02-30'],
    ['a date in another format', '?to=31.03.2026'],
  ])('drops %s instead of failing the dashboard', (_case, search) => {
    expect(readView(search).filter).toEqual({});
  });

  it('keeps the start of a range that ends before it starts, and drops its end', () => {
    expect(readView('?from=2026-04-01&to=2026-03-01').filter).toEqual({ from: '2026-04-01' });
  });

  it.each([
    ['an unknown figure', '?figure=shoeSize&value=42'],
    ['a figure without a value', '?figure=needCategory'],
    ['a value longer than the API takes', `?figure=needCategory&value=${'x'.repeat(81)}`],
  ])('ignores a drill-down with %s', (_case, search) => {
    expect(readView(search).drillDown).toBeUndefined();
  });

  it('ignores a response that is not an invitation id', () => {
    expect(readView('?response=../../admin').response).toBeUndefined();
  });
});

describe('writing the view into the address', () => {
  const views: [string, EvaluationView][] = [
    ['the plain dashboard', { filter: {}, view: 'dashboard' }],
    ['a filtered dashboard', { filter: { sector: 'social', from: '2026-01-05' }, view: 'dashboard' }],
    ['the filtered gap view', { filter: { place: 'online', to: '2026-12-31' }, view: 'gaps' }],
    [
      'a drill-down with a response',
      {
        filter: { type: 'association' },
        view: 'dashboard',
        drillDown: { figure: 'progress', value: 'submitted' },
        response: invitationId,
      },
    ],
  ];

  it.each(views)('reads back %s as it was written', (_case, view) => {
    const href = viewHref(surveyId, view);
    const url = new URL(href, 'https://wegweiser.example');
    expect(url.pathname).toBe(`/staff/evaluation/${surveyId}`);
    expect(readView(url.search)).toEqual(view);
  });

  it('keeps the language the address names', () => {
    expect(viewHref(surveyId, { filter: {}, view: 'dashboard' }, '?lang=ar&sector=labour')).toBe(
      `/staff/evaluation/${surveyId}?lang=ar`,
    );
  });

  it('links a count to its drill-down under the same filters', () => {
    const href = drillDownHref(surveyId, { sector: 'youth' }, 'needCategory', 'housing');
    expect(href).toBe(`/staff/evaluation/${surveyId}?sector=youth&figure=needCategory&value=housing`);
  });
});

describe('the API addresses', () => {
  const filter = { sector: 'education', place: 'online', from: '2026-03-01' } as const;

  it('sends the same filters to the figures, the gap view, the drill-down and the exports', () => {
    const expected = 'sector=education&place=online&from=2026-03-01';
    expect(filterParams(filter).toString()).toBe(expected);
    expect(evaluationApi.figures(surveyId, filter)).toBe(
      `/api/staff/surveys/${surveyId}/evaluation?${expected}`,
    );
    expect(evaluationApi.gaps(surveyId, filter)).toBe(
      `/api/staff/surveys/${surveyId}/evaluation/gaps?${expected}`,
    );
    expect(evaluationApi.responses(surveyId, filter, 'openingStatus', 'planned')).toBe(
      `/api/staff/surveys/${surveyId}/evaluation/responses?figure=openingStatus&value=planned&${expected}`,
    );
    expect(evaluationApi.csv(surveyId, filter, 'needs')).toBe(
      `/api/staff/surveys/${surveyId}/evaluation/export.csv?part=needs&${expected}`,
    );
    expect(evaluationApi.xlsx(surveyId, filter)).toBe(
      `/api/staff/surveys/${surveyId}/evaluation/export.xlsx?${expected}`,
    );
  });

  it('asks for the figures without a query when nothing is filtered', () => {
    expect(evaluationApi.figures(surveyId, {})).toBe(`/api/staff/surveys/${surveyId}/evaluation`);
  });

  it('encodes the value of a drill-down', () => {
    expect(evaluationApi.responses(surveyId, {}, 'submittedOn', 'a&b=c')).toContain('value=a%26b%3Dc');
  });
});

describe('isDay', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['26-01-01', false],
  ])('%s is a calendar day: %s', (value, expected) => {
    expect(isDay(value)).toBe(expected);
  });
});

describe('the wave comparison in the address', () => {
  const other = '7d3e1f2a-4b5c-4d6e-8f70-8192a3b4c5d6';

  it('reads the comparison and the wave to compare with, and writes it back', () => {
    const view = readView(`?view=compare&with=${other}&sector=education`);

    expect(view).toEqual({ filter: { sector: 'education' }, view: 'compare', with: other });
    expect(viewHref(surveyId, view)).toBe(
      `/staff/evaluation/${surveyId}?sector=education&view=compare&with=${other}`,
    );
  });

  it('ignores a wave that is no id, and a wave outside the comparison', () => {
    expect(readView('?view=compare&with=wave-1')).toEqual({ filter: {}, view: 'compare' });
    expect(readView(`?with=${other}`)).toEqual({ filter: {}, view: 'dashboard' });
  });

  it('asks the API for the comparison under the same filters, with the wave when one is named', () => {
    expect(evaluationApi.comparison(surveyId, { place: 'ochsenfurt' }, other)).toBe(
      `/api/staff/surveys/${surveyId}/evaluation/comparison?with=${other}&place=ochsenfurt`,
    );
    expect(evaluationApi.comparison(surveyId, {})).toBe(
      `/api/staff/surveys/${surveyId}/evaluation/comparison`,
    );
  });
});
