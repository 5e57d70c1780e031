import type { Context } from 'aws-lambda';
import type { HttpEvent } from './handler';

/** An API Gateway HTTP API v2 event as the cloud delivers it, for handler tests. */
export function httpEvent(options: {
  routeKey: string;
  body?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  pathParameters?: Record<string, string>;
  claims?: Record<string, string>;
  isBase64Encoded?: boolean;
}): HttpEvent {
  const [method = 'GET', path = '/'] = options.routeKey.split(' ');
  return {
    version: '2.0',
    routeKey: options.routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: options.headers ?? {},
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: crypto.randomUUID(),
      routeKey: options.routeKey,
      stage: '$default',
      time: '25/Nov/2026:00:00:00 +0000',
      timeEpoch: Date.now(),
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims, scopes: null } } } : {}),
    } as HttpEvent['requestContext'],
    ...(options.body !== undefined
      ? { body: options.body, isBase64Encoded: options.isBase64Encoded ?? false }
      : {}),
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
}

export const testContext = {
  functionName: 'test',
  awsRequestId: 'test',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;
