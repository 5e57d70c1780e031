import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFormulaSafe, neutralise, utf8Bom, wellFormed } from '../shared/csv';
import { emptyAnswers, emptyOffering, type Offering, type SurveyAnswers } from '../survey/questionnaire';
import {
  buildExportTable,
  buildExportTables,
  type ExportPart,
  type ExportTable,
  sheetNames,
  toEvaluationCsv,
  toEvaluationXlsx,
  xlsxText,
} from './exports';
import type { EvaluatedFinding, EvaluatedInterview, EvaluationRow, ProcessRecords } from './rows';
import { type EvaluationFilter, exportParts } from './schemas';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type AnswerOverrides = {
  name?: string;
  sector?: SurveyAnswers['institution']['sector'];
  type?: SurveyAnswers['institution']['type'];
  places?: string[];
  offerings?: Partial<Offering>[];
  obstacles?: string;
  needs?: string;
  mostHelpful?: string;
  quoteConsent?: boolean;
};

function answers(overrides: AnswerOverrides = {}): SurveyAnswers {
  const base = emptyAnswers();
  return {
    ...base,
    institution: {
      ...base.institution,
      name: overrides.name ?? 'Volkshochschule Ochsenfurt',
      sector: overrides.sector ?? 'education',
      type: overrides.type ?? 'adult_education',
      places: overrides.places ?? ['ochsenfurt'],
    },
    offerings: (overrides.offerings ?? []).map((offering, index) => ({
      ...emptyOffering(id(900 + index), 'de'),
      title: `Angebot ${index + 1}`,
      category: 'language_courses',
      ...offering,
    })),
    opening: {
      status: 'started',
      steps: ['interpreters'],
      stepsOther: '',
      obstacles: overrides.obstacles ?? '',
    },
    needs: {
      categories: ['housing'],
      description: overrides.needs ?? '',
      mostHelpful: overrides.mostHelpful ?? '',
    },
    interview: { willing: true, topics: ['housing'], topicsOther: '' },
    privacy: {
      accepted: true,
      noticeVersion: '2026-11-01',
      ...(overrides.quoteConsent === undefined ? {} : { quoteConsent: overrides.quoteConsent }),
    },
  };
}

function submitted(n: number, overrides: AnswerOverrides = {}, at = '2026-11-10T09:30:00Z'): EvaluationRow {
  const given = answers(overrides);
  return {
    invitationId: id(n),
    institution: given.institution.name,
    state: 'submitted',
    language: 'de',
    openedAt: '2026-11-09T08:00:00Z',
    firstSubmittedAt: at,
    submittedAt: at,
    submissionNumber: 1,
    answers: given,
  };
}

const noProcess: ProcessRecords = { interviews: [], findings: [] };
const noFilter: EvaluationFilter = {};
const surveyParts = ['institutions', 'offerings', 'opening', 'needs'] as const;

const columnOf = (table: ExportTable, columnId: string) => {
  const index = table.columns.findIndex((column) => column.id === columnId);
  expect(index, columnId).toBeGreaterThanOrEqual(0);
  return table.rows.map((row) => row[index]);
};
const allText = (table: ExportTable) => JSON.stringify(table);

