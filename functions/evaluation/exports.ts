import ExcelJS from 'exceljs';
import { type CsvCell, csvFile, neutralise, wellFormed } from '../shared/csv';
import type { FindingKind } from '../shared/domain/findings';
import { type MessageKey, translate } from '../shared/i18n/messages';
import { type ContactPerson, type Offering, placeName } from '../survey/questionnaire';
import {
  type EvaluatedFinding,
  type EvaluatedInterview,
  type EvaluationRow,
  isSubmitted,
  matchesFilter,
  type ProcessRecords,
  type SubmittedRow,
} from './rows';
import { type EvaluationFilter, exportParts } from './schemas';

/**
 * What staff take away from a survey wave: one table per part, as CSV or as one XLSX workbook. Pure:
 * the use case reads the rows and the process records, this module only shapes and writes them.
 *
 * - Survey parts (institutions, offerings, opening, needs) hold exactly the rows that are submitted
 *   (`isSubmitted`: the latest submitted version, never a draft, never a revoked response) and pass the
 *   dashboard's filter (`matchesFilter`, the one rule for figures, drill-downs and exports).
 * - Interviews: an interview invited from a survey response is filtered through that response's row;
 *   one invited from elsewhere (no `responseInvitationId`) has no sector, type, place or submission
 *   date, so it drops out as soon as any filter is set, like an unanswered invitation does.
 * - Findings belong to an interview round or a workshop, never to one response, so no filter can
 *   select among them: the findings part always holds all of them.
 * - Column ids are the questionnaire's question ids; labels come from the German content file; option
 *   ids are written as their German labels, several choices joined with "; ".
 * - Contact persons are left out unless the caller passes them (the admin-only export).
 */

export type ExportPart = (typeof exportParts)[number];
export type ExportCell = CsvCell;

export interface ExportColumn {
  /** The question id (`institution.sector`, `offerings[].category`) or, for what no question asks, a
   * dotted id of the same shape (`response.submittedAt`, `expertInterview.state`). */
  id: string;
  labelDe: string;
  /** Counts are written as numbers, date-times as `YYYY-MM-DD HH:mm` in Europe/Berlin (a date in XLSX). */
  kind: 'text' | 'count' | 'dateTime';
}

export interface ExportTable {
  part: ExportPart;
  columns: ExportColumn[];
  rows: ExportCell[][];
}

export interface ExportOptions {
  /**
   * Contact persons by invitation id, for the admin-only export; their four fields are appended to the
   * institutions part. Without it no export holds any personal data of a contact person.
   */
  contacts?: ReadonlyMap<string, ContactPerson>;
}

const de = (key: string) => translate('de', key as MessageKey);
const option = (group: string, id: string | undefined) => (id ? de(`questionnaire.${group}.${id}`) : '');
const options = (group: string, ids: readonly string[]) => ids.map((id) => option(group, id)).join('; ');
const placeLabel = (id: string) => placeName(id) ?? de(`questionnaire.places.${id}`);
const yesNo = (value: boolean | undefined) =>
  value === undefined ? '' : de(`evaluationExport.${value ? 'yes' : 'no'}`);

