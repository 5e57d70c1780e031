import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { routeEntries } from '../../routes';
import { accessTokenHeader, accessTokenHeaders, tokenLink, tokenOfLink } from '../links/token-links';
import { httpHandler } from './handler';
import { accessTokenField, linkToken } from './link-token';
import type { ProblemDocument } from './problem';
import type { RouteContract } from './route';
import { httpEvent, testContext } from './testing';

const token = 'q1W2e3R4t5Y6u7I8o9P0aSdF';

const linkRoute = {
  method: 'POST',
  path: '/api/test/link',
  function: 'platform',
  access: 'invitation',
  summary: 'test',
  tag: 'test',
  body: z.strictObject({ note: z.string() }),
  response: z.object({ token: z.string() }),
} satisfies RouteContract;

describe('the link token', () => {
  it('is read from its header, whatever the case of the name', () => {
    expect(linkToken({ headers: { 'wegweiser-access-token': token } })).toBe(token);
    expect(accessTokenHeaders(token)).toEqual({ [accessTokenHeader]: token });
  });

  it.each([
    ['missing', {}, 'required'],
    ['empty', { 'wegweiser-access-token': '  ' }, 'required'],
    ['too short', { 'wegweiser-access-token': 'abc' }, 'invalid_format'],
    ['with a slash', { 'wegweiser-access-token': `${token}/x` }, 'invalid_format'],
  ])('refuses a %s token with a 400 naming the header', (_case, headers, code) => {
    expect(() => linkToken({ headers })).toThrow(
      expect.objectContaining({ code: 'validation', fields: [{ field: accessTokenField, code }] }),
    );
    expect(accessTokenField).toBe('headers.wegweiser-access-token');
  });

  it('is refused by the handler chain before the body is read or the use case runs', async () => {
    const useCase = vi.fn(async () => ({ token: 'never' }));
    const result = await httpHandler(linkRoute, useCase)(
      httpEvent({
        routeKey: 'POST /api/test/link',
        body: '{"unterminated": ',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      }),
      testContext,
    );
    const problem = JSON.parse(result.body ?? '{}') as ProblemDocument;
    expect(result.statusCode).toBe(400);
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'headers.wegweiser-access-token', code: 'required' }),
    ]);
    expect(problem.errors?.[0]?.reason).toMatch(/\w/);
    expect(useCase).not.toHaveBeenCalled();
  });

  it('reaches the use case through the same function', async () => {
    const result = await httpHandler(linkRoute, async (_input, context) => ({ token: linkToken(context) }))(
      httpEvent({
        routeKey: 'POST /api/test/link',
        body: '{"note":"x"}',
        headers: { 'content-type': 'application/json', 'Wegweiser-Access-Token': token },
      }),
      testContext,
    );
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '{}')).toEqual({ token });
  });
});

describe('the Lambda log', () => {
  it('holds no link token, even when the use case fails with it in its message', async () => {
    const written: string[] = [];
    const capture = (chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    };
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      const result = await httpHandler(linkRoute, async () => {
        throw new Error(`broken for ${token}`);
      })(
        httpEvent({
          routeKey: 'POST /api/test/link',
          body: '{"note":"x"}',
          headers: { 'content-type': 'application/json', 'wegweiser-access-token': token },
        }),
        testContext,
      );
      expect(result.statusCode).toBe(500);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(written.join('')).toContain('unexpected error');
    expect(written.join('')).not.toContain(token);
  });
});

describe('the route table', () => {
  it('has no path that carries a token: link routes take it from the header', () => {
    const withToken = routeEntries
      .filter(([, route]) => /\{[^}]*token[^}]*\}/i.test(route.path))
      .map(([id]) => id);
    expect(withToken).toEqual([]);
  });

  it('gives link routes no path or query parameter named like a token', () => {
    for (const [id, route] of routeEntries) {
      for (const schema of [route.params, route.query]) {
        const shape = (schema as z.ZodObject | undefined)?.shape ?? {};
        expect(
          Object.keys(shape).filter((name) => /token/i.test(name)),
          id,
        ).toEqual([]);
      }
    }
  });

  it('lists link routes (and only those) as taking the access token', () => {
    const links = routeEntries.filter(([, route]) => route.access === 'invitation').map(([id]) => id);
    expect(links).toEqual(
      expect.arrayContaining([
        'getResponse',
        'saveDraft',
        'submitResponse',
        'eraseContact',
        'ownOfferings',
        'updateOwnOfferings',
        'confirmOwnOfferings',
        'expertInterview',
        'bookInterview',
        'rescheduleInterview',
        'cancelInterview',
        'getWorkshopInvitation',
        'ownWorkshopRegistration',
        'cancelWorkshopRegistration',
      ]),
    );
  });
});

describe('mailed links', () => {
  it('carry the token in the fragment, after the language', () => {
    const link = tokenLink('https://wegweiser.example', '/survey', token, 'uk');
    expect(link).toBe(`https://wegweiser.example/survey?lang=uk#${token}`);
    expect(new URL(link).pathname).not.toContain(token);
    expect(new URL(link).search).not.toContain(token);
    expect(tokenOfLink(link)).toBe(token);
  });
});