describe('which responses the exports hold', () => {
  // A response submitted twice: the row carries its second version (the store keeps the first apart).
  const corrected: EvaluationRow = {
    ...submitted(1, {
      name: 'Caritas Würzburg',
      needs: 'Zweite Fassung: Wohnraum fehlt',
      offerings: [{ title: 'Sprachcafé' }],
    }),
    firstSubmittedAt: '2026-11-02T10:00:00Z',
    submittedAt: '2026-11-20T15:45:00Z',
    submissionNumber: 2,
  };
  // A submitted response later reopened: its answers are a draft that must not be exported.
  const draft: EvaluationRow = {
    ...submitted(2, { name: 'Entwurf e.V.', offerings: [{ title: 'Entwurfsangebot' }] }),
    state: 'in_progress',
    submittedAt: undefined,
    firstSubmittedAt: undefined,
    submissionNumber: undefined,
  };
  const revoked: EvaluationRow = {
    ...submitted(3, {
      name: 'Widerrufen gGmbH',
      needs: 'zurückgezogen',
      offerings: [{ title: 'Widerrufsangebot' }],
    }),
    state: 'revoked',
  };
  const notOpened: EvaluationRow = {
    invitationId: id(4),
    institution: 'Nie geöffnet e.V.',
    state: 'not_opened',
    language: 'de',
  };
  const rows = [revoked, corrected, draft, notOpened];

  it.each(surveyParts)('holds only the submitted response in the %s part', (part) => {
    const table = buildExportTable(part, rows, noProcess, noFilter);
    expect(columnOf(table, 'response.invitationId')).toEqual([id(1)]);
    for (const absent of [
      'Entwurf e.V.',
      'Entwurfsangebot',
      'Widerrufen gGmbH',
      'Widerrufsangebot',
      'Nie geöffnet',
    ]) {
      expect(allText(table)).not.toContain(absent);
    }
  });

  it('writes the latest version: its answers, its number and its time, with the first submission kept', () => {
    const institutions = buildExportTable('institutions', rows, noProcess, noFilter);
    expect(columnOf(institutions, 'institution.name')).toEqual(['Caritas Würzburg']);
    expect(columnOf(institutions, 'response.submissionNumber')).toEqual([2]);
    expect(columnOf(institutions, 'response.firstSubmittedAt')).toEqual(['2026-11-02 11:00']);
    expect(columnOf(institutions, 'response.submittedAt')).toEqual(['2026-11-20 16:45']);
    const needs = buildExportTable('needs', rows, noProcess, noFilter);
    expect(columnOf(needs, 'needs.description')).toEqual(['Zweite Fassung: Wohnraum fehlt']);
  });

  it('names the institution of an interview only through a submitted response', () => {
    const interviews: EvaluatedInterview[] = [
      { interviewId: 'i1', roundId: 'r1', roundTopic: 'Wohnen', state: 'held', responseInvitationId: id(1) },
      {
        interviewId: 'i3',
        roundId: 'r1',
        roundTopic: 'Wohnen',
        state: 'booked',
        responseInvitationId: id(3),
      },
    ];
    const table = buildExportTable('interviews', rows, { interviews, findings: [] }, noFilter);
    expect(columnOf(table, 'expertInterview.institution')).toEqual(['Caritas Würzburg', '']);
    expect(allText(table)).not.toContain('Widerrufen gGmbH');
  });
});

