import type { Context } from 'aws-lambda';
import { type RouteIdsOf, routeEntries } from '../../routes';
import { runtimeConfig } from '../config/env';
import { negotiateLanguage } from '../i18n/languages';
import { logger } from '../log/logger';
import type { HttpEvent, HttpLambda, HttpResult } from './handler';
import { originHeaderName } from './origin-check';
import { originGuardFor } from './origin-secret';
import { type ProblemCode, problemDocument } from './problem';
import { type FunctionName, routeKey } from './route';

export type FeatureHandlers<F extends FunctionName> = { [K in RouteIdsOf<F>]: HttpLambda };

/**
 * One Lambda per feature area, dispatching on API Gateway's route key. Checks the configuration at
 * start-up, so a misconfigured function (a local-only switch in a cloud stage) refuses to start, and
 * refuses to serve local-only routes anywhere but the local stage.
 */
export function featureLambda<F extends FunctionName>(name: F, handlers: FeatureHandlers<F>): HttpLambda {
  const config = runtimeConfig();
  const byRouteKey = new Map<string, HttpLambda>();
  for (const [id, route] of routeEntries) {
    if (route.function !== name) continue;
    if (route.localOnly && config.stage !== 'local') {
      throw new Error(`Route ${id} is local-only and cannot start in stage ${config.stage}`);
    }
    const lambda = (handlers as Record<string, HttpLambda>)[id];
    if (!lambda) throw new Error(`Route ${id} has no handler in function ${name}`);
    byRouteKey.set(routeKey(route), lambda);
  }
  const originGuard = originGuardFor(config);
  const problem = (event: HttpEvent, code: ProblemCode): HttpResult => {
    const language = negotiateLanguage(event.queryStringParameters?.lang, event.headers?.['accept-language']);
    const document = problemDocument(code, language);
    return {
      statusCode: document.status,
      headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify(document),
    };
  };
  return async (event: HttpEvent, context: Context): Promise<HttpResult> => {
    // Before any work: a request that did not come through CloudFront (the execute-api endpoint called
    // directly) carries no or a wrong origin header and learns nothing but 403.
    if (originGuard && !(await originGuard.admits(event.headers))) {
      logger.warn('request bypassed CloudFront', { function: name, routeKey: event.routeKey });
      return problem(event, 'forbidden');
    }
    // The value is a credential: no use case, log or error report needs to see it.
    if (event.headers) delete event.headers[originHeaderName];
    const lambda = byRouteKey.get(event.routeKey);
    if (lambda) return lambda(event, context);
    logger.warn('no route', { function: name, routeKey: event.routeKey });
    return problem(event, 'route_not_found');
  };
}
