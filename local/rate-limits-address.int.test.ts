import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from './stack';
import { startTestStack } from './testing/local-stack';

describe('the limit per client address', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    // A day window, so that no window ends in the middle of the test.
    stack = await startTestStack({ rateLimits: { address: { limit: 30, windowSeconds: 86_400 } } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('counts every public route together and cannot be escaped with forwarded-address headers', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const path = attempt % 2 === 0 ? '/api/offerings' : '/api/concept/status';
      const response = await fetch(`${stack.url}${path}`, {
        headers: {
          'x-forwarded-for': `203.0.113.${attempt}`,
          'cloudfront-viewer-address': `198.51.100.${attempt}:4000`,
        },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(30)).toEqual(Array(10).fill(429));
  });
});
