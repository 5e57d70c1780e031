import type { Language } from '../../shared/i18n/languages';
import { offeringCategories, type SurveyAnswers } from '../../survey/questionnaire';
import { buildRows } from '../build-rows';
import { offeringCategoryKey, unknownKey, wasOpened } from '../evaluate';
import { needTopic } from '../need-topics';
import { countyDay, type EvaluationRow, isSubmitted } from '../rows';

/*
 * The evaluation's aggregates, as pure functions (no AWS types): what one response adds to its
 * survey's counters (its *contribution*), and how one change of a stored item moves that contribution.
 *
 * A response is spread over several items (its invitation, each submitted version), and a stream
 * delivers their changes at least once, in order per item but in no order across items. So a response's
 * state is a *join* of what was seen of each item, in which every item only moves forward: an
 * invitation's marks (opened, revoked) are set once and never cleared, a submitted version's number
 * only grows (the latest is the highest, the first the lowest), an item that was deleted stays deleted.
 * Joining a record that was seen before, or one older than what was seen, changes nothing, and joining
 * in any order ends in the same state: duplicated and reordered deliveries give the same totals.
 */

/** One change of a stored item, read from a stream record's image (or from the table, to rebuild). */
export type Observation =
  | {
      kind: 'invitation';
      surveyId: string;
      invitationId: string;
      institutionName: string;
      language: Language;
      openedAt?: string | undefined;
      revokedAt?: string | undefined;
      /** The item was deleted (a stream REMOVE): the response is gone from the survey. */
      removed: boolean;
    }
  | {
      kind: 'submission';
      surveyId: string;
      invitationId: string;
      number: number;
      submittedAt: string;
      language: Language;
      answers: SurveyAnswers;
      /** The version was deleted: the response's submitted versions are gone (erasure). */
      removed: boolean;
    };

/** What has been seen of one response: the join of every observation of its items. */
export interface ResponseState {
  surveyId: string;
  invitationId: string;
  invitation?: { institutionName: string; language: Language; opened: boolean; revoked: boolean };
  invitationRemoved: boolean;
  first?: { number: number; submittedAt: string };
  latest?: { number: number; submittedAt: string; language: Language; answers: SurveyAnswers };
  submissionsRemoved: boolean;
}

/** Counter name → number: what one response adds to its survey's aggregate. */
export type Counters = Record<string, number>;

/** A response's texts as the dashboard quotes them (only responses with at least one). */
export interface QuotableTexts {
  invitationId: string;
  institution: string;
  lang: Language;
  quoteConsent: boolean;
  obstacles: string;
  needsDescription: string;
  mostHelpful: string;
  needCategories: string[];
}

/** Joins one observation into a response's state (see the file's comment for why a join). */
export function observe(state: ResponseState | undefined, seen: Observation): ResponseState {
  const base: ResponseState = state ?? {
    surveyId: seen.surveyId,
    invitationId: seen.invitationId,
    invitationRemoved: false,
    submissionsRemoved: false,
  };
  if (seen.kind === 'invitation') {
    if (seen.removed) return { ...base, invitationRemoved: true };
    return {
      ...base,
      invitation: {
        institutionName: seen.institutionName,
        language: seen.language,
        opened: (base.invitation?.opened ?? false) || seen.openedAt !== undefined,
        revoked: (base.invitation?.revoked ?? false) || seen.revokedAt !== undefined,
      },
    };
  }
  if (seen.removed) return { ...base, submissionsRemoved: true };
  const latest =
    !base.latest || seen.number > base.latest.number
      ? { number: seen.number, submittedAt: seen.submittedAt, language: seen.language, answers: seen.answers }
      : base.latest;
  const first =
    !base.first || seen.number < base.first.number
      ? { number: seen.number, submittedAt: seen.submittedAt }
      : base.first;
  return { ...base, latest, first };
}

/**
 * The response as the query path sees it, built by the same `buildRows`, so both paths share the rules
 * of state, name and language. No invitation (not seen yet, or deleted): no row, as in `buildRows`.
 */
export function rowOf(state: ResponseState): EvaluationRow | undefined {
  const invitation = state.invitation;
  if (!invitation || state.invitationRemoved) return undefined;
  const { latest, first } = state;
  const submissions =
    latest && first && !state.submissionsRemoved
      ? [
          { invitationId: state.invitationId, ...latest },
          {
            invitationId: state.invitationId,
            ...latest,
            number: first.number,
            submittedAt: first.submittedAt,
          },
        ]
      : [];
  const [row] = buildRows(
    [
      {
        invitationId: state.invitationId,
        institutionName: invitation.institutionName,
        language: invitation.language,
        // Only whether they are set matters to the row's state; the time is not counted anywhere.
        openedAt: invitation.opened ? 'opened' : undefined,
        revokedAt: invitation.revoked ? 'revoked' : undefined,
      },
    ],
    submissions,
  );
  return row;
}

/** Counter names: one place, so the reading side (`figures.ts`) names them the same way. */
export const counter = {
  invited: 'p|invited',
  opened: 'p|opened',
  inProgress: 'p|inProgress',
  submitted: 'p|submitted',
  revoked: 'p|revoked',
  breakdownInvited: (by: 'sector' | 'type' | 'place', key: string) => `b|${by}|i|${key}`,
  breakdownSubmitted: (by: 'sector' | 'type' | 'place', key: string) => `b|${by}|s|${key}`,
  submittedOn: (day: string) => `d|${day}`,
  offerings: 'o|total',
  offeringsConsented: 'o|consented',
  offeringCategory: (key: string) => `oc|${key}`,
  offeringPlace: (key: string) => `op|${key}`,
  targetGroup: (key: string) => `og|${key}`,
  offeredLanguage: (key: string) => `ol|${key}`,
  openingStatus: (key: string) => `os|${key}`,
  openingStatusBySector: (sector: string, status: string) => `oss|${sector}|${status}`,
  openingStep: (key: string) => `ost|${key}`,
  need: (key: string) => `n|${key}`,
  topicNeeds: (topic: string) => `t|${topic}`,
} as const;

