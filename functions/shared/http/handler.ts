import { createHash } from 'node:crypto';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { AuditStore } from '../audit/audit-store';
import { type AuditRepository, recordAudit } from '../audit/audit-trail';
import { DomainError, type FieldIssue } from '../domain/errors';
import { type Language, negotiateLanguage } from '../i18n/languages';
import { errorFields, logger } from '../log/logger';
import { RateLimited } from '../rate-limit/limiter';
import { defaultStore } from '../store/client';
import { isStoreUnavailable } from '../store/faults';
import { idempotent } from '../store/idempotency';
import {
  characterIssues,
  decodeBody,
  fieldSegment,
  hasInvalidCharacters,
  tooDeepField,
} from './input-checks';
import { linkToken } from './link-token';
import { HttpProblem, type ProblemCode, problemDocument, unavailableRetryAfterSeconds } from './problem';
import { enforceRouteLimits, type LimitPhase, rateLimitedResult } from './rate-limit';
import {
  allowedGroups,
  defaultMaxBodyBytes,
  defaultMaxJsonDepth,
  needsSignIn,
  RawResponse,
  type RouteContract,
  type RouteInput,
  type RouteOutput,
  routeKey,
} from './route';
import { fieldIssuesOf } from './validation';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;
export type HttpLambda = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/** The signed-in staff member, from the claims the JWT authorizer put on the request. */
export interface Principal {
  sub: string;
  email: string | undefined;
  groups: string[];
}

/** What a use case may know about the request: never the raw Lambda event. */
export interface RequestContext {
  language: Language;
  correlationId: string;
  principal: Principal | undefined;
  headers: Readonly<Record<string, string>>;
  cookies: readonly string[];
  receivedAt: Date;
  /** The body exactly as sent, for routes that verify signatures or pass it on. */
  rawBody: string | undefined;
}

/** The signed-in staff member's id, for records of who did what (staff routes only: the access check ran). */
export function staffId(context: RequestContext): string {
  if (!context.principal) throw new DomainError('unauthorized');
  return context.principal.sub;
}

export type RouteHandler<R extends RouteContract> = (
  input: RouteInput<R>,
  context: RequestContext,
) => Promise<RouteOutput<R>>;

interface State extends Record<string, unknown> {
  context: RequestContext;
  input: { body: unknown; params: unknown; query: unknown };
  bodyText: string | undefined;
}

/** Per-request state handed from the middlewares to the handler body (safe under concurrency). */
const requestStates = new WeakMap<HttpEvent, State>();
type Middleware = MiddlewareObj<HttpEvent, HttpResult, Error, Context, State>;

const jsonMediaType = /^application\/([\w.+-]+\+)?json\b/i;

/** Cognito puts groups in `cognito:groups`; HTTP API's JWT authorizer flattens arrays to "[a b]". */
export function groupsFromClaim(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string' || claim.trim() === '') return [];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function principalOf(event: HttpEvent): Principal | undefined {
  const authorizer = (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } })
    .authorizer;
  const claims = authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string') return undefined;
  return {
    sub: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : undefined,
    groups: groupsFromClaim(claims['cognito:groups']),
  };
}

function problemResult(
  code: ProblemCode,
  language: Language,
  correlationId: string,
  fields: FieldIssue[] = [],
  instance?: string,
  headers: Record<string, string> = {},
): HttpResult {
  const document = problemDocument(code, language, { fields, correlationId, instance });
  return {
    statusCode: document.status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'content-language': language,
      'cache-control': 'no-store',
      'x-correlation-id': correlationId,
      ...headers,
    },
    body: JSON.stringify(document),
  };
}

const requestContext = (): Middleware => ({
  name: 'requestContext',
  before: (request) => {
    const { event } = request;
    const query = event.queryStringParameters ?? {};
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(event.headers ?? {})) {
      if (value !== undefined) headers[name.toLowerCase()] = value;
    }
    const incoming = headers['x-correlation-id'];
    request.internal.context = {
      language: negotiateLanguage(query.lang, headers['accept-language']),
      correlationId:
        incoming && /^[\w-]{8,64}$/.test(incoming)
          ? incoming
          : (event.requestContext?.requestId ?? crypto.randomUUID()),
      principal: principalOf(event),
      headers,
      cookies: event.cookies ?? [],
      receivedAt: new Date(event.requestContext?.timeEpoch ?? Date.now()),
      rawBody: undefined,
    };
  },
  after: (request) => {
    const { context } = request.internal;
    if (!request.response) return;
    request.response.headers = {
      'content-language': context.language,
      'x-correlation-id': context.correlationId,
      ...request.response.headers,
    };
  },
  onError: (request) => {
    const context = request.internal.context as RequestContext | undefined;
    const language = context?.language ?? 'de';
    const correlationId = context?.correlationId ?? crypto.randomUUID();
    const error = request.error;
    const instance = request.event.rawPath;
    if (error instanceof RateLimited) {
      request.response = rateLimitedResult(error, language, correlationId, instance);
    } else if (error instanceof HttpProblem) {
      request.response = problemResult(error.code, language, correlationId, error.fields, instance);
    } else if (error instanceof DomainError) {
      request.response = problemResult(error.code, language, correlationId, error.fields, instance);
    } else if (isStoreUnavailable(error)) {
      // Throttled or unreachable through the store client's bounded retries: the caller may send the
      // same request again (writes are conditional or transactions, retried writes idempotent).
      logger.warn('store unavailable', {
        correlationId,
        routeKey: request.event.routeKey,
        ...errorFields(error),
      });
      request.response = problemResult('unavailable', language, correlationId, [], instance, {
        'retry-after': String(unavailableRetryAfterSeconds),
      });
    } else {
      logger.error('unexpected error', {
        correlationId,
        routeKey: request.event.routeKey,
        ...errorFields(error),
      });
      request.response = problemResult('internal', language, correlationId, [], instance);
    }
  },
});