/** An instant as the county's wall-clock time, sortable as text and read as a date by spreadsheets. */
export function countyDateTime(instant: string | undefined): string {
  if (!instant) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

interface ColumnDef<Source> {
  id: string;
  label: string;
  kind?: ExportColumn['kind'];
  value: (source: Source) => ExportCell;
}

const q = (path: string) => `questionnaire.${path}.label`;
const col = (name: string) => `evaluationExport.columns.${name}`;

const responseColumns: ColumnDef<SubmittedRow>[] = [
  { id: 'response.invitationId', label: col('invitationId'), value: (row) => row.invitationId },
  { id: 'institution.name', label: q('institution.name'), value: (row) => row.answers.institution.name },
  {
    id: 'institution.sector',
    label: q('institution.sector'),
    value: (row) => option('sectors', row.answers.institution.sector),
  },
  {
    id: 'institution.type',
    label: q('institution.type'),
    value: (row) => option('institutionTypes', row.answers.institution.type),
  },
  {
    id: 'response.language',
    label: col('language'),
    value: (row) => option('offeredLanguages', row.language),
  },
];

const institutionColumns: ColumnDef<SubmittedRow>[] = [
  ...responseColumns,
  {
    id: 'institution.sectorOther',
    label: q('institution.sectorOther'),
    value: (row) => row.answers.institution.sectorOther,
  },
  {
    id: 'institution.typeOther',
    label: q('institution.typeOther'),
    value: (row) => row.answers.institution.typeOther,
  },
  {
    id: 'institution.places',
    label: q('institution.places'),
    value: (row) => row.answers.institution.places.map(placeLabel).join('; '),
  },
  {
    id: 'offerings.count',
    label: col('offeringCount'),
    kind: 'count',
    value: (row) => row.answers.offerings.length,
  },
  {
    id: 'interview.willing',
    label: q('interview.willing'),
    value: (row) => yesNo(row.answers.interview.willing),
  },
  {
    id: 'interview.topics',
    label: q('interview.topics'),
    value: (row) => options('offeringCategories', row.answers.interview.topics),
  },
  {
    id: 'interview.topicsOther',
    label: q('interview.topicsOther'),
    value: (row) => row.answers.interview.topicsOther,
  },
  // Whether the free text of the opening and needs parts may be quoted in anything published; not
  // answered (the first questionnaire did not ask) is no, as in the evaluation's quoted texts.
  {
    id: 'privacy.quoteConsent',
    label: 'questionnaire.privacy.quoteConsent.summary',
    value: (row) => yesNo(row.answers.privacy.quoteConsent === true),
  },
  {
    id: 'response.submissionNumber',
    label: col('submissionNumber'),
    kind: 'count',
    value: (row) => row.submissionNumber,
  },
  {
    id: 'response.firstSubmittedAt',
    label: col('firstSubmittedAt'),
    kind: 'dateTime',
    value: (row) => countyDateTime(row.firstSubmittedAt),
  },
  {
    id: 'response.submittedAt',
    label: col('submittedAt'),
    kind: 'dateTime',
    value: (row) => countyDateTime(row.submittedAt),
  },
];

const contactFields = ['name', 'role', 'email', 'phone'] as const;

function contactColumns(contacts: ReadonlyMap<string, ContactPerson>): ColumnDef<SubmittedRow>[] {
  return contactFields.map((field) => ({
    id: `contact.${field}`,
    label: q(`contact.${field}`),
    value: (row) => contacts.get(row.invitationId)?.[field] ?? '',
  }));
}

type OfferingOf = { row: SubmittedRow; offering: Offering };
const offeringText = (field: 'title' | 'description' | 'address' | 'schedule' | 'costNote') => ({
  id: `offerings[].${field}`,
  label: q(`offering.${field}`),
  value: ({ offering }: OfferingOf) => offering[field],
});

const offeringColumns: ColumnDef<OfferingOf>[] = [
  ...responseColumns.map((column) => ({ ...column, value: ({ row }: OfferingOf) => column.value(row) })),
  { id: 'offerings[].offeringId', label: col('offeringId'), value: ({ offering }) => offering.offeringId },
  offeringText('title'),
  offeringText('description'),
  {
    id: 'offerings[].textLanguage',
    label: q('offering.textLanguage'),
    value: ({ offering }) => option('offeredLanguages', offering.textLanguage),
  },
  {
    id: 'offerings[].category',
    label: q('offering.category'),
    value: ({ offering }) => option('offeringCategories', offering.category),
  },
  {
    id: 'offerings[].targetGroups',
    label: q('offering.targetGroups'),
    value: ({ offering }) => options('targetGroups', offering.targetGroups),
  },
  {
    id: 'offerings[].languages',
    label: q('offering.languages'),
    value: ({ offering }) => options('offeredLanguages', offering.languages),
  },
  {
    id: 'offerings[].places',
    label: q('offering.places'),
    value: ({ offering }) => offering.places.map(placeLabel).join('; '),
  },
  offeringText('address'),
  offeringText('schedule'),
  {
    id: 'offerings[].cost',
    label: q('offering.cost'),
    value: ({ offering }) => option('costKinds', offering.cost),
  },
  offeringText('costNote'),
  {
    id: 'offerings[].registration',
    label: q('offering.registration'),
    value: ({ offering }) => offering.registration,
  },
  // An office's contact, meant for the public directory: not the contact person's personal data.
  {
    id: 'offerings[].officeContact',
    label: q('offering.officeContact'),
    value: ({ offering }) => offering.officeContact,
  },
  { id: 'offerings[].url', label: q('offering.url'), value: ({ offering }) => offering.url },
  // The consent to publish, not whether staff approved it yet.
  { id: 'offerings[].publish', label: col('publish'), value: ({ offering }) => yesNo(offering.publish) },
];

const openingColumns: ColumnDef<SubmittedRow>[] = [
  ...responseColumns,
  {
    id: 'opening.status',
    label: q('opening.status'),
    value: (row) => option('openingStatuses', row.answers.opening.status),
  },
  {
    id: 'opening.steps',
    label: q('opening.steps'),
    value: (row) => options('openingSteps', row.answers.opening.steps),
  },
  {
    id: 'opening.stepsOther',
    label: q('opening.stepsOther'),
    value: (row) => row.answers.opening.stepsOther,
  },
  { id: 'opening.obstacles', label: q('opening.obstacles'), value: (row) => row.answers.opening.obstacles },
];

const needsColumns: ColumnDef<SubmittedRow>[] = [
  ...responseColumns,
  {
    id: 'needs.categories',
    label: q('needs.categories'),
    value: (row) => options('needCategories', row.answers.needs.categories),
  },
  { id: 'needs.description', label: q('needs.description'), value: (row) => row.answers.needs.description },
  { id: 'needs.mostHelpful', label: q('needs.mostHelpful'), value: (row) => row.answers.needs.mostHelpful },
];

type InterviewOf = { interview: EvaluatedInterview; row: SubmittedRow | undefined };

const interviewColumns: ColumnDef<InterviewOf>[] = [
  {
    id: 'expertInterview.interviewId',
    label: col('interviewId'),
    value: ({ interview }) => interview.interviewId,
  },
  { id: 'expertInterview.roundId', label: col('roundId'), value: ({ interview }) => interview.roundId },
  {
    id: 'expertInterview.roundTopic',
    label: col('roundTopic'),
    value: ({ interview }) => interview.roundTopic,
  },
  {
    id: 'expertInterview.state',
    label: col('interviewState'),
    value: ({ interview }) => de(`staffInterviews.states.${interview.state}`),
  },
  {
    id: 'expertInterview.responseInvitationId',
    label: col('responseInvitationId'),
    value: ({ interview }) => interview.responseInvitationId ?? '',
  },
  // Only a submitted response names the institution: a revoked one stays out of every export.
  {
    id: 'expertInterview.institution',
    label: col('interviewInstitution'),
    value: ({ row }) => row?.answers.institution.name ?? '',
  },
];

const findingKindLabels: Record<FindingKind, string> = {
  topic: 'workshopStaff.kindTopic',
  need: 'workshopStaff.kindNeed',
  recommendation: 'workshopStaff.kindRecommendation',
};

const findingColumns: ColumnDef<EvaluatedFinding>[] = [
  {
    id: 'finding.source',
    label: col('findingSource'),
    value: (finding) => de(`evaluationExport.sources.${finding.source}`),
  },
  { id: 'finding.sourceId', label: col('findingSourceId'), value: (finding) => finding.sourceId },
  { id: 'finding.sourceTitle', label: col('findingSourceTitle'), value: (finding) => finding.sourceTitle },
  { id: 'finding.kind', label: col('findingKind'), value: (finding) => de(findingKindLabels[finding.kind]) },
  { id: 'finding.text', label: col('findingText'), value: (finding) => finding.text },
  {
    id: 'finding.textLanguage',
    label: col('findingTextLanguage'),
    value: (finding) => option('offeredLanguages', finding.textLanguage),
  },
  {
    id: 'finding.topics',
    label: col('findingTopics'),
    value: (finding) => options('offeringCategories', finding.topics),
  },
];

function table<Source>(part: ExportPart, columns: ColumnDef<Source>[], sources: Source[]): ExportTable {
  return {
    part,
    columns: columns.map((column) => ({
      id: column.id,
      labelDe: de(column.label),
      kind: column.kind ?? 'text',
    })),
    rows: sources.map((source) => columns.map((column) => column.value(source))),
  };
}

const collator = new Intl.Collator('de');
const byInstitution = (a: SubmittedRow, b: SubmittedRow) =>
  collator.compare(a.answers.institution.name, b.answers.institution.name) ||
  a.invitationId.localeCompare(b.invitationId);

/**
 * An interview invited from outside the survey is filtered like an invitation nobody answered: it has no
 * sector, type, place or submission date, so the one filter rule lets it through only while none is set.
 */
const unanswered: EvaluationRow = { invitationId: '', institution: '', state: 'not_opened', language: 'de' };

/** One part of the export as a table (see the module comment for which rows each part holds). */
export function buildExportTable(
  part: ExportPart,
  rows: readonly EvaluationRow[],
  process: ProcessRecords,
  filter: EvaluationFilter,
  exportOptions: ExportOptions = {},
): ExportTable {
  const responses = rows
    .filter(isSubmitted)
    .filter((row) => matchesFilter(row, filter))
    .sort(byInstitution);
  switch (part) {
    case 'institutions': {
      const { contacts } = exportOptions;
      return table(part, [...institutionColumns, ...(contacts ? contactColumns(contacts) : [])], responses);
    }
    case 'offerings':
      return table(
        part,
        offeringColumns,
        responses.flatMap((row) => row.answers.offerings.map((offering) => ({ row, offering }))),
      );
    case 'opening':
      return table(part, openingColumns, responses);
    case 'needs':
      return table(part, needsColumns, responses);
    case 'interviews': {
      const byInvitation = new Map(rows.map((row) => [row.invitationId, row]));
      const interviews = process.interviews.flatMap((interview): InterviewOf[] => {
        const row = interview.responseInvitationId
          ? byInvitation.get(interview.responseInvitationId)
          : undefined;
        if (!matchesFilter(row ?? unanswered, filter)) return [];
        return [{ interview, row: row && isSubmitted(row) ? row : undefined }];
      });
      return table(part, interviewColumns, interviews);
    }
    case 'findings':
      return table(part, findingColumns, process.findings);
  }
}

/** Every part, for the workbook. */
export function buildExportTables(
  rows: readonly EvaluationRow[],
  process: ProcessRecords,
  filter: EvaluationFilter,
  exportOptions: ExportOptions = {},
): Record<ExportPart, ExportTable> {
  return Object.fromEntries(
    exportParts.map((part) => [part, buildExportTable(part, rows, process, filter, exportOptions)]),
  ) as Record<ExportPart, ExportTable>;
}

/**
 * One part as CSV: UTF-8 with BOM (so Excel shows umlauts), RFC 4180 with commas and CRLF, cells quoted
 * only where needed (so counts stay numbers for every reader); first header row the question ids, second
 * the German labels; every cell formula-safe.
 */
export function toEvaluationCsv(table: ExportTable): string {
  return csvFile(
    [table.columns.map((column) => column.id), table.columns.map((column) => column.labelDe), ...table.rows],
    { separator: ',', quote: 'needed' },
  );
}

export const csvMediaType = 'text/csv; charset=utf-8';
export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const sheetNames: Record<ExportPart, string> = Object.fromEntries(
  exportParts.map((part) => [part, translate('de', `evaluationExport.sheets.${part}`)]),
) as Record<ExportPart, string>;

/**
 * A text as an XLSX cell shows it. XML 1.0 cannot carry most control characters or U+FFFE/U+FFFF (one
 * of them makes the whole file unreadable), so they are dropped first, and half a surrogate pair becomes
 * U+FFFD as in the CSV; then the text is neutralised like a CSV cell: exceljs writes it as a string that
 * Excel never runs, but a cell copied or saved as CSV from Excel loses that type, and `=HYPERLINK(…)`
 * would run there. Line breaks become `\n`, Excel's own line break in a cell (and what reading XML makes
 * of a `\r` anyway).
 */
export function xlsxText(cell: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
  const printable = wellFormed(cell).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return neutralise(printable).replace(/\r\n?/g, '\n');
}

/**
 * OOXML writes a character as `_xHHHH_` in a string, so Excel (and exceljs) read a literal `_x003D_` as
 * `=`; a literal underscore before such a sequence is written `_x005F_`. exceljs does not do this when
 * writing, so it is done here, after neutralising, or `_x003D_1+1` would reach the sheet as `=1+1`.
 */
function ooxmlEscaped(text: string): string {
  return text.replace(/_(x[0-9a-f]{4}_)/gi, '_x005F_$1');
}

/** `YYYY-MM-DD HH:mm` (county time) as the date Excel shows: its serial number carries no time zone. */
function excelDate(text: string): Date | string {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!match) return text;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute));
}

