import { DomainError } from '../shared/domain/errors';
import {
  institutionTypes,
  needCategories,
  offeredLanguages,
  offeringCategories,
  openingStatuses,
  openingSteps,
  placeIds,
  sectors,
  targetGroups,
} from '../survey/questionnaire';
import { offeringCategoryKey, unknownKey, wasOpened } from './evaluate';
import { countyDay, type EvaluationRow, isSubmitted, matchesFilter, type SubmittedRow } from './rows';
import {
  type DrillDownQuery,
  type drillDownFigures,
  type ResponseList,
  type ResponseSummary,
  responseStates,
} from './schemas';

type Figure = (typeof drillDownFigures)[number];
type Offering = SubmittedRow['answers']['offerings'][number];

/**
 * How many things a row contributes to one figure's count for `value`: 0 leaves it out of the list.
 * Row figures count a response once; offering figures count its offerings, exactly as `evaluate` does.
 */
type Contribution = (row: EvaluationRow, value: string) => number;

const once =
  (test: (row: EvaluationRow, value: string) => boolean): Contribution =>
  (row, value) =>
    test(row, value) ? 1 : 0;

/** A figure of submitted answers: only submitted rows count, as in `evaluate`. */
const ofAnswers = (test: (row: SubmittedRow, value: string) => boolean): Contribution =>
  once((row, value) => isSubmitted(row) && test(row, value));

const ofOfferings =
  (test: (offering: Offering, value: string) => boolean): Contribution =>
  (row, value) =>
    isSubmitted(row) ? row.answers.offerings.filter((offering) => test(offering, value)).length : 0;

/** Breakdown keys as `evaluate` counts them: `unknown` stands for the rows without submitted answers. */
const byKnownKey = (keysOf: (row: SubmittedRow) => readonly (string | undefined)[]): Contribution =>
  once((row, value) =>
    isSubmitted(row) ? keysOf(row).some((key) => (key ?? unknownKey) === value) : value === unknownKey,
  );

const progressValues = ['invited', 'opened', ...responseStates] as const;

const figures: Record<Figure, { values: readonly string[] | RegExp; contribution: Contribution }> = {
  progress: {
    values: progressValues,
    contribution: once((row, value) =>
      value === 'invited' ? true : value === 'opened' ? wasOpened(row) : row.state === value,
    ),
  },
  sector: {
    values: [...sectors, unknownKey],
    contribution: byKnownKey((row) => [row.answers.institution.sector]),
  },
  type: {
    values: [...institutionTypes, unknownKey],
    contribution: byKnownKey((row) => [row.answers.institution.type]),
  },
  place: {
    values: [...placeIds, unknownKey],
    contribution: byKnownKey((row) => row.answers.institution.places),
  },
  submittedOn: {
    values: /^\d{4}-\d{2}-\d{2}$/,
    contribution: ofAnswers((row, value) => countyDay(row.firstSubmittedAt) === value),
  },
  offeringCategory: {
    values: [...offeringCategories, unknownKey],
    contribution: ofOfferings((offering, value) => offeringCategoryKey(offering) === value),
  },
  offeringPlace: {
    values: placeIds,
    contribution: ofOfferings((offering, value) => offering.places.includes(value)),
  },
  targetGroup: {
    values: targetGroups,
    contribution: ofOfferings((offering, value) => offering.targetGroups.includes(value as never)),
  },
  offeredLanguage: {
    values: offeredLanguages,
    contribution: ofOfferings((offering, value) => offering.languages.includes(value as never)),
  },
  consent: {
    values: ['consented', 'not_consented'],
    contribution: ofOfferings((offering, value) => offering.publish === (value === 'consented')),
  },
  openingStatus: {
    values: openingStatuses,
    contribution: ofAnswers((row, value) => row.answers.opening.status === value),
  },
  openingStep: {
    values: openingSteps,
    contribution: ofAnswers((row, value) => row.answers.opening.steps.includes(value as never)),
  },
  needCategory: {
    values: needCategories,
    contribution: ofAnswers((row, value) => row.answers.needs.categories.includes(value as never)),
  },
};

/**
 * The responses behind one count of the dashboard, under the same filter.
 *
 * 1. Refuse a value the figure cannot have (400 naming `query.value`).
 * 2. Keep the rows that pass the filter (`matchesFilter`, the one rule) and contribute to the figure.
 * 3. A row figure's count is the list's length. An offering figure counts offerings, so its list holds
 *    each response with at least one such offering once, and `matches` says how many; they add up to
 *    the count.
 */
export function drillDown(rows: readonly EvaluationRow[], query: DrillDownQuery): ResponseList {
  const figure = figures[query.figure];
  const known = Array.isArray(figure.values)
    ? figure.values.includes(query.value)
    : (figure.values as RegExp).test(query.value);
  if (!known) {
    const options = Array.isArray(figure.values) ? figure.values.slice(0, 12).join(', ') : 'YYYY-MM-DD';
    throw new DomainError('validation', 'unknown drill-down value', [
      { field: 'query.value', code: 'invalid_option', params: { options } },
    ]);
  }
  const { figure: _figure, value: _value, ...filter } = query;
  const offeringFigure = isOfferingFigure(query.figure);
  const responses = rows
    .filter((row) => matchesFilter(row, filter))
    .flatMap((row) => {
      const count = figure.contribution(row, query.value);
      if (count === 0) return [];
      return [{ ...summaryOf(row), ...(offeringFigure ? { matches: count } : {}) }];
    })
    .sort(
      (a, b) =>
        a.institution.localeCompare(b.institution, 'de') || a.invitationId.localeCompare(b.invitationId),
    );
  return { responses };
}

const offeringFigures: readonly Figure[] = [
  'offeringCategory',
  'offeringPlace',
  'targetGroup',
  'offeredLanguage',
  'consent',
];

export function isOfferingFigure(figure: Figure): boolean {
  return offeringFigures.includes(figure);
}

/** One row as a list entry: what it is and where it stands, never its contact person. */
export function summaryOf(row: EvaluationRow): ResponseSummary {
  const answers = isSubmitted(row) ? row.answers : undefined;
  return {
    invitationId: row.invitationId,
    institution: row.institution,
    state: row.state,
    ...(answers?.institution.sector ? { sector: answers.institution.sector } : {}),
    ...(answers?.institution.type ? { type: answers.institution.type } : {}),
    places: answers?.institution.places ?? [],
    language: row.language,
    ...(isSubmitted(row) ? { submittedAt: row.submittedAt } : {}),
  };
}
