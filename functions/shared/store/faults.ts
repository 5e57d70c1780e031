import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** DynamoDB's answers that mean "not now" rather than "not this": the same request may succeed later. */
const unavailableErrors = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);

/** Connection failures of Node's HTTP client: the store could not be reached at all. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/** A transaction cancelled because an item was throttled is a fault, not a refused condition. */
const throttledReasons = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded']);

/**
 * Whether an error, after the SDK's retries, means the store is unavailable for now: the API then
 * answers 503 with Retry-After instead of 500, and nothing was written (each write is one request,
 * conditional or a transaction).
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof TransactionCanceledException) {
    return (error.CancellationReasons ?? []).some(
      (reason) => reason.Code !== undefined && throttledReasons.has(reason.Code),
    );
  }
  if (unavailableErrors.has(error.name)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && networkCodes.has(code)) return true;
  return (
    (error as { $fault?: unknown; $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 503
  );
}
