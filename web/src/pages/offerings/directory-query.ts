import {
  offeredLanguages,
  offeringCategories,
  placeIds,
  targetGroups,
} from '../../../../functions/survey/questionnaire';

/** What the directory shows: the search words, the filters and the page, all kept in the address. */
export interface DirectoryQuery {
  q: string;
  place: string;
  category: string;
  targetGroup: string;
  language: string;
  offset: number;
}

export const filterNames = ['place', 'category', 'targetGroup', 'language'] as const;
export type FilterName = (typeof filterNames)[number];

export const filterOptions: Record<FilterName, readonly string[]> = {
  place: placeIds,
  category: offeringCategories,
  targetGroup: targetGroups,
  language: offeredLanguages,
};

export const pageSize = 20;
const maxOffset = 10_000;

export const emptyQuery: DirectoryQuery = {
  q: '',
  place: '',
  category: '',
  targetGroup: '',
  language: '',
  offset: 0,
};

/**
 * Reads the directory's state from the address (`?q=…&place=…&offset=…`). A shared or hand-edited link
 * with an unknown filter value or a crooked offset drops that part instead of failing the whole search.
 */
export function readDirectoryQuery(search: string): DirectoryQuery {
  const params = new URLSearchParams(search);
  const query: DirectoryQuery = { ...emptyQuery, q: (params.get('q') ?? '').trim().slice(0, 200) };
  for (const name of filterNames) {
    const value = params.get(name) ?? '';
    if (filterOptions[name].includes(value)) query[name] = value;
  }
  const offset = Number(params.get('offset') ?? '0');
  if (Number.isInteger(offset) && offset > 0 && offset <= maxOffset) query.offset = offset;
  return query;
}

function queryParams(query: DirectoryQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const name of filterNames) if (query[name]) params.set(name, query[name]);
  if (query.offset > 0) params.set('offset', String(query.offset));
  return params;
}

/** The directory's address for a query; `lang` stays when the current address names one. */
export function directoryHref(query: DirectoryQuery, currentSearch = ''): string {
  const params = queryParams(query);
  const lang = new URLSearchParams(currentSearch).get('lang');
  if (lang) params.set('lang', lang);
  const search = params.toString();
  return search ? `/offerings?${search}` : '/offerings';
}

/** The API's address for a query (`GET /api/offerings`). */
export function apiPath(query: DirectoryQuery): `/api/${string}` {
  const params = queryParams(query);
  params.set('limit', String(pageSize));
  return `/api/offerings?${params}`;
}

/** Whether a search or any filter narrows the directory (the empty state then suggests widening it). */
export function isNarrowed(query: DirectoryQuery): boolean {
  return query.q !== '' || filterNames.some((name) => query[name] !== '');
}
