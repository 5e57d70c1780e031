import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { languages } from '../i18n/languages';
import { httpHandler } from './handler';
import { unavailableRetryAfterSeconds } from './problem';
import type { RouteContract } from './route';
import { httpEvent, testContext } from './testing';

const route = {
  method: 'GET',
  path: '/api/test',
  function: 'platform',
  access: 'public',
  summary: 'test',
  tag: 'test',
  response: z.object({ ok: z.boolean() }),
} satisfies RouteContract;

const metadata = { $metadata: {} };
const throttled = () => new ProvisionedThroughputExceededException({ message: 'throttled', ...metadata });

async function answer(error: unknown, language: string) {
  const handler = httpHandler(route, async () => {
    throw error;
  });
  const result = await handler(
    httpEvent({ routeKey: 'GET /api/test', headers: { 'accept-language': language } }),
    testContext,
  );
  return {
    ...result,
    problem: JSON.parse(result.body ?? '{}') as { type: string; title: string; detail: string },
  };
}

describe('a store that stays unavailable through its retries', () => {
  it.each(languages.map((language) => language.code))(
    'answers 503 with Retry-After and a problem in %s',
    async (language) => {
      const result = await answer(throttled(), language);
      expect(result.statusCode).toBe(503);
      expect(result.headers?.['retry-after']).toBe(String(unavailableRetryAfterSeconds));
      expect(result.headers?.['content-language']).toBe(language);
      expect(result.problem.type).toBe('/problems/unavailable');
      expect(result.problem.title).not.toMatch(/^faults\./);
      expect(result.problem.detail).not.toMatch(/^faults\./);
      if (language !== 'de') {
        expect(result.problem.title).not.toBe((await answer(throttled(), 'de')).problem.title);
      }
    },
  );

  it('takes a transaction cancelled by throttling for a fault, and a refused condition or a bug for none', async () => {
    const cancelled = new TransactionCanceledException({
      message: 'cancelled',
      ...metadata,
      CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }],
    });
    expect((await answer(cancelled, 'de')).statusCode).toBe(503);
    const refused = new ConditionalCheckFailedException({ message: 'refused', ...metadata });
    expect((await answer(refused, 'de')).statusCode).toBe(500);
    const bug = new TypeError('undefined is not a function');
    const result = await answer(bug, 'de');
    expect(result.statusCode).toBe(500);
    expect(result.headers?.['retry-after']).toBeUndefined();
  });
});
