import { randomUUID } from 'node:crypto';
import { loadSeedMilestones } from '../chatbot/knowledge/knowledge-base';
import { KnowledgeStore } from '../chatbot/knowledge/knowledge-store';
import { mergeMilestones } from '../chatbot/knowledge/merge';
import { evaluationReferences } from '../evaluation/publishing';
import { DynamoReportStore } from '../evaluation/report-store';
import { routes } from '../routes';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler, staffId } from '../shared/http/handler';
import { defaultStore } from '../shared/store/client';
import { type ConceptStatusDeps, conceptStatus } from './concept-status';
import {
  createMeasure,
  createPriority,
  deleteMeasure,
  deletePriority,
  history,
  listMeasures,
  listPriorities,
  type SteeringDeps,
  updateMeasure,
  updatePriority,
} from './steering';
import { SteeringStore } from './steering-store';

function deps(): SteeringDeps {
  return { steering: new SteeringStore(defaultStore()), now: () => new Date(), newId: randomUUID };
}

/** The same sources the chatbot reads for its answer (see `functions/chatbot/index.ts`). */
function statusDeps(): ConceptStatusDeps {
  const knowledge = new KnowledgeStore(defaultStore());
  return {
    milestones: async () => mergeMilestones(loadSeedMilestones(), (await knowledge.overrides()).milestones),
    steering: new SteeringStore(defaultStore()),
    evaluations: (language) => evaluationReferences(new DynamoReportStore(defaultStore()), language),
  };
}

export const handler = featureLambda('steering', {
  conceptStatus: httpHandler(routes.conceptStatus, (_input, context) =>
    conceptStatus(statusDeps(), context.language),
  ),
  listPriorities: httpHandler(routes.listPriorities, async () => ({
    priorities: await listPriorities(deps()),
  })),
  createPriority: httpHandler(routes.createPriority, ({ body }, context) =>
    createPriority(deps(), body, staffId(context)),
  ),
  updatePriority: httpHandler(routes.updatePriority, ({ params, body }, context) =>
    updatePriority(deps(), params.priorityId, body, staffId(context)),
  ),
  deletePriority: httpHandler(routes.deletePriority, ({ params, query }, context) =>
    deletePriority(deps(), params.priorityId, query.expectedVersion, staffId(context)),
  ),
  priorityHistory: httpHandler(routes.priorityHistory, async ({ params }) => ({
    changes: await history(deps(), 'priority', params.priorityId),
  })),
  listMeasures: httpHandler(routes.listMeasures, async () => ({ measures: await listMeasures(deps()) })),
  createMeasure: httpHandler(routes.createMeasure, ({ body }, context) =>
    createMeasure(deps(), body, staffId(context)),
  ),
  updateMeasure: httpHandler(routes.updateMeasure, ({ params, body }, context) =>
    updateMeasure(deps(), params.measureId, body, staffId(context)),
  ),
  deleteMeasure: httpHandler(routes.deleteMeasure, ({ params, query }, context) =>
    deleteMeasure(deps(), params.measureId, query.expectedVersion, staffId(context)),
  ),
  measureHistory: httpHandler(routes.measureHistory, async ({ params }) => ({
    changes: await history(deps(), 'measure', params.measureId),
  })),
});
