import { describe, expect, it } from 'vitest';
import { buildReport, reportSummary } from './report';
import type { EvaluationRow } from './rows';
import type { EvaluationReport } from './schemas';
import { offering, submitted, unanswered } from './testing/rows';

const survey = {
  surveyId: '00000000-0000-4000-8000-00000000aaaa',
  title: 'Umfrage 2026',
  opensAt: '2026-03-01T08:00:00Z',
  closesAt: '2026-04-30T20:00:00Z',
};
const at = '2026-03-10T10:00:00Z';
const now = new Date('2026-05-02T09:00:00Z');

/**
 * Five institutions in education (Ochsenfurt), two in the social sector (Ochsenfurt), one in Aub: the
 * social sector is a cell of 2 and Aub a cell of 1.
 */
function rows(consent: { social?: boolean } = {}): EvaluationRow[] {
  const education = ['a', 'b', 'c', 'd', 'e'].map((letter) =>
    submitted(
      letter,
      {
        name: `Schule ${letter.toUpperCase()}`,
        sector: 'education',
        places: ['ochsenfurt'],
        needs: ['language'],
        needText: `Mehr Sprachkurse ${letter}`,
        offerings: [offering({ category: 'language_courses', places: ['ochsenfurt'] })],
        status: 'started',
      },
      { first: at },
    ),
  );
  const social = ['f', 'g'].map((letter) =>
    submitted(
      letter,
      {
        name: `Sozialverein ${letter.toUpperCase()}`,
        sector: 'social',
        places: ['ochsenfurt'],
        needs: ['housing'],
        needText: `Wohnraum fehlt ${letter}`,
        status: 'planned',
        ...(consent.social === undefined ? {} : { quoteConsent: consent.social }),
      },
      { first: at },
    ),
  );
  const aub = submitted(
    'h',
    {
      name: 'Einzige Einrichtung in Aub',
      sector: 'education',
      places: ['aub'],
      needs: ['language'],
      obstacles: 'Kein Geld für Dolmetscher',
      offerings: [
        offering({ category: 'housing', places: ['aub'] }),
        offering({ category: 'housing', places: ['aub'] }),
        offering({ category: 'housing', places: ['aub'] }),
      ],
      status: 'started',
    },
    { first: at },
  );
  return [...education, ...social, aub, unanswered('i', 'not_opened'), unanswered('j', 'revoked')];
}

const options = () => ({
  threshold: 3,
  texts: { needs: 'Der Bedarf an Sprachkursen ist hoch.' },
  now,
});

/** Every count of institutions the report publishes (interview counts and staff findings are not). */
function publishedInstitutionCounts(report: EvaluationReport): { at: string; count: number }[] {
  return report.sections.flatMap((section) =>
    section.tables
      .filter((table) => table.id !== 'findings-interviews')
      .flatMap((table) =>
        table.rows.flatMap((row) =>
          row.cells.flatMap((cell, index) =>
            'count' in cell && !(table.id === 'findings-topics' && index > 0)
              ? [{ at: `${table.id}/${row.key}/${index}`, count: cell.count }]
              : [],
          ),
        ),
      ),
  );
}

function cell(report: EvaluationReport, tableId: string, rowKey: string, index = 0) {
  const table = report.sections.flatMap((section) => section.tables).find((found) => found.id === tableId);
  return table?.rows.find((row) => row.key === rowKey)?.cells[index];
}

describe('the evaluation report', () => {
  it('publishes no count of 1 or 2 institutions anywhere', () => {
    const report = buildReport(survey, rows(), { interviews: [], findings: [] }, options());
    const small = publishedInstitutionCounts(report).filter((entry) => entry.count > 0 && entry.count < 3);
    expect(small).toEqual([]);
  });

  it('shows the small cells as suppressed, and protects them from being computed from a total', () => {
    const report = buildReport(survey, rows(), { interviews: [], findings: [] }, options());

    expect(cell(report, 'progress-sector', 'social')).toEqual({ suppressed: 'small' });
    expect(cell(report, 'progress-sector', 'education')).toEqual({ suppressed: 'secondary' });
    expect(cell(report, 'progress-place', 'aub')).toEqual({ suppressed: 'small' });
    // Three housing offerings, but all from one institution: still a cell of one institution.
    expect(cell(report, 'offerings-category', 'housing')).toEqual({ suppressed: 'small' });
    expect(cell(report, 'method-states', 'submitted')).toEqual({ count: 8 });
    expect(report.suppressed.small).toBeGreaterThan(0);
    expect(report.sections[0]?.paragraphs.join(' ')).toContain('weniger als 3');
  });

  it('counts the same cells when the threshold is lower', () => {
    const report = buildReport(
      survey,
      rows(),
      { interviews: [], findings: [] },
      { ...options(), threshold: 2 },
    );
    expect(cell(report, 'progress-sector', 'social')).toEqual({ count: 2 });
    expect(cell(report, 'progress-place', 'aub')).toEqual({ suppressed: 'small' });
  });

  it('quotes free text only with consent, and never with the institution', () => {
    const without = JSON.stringify(buildReport(survey, rows(), { interviews: [], findings: [] }, options()));
    const declined = JSON.stringify(
      buildReport(survey, rows({ social: false }), { interviews: [], findings: [] }, options()),
    );
    const consented = buildReport(
      survey,
      rows({ social: true }),
      { interviews: [], findings: [] },
      options(),
    );

    expect(without).not.toContain('Sprachkurse a');
    expect(without).not.toContain('Kein Geld');
    expect(without).not.toContain('Wohnraum fehlt');
    expect(declined).not.toContain('Wohnraum fehlt');
    const needs = consented.sections.find((section) => section.id === 'needs');
    expect(needs?.quotes.map((quote) => quote.text)).toEqual(['Wohnraum fehlt f', 'Wohnraum fehlt g']);
    const text = JSON.stringify(consented);
    expect(text).not.toContain('Sozialverein');
    expect(text).not.toContain('00000000-0000-4000-8000-00000000000f');
    expect(text).not.toContain('Mehr Sprachkurse');
  });

  it("puts staff's section text in its section", () => {
    const report = buildReport(survey, rows(), { interviews: [], findings: [] }, options());
    expect(report.sections.find((section) => section.id === 'needs')?.staffText).toBe(
      'Der Bedarf an Sprachkursen ist hoch.',
    );
  });

  it.each([
    ['de', '8 Einrichtungen haben an der Umfrage teilgenommen (80 % der Eingeladenen).'],
    ['en', '8 institutions took part in the survey (80% of those invited).'],
    ['ru', 'В опросе приняли участие 8 учреждений (80 % от приглашённых).'],
  ] as const)('summarises in %s with the published numbers only', (language, first) => {
    const report = buildReport(survey, rows(), { interviews: [], findings: [] }, options());
    // Intl separates the percent sign with a (narrow) no-break space in some languages.
    const summary = reportSummary(report, language).replace(/[\u00a0\u202f]/g, ' ');
    expect(summary.startsWith(first)).toBe(true);
    // Housing was named by 2 institutions only: it is not among the needs named most often.
    expect(summary).not.toMatch(/Wohnen|Housing|Жиль/);
  });
});
