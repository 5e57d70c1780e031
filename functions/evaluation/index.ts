import { randomUUID } from 'node:crypto';
import { routes } from '../routes';
import { runtimeConfig } from '../shared/config/env';
import { disclosureThresholdOf } from '../shared/config/stage';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler, staffId } from '../shared/http/handler';
import { RawResponse } from '../shared/http/route';
import { defaultStore } from '../shared/store/client';
import { DynamoAggregateStore } from './aggregates/aggregate-store';
import {
  type EvaluationDeps,
  exportCsv,
  exportCsvWithContacts,
  exportXlsx,
  getEvaluation,
  getGaps,
  getResponse,
  getWaveComparison,
  listResponses,
} from './evaluation';
import { DynamoEvaluationSource } from './evaluation-store';
import { csvMediaType, xlsxMediaType } from './exports';
import {
  getPublishedEvaluation,
  getReportPreview,
  listPublishedEvaluations,
  publishReport,
  type ReportDeps,
  saveReportTexts,
} from './publishing';
import { DynamoReportStore } from './report-store';

/** Downloads are files, never pages: attachment with the name, and no copy kept by caches. */
function attachment(filename: string): Record<string, string> {
  return { 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' };
}

function deps(): EvaluationDeps {
  return {
    source: new DynamoEvaluationSource(defaultStore()),
    now: () => new Date(),
    aggregates: new DynamoAggregateStore(defaultStore()),
  };
}

function reportDeps(): ReportDeps {
  return {
    ...deps(),
    reports: new DynamoReportStore(defaultStore()),
    threshold: disclosureThresholdOf(runtimeConfig().county),
    newId: randomUUID,
  };
}

const reports = () => new DynamoReportStore(defaultStore());

export const handler = featureLambda('evaluation', {
  getEvaluation: httpHandler(routes.getEvaluation, async ({ params, query }) =>
    getEvaluation(deps(), params.surveyId, query),
  ),
  listEvaluatedResponses: httpHandler(routes.listEvaluatedResponses, async ({ params, query }) =>
    listResponses(deps(), params.surveyId, query),
  ),
  getEvaluatedResponse: httpHandler(routes.getEvaluatedResponse, async ({ params }) =>
    getResponse(deps(), params.surveyId, params.invitationId),
  ),
  exportEvaluationCsv: httpHandler(routes.exportEvaluationCsv, async ({ params, query }) => {
    const file = await exportCsv(deps(), params.surveyId, query);
    return new RawResponse(file.content, csvMediaType, 200, attachment(file.filename));
  }),
  exportEvaluationWithContacts: httpHandler(
    routes.exportEvaluationWithContacts,
    async ({ params, query }, context) => {
      const file = await exportCsvWithContacts(deps(), params.surveyId, query, staffId(context));
      return new RawResponse(file.content, csvMediaType, 200, attachment(file.filename));
    },
  ),
  exportEvaluationXlsx: httpHandler(routes.exportEvaluationXlsx, async ({ params, query }) => {
    const file = await exportXlsx(deps(), params.surveyId, query);
    return new RawResponse(
      file.content.toString('base64'),
      xlsxMediaType,
      200,
      attachment(file.filename),
      true,
    );
  }),
  getWaveComparison: httpHandler(routes.getWaveComparison, async ({ params, query }) =>
    getWaveComparison(deps(), params.surveyId, query),
  ),
  getEvaluationGaps: httpHandler(routes.getEvaluationGaps, async ({ params, query }) =>
    getGaps(deps(), params.surveyId, query),
  ),
  getEvaluationReport: httpHandler(routes.getEvaluationReport, async ({ params }, context) =>
    getReportPreview(reportDeps(), params.surveyId, context.language),
  ),
  saveEvaluationReportTexts: httpHandler(routes.saveEvaluationReportTexts, async ({ params, body }) =>
    saveReportTexts(reportDeps(), params.surveyId, body),
  ),
  publishEvaluationReport: httpHandler(routes.publishEvaluationReport, async ({ params }, context) =>
    publishReport(reportDeps(), params.surveyId, context.language),
  ),
  listPublishedEvaluations: httpHandler(routes.listPublishedEvaluations, async (_input, context) =>
    listPublishedEvaluations(reports(), context.language),
  ),
  getPublishedEvaluation: httpHandler(routes.getPublishedEvaluation, async ({ params }, context) =>
    getPublishedEvaluation(reports(), params.publicationId, context.language),
  ),
});
