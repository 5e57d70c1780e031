import type { z } from 'zod';
import type { Count, Evaluation, GapView, gapStates } from '../../../../functions/evaluation/schemas';
import type { Language } from '../../../../functions/shared/i18n/languages';
import type { MessageKey, MessageParams } from '../../../../functions/shared/i18n/messages';
import { formatDay } from '../survey/format';
import { type OptionGroup, type OptionId, optionGroups, optionLabel, placeLabel } from '../survey/labels';
import type { DrillDownFigure } from './evaluation-query';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A label as shown, with its language where it is a proper name (municipalities are German). */
export interface Label {
  label: string;
  lang?: Language;
}

/** The questionnaire's option list each figure's keys come from. */
const figureGroups: Partial<Record<DrillDownFigure, OptionGroup>> = {
  sector: 'sectors',
  type: 'institutionTypes',
  offeringCategory: 'offeringCategories',
  targetGroup: 'targetGroups',
  offeredLanguage: 'offeredLanguages',
  openingStatus: 'openingStatuses',
  openingStep: 'openingSteps',
  needCategory: 'needCategories',
};

export const progressStates = ['invited', 'opened', 'in_progress', 'submitted', 'revoked'] as const;
export type ProgressState = (typeof progressStates)[number];
export const consentValues = ['consented', 'not_consented'] as const;

function isOption<G extends OptionGroup>(group: G, key: string): key is OptionId<G> {
  return (optionGroups[group] as readonly string[]).includes(key);
}

/**
 * The label of one key of a figure: the questionnaire's option text, a place's name, a day, or the
 * evaluation's own words for states, consent and "not known yet". An unknown key shows as it is.
 */
export function keyLabel(t: Translate, language: Language, figure: DrillDownFigure, key: string): Label {
  if (key === 'unknown') return { label: t('evaluationPage.unknown') };
  const group = figureGroups[figure];
  if (group) return { label: isOption(group, key) ? optionLabel(t, group, key) : key };
  switch (figure) {
    case 'place':
    case 'offeringPlace':
      return placeLabel(t, key);
    case 'submittedOn':
      return { label: formatDay(key, language) };
    case 'progress':
      return (progressStates as readonly string[]).includes(key) || key === 'not_opened'
        ? { label: t(`evaluationPage.states.${key}` as MessageKey) }
        : { label: key };
    case 'consent':
      return (consentValues as readonly string[]).includes(key)
        ? { label: t(`evaluationPage.consent.${key}` as MessageKey) }
        : { label: key };
    default:
      return { label: key };
  }
}

/** One bar and one table row: what it stands for, its label, its count and what a click drills into. */
export interface CountRow extends Label {
  key: string;
  count: number;
  figure: DrillDownFigure;
}

/** A figure's counts as rows in the API's order (largest first), labelled for the page's language. */
export function countRows(
  t: Translate,
  language: Language,
  figure: DrillDownFigure,
  counts: readonly Count[],
): CountRow[] {
  return counts.map(({ key, count }) => ({ key, count, figure, ...keyLabel(t, language, figure, key) }));
}

/** The progress figures as rows; each drills down into the responses in that state. */
export function progressRows(t: Translate, language: Language, progress: Evaluation['progress']): CountRow[] {
  const counts: Record<ProgressState, number> = {
    invited: progress.invited,
    opened: progress.opened,
    in_progress: progress.inProgress,
    submitted: progress.submitted,
    revoked: progress.revoked,
  };
  return progressStates.map((state) => ({
    key: state,
    count: counts[state],
    figure: 'progress',
    ...keyLabel(t, language, 'progress', state),
  }));
}

export function consentRows(
  t: Translate,
  language: Language,
  offerings: Evaluation['offerings'],
): CountRow[] {
  return countRows(t, language, 'consent', [
    { key: 'consented', count: offerings.consented },
    { key: 'not_consented', count: offerings.notConsented },
  ]);
}

/** The text alternative of a bar chart: its kind and its first values; the table below holds them all. */
export function barSummary(t: Translate, rows: readonly { label: string; count: number }[]): string {
  const shown = rows.slice(0, 6).map((row) => `${row.label}: ${row.count}`);
  const items = rows.length > shown.length ? `${shown.join('; ')}; …` : shown.join('; ');
  return t('evaluationPage.barChartSummary', { items });
}

