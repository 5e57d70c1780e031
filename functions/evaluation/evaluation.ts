import { notFound } from '../shared/domain/errors';
import { drillDown } from './drill-down';
import { type EvaluatedSurvey, evaluate } from './evaluate';
import { gapView } from './gaps';
import type { EvaluationRow, ProcessRecords } from './rows';
import type {
  DrillDownQuery,
  EvaluatedResponse,
  Evaluation,
  EvaluationFilter,
  GapView,
  ResponseList,
} from './schemas';

/**
 * What the evaluation reads, owned by the use cases: the DynamoDB implementation
 * (`evaluation-store.ts`) answers each with keyed Queries, tests with an in-memory twin.
 */
export interface EvaluationSource {
  survey(surveyId: string): Promise<EvaluatedSurvey | undefined>;
  /** One row per invitation of the survey, with its latest submitted answers. */
  rows(surveyId: string): Promise<EvaluationRow[]>;
  /** The interviews and workshop findings of the survey's wave. */
  process(surveyId: string): Promise<ProcessRecords>;
  /** The latest submitted version of one response of the survey, without its contact person. */
  response(surveyId: string, invitationId: string): Promise<EvaluatedResponse | undefined>;
}

export interface EvaluationDeps {
  source: EvaluationSource;
  now: () => Date;
}

async function requireSurvey(deps: EvaluationDeps, surveyId: string): Promise<EvaluatedSurvey> {
  const survey = await deps.source.survey(surveyId);
  if (!survey) throw notFound('survey');
  return survey;
}

export async function getEvaluation(
  deps: EvaluationDeps,
  surveyId: string,
  filter: EvaluationFilter,
): Promise<Evaluation> {
  // 1. The survey must exist; 2. its rows and process records, read in parallel; 3. counted in memory.
  const survey = await requireSurvey(deps, surveyId);
  const [rows, process] = await Promise.all([deps.source.rows(surveyId), deps.source.process(surveyId)]);
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

export async function getGaps(
  deps: EvaluationDeps,
  surveyId: string,
  filter: EvaluationFilter,
): Promise<GapView> {
  await requireSurvey(deps, surveyId);
  return gapView(surveyId, await deps.source.rows(surveyId), filter);
}
