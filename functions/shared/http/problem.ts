import type { DomainErrorCode, FieldIssue } from '../domain/errors';
import type { Language } from '../i18n/languages';
import { type MessageKey, translate } from '../i18n/messages';

/** Every problem the API answers with, its HTTP status and its stable `type` URI (RFC 9457). */
export const problemStatus = {
  validation: 400,
  malformed_body: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  version_conflict: 409,
  invalid_state: 409,
  not_open_yet: 409,
  slot_taken: 409,
  interviewer_busy: 409,
  cut_off_passed: 409,
  gone: 410,
  closed: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  /** A service the API relies on (Direct Line) failed; the caller may try again. */
  bad_gateway: 502,
  /** The store stayed throttled or unreachable through the bounded retries; nothing was half-written. */
  unavailable: 503,
} as const satisfies Record<DomainErrorCode | string, number>;
export type ProblemCode = keyof typeof problemStatus;

export const problemTypeBase = '/problems/';

/** Seconds a 503 asks the caller to wait: DynamoDB's throttling passes within seconds as capacity adapts. */
export const unavailableRetryAfterSeconds = 5;

/** Where a problem's title and detail live: `problems.<code>`, or the section of the feature that added it. */
function messagePrefix(code: ProblemCode): string {
  return code === 'unavailable' ? 'faults.unavailable' : `problems.${code}`;
}

export interface LocalizedFieldIssue {
  field: string;
  code: string;
  reason: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  correlationId?: string;
  errors?: LocalizedFieldIssue[];
}

export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(
    readonly code: ProblemCode,
    readonly fields: FieldIssue[] = [],
    message: string = code,
  ) {
    super(message);
  }
}

function fieldReason(language: Language, issue: FieldIssue): string {
  const key = `validation.${issue.code}` as MessageKey;
  const text = translate(language, key, issue.params);
  return text === key ? translate(language, 'validation.invalid', issue.params) : text;
}

export function problemDocument(
  code: ProblemCode,
  language: Language,
  options: { fields?: FieldIssue[]; correlationId?: string; instance?: string } = {},
): ProblemDocument {
  const document: ProblemDocument = {
    type: `${problemTypeBase}${code.replaceAll('_', '-')}`,
    title: translate(language, `${messagePrefix(code)}.title` as MessageKey),
    status: problemStatus[code],
    detail: translate(language, `${messagePrefix(code)}.detail` as MessageKey),
  };
  if (options.instance) document.instance = options.instance;
  if (options.correlationId) document.correlationId = options.correlationId;
  if (options.fields && options.fields.length > 0) {
    document.errors = options.fields.map((issue) => ({
      field: issue.field,
      code: issue.code,
      reason: fieldReason(language, issue),
    }));
  }
  return document;
}