/** A share as a whole percentage in the page's language; no share while nothing is counted. */
// Latin digits in every language, as the console's dates and counts show them.
const latin = { numberingSystem: 'latn' } as const;

export function formatShare(language: Language, part: number, whole: number): string {
  if (whole <= 0) return '–';
  return new Intl.NumberFormat(language, { ...latin, style: 'percent', maximumFractionDigits: 0 }).format(
    part / whole,
  );
}

export function formatRate(language: Language, rate: number | null): string {
  if (rate === null) return '–';
  return new Intl.NumberFormat(language, { ...latin, style: 'percent', maximumFractionDigits: 1 }).format(
    rate,
  );
}

/** One row of a breakdown of progress (by sector, type or place): invited, submitted, their rate. */
export interface BreakdownRow extends Label {
  key: string;
  invited: number;
  submitted: number;
  rate: string;
}

export function breakdownRows(
  t: Translate,
  language: Language,
  figure: 'sector' | 'type' | 'place',
  rows: Evaluation['progress']['bySector'],
): BreakdownRow[] {
  return rows.map((row) => ({
    key: row.key,
    invited: row.invited,
    submitted: row.submitted,
    rate: formatShare(language, row.submitted, row.invited),
    ...keyLabel(t, language, figure, row.key),
  }));
}

/** The opening status per sector as one row per sector with a count per status, zeros included. */
export function openingBySectorRows(
  t: Translate,
  language: Language,
  statuses: readonly string[],
  bySector: Evaluation['opening']['bySector'],
): { key: string; label: Label; counts: number[] }[] {
  return bySector.map((row) => ({
    key: row.sector,
    label: keyLabel(t, language, 'sector', row.sector),
    counts: statuses.map((status) => row.statuses.find((count) => count.key === status)?.count ?? 0),
  }));
}

export type GapState = (typeof gapStates)[number];

/**
 * A gap cell in words, so it never depends on colour: its state, then the counts behind it
 * ("Gap: 3 needs, 0 offerings").
 */
export function gapCellText(
  t: Translate,
  cell: { state: GapState; needs: number; offerings: number },
): string {
  return t('evaluationPage.gaps.cell', {
    state: t(`evaluationPage.gaps.states.${cell.state}`),
    needs: cell.needs,
    offerings: cell.offerings,
  });
}

/** The most pressing cells first: gaps, then few offerings, by the number of institutions in need. */
export function gapRank(cell: { state: GapState; needs: number }): number {
  const order: Record<GapState, number> = { gap: 0, few: 1, covered: 2, no_need: 3 };
  return order[cell.state] * 1_000_000 - cell.needs;
}

type GapRow = z.infer<typeof GapView>['rows'][number];
export type GapPart = 'byPlace' | 'byTargetGroup';

/** The columns of one part of the gap view, in the order the API first names them. */
export function gapColumns(rows: readonly GapRow[], part: GapPart): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const cell of row[part]) seen.add(cell.column);
  return [...seen];
}

/**
 * The gap view turned for reading: one line per place (or target group), one cell per need, so that
 * the 7 needs fit across a screen and the 55 places run down it. Lines where no institution reported
 * any need are split off (`quiet`): the page names them in one sentence instead of a row of "no need".
 */
export function gapLines(rows: readonly GapRow[], part: GapPart) {
  const lines = gapColumns(rows, part).map((column) => ({
    column,
    cells: rows.map((row) => gapCell(row, part, column)),
  }));
  return {
    reported: lines.filter((line) => line.cells.some((cell) => cell.needs > 0)),
    quiet: lines.filter((line) => line.cells.every((cell) => cell.needs === 0)).map((line) => line.column),
  };
}

/** A cell of the gap view; a column the API left out of a row had neither needs nor offerings. */
export function gapCell(row: GapRow, part: GapPart, column: string): GapRow['byPlace'][number] {
  return (
    row[part].find((cell) => cell.column === column) ?? { column, needs: 0, offerings: 0, state: 'no_need' }
  );
}

/** The cells a steering committee looks at first: gaps, then few offerings, most institutions in need first. */
export function pressingCells(rows: readonly GapRow[], part: GapPart, limit: number) {
  return rows
    .flatMap((row) => row[part].map((cell) => ({ row, cell })))
    .filter(({ cell }) => cell.state === 'gap' || cell.state === 'few')
    .sort((a, b) => gapRank(a.cell) - gapRank(b.cell))
    .slice(0, limit);
}