describe('the dashboard filter', () => {
  const rows = [
    submitted(1, {
      name: 'Schule Giebelstadt',
      sector: 'education',
      type: 'school',
      places: ['giebelstadt'],
    }),
    submitted(
      2,
      { name: 'Diakonie Ochsenfurt', sector: 'social', type: 'welfare_organisation' },
      '2026-11-20T12:00:00Z',
    ),
    submitted(3, {
      name: 'Sportverein Höchberg',
      sector: 'social',
      type: 'association',
      places: ['hoechberg'],
    }),
    { ...submitted(4, { name: 'Zurückgezogen', sector: 'social' }), state: 'revoked' as const },
  ];
  const interviews: EvaluatedInterview[] = [
    {
      interviewId: 'i1',
      roundId: 'r',
      roundTopic: 'Schule',
      state: 'written_up',
      responseInvitationId: id(1),
    },
    {
      interviewId: 'i2',
      roundId: 'r',
      roundTopic: 'Soziales',
      state: 'invited',
      responseInvitationId: id(2),
    },
    { interviewId: 'i4', roundId: 'r', roundTopic: 'Soziales', state: 'held', responseInvitationId: id(4) },
    { interviewId: 'i9', roundId: 'r', roundTopic: 'Außerhalb', state: 'booked' },
  ];
  const findings: EvaluatedFinding[] = [
    {
      source: 'workshop',
      sourceId: 'w1',
      sourceTitle: 'Workshop 2027',
      kind: 'recommendation',
      text: 'Mehr Sprachkurse am Abend',
      textLanguage: 'de',
      topics: ['language_courses'],
    },
  ];
  const process = { interviews, findings };

  it.each<[string, EvaluationFilter, string[], string[]]>([
    [
      'no filter',
      {},
      ['Diakonie Ochsenfurt', 'Schule Giebelstadt', 'Sportverein Höchberg'],
      ['i1', 'i2', 'i4', 'i9'],
    ],
    ['sector social', { sector: 'social' }, ['Diakonie Ochsenfurt', 'Sportverein Höchberg'], ['i2']],
    ['type school', { type: 'school' }, ['Schule Giebelstadt'], ['i1']],
    ['place Ochsenfurt', { place: 'ochsenfurt' }, ['Diakonie Ochsenfurt'], ['i2']],
    ['submitted from 15 November', { from: '2026-11-15' }, ['Diakonie Ochsenfurt'], ['i2']],
    [
      'submitted up to 15 November',
      { to: '2026-11-15' },
      ['Schule Giebelstadt', 'Sportverein Höchberg'],
      ['i1'],
    ],
    ['sector and place together', { sector: 'social', place: 'hoechberg' }, ['Sportverein Höchberg'], []],
  ])('with %s, every part holds exactly the matching institutions', (_, filter, names, interviewIds) => {
    const tables = buildExportTables(rows, process, filter);
    for (const part of ['institutions', 'opening', 'needs'] as const) {
      expect(columnOf(tables[part], 'institution.name'), part).toEqual(names);
    }
    expect(columnOf(tables.interviews, 'expertInterview.interviewId')).toEqual(interviewIds);
    // Findings belong to rounds and workshops, not to institutions: no filter selects among them.
    expect(tables.findings.rows).toHaveLength(1);
  });

  it('lists one row per offering, each with its institution', () => {
    const withOfferings = [
      submitted(1, { name: 'VHS', offerings: [{ title: 'Deutschkurs A1' }, { title: 'Deutschkurs B1' }] }),
      submitted(2, { name: 'Diakonie', sector: 'social', offerings: [{ title: 'Beratung', publish: true }] }),
    ];
    const table = buildExportTable('offerings', withOfferings, noProcess, { sector: 'education' });
    expect(columnOf(table, 'offerings[].title')).toEqual(['Deutschkurs A1', 'Deutschkurs B1']);
    expect(columnOf(table, 'institution.name')).toEqual(['VHS', 'VHS']);
    expect(columnOf(table, 'response.invitationId')).toEqual([id(1), id(1)]);
  });
});

