import { randomUUID } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { evaluationReferences, latestPublishedEvaluation } from '../evaluation/publishing';
import { DynamoReportStore } from '../evaluation/report-store';
import { listDirectory } from '../offerings/directory';
import { OfferingStore } from '../offerings/offering-store';
import { routes } from '../routes';
import { runtimeConfig, StartupRefused } from '../shared/config/env';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler, staffId } from '../shared/http/handler';
import { unavailableRetryAfterSeconds } from '../shared/http/problem';
import { RawResponse } from '../shared/http/route';
import { defaultMailer } from '../shared/mail/default-mailer';
import { defaultStore } from '../shared/store/client';
import { conceptStatus } from '../steering/concept-status';
import { SteeringStore } from '../steering/steering-store';
import { SurveyStore } from '../survey/survey-store';
import { type BotCredentials, createBotEndpoint } from './adapter/bot-endpoint';
import { cachedSecret, issueDirectLineToken } from './direct-line';
import { loadKnowledgeBase, loadSeedMilestones } from './knowledge/knowledge-base';
import { KnowledgeStore } from './knowledge/knowledge-store';
import { LiveKnowledge } from './knowledge/live-knowledge';
import {
  conceptPage,
  createEntry,
  knowledgeEntryView,
  knowledgeOverview,
  milestoneList,
  removeMilestone,
  type StaffKnowledgeDeps,
  saveEntryTexts,
  saveMilestone,
} from './knowledge/staff-knowledge';
import {
  conversationLearning,
  deleteUnanswered,
  listUnanswered,
  markReviewed,
  summarizeFeedback,
} from './learning/learning';
import { LearningStore } from './learning/learning-store';

const config = runtimeConfig();
if (config.botAuthentication && !config.bot.appId) {
  // A cloud bot without an app id would accept anyone's activities: refuse to start instead.
  throw new StartupRefused('WEGWEISER_BOT_APP_ID is empty while bot authentication is on');
}

async function credentials(): Promise<BotCredentials | undefined> {
  if (!config.botAuthentication) return undefined;
  const secret = await new SecretsManagerClient({ region: config.region }).send(
    new GetSecretValueCommand({ SecretId: config.bot.secretArn }),
  );
  return {
    appId: config.bot.appId,
    appPassword: secret.SecretString ?? '',
    appType: config.bot.appType,
    tenantId: config.bot.tenantId,
  };
}

/** The Direct Line secret for web chat tokens; none in the local stage, whose web chat needs no token. */
const directLineSecret = cachedSecret(async () => {
  if (!config.bot.directLineSecretArn) return undefined;
  const secret = await new SecretsManagerClient({ region: config.region }).send(
    new GetSecretValueCommand({ SecretId: config.bot.directLineSecretArn }),
  );
  return secret.SecretString || undefined;
});

/**
 * Staff edits reach every bot instance within this time without a deploy (one small read per interval);
 * locally at once, so an edit can be tried in the chat right away.
 */
const knowledgeCheckMs = config.stage === 'local' ? 0 : 15_000;
let live: LiveKnowledge | undefined;
function liveKnowledge(): LiveKnowledge {
  live ??= new LiveKnowledge({
    seed: loadKnowledgeBase(),
    seedMilestones: loadSeedMilestones(),
    source: new KnowledgeStore(defaultStore()),
    checkEveryMs: knowledgeCheckMs,
  });
  return live;
}

/** The link keys of the knowledge base, resolved from configuration (never written into a text). */
const knowledgeLinks = {
  'contact.integration': config.county.integrationContact,
  ...(config.county.surveyEvaluationDocumentUrl
    ? { 'documents.surveyEvaluation': config.county.surveyEvaluationDocumentUrl }
    : {}),
};

function staffKnowledgeDeps(): StaffKnowledgeDeps {
  return {
    store: new KnowledgeStore(defaultStore()),
    seed: loadKnowledgeBase(),
    seedMilestones: loadSeedMilestones(),
    now: () => new Date(),
  };
}

const learningDeps = () => ({
  store: new LearningStore(defaultStore()),
  now: () => new Date(),
  newId: randomUUID,
});

let endpoint: ReturnType<typeof createBotEndpoint> | undefined;

