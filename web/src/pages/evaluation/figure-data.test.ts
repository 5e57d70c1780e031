import { describe, expect, it } from 'vitest';
import ar from '../../../../content/messages/ar.json';
import de from '../../../../content/messages/de.json';
import en from '../../../../content/messages/en.json';
import { createTranslator } from '../../i18n';
import {
  barSummary,
  breakdownRows,
  consentRows,
  countRows,
  formatRate,
  gapCell,
  gapCellText,
  gapColumns,
  gapLines,
  keyLabel,
  openingBySectorRows,
  pressingCells,
  progressRows,
} from './figure-data';

const { t } = createTranslator('de', de);
const english = createTranslator('en', en).t;

describe('chart data as table rows', () => {
  it('labels each count with the questionnaire text of its option, in the order given', () => {
    const rows = countRows(t, 'de', 'needCategory', [
      { key: 'language', count: 3 },
      { key: 'housing', count: 1 },
    ]);
    expect(rows).toEqual([
      { key: 'language', count: 3, figure: 'needCategory', label: de.questionnaire.needCategories.language },
      { key: 'housing', count: 1, figure: 'needCategory', label: de.questionnaire.needCategories.housing },
    ]);
  });

  it('names municipalities by their German name and marks them German, in any page language', () => {
    const [row] = countRows(english, 'en', 'offeringPlace', [{ key: 'ochsenfurt', count: 2 }]);
    expect(row).toMatchObject({ label: 'Ochsenfurt', lang: 'de' });
    expect(keyLabel(english, 'en', 'place', 'whole-county')).toEqual({
      label: en.questionnaire.places['whole-county'],
    });
  });

  it('says in words when an answer is not known yet, and shows an unknown key as it is', () => {
    expect(keyLabel(t, 'de', 'sector', 'unknown').label).toBe(de.evaluationPage.unknown);
    expect(keyLabel(t, 'de', 'sector', 'astrology').label).toBe('astrology');
  });

  it('writes a day of the submissions as a date in the page language', () => {
    expect(keyLabel(t, 'de', 'submittedOn', '2026-03-05').label).toBe('5. März 2026');
  });

  it('turns the progress into one row per state, each drilling into that state', () => {
    const rows = progressRows(t, 'de', {
      invited: 10,
      opened: 7,
      inProgress: 3,
      submitted: 4,
      revoked: 1,
      responseRate: 4 / 9,
      bySector: [],
      byType: [],
      byPlace: [],
      submissionsOverTime: [],
    });
    expect(rows.map((row) => [row.key, row.count, row.figure, row.label])).toEqual([
      ['invited', 10, 'progress', de.evaluationPage.states.invited],
      ['opened', 7, 'progress', de.evaluationPage.states.opened],
      ['in_progress', 3, 'progress', de.evaluationPage.states.in_progress],
      ['submitted', 4, 'progress', de.evaluationPage.states.submitted],
      ['revoked', 1, 'progress', de.evaluationPage.states.revoked],
    ]);
  });

  it('splits the offerings into consented and not consented', () => {
    const rows = consentRows(t, 'de', {
      total: 5,
      consented: 3,
      notConsented: 2,
      byCategory: [],
      byPlace: [],
      byTargetGroup: [],
      byLanguage: [],
    });
    expect(rows.map((row) => [row.key, row.count])).toEqual([
      ['consented', 3],
      ['not_consented', 2],
    ]);
  });

  it('gives each breakdown row its own response rate, and none while nobody is invited', () => {
    const rows = breakdownRows(t, 'de', 'sector', [
      { key: 'education', invited: 4, submitted: 3 },
      { key: 'unknown', invited: 0, submitted: 0 },
    ]);
    expect(rows.map((row) => [row.label, row.invited, row.submitted, row.rate.replace(/\s/g, ' ')])).toEqual([
      [de.questionnaire.sectors.education, 4, 3, '75 %'],
      [de.evaluationPage.unknown, 0, 0, '–'],
    ]);
  });

  it('writes the response rate with Latin digits in Arabic too', () => {
    expect(formatRate('ar', 0.5)).toMatch(/50/);
    expect(formatRate('de', null)).toBe('–');
  });

  it('fills every status of every sector, zeros included, in the given status order', () => {
    const rows = openingBySectorRows(
      t,
      'de',
      ['not_considered', 'planned', 'started', 'established'],
      [
        {
          sector: 'social',
          statuses: [
            { key: 'started', count: 2 },
            { key: 'planned', count: 1 },
          ],
        },
      ],
    );
    expect(rows).toEqual([
      { key: 'social', label: { label: de.questionnaire.sectors.social }, counts: [0, 1, 2, 0] },
    ]);
  });

  it('summarises a chart with its first six values and points to the table for the rest', () => {
    const rows = Array.from({ length: 8 }, (_, index) => ({ label: `L${index}`, count: 8 - index }));
    const summary = barSummary(t, rows);
    expect(summary).toContain('L0: 8; L1: 7; L2: 6; L3: 5; L4: 4; L5: 3; …');
    expect(summary).not.toContain('L6');
  });
});