describe('columns and labels', () => {
  const row = submitted(1, {
    name: 'Stadtteiltreff',
    places: ['whole-county', 'giebelstadt'],
    offerings: [
      {
        title: 'Elterncafé',
        targetGroups: ['families', 'women'],
        languages: ['ar', 'uk'],
        places: ['online'],
        cost: 'free',
        publish: true,
      },
    ],
  });
  const tables = buildExportTables([row], noProcess, noFilter);

  it('names columns by question id and labels them in German from the content files', () => {
    const institutions = tables.institutions.columns;
    expect(institutions.find((column) => column.id === 'institution.sector')?.labelDe).toBe('Bereich');
    expect(tables.offerings.columns.find((column) => column.id === 'offerings[].category')?.labelDe).toBe(
      'Themenbereich',
    );
    expect(tables.needs.columns.map((column) => column.id)).toContain('needs.categories');
    for (const part of exportParts) {
      for (const column of tables[part].columns) {
        expect(column.labelDe, column.id).not.toMatch(
          /^(questionnaire|evaluationExport|staff|workshop)\w*\./,
        );
      }
    }
  });

  it('says per institution whether its free text may be quoted, not answered being no', () => {
    const rows = [
      submitted(1, { name: 'Zugestimmt', quoteConsent: true }),
      submitted(2, { name: 'Abgelehnt', quoteConsent: false }),
      submitted(3, { name: 'Nicht gefragt' }),
    ];

    const institutions = buildExportTable('institutions', rows, noProcess, noFilter);

    expect(institutions.columns.find((column) => column.id === 'privacy.quoteConsent')?.labelDe).toBe(
      'Zitieren der Freitext-Antworten erlaubt',
    );
    const names = columnOf(institutions, 'institution.name');
    const consent = columnOf(institutions, 'privacy.quoteConsent');
    expect(Object.fromEntries(names.map((name, index) => [name, consent[index]]))).toEqual({
      Zugestimmt: 'Ja',
      Abgelehnt: 'Nein',
      'Nicht gefragt': 'Nein',
    });
  });

  it('writes option ids as their German labels, several joined with "; "', () => {
    expect(columnOf(tables.institutions, 'institution.sector')).toEqual(['Bildung']);
    expect(columnOf(tables.institutions, 'institution.places')).toEqual([
      'Ganzer Landkreis Würzburg; Giebelstadt',
    ]);
    expect(columnOf(tables.offerings, 'offerings[].targetGroups')).toEqual(['Familien; Frauen']);
    expect(columnOf(tables.offerings, 'offerings[].languages')).toEqual(['Arabisch; Ukrainisch']);
    expect(columnOf(tables.offerings, 'offerings[].places')).toEqual(['Online']);
    expect(columnOf(tables.offerings, 'offerings[].publish')).toEqual(['Ja']);
    expect(columnOf(tables.opening, 'opening.steps')).toEqual(['Dolmetschende oder Sprachmittlung']);
    expect(columnOf(tables.needs, 'needs.categories')).toEqual(['Wohnen']);
    expect(columnOf(tables.institutions, 'offerings.count')).toEqual([1]);
  });

  it('leaves contact persons out unless they are passed, and then only in the institutions part', () => {
    const contact = {
      name: 'Erika Beispiel',
      role: 'Leitung',
      email: 'erika@example.org',
      phone: '0931 1234',
    };
    for (const part of exportParts) {
      expect(tables[part].columns.some((column) => column.id.startsWith('contact.'))).toBe(false);
    }
    const withContacts = buildExportTables([row], noProcess, noFilter, {
      contacts: new Map([[id(1), contact]]),
    });
    expect(columnOf(withContacts.institutions, 'contact.email')).toEqual(['erika@example.org']);
    expect(columnOf(withContacts.institutions, 'contact.name')).toEqual(['Erika Beispiel']);
    for (const part of exportParts.filter((part) => part !== 'institutions')) {
      expect(allText(withContacts[part]), part).not.toContain('Erika Beispiel');
    }
  });
});

