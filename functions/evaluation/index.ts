import { routes } from '../routes';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler } from '../shared/http/handler';
import { defaultStore } from '../shared/store/client';
import { type EvaluationDeps, getEvaluation, getGaps, getResponse, listResponses } from './evaluation';
import { DynamoEvaluationSource } from './evaluation-store';

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
  getEvaluationGaps: httpHandler(routes.getEvaluationGaps, async ({ params, query }) =>
    getGaps(deps(), params.surveyId, query),
  ),
});