const unique = <T>(values: readonly T[]) => [...new Set(values)];

/**
 * What one response adds to every figure of the unfiltered dashboard, by the README's rules: progress
 * counts every row; offerings, opening, needs and topics count submitted (not revoked) rows only.
 */
export function contributionOf(state: ResponseState): Counters {
  const row = rowOf(state);
  const counts: Counters = {};
  const add = (name: string) => {
    counts[name] = (counts[name] ?? 0) + 1;
  };
  if (!row) return counts;
  add(counter.invited);
  if (wasOpened(row)) add(counter.opened);
  if (row.state === 'in_progress') add(counter.inProgress);
  if (row.state === 'revoked') add(counter.revoked);
  const answers = isSubmitted(row) ? row.answers : undefined;
  const breakdown = (by: 'sector' | 'type' | 'place', keysOf: (answers: SurveyAnswers) => string[]) => {
    for (const key of unique(answers ? keysOf(answers) : [unknownKey])) {
      add(counter.breakdownInvited(by, key));
      if (answers) add(counter.breakdownSubmitted(by, key));
    }
  };
  breakdown('sector', (given) => [given.institution.sector ?? unknownKey]);
  breakdown('type', (given) => [given.institution.type ?? unknownKey]);
  breakdown('place', (given) => given.institution.places);
  if (!answers || !isSubmitted(row)) return counts;
  add(counter.submitted);
  add(counter.submittedOn(countyDay(row.firstSubmittedAt)));
  for (const offering of answers.offerings) {
    add(counter.offerings);
    if (offering.publish) add(counter.offeringsConsented);
    add(counter.offeringCategory(offeringCategoryKey(offering)));
    for (const place of unique(offering.places)) add(counter.offeringPlace(place));
    for (const group of unique(offering.targetGroups)) add(counter.targetGroup(group));
    for (const language of unique(offering.languages)) add(counter.offeredLanguage(language));
  }
  const status = answers.opening.status;
  if (status !== undefined) {
    add(counter.openingStatus(status));
    add(counter.openingStatusBySector(answers.institution.sector ?? unknownKey, status));
  }
  for (const step of unique(answers.opening.steps)) add(counter.openingStep(step));
  for (const need of unique(answers.needs.categories)) add(counter.need(need));
  for (const topic of offeringCategories) {
    if (answers.needs.categories.some((need) => needTopic(need) === topic)) add(counter.topicNeeds(topic));
  }
  return counts;
}

/** The texts the dashboard quotes from this response, or nothing when it has none (or none counts). */
export function quotableTextsOf(state: ResponseState): QuotableTexts | undefined {
  const row = rowOf(state);
  if (!row || !isSubmitted(row)) return undefined;
  const texts = {
    obstacles: row.answers.opening.obstacles.trim(),
    needsDescription: row.answers.needs.description.trim(),
    mostHelpful: row.answers.needs.mostHelpful.trim(),
  };
  if (!texts.obstacles && !texts.needsDescription && !texts.mostHelpful) return undefined;
  return {
    invitationId: row.invitationId,
    institution: row.institution,
    lang: row.language,
    quoteConsent: row.answers.privacy.quoteConsent === true,
    ...texts,
    needCategories: unique(row.answers.needs.categories),
  };
}

/** `next − previous`, without the counters that did not move. */
export function difference(next: Counters, previous: Counters): Counters {
  const delta: Counters = {};
  for (const name of new Set([...Object.keys(next), ...Object.keys(previous)])) {
    const moved = (next[name] ?? 0) - (previous[name] ?? 0);
    if (moved !== 0) delta[name] = moved;
  }
  return delta;
}

/** What was applied for one response: its state and the contribution added to the aggregate for it. */
export interface Applied {
  state: ResponseState;
  contribution: Counters;
}

/** What one change does: the response's new state and contribution, and what to add to the aggregate. */
export interface Change extends Applied {
  delta: Counters;
  texts: QuotableTexts | undefined;
}

/**
 * One stream record (or several observations of one response) against what was applied before: the
 * new state, its contribution and the delta to add, or `undefined` when the record adds nothing (a
 * duplicate, or older than what was applied), so it is ignored. The delta is taken against the
 * contribution *stored* with the state, so a change in the counting rules between deployments still
 * takes away exactly what was added before.
 */
export function applyChange(
  applied: Applied | undefined,
  observations: readonly Observation[],
): Change | undefined {
  const [firstSeen] = observations;
  if (!firstSeen) return undefined;
  const state = observations.reduce<ResponseState | undefined>(observe, applied?.state);
  if (!state || (applied && sameState(applied.state, state))) return undefined;
  const contribution = contributionOf(state);
  return {
    state,
    contribution,
    delta: difference(contribution, applied?.contribution ?? {}),
    texts: quotableTextsOf(state),
  };
}

/** Equal content, whatever the order of the keys (a state read back from the table has its own order). */
function sameState(left: ResponseState, right: ResponseState): boolean {
  return canonical(left) === canonical(right);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
