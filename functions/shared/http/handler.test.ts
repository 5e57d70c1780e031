import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { httpHandler } from './handler';
import type { ProblemDocument } from './problem';
import type { RouteContract } from './route';
import { httpEvent, testContext } from './testing';

const Offering = z.strictObject({
  title: z.string().min(3).max(20),
  contactEmail: z.email(),
  languages: z.array(z.enum(['de', 'ar'])).max(2),
});

const createOffering = {
  method: 'POST',
  path: '/api/test/{id}',
  function: 'platform',
  access: 'public',
  summary: 'test',
  tag: 'test',
  body: Offering,
  params: z.strictObject({ id: z.string().regex(/^[a-z]+$/) }),
  response: z.object({ ok: z.boolean() }),
  maxBodyBytes: 200,
} satisfies RouteContract;

const routeKey = 'POST /api/test/{id}';
const valid = { title: 'Deutschkurs', contactEmail: 'kurs@example.org', languages: ['ar'] };
const json = { 'content-type': 'application/json' };

async function call(handler: ReturnType<typeof httpHandler>, options: Parameters<typeof httpEvent>[0]) {
  const result = await handler(httpEvent(options), testContext);
  const body = result.body ? JSON.parse(result.body) : undefined;
  return { status: result.statusCode, headers: result.headers ?? {}, body };
}

afterEach(() => vi.restoreAllMocks());

