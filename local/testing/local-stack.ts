import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { demoAccounts } from '../seed';
import { type LocalStack, startLocalStack } from '../stack';

/** The local server on a free port, on a table of its own in the run's DynamoDB Local. */
export async function startTestStack(): Promise<LocalStack> {
  return startLocalStack({
    port: 0,
    inMemory: true,
    dynamoDbEndpoint: inject('dynamoDbEndpoint'),
    tableName: `stack-${randomUUID()}`,
  });
}

/** Signs in through the development sign-in as a demo account and returns the bearer token. */
export async function signIn(baseUrl: string, role: 'admin' | 'staff' = 'admin'): Promise<string> {
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
