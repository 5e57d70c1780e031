import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { demoAccounts } from '../seed';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../stack';

/** The local server on a free port, on a table of its own in the run's DynamoDB Local. */
export async function startTestStack(
  options: Pick<LocalStackOptions, 'rateLimits' | 'streamIntervalMs'> & { dynamoDbEndpoint?: string } = {},
): Promise<LocalStack> {
  return startLocalStack({
    ...options,
    port: 0,
    inMemory: true,
    // Another endpoint in front of the run's DynamoDB Local (a fault proxy) where a test needs one.
    dynamoDbEndpoint: options.dynamoDbEndpoint ?? inject('dynamoDbEndpoint'),
    tableName: `stack-${randomUUID()}`,
  });
}

export type DemoRole = 'admin' | 'staff' | 'steering';

/** Signs in through the development sign-in as a demo account and returns the bearer token. */
export async function signIn(baseUrl: string, role: DemoRole = 'admin'): Promise<string> {
  const account = demoAccounts.find((candidate) => candidate.email.startsWith(role));
  if (!account) throw new Error(`no demo account for ${role}`);
  const response = await fetch(`${baseUrl}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed with ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** A test stack of a describe block and the JSON request headers of a signed-in demo account. */
export interface SignedInStack {
  readonly stack: LocalStack;
  readonly url: string;
  readonly store: LocalStack['store'];
  /** `authorization` and `content-type: application/json`, ready for `fetch`. */
  readonly staff: Record<string, string>;
}

/**
 * Starts a stack of its own before the calling describe block and stops it after; read the returned
 * object inside hooks and tests only (its values exist once the block's `beforeAll` has run).
 */
export function useSignedInStack(role: DemoRole = 'staff'): SignedInStack {
  let stack: LocalStack | undefined;
  let staff: Record<string, string> | undefined;
  beforeAll(async () => {
    stack = await startTestStack();
    staff = { authorization: `Bearer ${await signIn(stack.url, role)}`, 'content-type': 'application/json' };
  });
  afterAll(async () => {
    await stack?.stop();
  });
  function started<T>(value: T | undefined): T {
    if (value === undefined) throw new Error('the test stack is read before its beforeAll ran');
    return value;
  }
  return {
    get stack() {
      return started(stack);
    },
    get url() {
      return started(stack).url;
    },
    get store() {
      return started(stack).store;
    },
    get staff() {
      return started(staff);
    },
  };
}
