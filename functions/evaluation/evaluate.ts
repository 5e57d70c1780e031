import type { z } from 'zod';
import { offeringCategories } from '../survey/questionnaire';
import { needTopic } from './need-topics';
import {
  countyDay,
  type EvaluationRow,
  isSubmitted,
  matchesFilter,
  type ProcessRecords,
  type SubmittedRow,
} from './rows';
import type { Evaluation, EvaluationFilter, ProgressBreakdown } from './schemas';
import { quote, sortedCounts, tally } from './tally';

/** The survey wave as the evaluation names it. */
export interface EvaluatedSurvey {
  surveyId: string;
  title: string;
  opensAt: string;
  closesAt: string;
}

/**
 * A survey wave with its place in the series: what the source answers, so waves can be compared. Kept
 * apart from `EvaluatedSurvey` because counting one wave needs none of it.
 */
export interface SurveyWave extends EvaluatedSurvey {
  /** 1 for a first survey. */
  wave: number;
  /** The wave this one repeats. */
  previousSurveyId?: string;
  /** The questionnaire version the wave asked. */
  questionnaireVersion: string;
}

/** The key a row counts under in a progress breakdown: only submitted answers say it, else `unknown`. */
export const unknownKey = 'unknown';

/** Interview states that hold a booking now (a cancelled interview counts only as invited). */
export const bookedStates = ['booked', 'rescheduled', 'held', 'written_up'] as const;
export const heldStates = ['held', 'written_up'] as const;

/**
 * Every figure of the dashboard from the wave's rows and process records. A pure function: it counts in
 * memory, so its cost grows with the number of responses (see the README, "How it is computed").
 *
 * 1. Keep the rows that pass the filter (`matchesFilter`, the one filter rule).
 * 2. Progress counts every kept row by its state; every other survey figure counts only submitted ones.
 * 3. Interviews and workshop findings come from the process records, beside the survey's needs.
 */
export function evaluate(
  survey: EvaluatedSurvey,
  rows: readonly EvaluationRow[],
  process: ProcessRecords,
  filter: EvaluationFilter,
  now: Date,
): Evaluation {
  const kept = rows.filter((row) => matchesFilter(row, filter));
  const submitted = kept.filter(isSubmitted);
  return {
    surveyId: survey.surveyId,
    title: survey.title,
    opensAt: survey.opensAt,
    closesAt: survey.closesAt,
    generatedAt: now.toISOString(),
    filter,
    progress: progressOf(kept, submitted),
    offerings: offeringsOf(submitted),
    opening: openingOf(submitted),
    needs: needsOf(submitted),
    interviewsAndWorkshop: processOf(submitted, process),
  };
}

/** Whether the link of a row was ever opened (a submitted or in-progress response was, by definition). */
export function wasOpened(row: EvaluationRow): boolean {
  return row.openedAt !== undefined || row.state === 'in_progress' || row.state === 'submitted';
}

function progressOf(kept: EvaluationRow[], submitted: SubmittedRow[]): Evaluation['progress'] {
  const invited = kept.length;
  const revoked = kept.filter((row) => row.state === 'revoked').length;
  const answerable = invited - revoked;
  return {
    invited,
    opened: kept.filter(wasOpened).length,
    inProgress: kept.filter((row) => row.state === 'in_progress').length,
    submitted: submitted.length,
    revoked,
    responseRate: answerable > 0 ? submitted.length / answerable : null,
    bySector: breakdown(kept, (answers) => [answers.institution.sector ?? unknownKey]),
    byType: breakdown(kept, (answers) => [answers.institution.type ?? unknownKey]),
    byPlace: breakdown(kept, (answers) => answers.institution.places),
    submissionsOverTime: overTime(submitted),
  };
}

type Answers = SubmittedRow['answers'];
type Breakdown = z.infer<typeof ProgressBreakdown>;

/**
 * Invited and submitted per key. A key is known only from submitted answers, so for every key but
 * `unknown` invited equals submitted, and `unknown` holds the rows without submitted answers.
 */
function breakdown(rows: EvaluationRow[], keysOf: (answers: Answers) => readonly string[]): Breakdown[] {
  const byKey = new Map<string, Breakdown>();
  for (const row of rows) {
    const keys = isSubmitted(row) ? keysOf(row.answers) : [unknownKey];
    for (const key of new Set(keys)) {
      const entry = byKey.get(key) ?? { key, invited: 0, submitted: 0 };
      entry.invited += 1;
      if (isSubmitted(row)) entry.submitted += 1;
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].sort((a, b) => b.invited - a.invited || a.key.localeCompare(b.key));
}

function overTime(submitted: SubmittedRow[]): Evaluation['progress']['submissionsOverTime'] {
  const perDay = tally(submitted.map((row) => countyDay(row.firstSubmittedAt)));
  let cumulative = 0;
  return [...perDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, count]) => {
      cumulative += count;
      return { date, count, cumulative };
    });
}

