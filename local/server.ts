import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import { jwtVerify } from 'jose';
import { devTokenAudience, devTokenIssuer } from '../functions/dev/dev-sign-in';
import { routeEntries } from '../functions/routes';
import type { HttpEvent, HttpLambda, HttpResult } from '../functions/shared/http/handler';
import { originHeaderName } from '../functions/shared/http/origin-check';
import { type ProblemCode, problemDocument } from '../functions/shared/http/problem';
import { viewerAddressHeader } from '../functions/shared/http/rate-limit';
import { type FunctionName, needsSignIn, type RouteContract, routeKey } from '../functions/shared/http/route';
import { negotiateLanguage } from '../functions/shared/i18n/languages';
import { type ViewerRequest, viewerRequestFunction } from '../lib/constructs/spa-rewrite';
import { securityHeaders } from './security-headers';

/** API Gateway's own payload limit; the routes' tighter limits are the handlers' job (413 there). */
const gatewayMaxBodyBytes = 10 * 1024 * 1024;
const textMediaType = /^(text\/|application\/([\w.+-]+\+)?(json|xml)|application\/x-www-form-urlencoded)/i;

interface CompiledRoute {
  route: RouteContract;
  key: string;
  pattern: RegExp;
  names: string[];
}

function compile(route: RouteContract): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const match = /^\{(\w+)(\+?)\}$/.exec(segment);
      if (!match) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(match[1] ?? '');
      return match[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { route, key: routeKey(route), pattern: new RegExp(`^${source}$`), names };
}

export interface LocalServerOptions {
  handlers: Record<FunctionName, HttpLambda>;
  webRoot: string;
  devTokenSecret: string;
  /** Which stage's routes exist: the local stage serves local-only routes too. */
  includeLocalOnly: boolean;
  /** The origin header CloudFront adds in the cloud; the local server adds it to every API request. */
  originSecret?: string;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function flattenClaims(payload: Record<string, unknown>): Record<string, string> {
  // API Gateway's JWT authorizer hands claims to Lambda as strings, arrays as "[a b]".
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : String(value),
    ]),
  );
}

function clfTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > gatewayMaxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => done(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    request.on('error', fail);
  });
}

/**
 * Builds the API Gateway HTTP API (payload 2.0) event that the cloud would deliver, including the
 * claims the JWT authorizer adds, so a handler cannot tell the local server from the cloud.
 */
export function gatewayEvent(options: {
  request: IncomingMessage;
  url: URL;
  compiled: CompiledRoute;
  pathParameters: Record<string, string>;
  body: Buffer;
  claims: Record<string, string> | undefined;
}): HttpEvent {
  const { request, url, compiled, pathParameters, body, claims } = options;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  // Like CloudFront: the viewer's address comes from the connection, whatever the viewer sent.
  headers[viewerAddressHeader] =
    `${request.socket.remoteAddress ?? '127.0.0.1'}:${request.socket.remotePort ?? 0}`;
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const contentType = headers['content-type'] ?? '';
  const isText = body.length === 0 || textMediaType.test(contentType);
  const now = new Date();
  const requestId = randomUUID();
  const cookieHeader = request.headers.cookie;
  return {
    version: '2.0',
    routeKey: compiled.key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookieHeader ? { cookies: cookieHeader.split(/;\s*/).filter(Boolean) } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(compiled.names.length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: compiled.key,
      stage: '$default',
      time: clfTime(now),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    } as HttpEvent['requestContext'],
    ...(body.length > 0
      ? { body: isText ? body.toString('utf8') : body.toString('base64'), isBase64Encoded: !isText }
      : { isBase64Encoded: false }),
  };
}

function lambdaContext(functionName: string, requestId: string): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-central-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 29_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function sendProblem(response: ServerResponse, code: ProblemCode, acceptLanguage: string | undefined): void {
  const document = problemDocument(code, negotiateLanguage(undefined, acceptLanguage));
  response.writeHead(document.status, {
    ...securityHeaders,
    'content-type': 'application/problem+json; charset=utf-8',
  });
  response.end(JSON.stringify(document));
}

