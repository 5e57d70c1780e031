/**
 * Errors the domain raises. They know nothing of HTTP: the error middleware maps each code to a status
 * and a localized problem text in one place (`http/problem.ts`).
 */
export const domainErrorCodes = [
  'validation',
  'not_found',
  'conflict',
  'version_conflict',
  'forbidden',
  'unauthorized',
  'gone',
  'closed',
  'invalid_state',
  'rate_limited',
  'not_open_yet',
  'slot_taken',
  'interviewer_busy',
  'cut_off_passed',
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

export interface FieldIssue {
  /** Where the problem is: `body.offerings.0.title`, `query.limit`, … */
  field: string;
  /** A stable machine-readable reason, e.g. `too_small`. */
  code: string;
  /** Values the localized reason text is filled with. */
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    /** Ids only, never personal data: the message may be logged. */
    message: string = code,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
