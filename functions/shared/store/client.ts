import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { runtimeConfig } from '../config/env';
import { Store } from './store';

/**
 * How long one store call may take, deliberately: DynamoDB answers in milliseconds, so an attempt that
 * has not connected within 1 s or gone quiet for 2 s is hung and is tried again; three attempts with
 * capped backoff, then the call fails and the API answers 503. The worst case of one call
 * (`worstCaseStoreCallMs`) stays well below the functions' timeout, which a template test checks.
 */
export const storeClientLimits = {
  maxAttempts: 3,
  connectionTimeoutMs: 1_000,
  /** From the request sent to the whole answer read: an attempt that takes longer is aborted. */
  requestTimeoutMs: 2_000,
  /** Exponential backoff with full jitter: a random wait up to min(cap, base·2^retry). */
  baseDelayMs: 50,
  maxDelayMs: 1_000,
} as const;

export type StoreClientLimits = { -readonly [K in keyof typeof storeClientLimits]: number };

/** The longest one store call can take before it fails: every attempt timing out, every wait at its cap. */
export function worstCaseStoreCallMs(limits: StoreClientLimits = storeClientLimits): number {
  const attempt = limits.connectionTimeoutMs + limits.requestTimeoutMs;
  let waits = 0;
  for (let retry = 1; retry < limits.maxAttempts; retry += 1) {
    waits += Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** retry);
  }
  return limits.maxAttempts * attempt + waits;
}

// The SDK's retry interfaces, taken from the client's own config type (no direct @smithy dependency).
type RetryStrategyV2 = Extract<
  NonNullable<DynamoDBClientConfig['retryStrategy']>,
  { acquireInitialRetryToken: unknown }
>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2['acquireInitialRetryToken']>>;
type RetryErrorInfo = Parameters<RetryStrategyV2['refreshRetryTokenForRetry']>[1];

function retryToken(count: number, delay: number): RetryToken {
  return { getRetryCount: () => count, getRetryDelay: () => delay };
}

/**
 * The SDK's retry loop with our bounds: throttling, server errors and transient faults (timeouts,
 * resets) are retried up to `maxAttempts` in all, other errors never. No retry quota shared across
 * calls: each call's bound is the same, which is what the timeout budget above counts on.
 */
export class BoundedRetryStrategy implements RetryStrategyV2 {
  constructor(
    private readonly limits: StoreClientLimits,
    private readonly random: () => number = Math.random,
  ) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return retryToken(0, 0);
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const retry = previous.getRetryCount() + 1;
    if (info.errorType === 'CLIENT_ERROR' || retry >= this.limits.maxAttempts) {
      // The SDK rethrows the call's own error when no token is given.
      throw new Error('no retry left');
    }
    const cap = Math.min(this.limits.maxDelayMs, this.limits.baseDelayMs * 2 ** retry);
    return retryToken(retry, Math.floor(this.random() * cap));
  }

  recordSuccess(): void {}
}

export function createDocumentClient(options: {
  region: string;
  endpoint?: string | undefined;
  limits?: StoreClientLimits;
}) {
  const limits = options.limits ?? storeClientLimits;
  const client = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: limits.maxAttempts,
    retryStrategy: new BoundedRetryStrategy(limits),
    requestHandler: {
      connectionTimeout: limits.connectionTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Without this the SDK only logs a warning when the request timeout passes, and waits on.
      throwOnRequestTimeout: true,
      socketTimeout: limits.requestTimeoutMs,
    },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

let shared: Store | undefined;

/** The process's store on the configured table, made once and reused across invocations. */
export function defaultStore(): Store {
  if (!shared) {
    const config = runtimeConfig();
    shared = new Store(
      createDocumentClient({ region: config.region, endpoint: config.dynamoDbEndpoint }),
      config.tableName,
    );
  }
  return shared;
}
