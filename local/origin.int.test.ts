import { describe, expect, it } from 'vitest';
import { originHeaderName } from '../functions/shared/http/origin-check';
import { httpEvent, testContext } from '../functions/shared/http/testing';
import { useSignedInStack } from './testing/local-stack';

/**
 * Only CloudFront reaches the API: every function refuses a request without the origin header before any
 * work. The local server stands in for CloudFront and adds the header itself, so the same functions run
 * with the same check locally; only a caller that bypasses the server (as one bypassing CloudFront would
 * call execute-api) meets the refusal.
 */
describe('requests that bypass CloudFront', () => {
  const stack = useSignedInStack();

  it('are accepted through the local server, which adds the header as CloudFront does', async () => {
    const answered = await fetch(`${stack.url}/api/offerings`, {
      headers: { [originHeaderName]: 'forged-by-the-client' },
    });
    expect(answered.status).toBe(200);
    const staff = await fetch(`${stack.url}/api/staff/surveys`, { headers: stack.staff });
    expect(staff.status).toBe(200);
  });

  it('are refused by every function, bot route included, without the header or with a wrong one', async () => {
    const { localHandlers } = await import('./functions');
    const secret = process.env.WEGWEISER_ORIGIN_SECRET ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const requests = [
      { handler: localHandlers.offerings, routeKey: 'GET /api/offerings' },
      { handler: localHandlers.chatbot, routeKey: 'POST /api/messages' },
      { handler: localHandlers.survey, routeKey: 'GET /api/survey/{token}' },
    ];
    for (const { handler, routeKey } of requests) {
      for (const headers of [{}, { [originHeaderName]: 'x'.repeat(64) }] as Record<string, string>[]) {
        const refused = await handler(
          httpEvent({ routeKey, headers: { ...headers, 'accept-language': 'en' } }),
          testContext,
        );
        expect(refused.statusCode, routeKey).toBe(403);
        expect(JSON.parse(refused.body ?? '{}')).toMatchObject({ type: '/problems/forbidden' });
      }
    }
    const admitted = await localHandlers.offerings(
      httpEvent({ routeKey: 'GET /api/offerings', headers: { [originHeaderName]: secret } }),
      testContext,
    );
    expect(admitted.statusCode).toBe(200);
  });
});