async function botEndpoint() {
  if (!endpoint) {
    const offerings = new OfferingStore(defaultStore());
    endpoint = createBotEndpoint({
      credentials: await credentials(),
      store: defaultStore(),
      conversation: {
        currentKnowledge: () => liveKnowledge().get(),
        learning: conversationLearning(learningDeps()),
        knowledgeLinks,
        findOfferings: ({ offeredLanguage, ...query }) =>
          listDirectory(offerings, { ...query, language: offeredLanguage }),
        publicBaseUrl: config.publicBaseUrl,
        integrationContact: config.county.integrationContact,
        // The same use case and sources as the public page `/concept/status`.
        conceptStatus: async (language) =>
          conceptStatus(
            {
              milestones: async () => (await liveKnowledge().get()).milestones,
              steering: new SteeringStore(defaultStore()),
              evaluations: (language) =>
                evaluationReferences(new DynamoReportStore(defaultStore()), language),
            },
            language,
          ),
        latestEvaluation: (language) =>
          latestPublishedEvaluation(new DynamoReportStore(defaultStore()), language),
        survey: {
          surveys: new SurveyStore(defaultStore()),
          offerings,
          mailer: defaultMailer(),
          now: () => new Date(),
          newId: randomUUID,
          publicBaseUrl: config.publicBaseUrl,
        },
      },
    });
  }
  return endpoint;
}

export const handler = featureLambda('chatbot', {
  chatToken: httpHandler(routes.chatToken, () =>
    issueDirectLineToken({ secret: directLineSecret, fetch: globalThis.fetch }),
  ),
  conceptPage: httpHandler(routes.conceptPage, async (_input, context) =>
    conceptPage(await liveKnowledge().get(), context.language, {
      links: knowledgeLinks,
      contact: config.county.integrationContact,
    }),
  ),
  knowledgeOverview: httpHandler(routes.knowledgeOverview, () => knowledgeOverview(staffKnowledgeDeps())),
  createKnowledgeEntry: httpHandler(routes.createKnowledgeEntry, async ({ body }, context) =>
    createEntry(staffKnowledgeDeps(), body, staffId(context)),
  ),
  knowledgeEntry: httpHandler(routes.knowledgeEntry, ({ params }) =>
    knowledgeEntryView(staffKnowledgeDeps(), params.entryId),
  ),
  saveKnowledgeTexts: httpHandler(routes.saveKnowledgeTexts, async ({ params, body }, context) =>
    saveEntryTexts(staffKnowledgeDeps(), params.entryId, params.language, body, staffId(context)),
  ),
  listMilestones: httpHandler(routes.listMilestones, () => milestoneList(staffKnowledgeDeps())),
  saveMilestone: httpHandler(routes.saveMilestone, ({ params, body }) =>
    saveMilestone(staffKnowledgeDeps(), params.milestoneId, body),
  ),
  removeMilestone: httpHandler(routes.removeMilestone, ({ params, query }) =>
    removeMilestone(staffKnowledgeDeps(), params.milestoneId, query.expectedVersion),
  ),
  answerFeedback: httpHandler(routes.answerFeedback, async () => {
    const titles = new Map((loadKnowledgeBase().de ?? []).map((entry) => [entry.id, entry.title]));
    const current = await liveKnowledge().get();
    for (const entry of current.base.de ?? []) titles.set(entry.id, entry.title);
    const rows = summarizeFeedback(await learningDeps().store.feedbackCounts());
    return {
      rows: rows.map((row) => ({
        ...row,
        ...(titles.has(row.subject) ? { title: titles.get(row.subject) } : {}),
      })),
    };
  }),
  listUnanswered: httpHandler(routes.listUnanswered, ({ query }) =>
    listUnanswered(learningDeps(), query.cursor),
  ),
  markUnansweredReviewed: httpHandler(routes.markUnansweredReviewed, ({ params }) =>
    markReviewed(learningDeps(), params.questionId),
  ),
  deleteUnanswered: httpHandler(routes.deleteUnanswered, ({ params }) =>
    deleteUnanswered(learningDeps(), params.questionId),
  ),
  botMessages: httpHandler(routes.botMessages, async ({ body }, context) => {
    const result = await (await botEndpoint())(body, context.headers.authorization);
    return new RawResponse(
      result.body === undefined ? '' : JSON.stringify(result.body),
      'application/json; charset=utf-8',
      result.status,
      // A failed turn (the store throttled, say) is given back: the channel's redelivery is answered.
      result.status === 503 ? { 'retry-after': String(unavailableRetryAfterSeconds) } : {},
    );
  }),
});