describe('the CSV', () => {
  it('starts with a BOM, then a row of question ids and a row of German labels, lines ended by CRLF', () => {
    const table = buildExportTable(
      'needs',
      [submitted(1, { needs: 'Wohnraum, vor allem "bezahlbar"' })],
      noProcess,
      {},
    );
    const csv = toEvaluationCsv(table);
    expect(csv.startsWith(utf8Bom)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(table.columns.map((column) => column.id).join(','));
    expect(lines[1]).toContain('Beschreiben Sie die Lücken');
    expect(lines[2]).toContain('"Wohnraum, vor allem ""bezahlbar"""');
    expect(lines.at(-1)).toBe('');
  });
});

// Text as people type it, and as attackers do: formula starts, quotes, separators, line breaks,
// right-to-left and Cyrillic script, Excel's `_xHHHH_` escapes, control characters and lone surrogates.
const risky = fc.constantFrom(
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '"',
  ',',
  ';',
  "'",
  ' ',
  '=HYPERLINK("http://evil.example","Klick")',
  '-2+3',
  '_x003D_',
  'مرحبا بكم',
  'Привіт',
  'Ünal Yılmaz',
  '\u0000',
  '\uFFFE',
  '\uD800',
);
const freeText = fc
  .array(fc.oneof(risky, fc.string({ maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 5 })), {
    maxLength: 5,
  })
  .map((parts) => parts.join(''));
const texts = fc.record({
  name: freeText,
  title: freeText,
  obstacles: freeText,
  needs: freeText,
  mostHelpful: freeText,
  finding: freeText,
  roundTopic: freeText,
});
type Texts = typeof texts extends fc.Arbitrary<infer T> ? T : never;

function tablesFrom(t: Texts): Record<ExportPart, ExportTable> {
  const row = submitted(1, {
    name: t.name,
    obstacles: t.obstacles,
    needs: t.needs,
    mostHelpful: t.mostHelpful,
    offerings: [{ title: t.title, description: t.needs }],
  });
  const process: ProcessRecords = {
    interviews: [
      {
        interviewId: 'i1',
        roundId: 'r1',
        roundTopic: t.roundTopic,
        state: 'held',
        responseInvitationId: id(1),
      },
    ],
    findings: [
      {
        source: 'interview',
        sourceId: 'r1',
        sourceTitle: t.roundTopic,
        kind: 'need',
        text: t.finding,
        textLanguage: 'ar',
        topics: ['housing', 'health'],
      },
    ],
  };
  return buildExportTables([row, submitted(2, { name: 'Zweite Einrichtung' })], process, noFilter);
}

/** What a cell should read as after parsing: the text itself, with the apostrophe where it was neutralised. */
const expectedCell = (cell: string | number) =>
  typeof cell === 'number' ? String(cell) : neutralise(wellFormed(cell));

/** exceljs types its input as its own `Buffer` (an ArrayBuffer); Node's Buffer is what it reads. */
const readBack = (workbook: ExcelJS.Workbook, file: Buffer) => workbook.xlsx.load(file as never);

describe('formula safety, for any text institutions and staff may write', () => {
  it('gives CSV whose every cell is formula-safe and parses back to the original cells', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const tables = tablesFrom(t);
        for (const part of exportParts) {
          const table = tables[part];
          const parsed = parse(toEvaluationCsv(table), { bom: true, relax_quotes: false }) as string[][];
          for (const cell of parsed.flat()) expect(isFormulaSafe(cell)).toBe(true);
          expect(parsed).toEqual([
            table.columns.map((column) => column.id),
            table.columns.map((column) => column.labelDe),
            ...table.rows.map((row) => row.map(expectedCell)),
          ]);
        }
        // The original inputs, not only the table cells, come back (minus the neutralising apostrophe).
        const institutions = parse(toEvaluationCsv(tables.institutions), { bom: true }) as string[][];
        const nameAt = tables.institutions.columns.findIndex((column) => column.id === 'institution.name');
        const ours = institutions.find((line) => line[0] === id(1));
        const name = ours?.[nameAt] ?? '';
        expect(isFormulaSafe(t.name) ? name : name.replace(/^'/, '')).toBe(wellFormed(t.name));
      }),
      { numRuns: 200 },
    );
  });

  it('gives XLSX whose every text cell is formula-safe and reads back as written', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (t) => {
        const tables = tablesFrom(t);
        const workbook = new ExcelJS.Workbook();
        await readBack(workbook, await toEvaluationXlsx(tables));
        for (const part of exportParts) {
          const sheet = workbook.getWorksheet(sheetNames[part]);
          expect(sheet, part).toBeDefined();
          sheet?.eachRow((row) => {
            row.eachCell((cell) => {
              if (typeof cell.value === 'string') expect(isFormulaSafe(cell.value), cell.value).toBe(true);
            });
          });
        }
        const sheet = workbook.getWorksheet(sheetNames.institutions);
        const nameAt = tables.institutions.columns.findIndex((column) => column.id === 'institution.name');
        const ours = sheet?.getRows(2, 2)?.find((row) => row.getCell(1).value === id(1));
        const written = xlsxText(t.name);
        expect(ours?.getCell(nameAt + 1).value ?? '').toBe(written);
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});

describe('the text of an XLSX cell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['\r=1+1', "'\n=1+1"],
    ['\u0000=1+1', "'=1+1"],
    ['Zeile 1\r\nZeile 2', 'Zeile 1\nZeile 2'],
    ['_x003D_1+1', '_x003D_1+1'],
    ['a\uFFFEb\uD800c', 'ab\uFFFDc'],
    ['😀 Café مرحبا', '😀 Café مرحبا'],
  ])('writes %j as %j', (cell, expected) => {
    expect(xlsxText(cell)).toBe(expected);
  });
});

