import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** The whole local stack (in-memory store, demo data, built web front end) on a free port. */
export default async function setup(project: TestProject) {
  const stack = await startLocalStack({ port: 0, inMemory: true });
  project.provide('baseUrl', stack.url);
  return async () => {
    await stack.stop();
  };
}
