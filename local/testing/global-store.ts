import type { TestProject } from 'vitest/node';
import { startEmbeddedDynamoDb } from '../embedded-dynamodb';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}

/** One real DynamoDB Local per test run, in memory; each test file makes its own table in it. */
export default async function setup(project: TestProject) {
  const store = await startEmbeddedDynamoDb();
  project.provide('dynamoDbEndpoint', store.endpoint);
  return async () => {
    await store.stop();
  };
}