describe('the XLSX workbook, read back', () => {
  const rows = [
    submitted(
      1,
      { name: 'Migrationsberatung', offerings: [{ title: '=Beratung' }, { title: 'Café' }] },
      '2026-11-03T13:05:00Z',
    ),
    submitted(2, { name: 'Integrationslotsen', sector: 'social', places: ['giebelstadt'] }),
  ];

  it('has one sheet per part with German names, a labelled, frozen, filtered header and typed values', async () => {
    const tables = buildExportTables(rows, noProcess, noFilter);
    const workbook = new ExcelJS.Workbook();
    await readBack(workbook, await toEvaluationXlsx(tables));

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Einrichtungen',
      'Angebote',
      'Interkulturelle Öffnung',
      'Bedarfe',
      'Interviews',
      'Ergebnisse',
    ]);
    for (const part of exportParts) {
      const sheet = workbook.getWorksheet(sheetNames[part]);
      const { columns } = tables[part];
      const header = sheet?.getRow(1);
      expect(columns.map((_, index) => header?.getCell(index + 1).value)).toEqual(
        columns.map((c) => c.labelDe),
      );
      expect(columns.map((_, index) => header?.getCell(index + 1).note)).toEqual(columns.map((c) => c.id));
      expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet?.autoFilter).toBeTruthy();
      for (const column of sheet?.columns ?? []) {
        expect(column.width).toBeGreaterThanOrEqual(10);
        expect(column.width).toBeLessThanOrEqual(60);
      }
    }

    const institutions = workbook.getWorksheet('Einrichtungen');
    expect(institutions?.autoFilter).toBe(
      `A1:${institutions?.getRow(1).getCell(tables.institutions.columns.length).address[0]}3`,
    );
    const at = (columnId: string) =>
      tables.institutions.columns.findIndex((column) => column.id === columnId) + 1;
    // Sorted by name: Integrationslotsen, then Migrationsberatung.
    expect(institutions?.getRow(2).getCell(at('institution.name')).value).toBe('Integrationslotsen');
    expect(institutions?.getRow(2).getCell(at('institution.sector')).value).toBe('Soziales');
    expect(institutions?.getRow(3).getCell(at('offerings.count')).value).toBe(2);
    // 13:05 UTC is 14:05 in Würzburg; Excel's date serial carries the county's wall-clock time.
    const submittedAt = institutions?.getRow(3).getCell(at('response.firstSubmittedAt'));
    expect(submittedAt?.value).toEqual(new Date(Date.UTC(2026, 10, 3, 14, 5)));
    expect(submittedAt?.numFmt).toBe('dd.mm.yyyy hh:mm');

    const offerings = workbook.getWorksheet('Angebote');
    const titleAt = tables.offerings.columns.findIndex((column) => column.id === 'offerings[].title') + 1;
    expect([
      offerings?.getRow(2).getCell(titleAt).value,
      offerings?.getRow(3).getCell(titleAt).value,
    ]).toEqual(["'=Beratung", 'Café']);
  });
});
