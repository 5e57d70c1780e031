import type { z } from 'zod';
import type { LimitClass } from '../config/rate-limits';

/**
 * Who may call a route. `member`, `staff`, `admin` and `steering` pass the JWT authorizer (Cognito in the
 * cloud, the dev sign-in locally) and are checked again in the handler; `invitation` carries an
 * unguessable link token in the `Wegweiser-Access-Token` header (see `link-token.ts`); `bot` is the Bot
 * Framework endpoint, authenticated by the SDK. `member` is any signed-in account whatever its group
 * (the console asks who is signed in).
 */
export type Access = 'public' | 'invitation' | 'member' | 'staff' | 'admin' | 'steering' | 'bot';

/** What a staff action did to personal data, for the audit trail. */
export const auditActions = ['read', 'export', 'change', 'erase'] as const;
export type AuditAction = (typeof auditActions)[number];

/** The kinds of personal data an audited route touches; the record names their ids, never their content. */
export const auditSubjects = [
  'surveyContacts',
  'interview',
  'interviewNotes',
  'interviewCandidates',
  'workshopParticipants',
  'auditTrail',
  'person',
] as const;
export type AuditSubject = (typeof auditSubjects)[number];

/**
 * Declares that a successful call is written to the audit trail, by the handler chain itself (so a
 * feature cannot forget it). The record holds the path's ids, never the request's or answer's content.
 */
export interface AuditSpec {
  action: AuditAction;
  subject: AuditSubject;
}

/**
 * The groups a signed-in member can hold (Cognito groups in the cloud, the dev sign-in's locally).
 * `steering` is the steering committee (Steuerungskreis), which records priorities and measures.
 */
export const staffGroupNames = ['staff', 'admin', 'steering'] as const;
export type StaffGroup = (typeof staffGroupNames)[number];

/** Access kinds that need a signed-in member: API Gateway's JWT authorizer guards their routes. */
export function needsSignIn(access: Access): boolean {
  return access === 'member' || access === 'staff' || access === 'admin' || access === 'steering';
}

/**
 * The groups whose members may call a route. The steering committee's records are read by everyone in
 * the console (staff prepare the committee's meetings from them) but written by the committee and
 * administrators only, so `steering` depends on the method.
 */
export function allowedGroups(route: { access: Access; method: HttpMethod }): readonly StaffGroup[] {
  switch (route.access) {
    case 'member':
      return ['staff', 'steering', 'admin'];
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
  /**
   * A tighter API Gateway limit than the stage's for this route (requests per second, burst): the
   * outer guard over all callers together, in front of `limits`.
   */
  throttle?: { rateLimit: number; burstLimit: number };
  /** A signed-in route that reads, exports, changes or erases personal data: audited after success. */
  audit?: AuditSpec;
  /**
   * What the route's requests are counted by in the store-backed rate limiter (429 with Retry-After
   * above the configured limit), the same locally and in the cloud; see config/rate-limits.ts.
   */
  limits?: readonly LimitClass[];
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
