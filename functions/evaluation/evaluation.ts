import { DomainError, notFound } from '../shared/domain/errors';
import { logger } from '../shared/log/logger';
import type { ContactPerson } from '../survey/questionnaire';
import type { Aggregate } from './aggregates/aggregate-store';
import type { QuotableTexts } from './aggregates/contribution';
import { evaluationFromAggregate } from './aggregates/figures';
import { compareWaves } from './compare-waves';
import { drillDown } from './drill-down';
import { type EvaluatedSurvey, evaluate, type SurveyWave } from './evaluate';
import { buildExportTable, buildExportTables, toEvaluationCsv, toEvaluationXlsx } from './exports';
import { gapView } from './gaps';
import { type EvaluationRow, isSubmitted, matchesFilter, type ProcessRecords } from './rows';
import type {
  DrillDownQuery,
  EvaluatedResponse,
  Evaluation,
  EvaluationFilter,
  ExportQuery,
  GapView,
  ResponseList,
  WaveComparison,
  WaveComparisonQuery,
} from './schemas';

/**
 * What the evaluation reads, owned by the use cases: the DynamoDB implementation
 * (`evaluation-store.ts`) answers each with keyed Queries, tests with an in-memory twin.
 */
export interface EvaluationSource {
  /** The survey with its place in the series of waves. */
  survey(surveyId: string): Promise<SurveyWave | undefined>;
  /** One row per invitation of the survey, with its latest submitted answers. */
  rows(surveyId: string): Promise<EvaluationRow[]>;
  /** The interviews and workshop findings of the survey's wave. */
  process(surveyId: string): Promise<ProcessRecords>;
  /** The latest submitted version of one response of the survey, without its contact person. */
  response(surveyId: string, invitationId: string): Promise<EvaluatedResponse | undefined>;
  /** The contact persons of these responses, where one is still held (erased and expired ones are not). */
  contacts(invitationIds: readonly string[]): Promise<ReadonlyMap<string, ContactPerson>>;
}

/** A survey's aggregate, kept current from the table's stream (`aggregates/`). */
export interface AggregateReader {
  aggregate(surveyId: string): Promise<Aggregate | undefined>;
  texts(surveyId: string): Promise<QuotableTexts[]>;
}

export interface EvaluationDeps {
  source: EvaluationSource;
  now: () => Date;
  /** Without it (or before a survey's aggregate is complete) every view counts from the rows. */
  aggregates?: AggregateReader;
}

async function requireSurvey(deps: EvaluationDeps, surveyId: string): Promise<SurveyWave> {
  const survey = await deps.source.survey(surveyId);
  if (!survey) throw notFound('survey');
  return survey;
}

export async function getEvaluation(
  deps: EvaluationDeps,
  surveyId: string,
  filter: EvaluationFilter,
): Promise<Evaluation> {
  // 1. The survey must exist.
  // 2. Unfiltered, with a complete aggregate: its counters (one Get) and the quotable texts (one Query),
  //    whatever the number of responses.
  // 3. Otherwise (a filter, or no complete aggregate yet): the rows and process records, counted in memory.
  const survey = await requireSurvey(deps, surveyId);
  const unfiltered = Object.values(filter).every((value) => value === undefined || value === '');
  const processRead = deps.source.process(surveyId);
  if (unfiltered && deps.aggregates) {
    const [aggregate, texts, process] = await Promise.all([
      deps.aggregates.aggregate(surveyId),
      deps.aggregates.texts(surveyId),
      processRead,
    ]);
    if (aggregate?.completeSince) {
      return evaluationFromAggregate(survey, aggregate.counts, texts, process, deps.now());
    }
  }
  const [rows, process] = await Promise.all([deps.source.rows(surveyId), processRead]);
  return evaluate(survey, rows, process, filter, deps.now());
}

export async function listResponses(
  deps: EvaluationDeps,
  surveyId: string,
  query: DrillDownQuery,
): Promise<ResponseList> {
  await requireSurvey(deps, surveyId);
  return drillDown(await deps.source.rows(surveyId), query);
}

export async function getResponse(
  deps: EvaluationDeps,
  surveyId: string,
  invitationId: string,
): Promise<EvaluatedResponse> {
  await requireSurvey(deps, surveyId);
  const response = await deps.source.response(surveyId, invitationId);
  if (!response) throw notFound('response');
  return response;
}