function sendResult(response: ServerResponse, result: HttpResult): void {
  const headers: Record<string, string | string[]> = { ...securityHeaders };
  for (const [name, value] of Object.entries(result.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(body);
}

/** The cloud's viewer-request function, run here too, so that old links are redirected alike. */
const viewerRequest = viewerRequestFunction();

/**
 * An old link with its token in the path answers one redirect to the fragment form, exactly as the
 * CloudFront function does in the cloud (it is the same code); `undefined` for every other path.
 */
export function movedLinkRedirect(url: URL): { status: number; headers: Record<string, string> } | undefined {
  const querystring: ViewerRequest['querystring'] = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name).map((value) => ({ value }));
    querystring[name] = {
      value: values[0]?.value ?? '',
      ...(values.length > 1 ? { multiValue: values } : {}),
    };
  }
  const answer = viewerRequest({ request: { uri: url.pathname, querystring } });
  if (!('statusCode' in answer)) return undefined;
  return {
    status: answer.statusCode,
    headers: Object.fromEntries(Object.entries(answer.headers).map(([name, { value }]) => [name, value])),
  };
}

function serveStatic(webRoot: string, pathname: string, response: ServerResponse): void {
  const root = resolve(webRoot);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '/';
  }
  const candidate = normalize(join(root, decoded));
  const isFile =
    candidate.startsWith(root) &&
    extname(candidate) !== '' &&
    existsSync(candidate) &&
    statSync(candidate).isFile();
  // Like the CloudFront function in the cloud: paths without a file go to the single-page app.
  const file = isFile ? candidate : join(root, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The web front end is not built yet: run `npm run build:web`.');
    return;
  }
  const hashed = /\/assets\//.test(file);
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  response.end(readFileSync(file));
}

/** The local stand-in for API Gateway + CloudFront: the route table mapped onto the same handlers. */
export function createLocalServer(options: LocalServerOptions): Server {
  const compiled = routeEntries
    .filter(([, route]) => options.includeLocalOnly || !route.localOnly)
    .map(([, route]) => compile(route));
  const secret = new TextEncoder().encode(options.devTokenSecret);

  async function claimsFrom(request: IncomingMessage): Promise<Record<string, string> | undefined> {
    const authorization = request.headers.authorization;
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, secret, {
        issuer: devTokenIssuer,
        audience: devTokenAudience,
      });
      return flattenClaims(payload as Record<string, unknown>);
    } catch {
      return undefined;
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const acceptLanguage = request.headers['accept-language'];
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return sendProblem(response, 'method_not_allowed', acceptLanguage);
      const moved = movedLinkRedirect(url);
      if (moved) {
        response.writeHead(moved.status, { ...securityHeaders, ...moved.headers });
        response.end();
        return;
      }
      return serveStatic(options.webRoot, url.pathname, response);
    }
    const pathMatches = compiled
      .map((candidate) => ({ candidate, match: candidate.pattern.exec(url.pathname) }))
      .filter((entry) => entry.match);
    const found = pathMatches.find((entry) => entry.candidate.route.method === request.method);
    if (!found?.match) {
      return sendProblem(
        response,
        pathMatches.length > 0 ? 'method_not_allowed' : 'route_not_found',
        acceptLanguage,
      );
    }
    const { candidate, match } = found;
    const pathParameters: Record<string, string> = {};
    candidate.names.forEach((name, index) => {
      const raw = match[index + 1] ?? '';
      try {
        pathParameters[name] = decodeURIComponent(raw);
      } catch {
        pathParameters[name] = raw;
      }
    });
    const body = await readBody(request);
    if (body === 'too_large') return sendProblem(response, 'payload_too_large', acceptLanguage);
    const claims = await claimsFrom(request);
    const needsJwt = needsSignIn(candidate.route.access);
    // The cloud's JWT authorizer refuses missing or invalid tokens before the Lambda runs.
    if (needsJwt && !claims) return sendProblem(response, 'unauthorized', acceptLanguage);
    const event = gatewayEvent({
      request,
      url,
      compiled: candidate,
      pathParameters,
      body,
      claims: needsJwt ? claims : undefined,
    });
    // As CloudFront does: its origin header replaces whatever the client sent under that name.
    if (options.originSecret) event.headers[originHeaderName] = options.originSecret;
    const lambda = options.handlers[candidate.route.function];
    const result = await lambda(
      event,
      lambdaContext(candidate.route.function, event.requestContext.requestId),
    );
    sendResult(response, result);
  }

  return createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendProblem(response, 'internal', request.headers['accept-language']);
      else response.end();
    });
  });
}
