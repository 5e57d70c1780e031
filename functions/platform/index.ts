import { routes } from '../routes';
import { runtimeConfig } from '../shared/config/env';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler } from '../shared/http/handler';
import { RawResponse } from '../shared/http/route';
import { languages } from '../shared/i18n/languages';
import { openApiDocument } from './openapi';

export async function getHealth() {
  return { status: 'ok' as const, stage: runtimeConfig().stage, time: new Date().toISOString() };
}

let openApiJson: string | undefined;

export async function getOpenApiDocument() {
  openApiJson ??= JSON.stringify(openApiDocument({ includeLocalOnly: runtimeConfig().stage === 'local' }));
  return new RawResponse(openApiJson, 'application/json; charset=utf-8', 200, {
    'cache-control': 'public, max-age=300',
  });
}

export async function getSiteInfo() {
  const config = runtimeConfig();
  return {
    stage: config.stage,
    county: config.county,
    languages: languages.map(({ code, endonym, dir }) => ({ code, endonym, dir })),
    // An authenticating bot accepts only Bot Connector tokens, which only Direct Line can give a browser.
    chatTransport: config.botAuthentication ? ('directLine' as const) : ('local' as const),
    staffSignIn:
      config.devSignIn || !config.cognito
        ? { kind: 'dev' as const }
        : { kind: 'cognito' as const, ...config.cognito },
  };
}

export const handler = featureLambda('platform', {
  health: httpHandler(routes.health, getHealth),
  openApiDocument: httpHandler(routes.openApiDocument, getOpenApiDocument),
  siteInfo: httpHandler(routes.siteInfo, getSiteInfo),
});