/** A file to download: its name and content. */
export interface ExportFile<T> {
  filename: string;
  content: T;
}

/** The file name staff find in their downloads: the survey's wave, the part, the day it was made. */
function exportName(survey: EvaluatedSurvey, part: string, extension: string, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return `auswertung-${survey.surveyId.slice(0, 8)}-${part}-${day}.${extension}`;
}

/** One part of the evaluation as CSV, with exactly the latest submitted version of each response. */
export async function exportCsv(
  deps: EvaluationDeps,
  surveyId: string,
  query: ExportQuery,
): Promise<ExportFile<string>> {
  const survey = await requireSurvey(deps, surveyId);
  const [rows, process] = await Promise.all([deps.source.rows(surveyId), deps.source.process(surveyId)]);
  const { part, ...filter } = query;
  return {
    filename: exportName(survey, part, 'csv', deps.now()),
    content: toEvaluationCsv(buildExportTable(part, rows, process, filter)),
  };
}

/**
 * The institutions part with each response's contact person: personal data, so only for admins who ask
 * for it explicitly, and recorded by ids (survey, staff member, how many rows), never by content.
 */
export async function exportCsvWithContacts(
  deps: EvaluationDeps,
  surveyId: string,
  filter: EvaluationFilter,
  staffId: string,
): Promise<ExportFile<string>> {
  const survey = await requireSurvey(deps, surveyId);
  const [rows, process] = await Promise.all([deps.source.rows(surveyId), deps.source.process(surveyId)]);
  const submitted = rows.filter((row) => isSubmitted(row) && matchesFilter(row, filter));
  const contacts = await deps.source.contacts(submitted.map((row) => row.invitationId));
  const table = buildExportTable('institutions', rows, process, filter, { contacts });
  logger.info('evaluation exported with contact persons', {
    surveyId,
    staffId,
    responses: table.rows.length,
  });
  return {
    filename: exportName(survey, 'einrichtungen-mit-ansprechpersonen', 'csv', deps.now()),
    content: toEvaluationCsv(table),
  };
}

/** Every part of the evaluation as one workbook, one sheet per part. */
export async function exportXlsx(
  deps: EvaluationDeps,
  surveyId: string,
  filter: EvaluationFilter,
): Promise<ExportFile<Buffer>> {
  const survey = await requireSurvey(deps, surveyId);
  const [rows, process] = await Promise.all([deps.source.rows(surveyId), deps.source.process(surveyId)]);
  return {
    filename: exportName(survey, 'alle-teile', 'xlsx', deps.now()),
    content: await toEvaluationXlsx(buildExportTables(rows, process, filter)),
  };
}

export async function getGaps(
  deps: EvaluationDeps,
  surveyId: string,
  filter: EvaluationFilter,
): Promise<GapView> {
  await requireSurvey(deps, surveyId);
  return gapView(surveyId, await deps.source.rows(surveyId), filter);
}

/**
 * A wave beside another: by default the wave before it.
 *
 * 1. The survey must exist, and there must be a wave to compare with (named, or its previous one),
 *    which is not the survey itself and exists.
 * 2. Both waves' rows and process records, read in parallel.
 * 3. Compared in memory (`compareWaves`), under the same filter.
 */
export async function getWaveComparison(
  deps: EvaluationDeps,
  surveyId: string,
  query: WaveComparisonQuery,
): Promise<WaveComparison> {
  const { with: withSurveyId, ...filter } = query;
  const survey = await requireSurvey(deps, surveyId);
  const otherId = withSurveyId ?? survey.previousSurveyId;
  if (!otherId) {
    throw new DomainError('validation', 'no wave to compare with', [
      { field: 'query.with', code: 'required' },
    ]);
  }
  if (otherId === surveyId) {
    throw new DomainError('validation', 'a wave compared with itself', [
      { field: 'query.with', code: 'invalid' },
    ]);
  }
  const other = await requireSurvey(deps, otherId);
  const [rows, process, otherRows, otherProcess] = await Promise.all([
    deps.source.rows(surveyId),
    deps.source.process(surveyId),
    deps.source.rows(otherId),
    deps.source.process(otherId),
  ]);
  return compareWaves(
    { survey, rows, process },
    { survey: other, rows: otherRows, process: otherProcess },
    filter,
    deps.now(),
  );
}