const bodyLimit = (route: RouteContract): Middleware => ({
  name: 'bodyLimit',
  before: (request) => {
    const { body, isBase64Encoded } = request.event;
    if (body === undefined || body === null) return;
    const limit = route.maxBodyBytes ?? defaultMaxBodyBytes;
    // Base64 inflates by 4/3; checking the encoded length first avoids decoding a huge body at all.
    const size = isBase64Encoded ? Math.floor((body.length * 3) / 4) : Buffer.byteLength(body, 'utf8');
    if (size > limit)
      throw new HttpProblem('payload_too_large', [
        { field: 'body', code: 'too_large', params: { maximum: limit } },
      ]);
    const text = decodeBody(body, isBase64Encoded);
    if (text === undefined) {
      // Bytes that are not UTF-8 matter only where a body is read; other routes ignore the body.
      if (route.body) throw new HttpProblem('validation', [{ field: 'body', code: 'invalid_characters' }]);
      return;
    }
    request.internal.bodyText = text;
    request.internal.context.rawBody = text;
  },
});

const access = (route: RouteContract): Middleware => ({
  name: 'access',
  before: (request) => {
    // A link route without a well-formed token in its header is refused before the body is read.
    if (route.access === 'invitation') linkToken(request.internal.context);
    if (!needsSignIn(route.access)) return;
    const principal = request.internal.context.principal;
    if (!principal) throw new HttpProblem('unauthorized');
    const allowed: readonly string[] = allowedGroups(route);
    if (!principal.groups.some((group) => allowed.includes(group))) throw new HttpProblem('forbidden');
  },
});

/** Counts the request against the route's rate limits: by address on arrival, the rest once parsed. */
const rateLimits = (route: RouteContract, phase: LimitPhase): Middleware => ({
  name: `rateLimits-${phase}`,
  before: async (request) => {
    await enforceRouteLimits(route, phase, request.event, request.internal.input?.body);
  },
});

function validate(schema: z.ZodType | undefined, value: unknown, location: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpProblem('validation', fieldIssuesOf(result.error.issues, location));
  return result.data;
}

/** Path and query parameters arrive decoded from percent-escapes: `%00` is a NUL by now. */
function parameterIssues(parameters: Record<string, string | undefined> | undefined, location: string) {
  return Object.entries(parameters ?? {}).flatMap(([name, value]): FieldIssue[] =>
    hasInvalidCharacters(name) || (value !== undefined && hasInvalidCharacters(value))
      ? [{ field: `${location}.${fieldSegment(name)}`, code: 'invalid_characters' }]
      : [],
  );
}

const parseRequest = (route: RouteContract): Middleware => ({
  name: 'parseRequest',
  before: (request) => {
    const { event, internal } = request;
    const parameters = [
      ...parameterIssues(event.pathParameters, 'params'),
      ...parameterIssues(event.queryStringParameters, 'query'),
    ];
    if (parameters.length > 0) throw new HttpProblem('validation', parameters);
    let body: unknown;
    if (route.body) {
      const text = internal.bodyText;
      if (text === undefined || text === '') {
        throw new HttpProblem('validation', [{ field: 'body', code: 'required' }]);
      }
      const contentType = internal.context.headers['content-type'] ?? '';
      if (!jsonMediaType.test(contentType)) {
        throw new HttpProblem('unsupported_media_type', [{ field: 'body', code: 'json_expected' }]);
      }
      // Bounded before parsing: deep nesting costs nothing to send but overflows the stack wherever the
      // value is later walked or serialised (the Bot SDK, the store's marshalling, JSON.stringify).
      const maximum = route.maxJsonDepth ?? defaultMaxJsonDepth;
      const deep = tooDeepField(text, maximum, 'body');
      if (deep !== undefined) {
        throw new HttpProblem('validation', [{ field: deep, code: 'too_deep', params: { maximum } }]);
      }
      try {
        body = JSON.parse(text);
      } catch {
        throw new HttpProblem('malformed_body', [{ field: 'body', code: 'malformed_json' }]);
      }
    }
    const characters = route.body ? characterIssues(body, 'body') : [];
    if (characters.length > 0) throw new HttpProblem('validation', characters);
    internal.input = {
      body: validate(route.body, body, 'body'),
      params: validate(route.params, event.pathParameters ?? {}, 'params'),
      query: validate(route.query, event.queryStringParameters ?? {}, 'query'),
    };
    requestStates.set(event, internal);
  },
});

