import { routes } from '../routes';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler } from '../shared/http/handler';
import { RawResponse } from '../shared/http/route';
import { defaultStore } from '../shared/store/client';
import {
  type EvaluationDeps,
  exportCsv,
  exportXlsx,
  getEvaluation,
  getGaps,
  getResponse,
  getWaveComparison,
  listResponses,
} from './evaluation';
import { DynamoEvaluationSource } from './evaluation-store';
import { csvMediaType, xlsxMediaType } from './exports';

/** Downloads are files, never pages: attachment with the name, and no copy kept by caches. */
function attachment(filename: string): Record<string, string> {
  return { 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' };
}

function deps(): EvaluationDeps {
  return { source: new DynamoEvaluationSource(defaultStore()), now: () => new Date() };
}

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
});
