import type { z } from 'zod';
import type { CountChange, FigureChange } from '../../../../functions/evaluation/schemas';
import type { Language } from '../../../../functions/shared/i18n/languages';
import type { MessageKey, MessageParams } from '../../../../functions/shared/i18n/messages';
import type { SurveyView } from '../../../../functions/survey/schemas';
import type { DrillDownFigure } from './evaluation-query';
import { keyLabel, type Label } from './figure-data';

type Translate = (key: MessageKey, params?: MessageParams) => string;
type Survey = z.infer<typeof SurveyView>;

// Latin digits in every language, as the console's dates and counts show them.
const latin = { numberingSystem: 'latn' } as const;
/** The typographic minus: a hyphen is read as "dash" or not at all by some screen readers. */
const minus = '\u2212';

/** A change as shown: its sign always written, so it never depends on colour (`+2`, `−1`, `±0`). */
export function signedChange(language: Language, change: number): string {
  const size = new Intl.NumberFormat(language, latin).format(Math.abs(change));
  if (change > 0) return `+${size}`;
  if (change < 0) return `${minus}${size}`;
  return `±${size}`;
}

/** A change in words, for screen readers: "2 more", "1 fewer", "unchanged". */
export function changeInWords(t: Translate, language: Language, change: number): string {
  const size = new Intl.NumberFormat(language, latin).format(Math.abs(change));
  if (change > 0) return t('evaluationWaves.more', { count: size });
  if (change < 0) return t('evaluationWaves.fewer', { count: size });
  return t('evaluationWaves.unchanged');
}

/** A rate's change in percentage points, rounded to one decimal; nothing to say while a rate is missing. */
export function rateChangeInPoints(change: number | null): number | null {
  if (change === null) return null;
  const points = Math.round(change * 1000) / 10;
  // -0 would read "−0".
  return points === 0 ? 0 : points;
}

export function signedPoints(language: Language, points: number): string {
  const size = new Intl.NumberFormat(language, { ...latin, maximumFractionDigits: 1 }).format(
    Math.abs(points),
  );
  if (points > 0) return `+${size}`;
  if (points < 0) return `${minus}${size}`;
  return `±${size}`;
}

export function pointsInWords(t: Translate, language: Language, points: number): string {
  const size = new Intl.NumberFormat(language, { ...latin, maximumFractionDigits: 1 }).format(
    Math.abs(points),
  );
  if (points > 0) return t('evaluationWaves.pointsUp', { points: size });
  if (points < 0) return t('evaluationWaves.pointsDown', { points: size });
  return t('evaluationWaves.unchanged');
}

/** One row of a comparison table: what it counts, both values and the change. */
export interface ChangeRow extends Label, FigureChange {
  key: string;
}

/** A count list's rows, labelled as the dashboard labels that figure. */
export function changeRows(
  t: Translate,
  language: Language,
  figure: DrillDownFigure,
  counts: readonly CountChange[],
): ChangeRow[] {
  return counts.map((count) => ({ ...count, ...keyLabel(t, language, figure, count.key) }));
}

/** The surveys one can compare a survey with: every other one, the newest wave first. */
export function otherSurveys(surveys: readonly Survey[], surveyId: string): Survey[] {
  return surveys
    .filter((survey) => survey.surveyId !== surveyId)
    .sort((a, b) => b.wave - a.wave || b.opensAt.localeCompare(a.opensAt));
}

/** The survey to compare with: the one named in the address, else the survey's wave before, else none. */
export function comparedWith(
  surveys: readonly Survey[],
  surveyId: string,
  named: string | undefined,
): string | undefined {
  if (named && named !== surveyId) return named;
  return surveys.find((survey) => survey.surveyId === surveyId)?.previousSurveyId;
}

/** A survey as a select option or heading names it: its wave and its title. */
export function waveName(t: Translate, survey: { wave: number; title: string }): string {
  return t('evaluationWaves.waveName', { wave: survey.wave, title: survey.title });
}
