import { randomUUID } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { listDirectory } from '../offerings/directory';
import { OfferingStore } from '../offerings/offering-store';
import { routes } from '../routes';
import { runtimeConfig, StartupRefused } from '../shared/config/env';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler } from '../shared/http/handler';
import { RawResponse } from '../shared/http/route';
import { defaultMailer } from '../shared/mail/default-mailer';
import { defaultStore } from '../shared/store/client';
import { SurveyStore } from '../survey/survey-store';
import { type BotCredentials, createBotEndpoint } from './adapter/bot-endpoint';
import { cachedSecret, issueDirectLineToken } from './direct-line';
import { loadKnowledgeBase } from './knowledge/knowledge-base';
import { KnowledgeMatcher } from './knowledge/matcher';

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

let endpoint: ReturnType<typeof createBotEndpoint> | undefined;

async function botEndpoint() {
  if (!endpoint) {
    const offerings = new OfferingStore(defaultStore());
    const knowledge = loadKnowledgeBase();
    endpoint = createBotEndpoint({
      credentials: await credentials(),
      store: defaultStore(),
      conversation: {
        knowledge: { base: knowledge, matcher: new KnowledgeMatcher(knowledge) },
        findOfferings: (query) => listDirectory(offerings, query),
        publicBaseUrl: config.publicBaseUrl,
        integrationContact: config.county.integrationContact,
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
  botMessages: httpHandler(routes.botMessages, async ({ body }, context) => {
    const result = await (await botEndpoint())(body, context.headers.authorization);
    return new RawResponse(
      result.body === undefined ? '' : JSON.stringify(result.body),
      'application/json; charset=utf-8',
      result.status,
    );
  }),
});
