import type { drillDownFigures, EvaluationFilter } from '../../../../functions/evaluation/schemas';
import { institutionTypes, placeIds, sectors } from '../../../../functions/survey/questionnaire';

export type DrillDownFigure = (typeof drillDownFigures)[number];

/** The filters as the page keeps them: the contract's filter without the language (the page's own). */
export type Filter = Omit<EvaluationFilter, 'lang'>;

export const filterNames = ['sector', 'type', 'place', 'from', 'to'] as const;
export type FilterName = (typeof filterNames)[number];

/** Which part of the dashboard is shown; the drill-down and the response are steps below a figure. */
export interface EvaluationView {
  filter: Filter;
  /** `gaps`: the gap view; `compare`: two waves side by side; `report`: the report as it will be published. */
  view: 'dashboard' | 'gaps' | 'compare' | 'report';
  /** The survey to compare with (`compare` only); without it, the survey's wave before. */
  with?: string;
  drillDown?: { figure: DrillDownFigure; value: string };
  /** One response (its invitation id), opened from a drill-down list. */
  response?: string;
}

// The contract's list, written out so the console bundle imports only its type; the check below fails
// to compile when the two drift apart.
const figures = [
  'progress',
  'sector',
  'type',
  'place',
  'submittedOn',
  'offeringCategory',
  'offeringPlace',
  'targetGroup',
  'offeredLanguage',
  'consent',
  'openingStatus',
  'openingStep',
  'needCategory',
] as const satisfies readonly DrillDownFigure[];
type MissingFigure = Exclude<DrillDownFigure, (typeof figures)[number]>;
export const everyFigureIsRead: [MissingFigure] extends [never] ? true : MissingFigure = true;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A calendar day `YYYY-MM-DD` that exists (no 31 February). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function oneOf<T extends string>(options: readonly T[], value: string | null): T | undefined {
  return value !== null && (options as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * Reads the filters from the address. A shared or hand-edited link with an unknown value drops that
 * filter instead of failing the whole dashboard; a range that ends before it starts keeps its start.
 */
export function readFilter(params: URLSearchParams): Filter {
  const filter: Filter = {};
  const sector = oneOf(sectors, params.get('sector'));
  if (sector) filter.sector = sector;
  const type = oneOf(institutionTypes, params.get('type'));
  if (type) filter.type = type;
  const place = oneOf(placeIds, params.get('place'));
  if (place) filter.place = place;
  const from = params.get('from') ?? '';
  if (isDay(from)) filter.from = from;
  const to = params.get('to') ?? '';
  if (isDay(to) && !(filter.from && to < filter.from)) filter.to = to;
  return filter;
}

/** Reads the whole view (filters, gap view, drill-down, response) from the address's query. */
export function readView(search: string): EvaluationView {
  const params = new URLSearchParams(search);
  const named = params.get('view');
  const view: EvaluationView = {
    filter: readFilter(params),
    view: named === 'gaps' || named === 'compare' || named === 'report' ? named : 'dashboard',
  };
  const other = params.get('with') ?? '';
  if (view.view === 'compare' && uuid.test(other)) view.with = other;
  const figure = oneOf<DrillDownFigure>(figures, params.get('figure'));
  const value = (params.get('value') ?? '').trim();
  if (figure && value && value.length <= 80) view.drillDown = { figure, value };
  const response = params.get('response') ?? '';
  if (uuid.test(response)) view.response = response;
  return view;
}

/** The filters as query parameters, in a fixed order (for the API and for the page's address). */
export function filterParams(filter: Filter): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of filterNames) {
    const value = filter[name];
    if (value) params.set(name, value);
  }
  return params;
}

export function isFiltered(filter: Filter): boolean {
  return filterNames.some((name) => filter[name] !== undefined);
}

/** The page's address for a view; `lang` stays when the current address names one. */
export function viewHref(surveyId: string, view: EvaluationView, currentSearch = ''): string {
  const params = filterParams(view.filter);
  if (view.view !== 'dashboard') params.set('view', view.view);
  if (view.view === 'compare' && view.with) params.set('with', view.with);
  if (view.drillDown) {
    params.set('figure', view.drillDown.figure);
    params.set('value', view.drillDown.value);
  }
  if (view.response) params.set('response', view.response);
  const lang = new URLSearchParams(currentSearch).get('lang');
  if (lang) params.set('lang', lang);
  const search = params.toString();
  return `/staff/evaluation/${encodeURIComponent(surveyId)}${search ? `?${search}` : ''}`;
}

/** The address of a drill-down list: the same filters, one figure's value. */
export function drillDownHref(
  surveyId: string,
  filter: Filter,
  figure: DrillDownFigure,
  value: string,
  currentSearch = '',
): string {
  return viewHref(surveyId, { filter, view: 'dashboard', drillDown: { figure, value } }, currentSearch);
}

type ApiPath = `/api/${string}`;

function base(surveyId: string): ApiPath {
  return `/api/staff/surveys/${encodeURIComponent(surveyId)}/evaluation`;
}

function withQuery(path: ApiPath, params: URLSearchParams): ApiPath {
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The API's addresses for a view; every one carries the same filters. */
export const evaluationApi = {
  figures: (surveyId: string, filter: Filter): ApiPath => withQuery(base(surveyId), filterParams(filter)),
  gaps: (surveyId: string, filter: Filter): ApiPath =>
    withQuery(`${base(surveyId)}/gaps`, filterParams(filter)),
  responses(surveyId: string, filter: Filter, figure: DrillDownFigure, value: string): ApiPath {
    const params = new URLSearchParams({ figure, value });
    for (const [name, given] of filterParams(filter)) params.set(name, given);
    return withQuery(`${base(surveyId)}/responses`, params);
  },
  response: (surveyId: string, invitationId: string): ApiPath =>
    `${base(surveyId)}/responses/${encodeURIComponent(invitationId)}`,
  csv(surveyId: string, filter: Filter, part: string): ApiPath {
    const params = new URLSearchParams({ part });
    for (const [name, given] of filterParams(filter)) params.set(name, given);
    return withQuery(`${base(surveyId)}/export.csv`, params);
  },
  comparison(surveyId: string, filter: Filter, other?: string): ApiPath {
    const params = new URLSearchParams(other ? { with: other } : {});
    for (const [name, given] of filterParams(filter)) params.set(name, given);
    return withQuery(`${base(surveyId)}/comparison`, params);
  },
  csvWithContacts: (surveyId: string, filter: Filter): ApiPath =>
    withQuery(`${base(surveyId)}/export-with-contacts.csv`, filterParams(filter)),
  xlsx: (surveyId: string, filter: Filter): ApiPath =>
    withQuery(`${base(surveyId)}/export.xlsx`, filterParams(filter)),
};