const widthLimits = { min: 10, max: 60 };

function columnWidth(column: ExportColumn, rows: ExportCell[][], index: number): number {
  if (column.kind === 'dateTime') return 18;
  const longest = Math.max(
    column.labelDe.length,
    ...rows.map((row) =>
      Math.max(
        ...String(row[index] ?? '')
          .split('\n')
          .map((line) => line.length),
      ),
    ),
  );
  return Math.min(widthLimits.max, Math.max(widthLimits.min, longest + 2));
}

/**
 * The workbook: one sheet per part, in the order of `exportParts`. Row 1 holds the German labels (bold,
 * frozen, with the auto filter); the question id of each column is the note of its header cell, so that
 * sorting, filtering and pivot tables see exactly one header row (a second header row would be data to
 * Excel). Counts are numbers, date-times real dates, text formula-safe (see `xlsxText`).
 */
export async function toEvaluationXlsx(tables: Record<ExportPart, ExportTable>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wegweiser';
  for (const part of exportParts) {
    const { columns, rows } = tables[part];
    const sheet = workbook.addWorksheet(sheetNames[part], { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column, index) => ({
      header: ooxmlEscaped(xlsxText(column.labelDe)),
      width: columnWidth(column, rows, index),
      style:
        column.kind === 'dateTime'
          ? { numFmt: 'dd.mm.yyyy hh:mm' }
          : column.kind === 'text'
            ? { alignment: { wrapText: true, vertical: 'top' } }
            : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    columns.forEach((column, index) => {
      header.getCell(index + 1).note = column.id;
    });
    for (const row of rows) {
      sheet.addRow(
        row.map((cell, index) => {
          if (typeof cell === 'number') return cell;
          if (cell === '') return null;
          return columns[index]?.kind === 'dateTime' ? excelDate(cell) : ooxmlEscaped(xlsxText(cell));
        }),
      );
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
