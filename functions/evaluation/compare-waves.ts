import { evaluate, offeringCategoryKey, type SurveyWave } from './evaluate';
import { type EvaluationRow, isSubmitted, matchesFilter, type ProcessRecords } from './rows';
import type {
  ComparedOffering,
  ComparedSurvey,
  Count,
  CountChange,
  Evaluation,
  EvaluationFilter,
  FigureChange,
  WaveComparison,
} from './schemas';

/** One wave as the comparison reads it: the survey, its rows and its process records. */
export interface WaveInput {
  survey: SurveyWave;
  rows: readonly EvaluationRow[];
  process: ProcessRecords;
}

/**
 * Which of two waves came first: the lower wave number, then the earlier opening, then the id (so the
 * answer never depends on the order the caller names them in).
 */
export function inOrder(base: WaveInput, other: WaveInput): [earlier: WaveInput, later: WaveInput] {
  const a = base.survey;
  const b = other.survey;
  const baseFirst =
    a.wave !== b.wave
      ? a.wave < b.wave
      : a.opensAt !== b.opensAt
        ? a.opensAt < b.opensAt
        : a.surveyId < b.surveyId;
  return baseFirst ? [base, other] : [other, base];
}

/**
 * Two waves side by side, under the same filter.
 *
 * 1. Order the waves (earlier, later) and evaluate each with `evaluate`, the one counting of a wave, so
 *    the comparison's figures are exactly the two dashboards' figures.
 * 2. Each figure's change is later − earlier; a key counted in only one wave counts 0 in the other.
 * 3. The offerings of the filtered, submitted responses are matched by offering id: carried-over answers
 *    keep their ids, so an id in both waves is the same offering re-confirmed.
 */
export function compareWaves(
  base: WaveInput,
  other: WaveInput,
  filter: EvaluationFilter,
  now: Date,
): WaveComparison {
  const [earlier, later] = inOrder(base, other);
  const before = evaluate(earlier.survey, earlier.rows, earlier.process, filter, now);
  const after = evaluate(later.survey, later.rows, later.process, filter, now);
  const pair = (pick: (evaluation: Evaluation) => number): FigureChange =>
    figureChange(pick(before), pick(after));
  const lists = (pick: (evaluation: Evaluation) => readonly Count[]): CountChange[] =>
    countChanges(pick(before), pick(after));
  const rateBefore = before.progress.responseRate;
  const rateAfter = after.progress.responseRate;
  return {
    earlier: comparedSurvey(earlier.survey),
    later: comparedSurvey(later.survey),
    filter,
    generatedAt: now.toISOString(),
    questionnaireChanged: earlier.survey.questionnaireVersion !== later.survey.questionnaireVersion,
    progress: {
      invited: pair((e) => e.progress.invited),
      opened: pair((e) => e.progress.opened),
      inProgress: pair((e) => e.progress.inProgress),
      submitted: pair((e) => e.progress.submitted),
      revoked: pair((e) => e.progress.revoked),
      responseRate: {
        earlier: rateBefore,
        later: rateAfter,
        change: rateBefore === null || rateAfter === null ? null : rateAfter - rateBefore,
      },
    },
    offerings: {
      total: pair((e) => e.offerings.total),
      consented: pair((e) => e.offerings.consented),
      notConsented: pair((e) => e.offerings.notConsented),
      byCategory: lists((e) => e.offerings.byCategory),
      byPlace: lists((e) => e.offerings.byPlace),
      byTargetGroup: lists((e) => e.offerings.byTargetGroup),
      byLanguage: lists((e) => e.offerings.byLanguage),
    },
    opening: {
      byStatus: lists((e) => e.opening.byStatus),
      steps: lists((e) => e.opening.steps),
    },
    needs: { byCategory: lists((e) => e.needs.byCategory) },
    offeringChanges: offeringChanges(offeringsOf(earlier.rows, filter), offeringsOf(later.rows, filter)),
  };
}

function comparedSurvey(survey: SurveyWave): ComparedSurvey {
  return {
    surveyId: survey.surveyId,
    title: survey.title,
    wave: survey.wave,
    questionnaireVersion: survey.questionnaireVersion,
    opensAt: survey.opensAt,
    closesAt: survey.closesAt,
  };
}

export function figureChange(earlier: number, later: number): FigureChange {
  return { earlier, later, change: later - earlier };
}

/**
 * Both count lists by key, every key of either: the later wave's order first (most frequent first, as
 * the dashboard shows it), then the keys only the earlier wave counted, in its order.
 */
export function countChanges(earlier: readonly Count[], later: readonly Count[]): CountChange[] {
  const before = new Map(earlier.map((count) => [count.key, count.count]));
  const after = new Map(later.map((count) => [count.key, count.count]));
  const keys = [...new Set([...later.map((count) => count.key), ...earlier.map((count) => count.key)])];
  return keys.map((key) => ({ key, ...figureChange(before.get(key) ?? 0, after.get(key) ?? 0) }));
}

/** The offerings of a wave's submitted responses under the filter, by offering id. */
function offeringsOf(
  rows: readonly EvaluationRow[],
  filter: EvaluationFilter,
): Map<string, ComparedOffering> {
  const byId = new Map<string, ComparedOffering>();
  for (const row of rows) {
    if (!isSubmitted(row) || !matchesFilter(row, filter)) continue;
    for (const offering of row.answers.offerings) {
      byId.set(offering.offeringId, {
        offeringId: offering.offeringId,
        title: offering.title.trim(),
        institution: row.institution,
        category: offeringCategoryKey(offering),
      });
    }
  }
  return byId;
}

function offeringChanges(
  earlier: Map<string, ComparedOffering>,
  later: Map<string, ComparedOffering>,
): WaveComparison['offeringChanges'] {
  const sorted = (offerings: Iterable<ComparedOffering>) =>
    [...offerings].sort(
      (a, b) =>
        a.institution.localeCompare(b.institution, 'de') ||
        a.title.localeCompare(b.title, 'de') ||
        a.offeringId.localeCompare(b.offeringId),
    );
  return {
    appeared: sorted([...later.values()].filter((offering) => !earlier.has(offering.offeringId))),
    disappeared: sorted([...earlier.values()].filter((offering) => !later.has(offering.offeringId))),
    reconfirmed: sorted([...later.values()].filter((offering) => earlier.has(offering.offeringId))),
  };
}