describe('gap cells in words', () => {
  it.each([
    ['gap', 3, 0, 'Lücke – Bedarf gemeldet: 3, passende Angebote: 0'],
    ['few', 4, 1, 'Wenige Angebote – Bedarf gemeldet: 4, passende Angebote: 1'],
    ['covered', 2, 6, 'Abgedeckt – Bedarf gemeldet: 2, passende Angebote: 6'],
    ['no_need', 0, 5, 'Kein Bedarf – Bedarf gemeldet: 0, passende Angebote: 5'],
  ] as const)('says %s with its counts (%i needs, %i offerings)', (state, needs, offerings, expected) => {
    expect(gapCellText(t, { state, needs, offerings })).toBe(expected);
  });

  it('says each state in every language, not only by colour', () => {
    const arabic = createTranslator('ar', ar).t;
    const text = gapCellText(arabic, { state: 'gap', needs: 2, offerings: 0 });
    expect(text).toContain(ar.evaluationPage.gaps.states.gap);
    expect(text).toContain('2');
  });

  const rows = [
    {
      need: 'language' as const,
      offeringCategory: 'language_courses' as const,
      byPlace: [
        { column: 'ochsenfurt', needs: 3, offerings: 0, state: 'gap' as const },
        { column: 'online', needs: 1, offerings: 4, state: 'covered' as const },
      ],
      byTargetGroup: [{ column: 'women', needs: 2, offerings: 1, state: 'few' as const }],
    },
    {
      need: 'housing' as const,
      offeringCategory: 'housing' as const,
      byPlace: [
        { column: 'giebelstadt', needs: 5, offerings: 0, state: 'gap' as const },
        { column: 'ochsenfurt', needs: 1, offerings: 1, state: 'few' as const },
      ],
      byTargetGroup: [],
    },
  ];

  it('collects the columns of all rows in the order they first appear', () => {
    expect(gapColumns(rows, 'byPlace')).toEqual(['ochsenfurt', 'online', 'giebelstadt']);
    expect(gapColumns(rows, 'byTargetGroup')).toEqual(['women']);
  });

  it('reads a column a row leaves out as no need and no offerings', () => {
    const [language] = rows;
    if (!language) throw new Error('the rows above have a first row');
    expect(gapCell(language, 'byPlace', 'giebelstadt')).toEqual({
      column: 'giebelstadt',
      needs: 0,
      offerings: 0,
      state: 'no_need',
    });
  });

  it('puts gaps before few offerings, the most institutions in need first', () => {
    const pressing = pressingCells(rows, 'byPlace', 10).map(({ row, cell }) => `${row.need}@${cell.column}`);
    expect(pressing).toEqual(['housing@giebelstadt', 'language@ochsenfurt', 'housing@ochsenfurt']);
    expect(pressingCells(rows, 'byPlace', 1)).toHaveLength(1);
  });
});

describe('the gap view turned for reading', () => {
  const cell = (
    column: string,
    needs: number,
    offerings: number,
    state: 'gap' | 'few' | 'covered' | 'no_need',
  ) => ({
    column,
    needs,
    offerings,
    state,
  });
  const rows = [
    {
      need: 'language' as const,
      offeringCategory: 'language_courses' as const,
      byPlace: [
        cell('ochsenfurt', 2, 0, 'gap'),
        cell('eibelstadt', 0, 1, 'no_need'),
        cell('online', 0, 0, 'no_need'),
      ],
      byTargetGroup: [],
    },
    {
      need: 'work' as const,
      offeringCategory: 'work_training' as const,
      byPlace: [
        cell('ochsenfurt', 0, 0, 'no_need'),
        cell('eibelstadt', 1, 3, 'covered'),
        cell('online', 0, 2, 'no_need'),
      ],
      byTargetGroup: [],
    },
  ];

  it('gives each place one line with one cell per need, in the order of the needs', () => {
    const { reported } = gapLines(rows, 'byPlace');
    expect(reported.map((line) => [line.column, line.cells.map((c) => c.state)])).toEqual([
      ['ochsenfurt', ['gap', 'no_need']],
      ['eibelstadt', ['no_need', 'covered']],
    ]);
  });

  it('names the places where no need was reported apart, however many offerings they have', () => {
    expect(gapLines(rows, 'byPlace').quiet).toEqual(['online']);
  });

  it('has no lines when the API sent no cells', () => {
    expect(gapLines(rows, 'byTargetGroup')).toEqual({ reported: [], quiet: [] });
  });
});
