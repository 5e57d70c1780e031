import type { z } from 'zod';

/**
 * Who may call a route. `staff`, `admin` and `steering` pass the JWT authorizer (Cognito in the cloud,
 * the dev sign-in locally) and are checked again in the handler; `invitation` carries an unguessable
 * token in the path; `bot` is the Bot Framework endpoint, authenticated by the SDK.
 */
export type Access = 'public' | 'invitation' | 'staff' | 'admin' | 'steering' | 'bot';

/**
 * The groups a signed-in member can hold (Cognito groups in the cloud, the dev sign-in's locally).
 * `steering` is the steering committee (Steuerungskreis), which records priorities and measures.
 */
export const staffGroupNames = ['staff', 'admin', 'steering'] as const;
export type StaffGroup = (typeof staffGroupNames)[number];

/** Access kinds that need a signed-in member: API Gateway's JWT authorizer guards their routes. */
export function needsSignIn(access: Access): boolean {
  return access === 'staff' || access === 'admin' || access === 'steering';
}

/**
 * The groups whose members may call a route. The steering committee's records are read by everyone in
 * the console (staff prepare the committee's meetings from them) but written by the committee and
 * administrators only, so `steering` depends on the method.
 */
export function allowedGroups(route: { access: Access; method: HttpMethod }): readonly StaffGroup[] {
  switch (route.access) {
    case 'admin':
      return ['admin'];
    case 'staff':
      return ['staff', 'admin'];
    case 'steering':
      return route.method === 'GET' ? ['staff', 'steering', 'admin'] : ['steering', 'admin'];
    default:
      return [];
  }
}

/** One Lambda per feature area. */
export const functionNames = [
  'platform',
  'staff',
  'survey',
  'offerings',
  'chatbot',
  'dev',
  'interviews',
  'workshops',
  'evaluation',
  'steering',
  'people',
] as const;
export type FunctionName = (typeof functionNames)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContract {
  method: HttpMethod;
  /** API Gateway path template: `/api/surveys/{surveyId}`. */
  path: `/api/${string}`;
  function: FunctionName;
  access: Access;
  summary: string;
  tag: string;
  body?: z.ZodType;
  params?: z.ZodType;
  query?: z.ZodType;
  /**
   * The success answer's schema (JSON), or a media type for answers the handler formats itself (a
   * `RawResponse`: a file, its own caching headers), with the schema of its body where it has one.
   */
  response: z.ZodType | { mediaType: string; schema?: z.ZodType };
  successStatus?: number;
  /** Requests with bigger bodies are refused with 413 before parsing. */
  maxBodyBytes?: number;
  /**
   * Requests whose JSON body nests deeper than this (objects and arrays, counted together) are refused
   * with 400 before parsing; for bodies that legitimately nest deeper than `defaultMaxJsonDepth`.
   */
  maxJsonDepth?: number;
  /** Exists only in the local stage (dev sign-in, dev outbox): never deployed, refused in the cloud. */
  localOnly?: boolean;
  /** Accepts `Idempotency-Key` so that a retried write is answered from the first result. */
  idempotent?: boolean;
  /** Relies on a service outside AWS (Azure's Direct Line): its failures are answered with 502. */
  upstream?: boolean;
  /** A tighter API Gateway limit than the stage's for this route (requests per second, burst). */
  throttle?: { rateLimit: number; burstLimit: number };
}

export const defaultMaxBodyBytes = 64 * 1024;
/** Deeper than any body a route's schema describes (a test checks every route's sample against it). */
export const defaultMaxJsonDepth = 32;

export function routeKey(route: Pick<RouteContract, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<R extends RouteContract> {
  body: Infer<R['body']>;
  params: Infer<R['params']>;
  query: Infer<R['query']>;
}

export type RouteOutput<R extends RouteContract> = R['response'] extends z.ZodType
  ? z.input<R['response']>
  : RawResponse;

/** An answer that is not JSON (HTML, a file, the bot's reply), passed through as it is. */
export class RawResponse {
  constructor(
    readonly body: string,
    readonly contentType: string,
    readonly status = 200,
    readonly headers: Record<string, string> = {},
    readonly isBase64Encoded = false,
  ) {}
}