/** The category an offering counts under; one without a category (never in a complete response) is `unknown`. */
export function offeringCategoryKey(offering: Answers['offerings'][number]): string {
  return offering.category ?? unknownKey;
}

function offeringsOf(submitted: SubmittedRow[]): Evaluation['offerings'] {
  const offerings = submitted.flatMap((row) => row.answers.offerings);
  const consented = offerings.filter((offering) => offering.publish).length;
  return {
    total: offerings.length,
    consented,
    notConsented: offerings.length - consented,
    byCategory: sortedCounts(tally(offerings.map(offeringCategoryKey))),
    // An offering in several places (for several groups, in several languages) counts once under each.
    byPlace: sortedCounts(tally(offerings.flatMap((offering) => unique(offering.places)))),
    byTargetGroup: sortedCounts(tally(offerings.flatMap((offering) => unique(offering.targetGroups)))),
    byLanguage: sortedCounts(tally(offerings.flatMap((offering) => unique(offering.languages)))),
  };
}

function openingOf(submitted: SubmittedRow[]): Evaluation['opening'] {
  const withStatus = submitted.filter((row) => row.answers.opening.status !== undefined);
  const bySector = new Map<string, string[]>();
  for (const row of withStatus) {
    const sector = row.answers.institution.sector ?? unknownKey;
    bySector.set(sector, [...(bySector.get(sector) ?? []), row.answers.opening.status ?? unknownKey]);
  }
  return {
    byStatus: sortedCounts(tally(withStatus.map((row) => row.answers.opening.status ?? unknownKey))),
    bySector: [...bySector.entries()]
      .sort(([a, left], [b, right]) => right.length - left.length || a.localeCompare(b))
      .map(([sector, statuses]) => ({ sector, statuses: sortedCounts(tally(statuses)) })),
    steps: sortedCounts(tally(submitted.flatMap((row) => unique(row.answers.opening.steps)))),
    obstacles: quotes(submitted, (answers) => answers.opening.obstacles),
  };
}

function needsOf(submitted: SubmittedRow[]): Evaluation['needs'] {
  const counts = sortedCounts(tally(submitted.flatMap((row) => unique(row.answers.needs.categories))));
  return {
    byCategory: counts.map((count) => ({
      ...count,
      // The free-text description stands under every category its response chose.
      texts: quotes(
        submitted.filter((row) => row.answers.needs.categories.includes(count.key as never)),
        (answers) => answers.needs.description,
      ),
    })),
    mostHelpful: quotes(submitted, (answers) => answers.needs.mostHelpful),
  };
}

function processOf(submitted: SubmittedRow[], process: ProcessRecords): Evaluation['interviewsAndWorkshop'] {
  return processFigures(
    process,
    (topic) =>
      submitted.filter((row) => row.answers.needs.categories.some((need) => needTopic(need) === topic))
        .length,
  );
}

/**
 * The interviews and workshop figures, with the survey's needs per topic as the caller counts them
 * (from the rows here, from the aggregate on the dashboard's flat path).
 */
export function processFigures(
  process: ProcessRecords,
  surveyNeedsOn: (topic: (typeof offeringCategories)[number]) => number,
): Evaluation['interviewsAndWorkshop'] {
  const interviews = process.interviews;
  const inState = (states: readonly string[]) =>
    interviews.filter((interview) => states.includes(interview.state)).length;
  const findingsOn = (topic: string, source: 'interview' | 'workshop', kinds: readonly string[]) =>
    process.findings.filter(
      (finding) =>
        finding.source === source && kinds.includes(finding.kind) && finding.topics.includes(topic),
    ).length;
  const recommendationsOn = (topic: string) =>
    process.findings.filter((finding) => finding.kind === 'recommendation' && finding.topics.includes(topic))
      .length;
  return {
    interviews: {
      invited: interviews.length,
      booked: inState(bookedStates),
      held: inState(heldStates),
      writtenUp: inState(['written_up']),
    },
    // Every topic, zeros included: the table is read side by side, so a missing row would hide a gap.
    byTopic: offeringCategories.map((topic) => ({
      topic,
      surveyNeeds: surveyNeedsOn(topic),
      interviewFindings: findingsOn(topic, 'interview', ['topic', 'need']),
      workshopFindings: findingsOn(topic, 'workshop', ['topic', 'need']),
      recommendations: recommendationsOn(topic),
    })),
  };
}

function quotes(submitted: SubmittedRow[], textOf: (answers: Answers) => string) {
  return submitted
    .flatMap((row) => {
      const quoted = quote(row, textOf(row.answers));
      return quoted ? [quoted] : [];
    })
    .sort(
      (a, b) =>
        a.institution.localeCompare(b.institution, 'de') || a.invitationId.localeCompare(b.invitationId),
    );
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
