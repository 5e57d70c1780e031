import { afterEach, describe, expect, it, vi } from 'vitest';
import { openApiDocument } from '../platform/openapi';
import { routes } from '../routes';
import { httpHandler } from '../shared/http/handler';
import type { ProblemDocument } from '../shared/http/problem';
import { httpEvent, testContext } from '../shared/http/testing';
import {
  cachedSecret,
  type DirectLineTokenDeps,
  directLineEndpoint,
  issueDirectLineToken,
} from './direct-line';
import { DirectLineToken } from './schemas';

/**
 * The real Direct Line service cannot be reached from tests, so its answers (and its failures, which
 * cannot be provoked) come from an injected fetch.
 */
function directLine(answer: () => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(input), init });
    return answer();
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const generated = () =>
  Response.json({ conversationId: 'conv-123', token: 'token-abc', expires_in: 1800, streamUrl: 'wss://x' });

function deps(
  fetch: typeof globalThis.fetch,
  secret: () => Promise<string | undefined> = async () => 'dl-secret',
) {
  return { secret, fetch, newUserId: () => 'random-1' } satisfies DirectLineTokenDeps;
}

/** Through the route's real middy chain, so the status and problem document are what a caller sees. */
async function callRoute(tokenDeps: DirectLineTokenDeps, language = 'en') {
  const handler = httpHandler(routes.chatToken, () => issueDirectLineToken(tokenDeps));
  const result = await handler(
    httpEvent({ routeKey: 'POST /api/chat/token', headers: { 'accept-language': language } }),
    testContext,
  );
  return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(result.body ?? '{}') };
}

afterEach(() => vi.restoreAllMocks());

describe('the Direct Line token exchange', () => {
  it('exchanges the secret on the server for a token, a conversation and its lifetime', async () => {
    const service = directLine(generated);
    const token = await issueDirectLineToken(deps(service.fetch));
    expect(DirectLineToken.parse(token)).toEqual({
      token: 'token-abc',
      conversationId: 'conv-123',
      expiresIn: 1800,
    });
    const [request] = service.requests;
    expect(request?.url).toBe(`${directLineEndpoint}/tokens/generate`);
    expect(request?.init?.method).toBe('POST');
    expect((request?.init?.headers as Record<string, string> | undefined)?.authorization).toBe(
      'Bearer dl-secret',
    );
    expect(JSON.parse(String(request?.init?.body))).toEqual({ user: { id: 'dl_random-1' } });
  });

  it('answers the page with the token only, never the secret', async () => {
    const response = await callRoute(deps(directLine(generated).fetch));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ token: 'token-abc', conversationId: 'conv-123', expiresIn: 1800 });
    expect(JSON.stringify(response)).not.toContain('dl-secret');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['refuses the secret (401)', () => new Response('{"error":{"code":"BadArgument"}}', { status: 401 })],
    ['fails (503)', () => new Response('', { status: 503 })],
    ['answers something else than a token', () => Response.json({ hello: 'world' })],
    ['answers no JSON', () => new Response('<html>', { status: 200 })],
    [
      'cannot be reached',
      () => {
        throw new TypeError('fetch failed');
      },
    ],
  ])('answers 502 with a problem document when Direct Line %s', async (_case, answer) => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const response = await callRoute(deps(directLine(answer).fetch));
    expect(response.status).toBe(502);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((response.body as ProblemDocument).type).toBe('/problems/bad-gateway');
    expect((response.body as ProblemDocument).title).toBe('Service unavailable');
  });

  it('answers 502, not 500, when the secret cannot be read, and logs no secret', async () => {
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const response = await callRoute(
      deps(directLine(generated).fetch, async () => {
        throw new Error('AccessDeniedException: dl-secret-arn');
      }),
      'de',
    );
    expect(response.status).toBe(502);
    expect((response.body as ProblemDocument).title).toBe('Dienst nicht erreichbar');
    expect(logged.mock.calls.join('\n')).not.toContain('dl-secret');
  });

  it('answers 404 where there is no Direct Line (the local stage), without calling anyone', async () => {
    const service = directLine(generated);
    const response = await callRoute(deps(service.fetch, async () => undefined));
    expect(response.status).toBe(404);
    expect(service.requests).toEqual([]);
  });
});

describe('the token route in the API document', () => {
  it('documents the 502 a caller may get', () => {
    const operation = openApiDocument({ includeLocalOnly: false }).paths['/api/chat/token']?.post as {
      responses: Record<string, unknown>;
    };
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '502']));
  });
});

describe('the cached secret', () => {
  it('reads once per instance within its lifetime, and again after it', async () => {
    let clock = 0;
    const read = vi.fn(async () => `secret-${read.mock.calls.length}`);
    const secret = cachedSecret(read, 1000, () => clock);
    expect(await secret()).toBe('secret-1');
    expect(await secret()).toBe('secret-1');
    clock = 1000;
    expect(await secret()).toBe('secret-2');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const secret = cachedSecret(async () => {
      if (fail) throw new Error('throttled');
      return 'secret';
    });
    await expect(secret()).rejects.toThrow('throttled');
    fail = false;
    expect(await secret()).toBe('secret');
  });
});