describe('the handler pattern', () => {
  it('hands validated input to the use case and formats its answer as JSON', async () => {
    const useCase = vi.fn(async () => ({ ok: true }));
    const response = await call(httpHandler(createOffering, useCase), {
      routeKey,
      body: JSON.stringify(valid),
      headers: json,
      pathParameters: { id: 'abc' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    expect(useCase).toHaveBeenCalledWith(
      expect.objectContaining({ body: valid, params: { id: 'abc' } }),
      expect.objectContaining({ language: 'de' }),
    );
  });

  it('names every failing field with a reason in the caller language', async () => {
    const handler = httpHandler(createOffering, async () => ({ ok: true }));
    const response = await call(handler, {
      routeKey,
      body: JSON.stringify({ title: 'x', contactEmail: 'no-mail', languages: ['fr'], extra: 1 }),
      headers: { ...json, 'accept-language': 'en-GB,en;q=0.9' },
      pathParameters: { id: 'abc' },
    });
    const problem = response.body as ProblemDocument;
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problem.type).toBe('/problems/validation');
    expect(problem.errors?.map((error) => error.field).sort()).toEqual([
      'body.contactEmail',
      'body.extra',
      'body.languages.0',
      'body.title',
    ]);
    const title = problem.errors?.find((error) => error.field === 'body.title');
    expect(title?.code).toBe('too_short');
    expect(title?.reason).toContain('3');
  });

  it('answers in German by default and in the chosen language with ?lang=', async () => {
    const handler = httpHandler(createOffering, async () => ({ ok: true }));
    const german = await call(handler, {
      routeKey,
      body: '{}',
      headers: json,
      pathParameters: { id: 'abc' },
    });
    const english = await call(handler, {
      routeKey,
      body: '{}',
      headers: json,
      query: { lang: 'en' },
      pathParameters: { id: 'abc' },
    });
    expect(german.body.title).not.toEqual(english.body.title);
    expect(german.headers['content-language']).toBe('de');
    expect(english.headers['content-language']).toBe('en');
  });

  it('refuses a body over the route limit with 413 before parsing it', async () => {
    const useCase = vi.fn(async () => ({ ok: true }));
    const parse = vi.spyOn(JSON, 'parse');
    const response = await call(httpHandler(createOffering, useCase), {
      routeKey,
      body: JSON.stringify({ ...valid, title: 'x'.repeat(500) }),
      headers: json,
      pathParameters: { id: 'abc' },
    });
    expect(response.status).toBe(413);
    expect(response.body.errors[0].field).toBe('body');
    expect(parse).toHaveBeenCalledTimes(1); // only the test's own parse of the answer
    expect(useCase).not.toHaveBeenCalled();
  });

  it.each([
    ['malformed JSON', '{"title": ', json, 400, 'malformed_json'],
    ['another media type', JSON.stringify(valid), { 'content-type': 'text/plain' }, 415, 'json_expected'],
    ['no body', undefined, json, 400, 'required'],
  ])('answers %s with a problem naming the body', async (_name, body, headers, status, code) => {
    const response = await call(
      httpHandler(createOffering, async () => ({ ok: true })),
      {
        routeKey,
        headers,
        pathParameters: { id: 'abc' },
        ...(body !== undefined ? { body } : {}),
      },
    );
    expect(response.status).toBe(status);
    expect(response.body.errors[0]).toMatchObject({ field: 'body', code });
  });

  it('decodes base64 bodies as API Gateway delivers them', async () => {
    const response = await call(
      httpHandler(createOffering, async () => ({ ok: true })),
      {
        routeKey,
        body: Buffer.from(JSON.stringify(valid)).toString('base64'),
        isBase64Encoded: true,
        headers: json,
        pathParameters: { id: 'abc' },
      },
    );
    expect(response.status).toBe(200);
  });

  it('maps domain errors to their status', async () => {
    const handler = httpHandler(createOffering, async () => {
      throw new DomainError('version_conflict');
    });
    const response = await call(handler, {
      routeKey,
      body: JSON.stringify(valid),
      headers: json,
      pathParameters: { id: 'abc' },
    });
    expect(response.status).toBe(409);
    expect(response.body.type).toBe('/problems/version-conflict');
  });

  it('answers an unexpected error with a generic 500 and logs only ids, never the message', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((line) => {
      written.push(String(line));
      return true;
    });
    const handler = httpHandler(createOffering, async () => {
      throw new Error('secret answer text of Frau Müller');
    });
    const response = await call(handler, {
      routeKey,
      body: JSON.stringify(valid),
      headers: { ...json, 'x-correlation-id': 'corr-12345678' },
      pathParameters: { id: 'abc' },
    });
    expect(response.status).toBe(500);
    expect(response.body.correlationId).toBe('corr-12345678');
    expect(JSON.stringify(response.body)).not.toContain('Müller');
    expect(written.join('')).toContain('corr-12345678');
    expect(written.join('')).not.toContain('Müller');
  });
});

describe('staff access', () => {
  const staffRoute = { ...createOffering, access: 'staff', body: undefined } satisfies RouteContract;
  const adminRoute = { ...createOffering, access: 'admin', body: undefined } satisfies RouteContract;
  const ok = async () => ({ ok: true });

  it.each([
    ['no claims', staffRoute, undefined, 401],
    ['a staff member', staffRoute, { sub: 'u1', 'cognito:groups': '[staff]' }, 200],
    ['an admin on a staff route', staffRoute, { sub: 'u1', 'cognito:groups': '[staff admin]' }, 200],
    ['a staff member on an admin route', adminRoute, { sub: 'u1', 'cognito:groups': '[staff]' }, 403],
    ['an admin on an admin route', adminRoute, { sub: 'u1', 'cognito:groups': '[admin]' }, 200],
    ['someone in no group', staffRoute, { sub: 'u1' }, 403],
  ])('answers %s with %i', async (_name, route, claims, status) => {
    const response = await call(httpHandler(route, ok), {
      routeKey,
      pathParameters: { id: 'abc' },
      ...(claims ? { claims } : {}),
    });
    expect(response.status).toBe(status);
  });
});

describe('hostile input', () => {
  const Nested = z.strictObject({ title: z.string(), data: z.unknown().optional() });
  const nestedRoute = {
    ...createOffering,
    body: Nested,
    maxBodyBytes: 1024 * 1024,
    query: z.object({ q: z.string().optional() }),
  } satisfies RouteContract;

  it('refuses JSON nested deeper than the bound with 400 naming the member, before the use case', async () => {
    const useCase = vi.fn(async () => ({ ok: true }));
    const levels = 100_000;
    const response = await call(httpHandler(nestedRoute, useCase), {
      routeKey,
      body: `{"title":"x","data":${'['.repeat(levels)}${']'.repeat(levels)}}`,
      headers: { ...json, 'accept-language': 'en' },
      pathParameters: { id: 'abc' },
    });
    const problem = response.body as ProblemDocument;
    expect(response.status).toBe(400);
    expect(problem.errors).toEqual([
      { field: 'body.data', code: 'too_deep', reason: 'The data is nested too deeply (at most 32 levels).' },
    ]);
    expect(useCase).not.toHaveBeenCalled();
  });

  it('lets a route raise the bound in its contract', async () => {
    const deep = `{"title":"x","data":${'['.repeat(40)}${']'.repeat(40)}}`;
    const options = { routeKey, body: deep, headers: json, pathParameters: { id: 'abc' } };
    const ok = async () => ({ ok: true });
    expect((await call(httpHandler(nestedRoute, ok), options)).status).toBe(400);
    expect((await call(httpHandler({ ...nestedRoute, maxJsonDepth: 48 }, ok), options)).status).toBe(200);
  });

  it.each([
    ['a NUL', '{"title":"Verein\\u0000","data":{"answers":{"name":"ok"}}}', 'body.title'],
    ['a lone surrogate', '{"title":"x","data":{"answers":{"name":"M\\ud800"}}}', 'body.data.answers.name'],
    ['a replacement character', '{"title":"x","data":["ok","Stra\uFFFDe"]}', 'body.data.1'],
  ])('refuses a body string with %s, naming its field', async (_what, body, field) => {
    const useCase = vi.fn(async () => ({ ok: true }));
    const response = await call(httpHandler(nestedRoute, useCase), {
      routeKey,
      body,
      headers: json,
      pathParameters: { id: 'abc' },
    });
    const problem = response.body as ProblemDocument;
    expect(response.status).toBe(400);
    expect(problem.errors).toEqual([
      expect.objectContaining({
        field,
        code: 'invalid_characters',
        reason: expect.stringContaining('Zeichen'),
      }),
    ]);
    expect(useCase).not.toHaveBeenCalled();
  });

  it('refuses a base64 body that is not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const useCase = vi.fn(async () => ({ ok: true }));
    const response = await call(httpHandler(nestedRoute, useCase), {
      routeKey,
      body: bytes.toString('base64'),
      isBase64Encoded: true,
      headers: json,
      pathParameters: { id: 'abc' },
    });
    expect(response.status).toBe(400);
    expect((response.body as ProblemDocument).errors?.[0]).toMatchObject({
      field: 'body',
      code: 'invalid_characters',
    });
    expect(useCase).not.toHaveBeenCalled();
  });

  it('checks query strings and path parameters the same way', async () => {
    const useCase = vi.fn(async () => ({ ok: true }));
    const handler = httpHandler({ ...nestedRoute, body: undefined }, useCase);
    const inQuery = await call(handler, { routeKey, query: { q: 'a\u0000' }, pathParameters: { id: 'abc' } });
    const inPath = await call(handler, { routeKey, pathParameters: { id: '\uDC00' } });
    expect(inQuery.status).toBe(400);
    expect((inQuery.body as ProblemDocument).errors?.map((error) => error.field)).toEqual(['query.q']);
    expect(inPath.status).toBe(400);
    expect((inPath.body as ProblemDocument).errors?.map((error) => error.field)).toEqual(['params.id']);
    expect(useCase).not.toHaveBeenCalled();
  });
});