function format(route: RouteContract, output: unknown): HttpResult {
  if (output instanceof RawResponse) {
    return {
      statusCode: output.status,
      headers: { 'content-type': output.contentType, ...output.headers },
      body: output.body,
      isBase64Encoded: output.isBase64Encoded,
    };
  }
  const status = route.successStatus ?? 200;
  if (status === 204) return { statusCode: 204, headers: { 'cache-control': 'no-store' } };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(output),
  };
}

export interface HandlerOptions {
  /** Where audited routes record their calls; the table's audit trail unless a test brings its own. */
  auditTrail?: () => AuditRepository;
}

/**
 * Records an audited route's successful call before its answer leaves. The order is deliberate: a
 * failed write turns the answer into an error, so data is never handed out (or an export never
 * downloaded) without its record; a failed use case wrote nothing worth recording. For a change or an
 * erasure the write is done by then: the error tells the caller, and the log keeps ids for the gap.
 */
/** The top-level `…Id` fields of a parsed body (never other fields: they may hold personal data). */
function bodyIds(input: unknown): Record<string, string> {
  const body = (input as { body?: unknown } | undefined)?.body;
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body).filter(
      (entry): entry is [string, string] => /Id$/.test(entry[0]) && typeof entry[1] === 'string',
    ),
  );
}

async function audit(
  route: RouteContract,
  event: HttpEvent,
  context: RequestContext,
  trail: () => AuditRepository,
  input: unknown,
): Promise<void> {
  if (!route.audit) return;
  try {
    await recordAudit(trail(), {
      staffId: staffId(context),
      action: route.audit.action,
      subject: route.audit.subject,
      route: routeKey(route),
      // Routes that name a person in the body (so no address reaches a URL) are audited by its ids.
      pathParameters: { ...(event.pathParameters ?? {}), ...bodyIds(input) },
      at: new Date(),
    });
  } catch (error) {
    logger.error('audit record not written; answer withheld', {
      correlationId: context.correlationId,
      routeKey: routeKey(route),
      ...errorFields(error),
    });
    // A throttled or unreachable store answers 503 with Retry-After (the caller may try again); the
    // data is withheld either way.
    throw isStoreUnavailable(error) ? error : new Error('audit record not written');
  }
}

/**
 * The one handler pattern: context → body limit → access → rate limits → parse and validate → rate
 * limits on the parsed request → use case → audit → format, with every error turned into RFC 9457
 * problem details in the caller's language.
 */
export function httpHandler<R extends RouteContract>(
  route: R,
  handle: RouteHandler<R>,
  options: HandlerOptions = {},
): HttpLambda {
  const trail = options.auditTrail ?? (() => new AuditStore(defaultStore()));
  const lambda = middy<HttpEvent, HttpResult, Error, Context, State>()
    .use(requestContext())
    .use(bodyLimit(route))
    .use(access(route))
    .use(rateLimits(route, 'received'))
    .use(parseRequest(route))
    .use(rateLimits(route, 'parsed'))
    .handler(async (event) => {
      const state = requestStates.get(event);
      if (!state) throw new Error('request state missing');
      const run = () => handle(state.input as RouteInput<R>, state.context);
      const key = route.idempotent ? state.context.headers['idempotency-key'] : undefined;
      if (!key) {
        const output = await run();
        await audit(route, event, state.context, trail, state.input);
        return format(route, output);
      }
      if (!/^[\w-]{8,128}$/.test(key)) {
        throw new HttpProblem('validation', [{ field: 'headers.idempotency-key', code: 'invalid_format' }]);
      }
      // A retried write with the same key is answered from the first result instead of running again.
      // Link routes share one path for every link: the token's hash keeps one link's keys from another's.
      const caller =
        state.context.principal?.sub ??
        (route.access === 'invitation'
          ? `link:${createHash('sha256').update(linkToken(state.context)).digest('hex')}`
          : 'anonymous');
      const scope = `${routeKey(route)}#${caller}`;
      const fingerprint = createHash('sha256')
        .update(`${event.rawPath}\n${state.context.rawBody ?? ''}`)
        .digest('hex');
      const output = await idempotent(defaultStore(), scope, key, run, { fingerprint });
      await audit(route, event, state.context, trail, state.input);
      return format(route, output);
    });
  const expectedRouteKey = routeKey(route);
  return async (event, context) => {
    if (event.routeKey !== expectedRouteKey && event.routeKey !== '$default') {
      logger.warn('route key mismatch', { expected: expectedRouteKey, received: event.routeKey });
    }
    return lambda(event, context);
  };
}
